from django.urls import path

from audit import views

app_name = "audit"
urlpatterns = [path("young-person/<int:pk>/", views.access_history, name="access_history")]
