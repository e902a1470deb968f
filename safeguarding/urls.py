from django.urls import path

from safeguarding import views

app_name = "safeguarding"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/concern/", views.raise_concern, name="raise"),
    path("young-person/<int:pk>/oversight/", views.start_oversight, name="start_oversight"),
    path("young-person/<int:pk>/safety-plan/", views.safety_plan, name="safety_plan"),
    path("young-person/<int:pk>/meeting/", views.meeting, name="meeting"),
    path("concerns/", views.concerns, name="concerns"),
    path("concern/<int:pk>/", views.concern, name="concern"),
    path("concern/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("oversight/", views.oversight_list, name="oversight_list"),
    path("oversight/<int:pk>/review/", views.review_oversight, name="review_oversight"),
    path("action/<int:pk>/done/", views.action_done, name="action_done"),
]
