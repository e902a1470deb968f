from django.urls import include, path

from youngapp import views

app_name = "youngapp"
urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.code, name="code"),
    path("sign-in/passkey/", views.passkey_sign_in, name="passkey_sign_in"),
    path("sign-in/passkey/options/", views.passkey_options, name="passkey_options"),
    path("check/", views.check_again, name="check"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("plan/", views.plan, name="plan"),
    path("plan/actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("plan/<str:what>/", views.plan_post, name="plan_post"),
    path("money/", views.money, name="money"),
    path("money/ask/", views.money_ask, name="money_ask"),
    path("messages/", views.conversation, name="messages"),
    path("messages/send/", views.send_queued, name="send_queued"),
    path("record/", views.my_record, name="record"),
    path("record/see-my-file/", views.ask_for_file, name="ask_for_file"),
    path("passkeys/", views.passkey_list, name="passkeys"),
    path("passkeys/options/", views.passkey_register_options, name="passkey_register_options"),
    path("passkeys/<int:pk>/remove/", views.passkey_remove, name="passkey_remove"),
    path("offline/", views.offline, name="offline"),
    path("local-offer/", include("localoffer.app_urls")),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("staff/messages/", views.staff_unread, name="staff_unread"),
    path("staff/young-person/<int:pk>/", views.staff_record, name="staff_record"),
    path("staff/young-person/<int:pk>/invite/", views.staff_invite, name="staff_invite"),
    path("staff/young-person/<int:pk>/access/", views.staff_access, name="staff_access"),
    path("staff/young-person/<int:pk>/<str:kind>/<int:item>/done/", views.staff_deal, name="staff_deal"),
]
