from django.urls import path

from housing import views

app_name = "housing"
urlpatterns = [
    path("", views.home, name="home"),
    path("queue/", views.queue_page, name="queue"),
    path("vacancies/", views.vacancies_page, name="vacancies"),
    path("move-on/", views.move_on_page, name="move_on"),
    path("figures/", views.figures_page, name="figures"),
    path("homes/<int:home_pk>/status/", views.home_status, name="home_status"),
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/refer/", views.refer, name="refer"),
    path("young-person/<int:pk>/staying-put/", views.staying_put, name="staying_put"),
    path("young-person/<int:pk>/homeless/", views.homeless, name="homeless"),
    path("referrals/<int:referral_pk>/offer/", views.offer, name="offer"),
    path("offers/<int:offer_pk>/answer/", views.answer, name="answer"),
    path("offers/<int:offer_pk>/move-in/", views.move_in, name="move_in"),
    path("homelessness/<int:episode_pk>/decision/", views.decision, name="decision"),
    path("homelessness/<int:episode_pk>/challenge/", views.challenge, name="challenge"),
    path("challenges/<int:challenge_pk>/outcome/", views.challenge_outcome, name="challenge_outcome"),
]
