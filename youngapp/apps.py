from django.apps import AppConfig


class YoungappConfig(AppConfig):
    name = "youngapp"
    verbose_name = "Young person's app"
