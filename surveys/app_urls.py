from django.urls import path

from surveys import app_views

app_name = "surveys_app"
urlpatterns = [
    path("", app_views.home, name="home"),
    path("<int:pk>/", app_views.answer, name="answer"),
]
