from django.urls import path

from org import views

app_name = "org"
urlpatterns = [
    path("", views.home, name="admin"),
    path("teams/add/", views.add_team, name="add_team"),
    path("teams/<int:pk>/rename/", views.rename_team, name="rename_team"),
    path("teams/<int:pk>/close/", views.close_team, name="close_team"),
    path("staff/invite/", views.invite, name="invite"),
    path("staff/upload/", views.upload_staff, name="upload_staff"),
    path("staff/<int:pk>/active/", views.staff_active, name="staff_active"),
    path("entitlements/add/", views.add_entitlement, name="add_entitlement"),
    path("entitlements/<int:pk>/", views.change_entitlement, name="change_entitlement"),
    path("entitlements/<int:pk>/rates/add/", views.add_rate, name="add_rate"),
    path("settings/", views.local_settings, name="settings"),
]
