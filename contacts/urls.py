from django.urls import path

from contacts import views

app_name = "contacts"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/new/", views.add, name="add"),
    path("young-person/<int:pk>/<int:contact_pk>/", views.change, name="change"),
    path("young-person/<int:pk>/efforts/new/", views.effort, name="effort"),
    path("young-person/<int:pk>/missing/new/", views.missing, name="missing"),
]
