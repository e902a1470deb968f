from django.urls import path

from returns import views

app_name = "returns"
urlpatterns = [
    path("", views.home, name="home"),
    path("annex-a.xlsx", views.annex_a, name="annex_a"),
    path("ssda903/<int:year>.zip", views.ssda903, name="ssda903"),
]
