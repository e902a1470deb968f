"""Any change to what the statutory clock reads drops the young person's stored clock facts."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from worklists.facts import forget


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget(instance.young_person_id)


def _person_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget(instance.pk)  # the date of birth and eligibility feed the due dates


def connect() -> None:
    from accommodation.models import AccommodationEpisode
    from contacts.models import Contact
    from people.models import Allocation, CareEpisode, YoungPerson
    from plans.models import NeedsAssessment, PathwayPlan

    for model in (Contact, Allocation, CareEpisode, AccommodationEpisode, PathwayPlan, NeedsAssessment):
        post_save.connect(_changed, sender=model, dispatch_uid=f"clock-facts-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"clock-facts-delete-{model.__name__}")
    post_save.connect(_person_changed, sender=YoungPerson, dispatch_uid="clock-facts-YoungPerson")
