from django.apps import AppConfig


class WorklistsConfig(AppConfig):
    name = "worklists"

    def ready(self) -> None:
        from worklists import signals

        signals.connect()
