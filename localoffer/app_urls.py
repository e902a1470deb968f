"""/app/local-offer/: the Local Offer in the young person's app (included from youngapp/urls.py)."""

from django.urls import path

from localoffer import app_views

urlpatterns = [
    path("", app_views.index, name="local_offer"),
    path("<str:code>/", app_views.area, name="local_offer_area"),
]
