"""/openreferral/: the Local Offer as Open Referral UK 3.0 open data (read only, anyone). Each path is answered
with or without a trailing slash; anything else under /openreferral/ is a JSON 404."""

from django.urls import path, re_path

from localoffer import openreferral_views as views

app_name = "openreferral"
UUIDISH = r"(?P<id>[^/]{1,100})"
urlpatterns = [
    path("", views.about, name="about"),
    re_path(r"^openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{UUIDISH}/?$", views.service, name="service"),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{UUIDISH}/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{UUIDISH}/?$", views.taxonomy_term, name="taxonomy_term"),
    re_path(r"^.*$", views.not_found, name="not_found"),
]
