"""JSON shapes of the API. Young people are identified by ``id`` and ``la_person_id``; staff by ``staff_id``."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact, ContactKind, MadeBy
from people import codes
from people.eligibility import Category, age_band_on, age_on
from people.models import Allocation, AllocationRole, CareEpisode, ServiceStatus, YoungPerson


class WorkerSerializer(serializers.Serializer[Any]):
    staff_id = serializers.CharField()
    name = serializers.CharField(source="get_full_name")


class CurrentAllocationSerializer(serializers.ModelSerializer[Allocation]):
    worker = WorkerSerializer()

    class Meta:
        model = Allocation
        fields = ["id", "role", "worker", "start_date"]


class AllocationSerializer(serializers.ModelSerializer[Allocation]):
    worker = WorkerSerializer()

    class Meta:
        model = Allocation
        fields = ["id", "role", "worker", "start_date", "end_date", "end_reason"]


class AllocateSerializer(serializers.Serializer[Any]):
    worker = serializers.CharField(help_text="The worker's staff ID")
    role = serializers.ChoiceField(choices=AllocationRole.choices)
    start_date = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True, default="",
                                   help_text="Required when someone else holds the role now")


class _AgeMixin(serializers.Serializer[Any]):
    age = serializers.SerializerMethodField()
    age_band = serializers.SerializerMethodField()

    def get_age(self, obj: YoungPerson) -> int:
        return age_on(obj.date_of_birth, self.context.get("as_at") or timezone.localdate())

    def get_age_band(self, obj: YoungPerson) -> str:
        return age_band_on(obj.date_of_birth, self.context.get("as_at") or timezone.localdate()).value


class YoungPersonListSerializer(_AgeMixin, serializers.ModelSerializer[YoungPerson]):
    team = serializers.CharField(source="team.name", default=None, allow_null=True)
    current_allocations = serializers.SerializerMethodField()

    class Meta:
        model = YoungPerson
        fields = ["id", "la_person_id", "first_name", "last_name", "preferred_name", "display_name",
                  "date_of_birth", "age", "age_band", "category", "status", "team", "current_allocations"]

    def get_current_allocations(self, obj: YoungPerson) -> list[dict[str, Any]]:
        current = getattr(obj, "current_allocations", None)
        if current is None:
            current = list(obj.allocations.filter(end_date__isnull=True).select_related("worker"))
        return CurrentAllocationSerializer(current, many=True).data  # type: ignore[return-value]


CIRCUMSTANCES = ["is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
                 "is_pregnant_or_parenting", "in_custody", "out_of_area", "has_disability", "has_ehcp",
                 "special_guardianship", "detained_on_16th", "head_of_service_oversight"]


class YoungPersonDetailSerializer(YoungPersonListSerializer):
    category = serializers.SerializerMethodField(help_text="Computed from the care history as at today")
    category_label = serializers.SerializerMethodField()
    district = serializers.CharField(source="district.name", default=None, allow_null=True)
    circumstances = serializers.SerializerMethodField()

    class Meta(YoungPersonListSerializer.Meta):
        fields = YoungPersonListSerializer.Meta.fields + [
            "category_label", "eligible_from", "sex", "gender", "ethnicity", "nhs_number", "upn", "email", "phone",
            "address", "postcode", "district", "status_changed_on", "date_of_death", "circumstances",
            "created_at", "updated_at", "version"]
        read_only_fields = ["version"]

    def _category(self, obj: YoungPerson) -> Category:
        if not hasattr(obj, "_api_category"):
            obj._api_category = obj.category_on(self.context.get("as_at"))  # type: ignore[attr-defined]
        return obj._api_category  # type: ignore[attr-defined, no-any-return]

    def get_category(self, obj: YoungPerson) -> str:
        return self._category(obj).value

    def get_category_label(self, obj: YoungPerson) -> str:
        return self._category(obj).label

    def get_circumstances(self, obj: YoungPerson) -> dict[str, Any]:
        return {f: getattr(obj, f) for f in CIRCUMSTANCES}


class YoungPersonWriteSerializer(serializers.ModelSerializer[YoungPerson]):
    """Fields a worker may set. Validation of the whole record happens in people.actions."""

    version = serializers.IntegerField(required=False, min_value=1, max_value=2_000_000_000, write_only=True,
                                       help_text="Required when changing a record: the version you read. A change "
                                                 "made from an older version is refused (400, field version).")

    class Meta:
        model = YoungPerson
        fields = ["la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "gender",
                  "ethnicity", "nhs_number", "upn", "email", "phone", "address", "postcode", "district", "team",
                  *CIRCUMSTANCES, "version"]
        # Uniqueness and the rest are checked by people.actions, so the messages match the pages'
        extra_kwargs = {"la_person_id": {"validators": []}}


class CareEpisodeSerializer(serializers.ModelSerializer[CareEpisode]):
    legal_status = serializers.ChoiceField(choices=codes.LEGAL_STATUS)
    placement_type = serializers.ChoiceField(choices=codes.PLACEMENT_TYPE)

    class Meta:
        model = CareEpisode
        fields = ["id", "start_date", "end_date", "reason_new_episode", "legal_status", "cin", "placement_type",
                  "placement_provider", "reason_ceased", "reason_place_change", "home_postcode",
                  "placement_postcode", "urn", "is_short_break"]
        read_only_fields = ["id"]


class ContactSerializer(serializers.ModelSerializer[Contact]):
    worker = WorkerSerializer(read_only=True)
    kind = serializers.ChoiceField(choices=ContactKind.choices)
    made_by = serializers.ChoiceField(choices=MadeBy.choices)

    class Meta:
        model = Contact
        fields = ["id", "occurred_at", "kind", "made_by", "worker", "successful", "reason_unsuccessful",
                  "seen_alone", "note", "by_allocated_worker", "submission_key", "created_at"]
        read_only_fields = ["id", "worker", "by_allocated_worker", "created_at"]
        extra_kwargs = {"submission_key": {"validators": [], "required": False}}

    def validate_occurred_at(self, value: Any) -> Any:
        if value > timezone.now():
            raise serializers.ValidationError("The contact cannot be in the future")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("successful") is False and not attrs.get("reason_unsuccessful"):
            raise serializers.ValidationError({"reason_unsuccessful": "Say why the contact was unsuccessful"})
        return attrs


class AccommodationEpisodeSerializer(serializers.ModelSerializer[AccommodationEpisode]):
    accom_code = serializers.CharField(read_only=True)
    district = serializers.CharField(source="district.name", default=None, allow_null=True)

    class Meta:
        model = AccommodationEpisode
        fields = ["id", "start_date", "end_date", "accom", "suitable", "accom_code", "provision", "district",
                  "out_of_area"]


class ActivityEpisodeSerializer(serializers.ModelSerializer[ActivityEpisode]):
    is_eet = serializers.BooleanField(read_only=True)

    class Meta:
        model = ActivityEpisode
        fields = ["id", "start_date", "end_date", "activity", "is_eet"]


class ServiceStatusSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ServiceStatus.choices)
    on = serializers.DateField(help_text="The date of the change (the date of death for 'died')")
