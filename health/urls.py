from django.urls import path

from health import views

app_name = "health"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/<slug:what>/", views.record, name="record"),
]
