from django.urls import path

from circumstances import views

app_name = "circumstances"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/<slug:what>/", views.record, name="record"),
    path("step-down/<int:pk>/decide/", views.decide_step_down, name="decide_step_down"),
    path("done/<slug:what>/<int:pk>/", views.complete, name="complete"),
]
