from django.urls import path

from participation import app_views

app_name = "participation_app"
urlpatterns = [
    path("", app_views.events, name="events"),
    path("<int:pk>/", app_views.event, name="event"),
    path("<int:pk>/book/", app_views.book, name="book"),
    path("<int:pk>/cancel/", app_views.cancel, name="cancel"),
]
