"""The young person's app: who may sign in, one-time codes, the outbox, messages and what young people ask for.

A young person is an ``accounts.User`` with role ``young_person``, linked one-to-one to their record by an
``AppAccess``. Everything they may do is in ``accounts/policy.py`` (the ``youngapp.*`` permissions).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from leavingcare.versioning import Versioned

MESSAGE_LIMIT = 1000  # characters in one message


class AccessStatus(models.TextChoices):
    INVITED = "invited", "Invited, not signed in yet"
    ACTIVE = "active", "Using the app"
    SUSPENDED = "suspended", "Paused"


class AppAccess(Versioned):
    """A young person's way in to the app: the address their codes go to, and whether it is paused."""

    young_person = models.OneToOneField("people.YoungPerson", on_delete=models.PROTECT, related_name="app_access")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="app_access")
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=AccessStatus.choices, default=AccessStatus.INVITED)
    status_reason = models.CharField(max_length=200, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    first_signed_in_at = models.DateTimeField(null=True, blank=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One young person per address: an invitation to an address another young person uses is refused
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="one_young_person_per_email"),
            models.UniqueConstraint(fields=["mobile"], condition=~models.Q(mobile=""),
                                    name="one_young_person_per_mobile"),
        ]

    def __str__(self) -> str:
        return f"App access for {self.young_person_id} ({self.status})"

    @property
    def is_usable(self) -> bool:
        return self.status != AccessStatus.SUSPENDED


class SignInCode(models.Model):
    """A one-time code: only its hash is kept; it expires, and a few wrong tries burn it."""

    access = models.ForeignKey(AppAccess, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class SignInTry(models.Model):
    """Each code asked for and each code tried, by a hash of the address (known or not), to slow guessing."""

    address_hash = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=10, choices=[("ask", "Asked for a code"), ("wrong", "Wrong code")])
    at = models.DateTimeField(auto_now_add=True, db_index=True)


class OutboxMessage(models.Model):
    """What the service sent to a young person. Without a GOV.UK Notify key the message is only kept here
    (``manage.py outbox``); with one it is sent through Notify and the body is not kept."""

    to = models.CharField(max_length=254, db_index=True)
    channel = models.CharField(max_length=5, choices=[("email", "Email"), ("sms", "Text message")])
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    via = models.CharField(max_length=10, choices=[("outbox", "Local outbox"), ("notify", "GOV.UK Notify")])
    notify_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class Message(models.Model):
    """A message between a young person and their PA (either way). Never edited or deleted."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="app_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_young_person = models.BooleanField()
    body = models.TextField(max_length=MESSAGE_LIMIT)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # For a young person's message: when staff answered it (a later message to them)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Written offline and sent later: the browser's key, so a message sent twice is saved once
    client_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        indexes = [models.Index(fields=["young_person", "sent_at"])]


class PlanResponseKind(models.TextChoices):
    COMMENT = "comment", "Comment"
    AGREE = "agree", "Agrees with the plan"
    DISAGREE = "disagree", "Does not agree with the plan"
    REVIEW = "review", "Asked for a review"


class PlanResponse(models.Model):
    """What a young person said about their plan in the app: a comment on an area, whether they agree, or a
    request for a review (which goes on the PA's worklist until someone deals with it)."""

    plan = models.ForeignKey("plans.PathwayPlan", on_delete=models.PROTECT, related_name="app_responses")
    area = models.ForeignKey("plans.PlanArea", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=10, choices=PlanResponseKind.choices)
    text = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    dealt_with_at = models.DateTimeField(null=True, blank=True)
    dealt_with_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]


class FileRequest(models.Model):
    """A young person asking to see their whole file (a subject access request), with or without their PA."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="file_requests")
    pa_helps = models.BooleanField()
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    dealt_with_at = models.DateTimeField(null=True, blank=True)
    dealt_with_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")

    class Meta:
        ordering = ["-created_at"]


class Passkey(models.Model):
    """A passkey the young person added after signing in with a code: they may then sign in with their phone's
    face, fingerprint or screen lock instead. Only the public key is kept (WebAuthn, ``youngapp/passkeys.py``).
    Removing one stops it working; the row stays (nothing is hard-deleted)."""

    access = models.ForeignKey(AppAccess, on_delete=models.PROTECT, related_name="passkeys")
    name = models.CharField(max_length=60)
    credential_id = models.CharField(max_length=1400, unique=True)  # base64url of the authenticator's id
    credential = models.TextField()  # base64url of the attested credential data: AAGUID, id and public key
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Passkey {self.name!r} of {self.access_id}"
