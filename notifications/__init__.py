"""Notifications: ``notifications.notify(...)`` is the one way anything tells a member of staff about work."""

from __future__ import annotations

from typing import Any


def notify(recipients: Any, kind: str, text: str, *, url: str = "", young_person: Any = None,
           actor: Any = None) -> list[Any]:
    from notifications.send import notify as _notify

    return _notify(recipients, kind, text, url=url, young_person=young_person, actor=actor)
