from django.urls import path

from money import views

app_name = "money"
urlpatterns = [
    path("", views.home, name="home"),
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/request/", views.raise_request, name="request"),
    path("requests/<int:request_pk>/decide/", views.decide, name="decide"),
    path("runs/<int:run_pk>/export.csv", views.run_export, name="run_export"),
]
