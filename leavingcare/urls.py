from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from leavingcare import views

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(template_name="sign_in.html"), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("young-people/", include("people.urls")),
    path("contacts/", include("contacts.urls")),
    path("worklists/", include("worklists.urls")),
    path("plans/", include("plans.urls")),
    path("accommodation/", include("accommodation.urls")),
    path("money/", include("money.urls")),
    path("performance/", include("performance.urls")),
    path("returns/", include("returns.urls")),
    path("audit/", include("audit.urls")),
    path("safeguarding/", include("safeguarding.urls")),
    path("health/", include("health.urls")),
    path("circumstances/", include("circumstances.urls")),
    path("api/v1/", include("api.urls")),
]
