from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.home, name="home"),
    path("quality/", views.audit_report, name="audit_report"),
    path("young-person/<int:pk>/", views.for_young_person, name="for_young_person"),
    path("young-person/<int:pk>/assessments/<int:assessment_pk>/", views.assessment, name="assessment"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<int:pk>/areas/<int:area_pk>/actions/", views.add_action, name="add_action"),
    path("<int:pk>/actions/<int:action_pk>/done/", views.complete_action, name="complete_action"),
    path("<int:pk>/lifecycle/", views.lifecycle, name="lifecycle"),
    path("<int:pk>/sign-off/", views.sign_off, name="sign_off"),
    path("<int:pk>/compare/", views.compare, name="compare"),
    path("<int:pk>/plan.pdf", views.pdf, name="pdf"),
]
