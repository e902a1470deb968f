from django.apps import AppConfig


class CircumstancesConfig(AppConfig):
    name = "circumstances"
    verbose_name = "Circumstances and support to 25"
