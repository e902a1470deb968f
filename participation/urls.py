from django.urls import path

from participation import views

app_name = "participation"
urlpatterns = [
    path("", views.home, name="home"),
    path("events/new/", views.event_new, name="event_new"),
    path("events/<int:pk>/", views.event, name="event"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("bookings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("hub-sessions/new/", views.session_new, name="session_new"),
    path("hub-sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/book/", views.book_for, name="book_for"),
    path("young-person/<int:pk>/nominate/", views.nominate, name="nominate"),
    path("forum/", views.forum, name="forum"),
    path("forum/new/", views.forum_new, name="forum_new"),
    path("forum/<int:pk>/", views.forum_meeting, name="forum_meeting"),
    path("forum/<int:pk>/edit/", views.forum_edit, name="forum_edit"),
    path("forum/<int:pk>/topics/add/", views.topic_add, name="topic_add"),
    path("forum/<int:pk>/actions/add/", views.forum_action_add, name="forum_action_add"),
    path("forum/actions/<int:pk>/edit/", views.forum_action_edit, name="forum_action_edit"),
    path("awards/", views.awards, name="awards"),
    path("awards/new/", views.award_year_new, name="award_year_new"),
    path("awards/<int:pk>/categories/add/", views.category_add, name="category_add"),
    path("awards/nominations/<int:pk>/", views.nomination, name="nomination"),
]
