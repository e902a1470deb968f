from django.urls import path

from accommodation import views

app_name = "accommodation"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/move/", views.move, name="move"),
    path("young-person/<int:pk>/activity/", views.activity, name="activity"),
    path("young-person/<int:pk>/in-touch/", views.in_touch, name="in_touch"),
]
