from django.urls import path

from tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("team/", views.team, name="team"),
    path("young-person/<int:pk>/new/", views.create, name="create"),
    path("<int:pk>/done/", views.done, name="done"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
