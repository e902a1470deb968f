from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.your_account, name="home"),
    # The link in an invitation email (accounts.actions.set_password_link): Django's password reset token
    path("set-password/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="registration/set_password.html", success_url=reverse_lazy("accounts:set_password_done")),
        name="set_password"),
    path("set-password/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/set_password_done.html"), name="set_password_done"),
]
