from __future__ import annotations

from django.apps import AppConfig


class LeavingCareConfig(AppConfig):
    """The project's shared pieces. On ready, every model save is checked by leavingcare.validation,
    and every committed write moves the page cache's generation on (leavingcare.pagecache)."""

    name = "leavingcare"
    verbose_name = "Leaving Care"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from leavingcare.validation import check_before_save

        pre_save.connect(check_before_save, dispatch_uid="leavingcare.validation.check_before_save")

        from leavingcare import pagecache

        pagecache.install()
