from django.urls import path

app_name = "corporate"
urlpatterns: list = []
