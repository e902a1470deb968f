from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/open/", views.open_item, name="open"),
    path("read-all/", views.read_all, name="read_all"),
]
