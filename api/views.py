"""The JSON API: the same need-to-know scope (people.scope) and audit log as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accommodation.models import AccommodationEpisode, ActivityEpisode
from api import serializers as s
from audit.log import viewed
from contacts.actions import record_contact
from contacts.models import Contact
from money.queries import entitled_today
from people import actions
from people.models import YoungPerson
from people.scope import can_see_names, get_young_person_or_404, young_people_for
from people.search import search


class NamedRecords(permissions.BasePermission):
    message = "Your role sees performance figures, not named records."

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and can_see_names(request.user))


def _django_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages})


class YoungPersonViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                         mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """Young people the caller may see. Filters: ``q`` (name, LA person ID or date of birth), ``team``,
    ``age_band``, ``category``, ``status``."""

    permission_classes = [NamedRecords]

    def get_queryset(self) -> QuerySet[YoungPerson]:
        qs = young_people_for(self.request.user).select_related("team").order_by("last_name", "first_name", "pk")
        return search(qs, self.request.query_params, timezone.localdate())

    def get_serializer_class(self) -> Any:
        return s.YoungPersonListSerializer if self.action == "list" else s.YoungPersonSerializer

    def get_object(self) -> YoungPerson:
        yp = get_young_person_or_404(self.request.user, self.kwargs["pk"], self.request)
        viewed(self.request.user, yp, f"api:{self.action}", request=self.request)
        return yp

    def perform_create(self, serializer: Any) -> None:
        data = {k: v for k, v in serializer.validated_data.items()}
        try:
            serializer.instance = actions.create_young_person(self.request.user, **data)
        except DjangoValidationError as error:
            raise _django_errors(error) from None

    def perform_update(self, serializer: Any) -> None:
        try:
            serializer.instance = actions.update_young_person(self.request.user, serializer.instance,
                                                              request=self.request, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _django_errors(error) from None

    @action(detail=True, methods=["get"], url_path="care-episodes")
    def care_episodes(self, request: Request, pk: str) -> Response:
        yp = self.get_object()
        return Response(s.CareEpisodeSerializer(yp.care_episodes.all(), many=True).data)

    @action(detail=True, methods=["get"])
    def allocations(self, request: Request, pk: str) -> Response:
        yp = self.get_object()
        return Response(s.AllocationSerializer(yp.allocations.select_related("worker"), many=True).data)

    @action(detail=True, methods=["get", "post"], serializer_class=s.ContactSerializer)
    def contacts(self, request: Request, pk: str) -> Response:
        yp = self.get_object()
        if request.method == "POST":
            serializer = s.ContactSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            try:
                contact, _ = record_contact(request.user, yp, serializer.validated_data,
                                            request.headers.get("Idempotency-Key"), request=request)
            except DjangoValidationError as error:
                raise _django_errors(error) from None
            return Response(s.ContactSerializer(contact).data, status=201)
        return Response(s.ContactSerializer(Contact.objects.filter(young_person=yp)[:200], many=True).data)

    @action(detail=True, methods=["get"])
    def accommodation(self, request: Request, pk: str) -> Response:
        yp = self.get_object()
        return Response({
            "accommodation": s.AccommodationSerializer(AccommodationEpisode.objects.filter(young_person=yp),
                                                       many=True).data,
            "activity": s.ActivitySerializer(ActivityEpisode.objects.filter(young_person=yp), many=True).data})

    @action(detail=True, methods=["get"])
    def entitlements(self, request: Request, pk: str) -> Response:
        """What the young person is entitled to today, what has been paid and what is left."""
        yp = self.get_object()
        return Response([{"code": o.code, "name": o.name, "description": o.description, "frequency": o.frequency,
                          "amount": str(o.amount), "paid": str(o.paid),
                          "left": None if o.left is None else str(o.left), "discretionary": o.discretionary}
                         for o in entitled_today(yp, timezone.localdate())])

    def permission_denied(self, request: Any, message: Any = None, code: Any = None) -> None:
        raise PermissionDenied(message or NamedRecords.message)
