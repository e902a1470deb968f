from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.create, name="create"),
    path("needs-a-personal-adviser/", views.needs_pa, name="needs_pa"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/care-history/new/", views.episode, name="episode_add"),
    path("<int:pk>/care-history/<int:episode_pk>/", views.episode, name="episode_edit"),
    path("<int:pk>/allocate/", views.allocate, name="allocate"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/record.pdf", views.record_pdf, name="record_pdf"),
]
