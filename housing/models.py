"""Housing: supported accommodation stock, referrals, offers and move-ins, Staying Put, the House Project,
Housing Needs Registers and Choice Based Lettings bids, homelessness and intentional-homelessness challenges
(seed 000 section 3.4). Every record people edit carries a version; nothing is hard-deleted."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from leavingcare.versioning import Versioned


class ProviderKind(models.TextChoices):
    VOLUNTARY = "voluntary", "Voluntary sector (core contract)"
    PRIVATE = "private", "Private agency (spot purchase)"
    FOSTERING = "fostering", "Supported lodgings scheme"


class Provider(Versioned):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=ProviderKind.choices, default=ProviderKind.VOLUNTARY)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HomeType(models.TextChoices):
    GROUP_LIVING = "group_living", "Group living"
    MANAGED_BLOCK = "managed_block", "Bedsit or flat in a managed block"
    DISPERSED = "dispersed", "Dispersed housing with floating support"
    SUPPORTED_LODGINGS = "supported_lodgings", "Supported lodgings"
    MOTHER_AND_BABY = "mother_and_baby", "Mother and baby"
    SPOT_PURCHASE = "spot_purchase", "Spot-purchased semi-independent"


CORE_TYPES = [HomeType.GROUP_LIVING, HomeType.MANAGED_BLOCK, HomeType.DISPERSED, HomeType.SUPPORTED_LODGINGS,
              HomeType.MOTHER_AND_BABY]
# The SSDA903 ACCOM letter a move into each type of home records
ACCOM_FOR_TYPE = {HomeType.SUPPORTED_LODGINGS: "E"}  # everything else: D, semi-independent


class HomeStatus(models.TextChoices):
    VACANT = "vacant", "Vacant"
    OCCUPIED = "occupied", "Occupied"
    VOID = "void", "Void (being got ready)"
    OFFLINE = "offline", "Offline"


EMPTY = [HomeStatus.VACANT, HomeStatus.VOID]


class Scheme(Versioned):
    """A contract with a provider: a block, a group home, a lodgings scheme or a spot purchase."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="schemes")
    name = models.CharField(max_length=120)
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    core = models.BooleanField("core supported accommodation", default=True,
                               help_text="False for spot-purchased provision")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        unique_together = [("provider", "name")]

    def __str__(self) -> str:
        return self.name


class Home(Versioned):
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="homes")
    reference = models.CharField(max_length=30, unique=True)
    address = models.CharField(max_length=200, blank=True)
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, related_name="homes")
    home_type = models.CharField(max_length=20, choices=HomeType.choices)
    status = models.CharField(max_length=10, choices=HomeStatus.choices, default=HomeStatus.VACANT, db_index=True)
    status_since = models.DateField()
    contract_start = models.DateField()
    contract_end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["reference"]
        indexes = [models.Index(fields=["district", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_home_type_display().lower()})"

    @property
    def accom_letter(self) -> str:
        return ACCOM_FOR_TYPE.get(HomeType(self.home_type), "D")

    @property
    def provision(self) -> str:
        return "spot_purchase" if self.home_type == HomeType.SPOT_PURCHASE else "core_supported"


class HomeStatusPeriod(models.Model):
    """A home's status from ``start`` to ``end`` (inclusive; blank while current): void days are summed from these."""

    home = models.ForeignKey(Home, on_delete=models.CASCADE, related_name="periods")
    status = models.CharField(max_length=10, choices=HomeStatus.choices)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["home", "start"]
        indexes = [models.Index(fields=["home", "start"]), models.Index(fields=["status", "start", "end"])]
        constraints = [models.UniqueConstraint(fields=["home"], condition=Q(end__isnull=True),
                                               name="one_current_status_per_home")]


class ReferralStatus(models.TextChoices):
    WAITING = "waiting", "Waiting"
    OFFERED = "offered", "Offered a home"
    HOUSED = "housed", "Moved in"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Referral(Versioned):
    """A referral for supported accommodation. Priority comes from age on the referral date."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="housing_referrals")
    referred_on = models.DateField()
    need = models.TextField()
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 help_text="Blank: anywhere in the authority")
    home_type = models.CharField("type of home wanted", max_length=20, choices=HomeType.choices, blank=True)
    priority = models.CharField(max_length=6, choices=Priority.choices)
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.WAITING,
                              db_index=True)
    ended_on = models.DateField(null=True, blank=True, help_text="The day the young person moved in or it was "
                                                                 "withdrawn")
    end_reason = models.CharField(max_length=200, blank=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="housing_referrals", help_text="The housing adviser working on it")

    class Meta:
        ordering = ["referred_on", "pk"]
        indexes = [models.Index(fields=["status", "referred_on"]), models.Index(fields=["referred_on", "ended_on"])]
        constraints = [models.UniqueConstraint(fields=["young_person"], condition=Q(status__in=["waiting", "offered"]),
                                               name="one_open_housing_referral")]

    def __str__(self) -> str:
        return f"Referral of {self.referred_on:%d/%m/%Y}"


class OfferStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"
    MOVED_IN = "moved_in", "Moved in"


ACTIVE_OFFER = [OfferStatus.PENDING, OfferStatus.ACCEPTED]


class Offer(Versioned):
    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="offers")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="housing_offers")
    home = models.ForeignKey(Home, on_delete=models.PROTECT, related_name="offers")
    offered_on = models.DateField()
    status = models.CharField(max_length=10, choices=OfferStatus.choices, default=OfferStatus.PENDING)
    answered_on = models.DateField(null=True, blank=True)
    refusal_reason = models.CharField(max_length=200, blank=True)
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-offered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["home"], condition=Q(status__in=["pending", "accepted"]),
                                    name="one_active_offer_per_home"),
            models.UniqueConstraint(fields=["referral"], condition=Q(status__in=["pending", "accepted"]),
                                    name="one_active_offer_per_referral"),
        ]

    def __str__(self) -> str:
        return f"Offer of {self.home.reference} on {self.offered_on:%d/%m/%Y}"


class Occupancy(Versioned):
    """A young person living in a home, from the move-in (which wrote the accommodation episode)."""

    home = models.ForeignKey(Home, on_delete=models.PROTECT, related_name="occupancies")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="housing_occupancies")
    offer = models.OneToOneField(Offer, on_delete=models.PROTECT, null=True, blank=True, related_name="occupancy")
    moved_in_on = models.DateField()
    moved_out_on = models.DateField(null=True, blank=True)
    move_out_reason = models.CharField(max_length=200, blank=True)
    ready_to_move_on = models.DateField("ready to move on from", null=True, blank=True)

    class Meta:
        ordering = ["-moved_in_on", "-pk"]
        verbose_name_plural = "occupancies"
        constraints = [
            models.UniqueConstraint(fields=["home"], condition=Q(moved_out_on__isnull=True),
                                    name="one_occupant_per_home"),
            models.UniqueConstraint(fields=["young_person"], condition=Q(moved_out_on__isnull=True),
                                    name="one_current_home_per_young_person"),
        ]


class StayingPut(Versioned):
    """A former relevant young person staying on with their former foster carer after 18, up to 21.

    The money app has no Staying Put entitlement in its catalogue, so the weekly allowance is recorded here
    as an amount; when an entitlement with code STAYING_PUT exists it is linked too."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="staying_put")
    carer_name = models.CharField(max_length=120)
    carer_reference = models.CharField(max_length=30, blank=True)
    start_date = models.DateField()
    planned_end = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    weekly_allowance = models.DecimalField(max_digits=9, decimal_places=2)
    entitlement = models.ForeignKey("money.Entitlement", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-start_date"]
        verbose_name_plural = "Staying Put arrangements"
        constraints = [models.UniqueConstraint(fields=["young_person"], condition=Q(ended_on__isnull=True),
                                               name="one_current_staying_put")]


class Cohort(Versioned):
    """A House Project group: about 15 young people prepared together for 6 months."""

    name = models.CharField(max_length=60, unique=True)
    starts_on = models.DateField()
    preparation_months = models.PositiveSmallIntegerField(default=6)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name

    @property
    def preparation_ends(self) -> dt.date:
        from worklists.clock import add_months

        return add_months(self.starts_on, self.preparation_months)


class HouseProjectMember(Versioned):
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="members")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="house_project")
    joined_on = models.DateField()
    tenancy_offered_on = models.DateField(null=True, blank=True)
    landlord = models.CharField("registered social landlord", max_length=120, blank=True)
    tenancy_started_on = models.DateField(null=True, blank=True)
    sustained = models.BooleanField("tenancy sustained", null=True, blank=True,
                                    help_text="Still holding the tenancy at the last review; blank until then")
    sustained_checked_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["cohort", "joined_on"]
        unique_together = [("cohort", "young_person")]


class HousingRegistration(Versioned):
    """A young person on a district council's Housing Needs Register (the key to its Choice Based Lettings)."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="housing_registers")
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, related_name="+")
    registered_on = models.DateField()
    band = models.CharField(max_length=20, help_text="As the district council bands it, e.g. A, Gold, Priority")
    reference = models.CharField(max_length=40)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-registered_on"]
        constraints = [models.UniqueConstraint(fields=["young_person", "district"], condition=Q(ended_on__isnull=True),
                                               name="one_current_registration_per_district")]


class BidOutcome(models.TextChoices):
    PENDING = "pending", "Waiting"
    UNSUCCESSFUL = "unsuccessful", "Not successful"
    OFFERED = "offered", "Offered the property"
    ACCEPTED = "accepted", "Accepted"
    REFUSED = "refused", "Refused"


class Bid(Versioned):
    """A Choice Based Lettings bid made through a registration."""

    registration = models.ForeignKey(HousingRegistration, on_delete=models.PROTECT, related_name="bids")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="housing_bids")
    bid_on = models.DateField()
    property_reference = models.CharField(max_length=60)
    outcome = models.CharField(max_length=12, choices=BidOutcome.choices, default=BidOutcome.PENDING)

    class Meta:
        ordering = ["-bid_on", "-pk"]


class HomelessnessDecision(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    PREVENTION = "prevention", "Prevention duty"
    RELIEF = "relief", "Relief duty"
    MAIN_DUTY = "main_duty", "Main housing duty owed"
    INTENTIONAL = "intentional", "Intentionally homeless"
    NOT_HOMELESS = "not_homeless", "Not homeless"


class HomelessnessEpisode(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="homelessness")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 help_text="The district council the young person applied to")
    decision = models.CharField(max_length=12, choices=HomelessnessDecision.choices,
                                default=HomelessnessDecision.PENDING)
    decided_on = models.DateField(null=True, blank=True)
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="homelessness_cases")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["started_on", "ended_on"])]


class ChallengeOutcome(models.TextChoices):
    PENDING = "pending", "Waiting for the review"
    OVERTURNED = "overturned", "Decision overturned"
    UPHELD = "upheld", "Decision upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class IntentionalityChallenge(Versioned):
    """A housing adviser's challenge (a review request) to an intentional-homelessness decision."""

    episode = models.ForeignKey(HomelessnessEpisode, on_delete=models.PROTECT, related_name="challenges")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="+")
    challenged_on = models.DateField()
    grounds = models.TextField()
    outcome = models.CharField(max_length=12, choices=ChallengeOutcome.choices, default=ChallengeOutcome.PENDING)
    outcome_on = models.DateField(null=True, blank=True)
    challenged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-challenged_on", "-pk"]
