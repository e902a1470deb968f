"""/api/v1/housing/: stock, referrals (the queue), offers and moves. The same conventions as api.views: token
authentication, reads through people.scope and audit-logged, writes through housing.actions (which ask
accounts.policy), refusals as 400s keyed by field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from api.views import ApiView, drf_error
from audit.log import viewed_many
from housing import actions
from housing.models import Home, HomeStatus, HomeType, Occupancy, Offer, Referral
from housing.queries import queue
from leavingcare.access import Policy
from org.models import District
from people.scope import get_young_person_or_404, scoped

# ---------------------------------------------------------------- shapes


class HomeSerializer(serializers.ModelSerializer[Home]):
    scheme = serializers.CharField(source="scheme.name")
    provider = serializers.CharField(source="scheme.provider.name")
    district = serializers.CharField(source="district.name")
    accom = serializers.CharField(source="accom_letter", help_text="The SSDA903 ACCOM letter a move-in records")
    # Plain strings: other "status" enums in the document would collide with these names
    status = serializers.CharField(help_text="vacant, occupied, void or offline")

    class Meta:
        model = Home
        fields = ["id", "reference", "scheme", "provider", "district", "home_type", "status", "status_since",
                  "contract_start", "contract_end", "accom", "version"]


class ReferralSerializer(serializers.ModelSerializer[Referral]):
    young_person = serializers.CharField(source="young_person.la_person_id", help_text="LA person ID")
    district = serializers.CharField(source="district.name", default=None, allow_null=True)
    status = serializers.CharField(help_text="waiting, offered, housed or withdrawn")

    class Meta:
        model = Referral
        fields = ["id", "young_person", "referred_on", "need", "district", "home_type", "priority", "status",
                  "ended_on", "version"]


class QueuedSerializer(serializers.Serializer[Any]):
    position = serializers.IntegerField()
    young_person = serializers.CharField(source="referral.young_person.la_person_id")
    priority = serializers.ChoiceField(choices=["high", "medium", "low"], source="priority.value")
    referred_on = serializers.DateField(source="referral.referred_on")
    district = serializers.CharField(source="referral.district.name", default=None, allow_null=True)
    referral = ReferralSerializer()


class ReferralCreateSerializer(serializers.Serializer[Any]):
    young_person = serializers.CharField(help_text="The young person's LA person ID")
    referred_on = serializers.DateField()
    district = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None,
                                     help_text="Name of the district wanted; null for anywhere")
    need = serializers.CharField(allow_blank=True)
    home_type = serializers.ChoiceField(choices=HomeType.choices, required=False, allow_blank=True, default="")


class OfferSerializer(serializers.ModelSerializer[Offer]):
    young_person = serializers.CharField(source="young_person.la_person_id")
    home = serializers.CharField(source="home.reference")
    status = serializers.CharField(help_text="pending, accepted, refused, withdrawn or moved_in")

    class Meta:
        model = Offer
        fields = ["id", "referral", "young_person", "home", "offered_on", "status", "answered_on", "refusal_reason",
                  "version"]


class OfferCreateSerializer(serializers.Serializer[Any]):
    referral = serializers.IntegerField()
    home = serializers.CharField(help_text="The home's reference")
    offered_on = serializers.DateField()
    version = serializers.IntegerField(required=False, allow_null=True, help_text="The referral's version")


class AnswerSerializer(serializers.Serializer[Any]):
    accepted = serializers.BooleanField()
    answered_on = serializers.DateField()
    refusal_reason = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, help_text="The offer's version")


class MoveSerializer(serializers.ModelSerializer[Occupancy]):
    young_person = serializers.CharField(source="young_person.la_person_id")
    home = serializers.CharField(source="home.reference")

    class Meta:
        model = Occupancy
        fields = ["id", "young_person", "home", "offer", "moved_in_on", "moved_out_on", "ready_to_move_on",
                  "version"]


class MoveCreateSerializer(serializers.Serializer[Any]):
    offer = serializers.IntegerField(help_text="The accepted offer")
    moved_in_on = serializers.DateField()
    suitable = serializers.BooleanField(required=False, allow_null=True, default=True)
    version = serializers.IntegerField(required=False, allow_null=True, help_text="The offer's version")


# ---------------------------------------------------------------- views


class HousingView(ApiView):
    # Role-level here (FollowsPolicy); each verb asks accounts.policy about the record itself

    def run(self, act: Any) -> Any:
        try:
            return act()
        except DjangoValidationError as exc:
            raise drf_error(exc) from None


def _district(name: Any) -> District | None:
    if name in (None, ""):
        return None
    found = District.objects.filter(name__iexact=str(name).strip()).first()
    if found is None:
        raise ValidationError({"district": f"No district is called {name!r}"})
    return found


def _as_at(request: Request) -> dt.date:
    raw = request.query_params.get("as_at")
    if not raw:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({"as_at": "Give the date as YYYY-MM-DD"}) from None


def _page(view: Any, request: Request, rows: list[Any], serializer: Any, what: str, people: list[Any]) -> Response:
    page = view.paginate_queryset(rows)
    shown = page if page is not None else rows
    if people:
        viewed_many(request.user, [people[rows.index(r)] for r in shown], what, request=request)
    data = serializer(shown, many=True).data
    return view.get_paginated_response(data) if page is not None else Response(data)


class StockView(HousingView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("housing.view", None, None)
    serializer_class = HomeSerializer
    queryset = Home.objects.none()

    @extend_schema(operation_id="housing_stock_list", summary="Homes: providers' schemes, type, status, contract",
                   parameters=[OpenApiParameter("district", OpenApiTypes.STR, description="District name"),
                               OpenApiParameter("status", OpenApiTypes.STR, enum=HomeStatus.values)])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        homes = Home.objects.select_related("scheme__provider", "district").order_by("reference")
        district = _district(request.query_params.get("district"))
        if district is not None:
            homes = homes.filter(district=district)
        wanted = request.query_params.get("status")
        if wanted:
            if wanted not in HomeStatus.values:
                raise ValidationError({"status": f"Choose one of {', '.join(HomeStatus.values)}"})
            homes = homes.filter(status=wanted)
        page = self.paginate_queryset(homes)
        return self.get_paginated_response(HomeSerializer(page, many=True).data)


class ReferralsView(HousingView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("housing.view", "housing.refer", None)
    serializer_class = QueuedSerializer
    queryset = Referral.objects.none()

    @extend_schema(operation_id="housing_referrals_list",
                   summary="Referrals waiting at a date, in the order homes would be offered",
                   parameters=[OpenApiParameter("as_at", OpenApiTypes.DATE),
                               OpenApiParameter("district", OpenApiTypes.STR, description="That district's queue")])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = queue(scoped(Referral.objects.all(), request.user), _as_at(request),
                     _district(request.query_params.get("district")))
        return _page(self, request, rows, QueuedSerializer, "api:housing_referrals",
                     [q.referral.young_person_id for q in rows])

    @extend_schema(request=ReferralCreateSerializer, responses={201: ReferralSerializer},
                   summary="Refer a young person for supported accommodation")
    def post(self, request: Request) -> Response:
        incoming = ReferralCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            yp = get_young_person_or_404(request.user, data["young_person"], request, lookup="la_person_id")
        except Http404:
            raise ValidationError({"young_person": "No young person you may see has this LA person ID"}) from None
        district = _district(data.get("district"))
        referral = self.run(lambda: actions.make_referral(request.user, yp, data["referred_on"], data["need"],
                                                          district, data.get("home_type", ""), request=request))
        return Response(ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


class OffersView(HousingView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("housing.view", "housing.offer", None)
    serializer_class = OfferSerializer
    queryset = Offer.objects.none()

    def offers(self) -> QuerySet[Offer]:
        return scoped(Offer.objects.select_related("young_person", "home"), self.request.user)

    @extend_schema(operation_id="housing_offers_list", summary="Offers, newest first",
                   parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=[
                       "pending", "accepted", "refused", "withdrawn", "moved_in"])])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = self.offers()
        if request.query_params.get("status"):
            rows = rows.filter(status=request.query_params["status"])
        rows_list = list(rows.order_by("-offered_on", "-pk"))
        return _page(self, request, rows_list, OfferSerializer, "api:housing_offers",
                     [o.young_person_id for o in rows_list])

    @extend_schema(request=OfferCreateSerializer, responses={201: OfferSerializer},
                   summary="Offer a vacant home to a waiting referral (one young person at a time)")
    def post(self, request: Request) -> Response:
        incoming = OfferCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        referral = scoped(Referral.objects.all(), request.user).filter(pk=data["referral"]).first()
        if referral is None:
            raise ValidationError({"referral": "No referral you may see has this id"})
        home = Home.objects.filter(reference__iexact=data["home"].strip()).first()
        if home is None:
            raise ValidationError({"home": "No home has this reference"})
        made = self.run(lambda: actions.offer_home(request.user, referral, home, data["offered_on"],
                                                   data.get("version"), request=request))
        return Response(OfferSerializer(made).data, status=status.HTTP_201_CREATED)


class AnswerView(HousingView):
    policy = Policy(None, "housing.offer", None)
    serializer_class = AnswerSerializer

    @extend_schema(request=AnswerSerializer, responses={200: OfferSerializer},
                   summary="The young person's answer to an offer: accepted, or refused with a reason")
    def post(self, request: Request, pk: int) -> Response:
        found = scoped(Offer.objects.all(), request.user).filter(pk=pk).first()
        if found is None:
            raise Http404("No offer found")
        incoming = AnswerSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        answered = self.run(lambda: actions.answer_offer(request.user, found, d["accepted"], d["answered_on"],
                                                         d["refusal_reason"], d.get("version"), request=request))
        return Response(OfferSerializer(answered).data)


class MovesView(HousingView, generics.ListAPIView):  # type: ignore[type-arg]
    policy = Policy("housing.view", "housing.move_in", None)
    serializer_class = MoveSerializer
    queryset = Occupancy.objects.none()

    @extend_schema(operation_id="housing_moves_list", summary="Moves into supported accommodation, newest first",
                   parameters=[OpenApiParameter("current", OpenApiTypes.BOOL, description="Only those living there")])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = scoped(Occupancy.objects.select_related("young_person", "home"), request.user)
        if request.query_params.get("current") in ("true", "1"):
            rows = rows.filter(moved_out_on__isnull=True)
        rows_list = list(rows.order_by("-moved_in_on", "-pk"))
        return _page(self, request, rows_list, MoveSerializer, "api:housing_moves",
                     [o.young_person_id for o in rows_list])

    @extend_schema(request=MoveCreateSerializer, responses={201: MoveSerializer},
                   summary="Move in on an accepted offer: also records the SSDA903 accommodation episode")
    def post(self, request: Request) -> Response:
        incoming = MoveCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        found = scoped(Offer.objects.all(), request.user).filter(pk=d["offer"]).first()
        if found is None:
            raise ValidationError({"offer": "No offer you may see has this id"})
        moved = self.run(lambda: actions.move_in(request.user, found, d["moved_in_on"], d.get("suitable"),
                                                 d.get("version"), request=request))
        return Response(MoveSerializer(moved).data, status=status.HTTP_201_CREATED)
