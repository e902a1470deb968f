from django.urls import path

from corporate import views

app_name = "corporate"
urlpatterns = [
    path("", views.home, name="home"),
    path("report/", views.report, name="report"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/attendees/add/", views.attendee_add, name="attendee_add"),
    path("meetings/<int:pk>/items/add/", views.item_add, name="item_add"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("priorities/new/", views.group_new, name="group_new"),
    path("priorities/<int:pk>/", views.group, name="group"),
    path("priorities/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("priorities/<int:pk>/deliverables/add/", views.deliverable_add, name="deliverable_add"),
    path("deliverables/<int:pk>/edit/", views.deliverable_edit, name="deliverable_edit"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/actions/add/", views.step_add, name="step_add"),
    path("plan-actions/<int:pk>/edit/", views.step_edit, name="step_edit"),
]
