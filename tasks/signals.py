"""A plan action naming a worker is that worker's task: kept in step whenever a plan action is saved
(plans.actions.add_action, complete_action and a review carrying actions forward)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from plans.models import PlanAction


@receiver(post_save, sender=PlanAction, dispatch_uid="tasks_from_plan_action")
def plan_action_saved(sender: Any, instance: PlanAction, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from tasks.actions import from_plan_action

    from_plan_action(instance)
