from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/upload/", views.upload, name="upload"),
    path("<int:doc_pk>/file/", views.download, name="download"),
    path("<int:doc_pk>/withdraw/", views.withdraw, name="withdraw"),
]
