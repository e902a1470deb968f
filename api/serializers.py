"""What the API shows of a young person's record. Writes go through people.actions, like the pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.models import Allocation, CareEpisode, YoungPerson


class AllocationSerializer(serializers.ModelSerializer):
    worker_name = serializers.CharField(source="worker.get_full_name", read_only=True)
    worker_staff_id = serializers.CharField(source="worker.staff_id", read_only=True)

    class Meta:
        model = Allocation
        fields = ["id", "role", "worker", "worker_name", "worker_staff_id", "start_date", "end_date", "end_reason"]


class CareEpisodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CareEpisode
        fields = ["id", "start_date", "end_date", "reason_new_episode", "legal_status", "cin", "placement_type",
                  "reason_ceased", "is_short_break"]


class YoungPersonListSerializer(serializers.ModelSerializer):
    age = serializers.SerializerMethodField()
    age_band = serializers.SerializerMethodField()
    team = serializers.CharField(source="team.name", default=None, read_only=True)

    class Meta:
        model = YoungPerson
        fields = ["id", "la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "age",
                  "age_band", "category", "status", "team"]
        read_only_fields = ["category", "status"]

    def get_age(self, obj: YoungPerson) -> int:
        return obj.age(timezone.localdate())

    def get_age_band(self, obj: YoungPerson) -> str:
        return obj.age_band(timezone.localdate())


class YoungPersonSerializer(YoungPersonListSerializer):
    allocations = serializers.SerializerMethodField()
    due = serializers.SerializerMethodField()

    class Meta(YoungPersonListSerializer.Meta):
        fields = YoungPersonListSerializer.Meta.fields + [
            "sex", "gender", "ethnicity", "nhs_number", "upn", "email", "phone", "address", "postcode", "district",
            "is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
            "is_pregnant_or_parenting", "in_custody", "out_of_area", "has_disability", "has_ehcp",
            "special_guardianship", "eligible_from", "allocations", "due"]
        read_only_fields = ["category", "status", "eligible_from"]

    def get_allocations(self, obj: YoungPerson) -> list[dict[str, Any]]:
        current = obj.allocations.filter(end_date__isnull=True).select_related("worker")
        return AllocationSerializer(current, many=True).data  # type: ignore[return-value]

    def get_due(self, obj: YoungPerson) -> list[dict[str, Any]]:
        from worklists.due import next_due_for

        return [{"kind": d.kind, "label": d.label, "due": d.due.isoformat(), "status": d.status}
                for d in next_due_for(obj, timezone.localdate())]


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = ["id", "occurred_at", "kind", "made_by", "worker", "successful", "reason_unsuccessful", "seen_alone",
                  "note", "by_allocated_worker"]
        read_only_fields = ["worker", "by_allocated_worker"]


class AccommodationSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccommodationEpisode
        fields = ["id", "start_date", "end_date", "accom", "suitable", "accom_code", "provision", "out_of_area"]


class ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityEpisode
        fields = ["id", "start_date", "end_date", "activity"]
