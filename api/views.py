"""The JSON API, /api/v1/. Thin: reads go through people.scope, writes through the apps' verbs,
and every read or change of a young person's record is audit-logged as on the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accommodation.models import AccommodationEpisode, ActivityEpisode
from accounts.models import User
from api import serializers as s
from api.authentication import ApiTokenAuthentication
from api.permissions import FollowsPolicy, SeesNamedRecords
from audit.log import viewed, viewed_many
from contacts.actions import record_contact
from contacts.models import Contact
from leavingcare.access import Policy, young_person
from people import actions
from people.models import Allocation, CareEpisode, YoungPerson
from people.queries import AGE_BANDS, needing_pa, search_young_people
from people.scope import get_young_person_or_404, young_people_for


def drf_error(exc: DjangoValidationError) -> ValidationError:
    """A people.actions refusal as a 400 keyed by field, with the same messages as the pages."""
    if hasattr(exc, "error_dict"):
        return ValidationError(exc.message_dict)
    return ValidationError({"non_field_errors": exc.messages})


class ApiView(generics.GenericAPIView):  # type: ignore[type-arg]
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated, SeesNamedRecords, FollowsPolicy]


def current_allocations() -> Prefetch:
    return Prefetch("allocations", to_attr="current_allocations",
                    queryset=Allocation.objects.filter(end_date__isnull=True).select_related("worker"))


def search(qs: QuerySet[YoungPerson], params: Any, as_at: dt.date) -> QuerySet[YoungPerson]:
    try:
        return search_young_people(qs, as_at, **{k: params.get(k, "") for k in (
            "q", "team", "age_band", "category", "status", "worker")})
    except DjangoValidationError as exc:
        raise drf_error(exc) from None


LIST_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Name, LA person ID, or date of birth (YYYY-MM-DD)"),
    OpenApiParameter("team", OpenApiTypes.INT),
    OpenApiParameter("age_band", OpenApiTypes.STR, enum=list(AGE_BANDS)),
    OpenApiParameter("category", OpenApiTypes.STR,
                     enum=["eligible", "relevant", "former_relevant", "qualifying", "none"]),
    OpenApiParameter("status", OpenApiTypes.STR, enum=["open", "stepped_down", "closed", "died"]),
    OpenApiParameter("worker", OpenApiTypes.STR, description="Staff ID of a currently allocated worker"),
]


class YoungPeopleView(ApiView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("people.view_list", "people.add_record", None)
    serializer_class = s.YoungPersonListSerializer
    queryset = YoungPerson.objects.none()  # the real one comes from people.scope in get()

    @extend_schema(parameters=LIST_PARAMETERS, summary="Young people the caller may see",
                   operation_id="young_people_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        as_at = timezone.localdate()
        qs = search(young_people_for(request.user), request.query_params, as_at)
        qs = qs.select_related("team").prefetch_related(current_allocations()).order_by("last_name", "first_name",
                                                                                         "pk")
        page = self.paginate_queryset(qs)
        rows = list(page if page is not None else qs)
        viewed_many(request.user, rows, "api:young_people", request=request)
        data = s.YoungPersonListSerializer(rows, many=True, context={"as_at": as_at}).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    @extend_schema(request=s.YoungPersonWriteSerializer, responses={201: s.YoungPersonDetailSerializer},
                   summary="Create a young person's record")
    def post(self, request: Request) -> Response:
        incoming = s.YoungPersonWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        fields = dict(incoming.validated_data)
        if not fields.get("team") and request.user.team_id:
            fields["team"] = request.user.team  # so the creator's team can see it
        fields.pop("version", None)
        try:
            yp = actions.create_young_person(request.user, request=request, **fields)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(s.YoungPersonDetailSerializer(yp, context={"as_at": timezone.localdate()}).data,
                        status=status.HTTP_201_CREATED)


class YoungPersonView(ApiView):
    policy = Policy("people.view_record", "people.change_record", young_person)
    serializer_class = s.YoungPersonDetailSerializer

    def load(self, request: Request, pk: int) -> YoungPerson:
        yp = get_young_person_or_404(request.user, pk, request)
        return (YoungPerson.objects.select_related("team", "district").prefetch_related(current_allocations())
                .get(pk=yp.pk))

    @extend_schema(operation_id="young_person_retrieve",
                   summary="A young person's record, with category, age band, allocations and circumstances")
    def get(self, request: Request, pk: int) -> Response:
        yp = self.load(request, pk)
        viewed(request.user, yp, "api:young_person", request=request)
        return Response(s.YoungPersonDetailSerializer(yp, context={"as_at": timezone.localdate()}).data)

    @extend_schema(request=s.YoungPersonWriteSerializer, operation_id="young_person_partial_update",
                   summary="Change fields of the record (old and new "
                                                                  "values kept in the audit log)")
    def patch(self, request: Request, pk: int) -> Response:
        yp = self.load(request, pk)
        incoming = s.YoungPersonWriteSerializer(yp, data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        fields = dict(incoming.validated_data)
        version = fields.pop("version", None)
        if version is None:
            raise ValidationError({"version": "Send the version of the record you are changing (the version field "
                                              "of the record as you read it)"})
        try:
            actions.update_young_person(request.user, yp, request=request, version=version, **fields)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(s.YoungPersonDetailSerializer(self.load(request, pk),
                                                      context={"as_at": timezone.localdate()}).data)


class _ChildList(ApiView, generics.ListAPIView):  # type: ignore[type-arg]
    """GET the young person's records of one kind (logged as a view); POST where the kind allows."""

    what = ""

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return self.serializer_class.Meta.model.objects.none()  # type: ignore[union-attr]
        return self.records(self.young_person)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.young_person = get_young_person_or_404(request.user, kwargs["pk"], request)
        viewed(request.user, self.young_person, self.what, request=request)
        return super().list(request, *args, **kwargs)


class CareEpisodesView(_ChildList):
    policy = Policy("people.view_record", "people.change_care_history", young_person)
    serializer_class = s.CareEpisodeSerializer
    what = "api:care_episodes"

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        return CareEpisode.objects.filter(young_person=yp).order_by("start_date", "pk")

    @extend_schema(summary="Add an episode of care (the whole history is checked)")
    def post(self, request: Request, pk: int) -> Response:
        yp = get_young_person_or_404(request.user, pk, request)
        incoming = s.CareEpisodeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            episode = actions.add_care_episode(request.user, yp, request=request, **incoming.validated_data)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(s.CareEpisodeSerializer(episode).data, status=status.HTTP_201_CREATED)


class AllocationsView(_ChildList):
    policy = Policy("people.view_record", "people.allocate", young_person)
    serializer_class = s.AllocationSerializer
    what = "api:allocations"

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        return Allocation.objects.filter(young_person=yp).select_related("worker").order_by("-start_date", "-pk")

    @extend_schema(request=s.AllocateSerializer, responses={201: s.AllocationSerializer},
                   summary="Allocate (or reallocate, with a reason) a PA or social worker")
    def post(self, request: Request, pk: int) -> Response:
        yp = get_young_person_or_404(request.user, pk, request)
        incoming = s.AllocateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        worker = User.objects.filter(staff_id=data["worker"]).first()
        if worker is None:
            raise ValidationError({"worker": "No member of staff has that staff ID"})
        try:
            allocation = actions.allocate(request.user, yp, worker, data["role"], data["start_date"],
                                          reason=data["reason"], request=request)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(s.AllocationSerializer(allocation).data, status=status.HTTP_201_CREATED)


class ContactsView(_ChildList):
    policy = Policy("people.view_record", "contacts.add_contact", young_person)
    serializer_class = s.ContactSerializer
    what = "api:contacts"

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        return Contact.objects.filter(young_person=yp).select_related("worker").order_by("-occurred_at", "-pk")

    @extend_schema(summary="Record a contact made by the caller (idempotent with submission_key)")
    def post(self, request: Request, pk: int) -> Response:
        yp = get_young_person_or_404(request.user, pk, request)
        incoming = s.ContactSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        key = data.pop("submission_key", None)
        if key:
            existing = Contact.objects.filter(submission_key=key).first()
            if existing is not None and existing.young_person_id != yp.pk:
                raise ValidationError({"submission_key": "This key was used for another record"})
        try:  # the same verb as the contact page: the same checks, allocation test and double-submit handling
            contact, created = record_contact(request.user, yp, data, submission_key=key, request=request)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        if not created:
            return Response(s.ContactSerializer(contact).data, status=status.HTTP_200_OK)
        return Response(s.ContactSerializer(contact).data, status=status.HTTP_201_CREATED)


class AccommodationView(_ChildList):
    policy = Policy("people.view_record", None, young_person)
    serializer_class = s.AccommodationEpisodeSerializer
    what = "api:accommodation"

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        return AccommodationEpisode.objects.filter(young_person=yp).select_related("district").order_by(
            "-start_date", "-pk")


class ActivitiesView(_ChildList):
    policy = Policy("people.view_record", None, young_person)
    serializer_class = s.ActivityEpisodeSerializer
    what = "api:activities"

    def records(self, yp: YoungPerson) -> QuerySet[Any]:
        return ActivityEpisode.objects.filter(young_person=yp).order_by("-start_date", "-pk")


class ServiceStatusView(ApiView):
    policy = Policy(None, "people.change_status", young_person)
    serializer_class = s.ServiceStatusSerializer

    @extend_schema(responses={200: s.YoungPersonDetailSerializer},
                   summary="Step down (from 21, on request), re-open (until 25), close (at 25) or record a death")
    def post(self, request: Request, pk: int) -> Response:
        yp = get_young_person_or_404(request.user, pk, request)
        incoming = s.ServiceStatusSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            actions.set_service_status(request.user, yp, incoming.validated_data["status"],
                                       incoming.validated_data["on"], request=request)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        yp = YoungPerson.objects.select_related("team", "district").prefetch_related(current_allocations()).get(
            pk=yp.pk)
        return Response(s.YoungPersonDetailSerializer(yp, context={"as_at": timezone.localdate()}).data)


class NeedingPaView(ApiView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("people.view_needing_pa", None, None)
    """Young people in scope who reached the PA co-allocation age with no PA (oldest first)."""

    serializer_class = s.YoungPersonListSerializer
    queryset = YoungPerson.objects.none()

    @extend_schema(operation_id="worklist_needing_pa", summary="Reached the PA co-allocation age with no PA")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        as_at = timezone.localdate()
        qs = needing_pa(request.user, as_at).prefetch_related(current_allocations())
        page = self.paginate_queryset(qs)
        rows = list(page if page is not None else qs)
        viewed_many(request.user, rows, "api:needing_pa", request=request)
        data = s.YoungPersonListSerializer(rows, many=True, context={"as_at": as_at}).data
        return self.get_paginated_response(data) if page is not None else Response(data)


class MeSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    staff_id = serializers.CharField()
    name = serializers.CharField(source="get_full_name")
    role = serializers.CharField()
    team = serializers.CharField(source="team.name", default=None, allow_null=True)


class MeView(generics.GenericAPIView):  # type: ignore[type-arg]
    """Who the token belongs to (works for every role)."""

    authentication_classes = ApiView.authentication_classes
    permission_classes = [IsAuthenticated]
    serializer_class = MeSerializer

    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)


