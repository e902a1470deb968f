from django.urls import path

from surveys import views

app_name = "surveys"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.survey_new, name="survey_new"),
    path("<int:pk>/", views.survey, name="survey"),
    path("<int:pk>/edit/", views.survey_edit, name="survey_edit"),
    path("<int:pk>/questions/add/", views.question_add, name="question_add"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/results/", views.results, name="results"),
    path("you-said-we-did/new/", views.update_new, name="update_new"),
    path("you-said-we-did/<int:pk>/withdraw/", views.update_withdraw, name="update_withdraw"),
]
