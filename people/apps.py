from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"

    def ready(self) -> None:
        from people import retention  # noqa: F401  (refuses deletion before the retention date)
