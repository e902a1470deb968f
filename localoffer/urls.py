from django.urls import path

from localoffer import views

app_name = "localoffer"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("new/", views.entry_new, name="new"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/edit/", views.entry_edit, name="edit"),
    path("partners/", views.partner_list, name="partners"),
    path("partners/new/", views.partner_new, name="partner_new"),
    path("partners/<int:pk>/edit/", views.partner_edit, name="partner_edit"),
]
