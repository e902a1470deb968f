from django.urls import path

from casenotes import views

app_name = "casenotes"
urlpatterns = [
    path("young-person/<int:pk>/", views.chronology, name="chronology"),
    path("young-person/<int:pk>/chronology.pdf", views.chronology_pdf, name="pdf"),
    path("young-person/<int:pk>/new/", views.add_note, name="add"),
    path("young-person/<int:pk>/significant/", views.significant, name="significant"),
]
