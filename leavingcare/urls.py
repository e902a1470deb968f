from allauth.account import views as allauth_views
from django.conf import settings
from django.urls import include, path

from accounts import views as account_views
from leavingcare import views

urlpatterns = [
    path("", views.home, name="home"),
    # Staff sign-in (django-allauth; docs/security.md). /sign-in/ and /sign-out/ are the service's own addresses
    path("sign-in/", allauth_views.LoginView.as_view(), name="login"),
    path("sign-out/", account_views.SignOutView.as_view(), name="logout"),
    path("signed-out/", account_views.signed_out, name="signed_out"),
    path("session/", account_views.session_status, name="session_status"),
    path("account/set-up-two-step/", account_views.mfa_setup_required, name="mfa_setup_required"),
    path("account/you/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("young-people/", include("people.urls")),
    path("contacts/", include("contacts.urls")),
    path("worklists/", include("worklists.urls")),
    path("plans/", include("plans.urls")),
    path("accommodation/", include("accommodation.urls")),
    path("money/", include("money.urls")),
    path("housing/", include("housing.urls")),
    path("performance/", include("performance.urls")),
    path("returns/", include("returns.urls")),
    path("corporate-parenting/", include("corporate.urls")),
    path("audit/", include("audit.urls")),
    path("safeguarding/", include("safeguarding.urls")),
    path("health/", include("health.urls")),
    path("circumstances/", include("circumstances.urls")),
    path("api/v1/", include("api.urls")),
    path("administration/", include("org.urls")),
    path("app/", include("youngapp.urls")),
    path("notifications/", include("notifications.urls")),
    path("tasks/", include("tasks.urls")),
    path("case-notes/", include("casenotes.urls")),
    path("documents/", include("documents.urls")),
    path("participation/", include("participation.urls")),
    path("surveys/", include("surveys.urls")),
    path("app/events/", include("participation.app_urls")),
    path("app/have-your-say/", include("surveys.app_urls")),
    path("local-offer/", include("localoffer.urls")),
    path("openreferral/", include("localoffer.openreferral_urls")),
]

if settings.DJANGO_ADMIN:
    from django.contrib import admin

    urlpatterns.append(path("django-admin/", admin.site.urls))
