from __future__ import annotations

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from api import views
from housing import api as housing

app_name = "api"
urlpatterns = [
    # Public, like any API description; our token class so a client sending its token is not refused
    path("openapi.json", SpectacularJSONAPIView.as_view(authentication_classes=views.ApiView.authentication_classes),
         name="openapi"),
    path("me/", views.MeView.as_view(), name="me"),
    path("young-people/", views.YoungPeopleView.as_view(), name="young_people"),
    path("young-people/<int:pk>/", views.YoungPersonView.as_view(), name="young_person"),
    path("young-people/needing-pa/", views.NeedingPaView.as_view(), name="needing_pa"),
    path("young-people/<int:pk>/status/", views.ServiceStatusView.as_view(), name="status"),
    path("young-people/<int:pk>/care-episodes/", views.CareEpisodesView.as_view(), name="care_episodes"),
    path("young-people/<int:pk>/allocations/", views.AllocationsView.as_view(), name="allocations"),
    path("young-people/<int:pk>/contacts/", views.ContactsView.as_view(), name="contacts"),
    path("young-people/<int:pk>/accommodation/", views.AccommodationView.as_view(), name="accommodation"),
    path("young-people/<int:pk>/activities/", views.ActivitiesView.as_view(), name="activities"),
    path("housing/stock/", housing.StockView.as_view(), name="housing_stock"),
    path("housing/referrals/", housing.ReferralsView.as_view(), name="housing_referrals"),
    path("housing/offers/", housing.OffersView.as_view(), name="housing_offers"),
    path("housing/offers/<int:pk>/answer/", housing.AnswerView.as_view(), name="housing_offer_answer"),
    path("housing/moves/", housing.MovesView.as_view(), name="housing_moves"),
]
