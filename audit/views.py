"""A record's access history: who viewed, changed or exported it, and when. For managers; itself logged."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import MANAGER_ROLES
from audit.log import viewed
from audit.models import AuditEvent
from leavingcare.access import rule, young_person
from people.scope import get_young_person_or_404


@rule("audit.view_access_history", of=young_person)
def access_history(request: HttpRequest, pk: int) -> HttpResponse:
    if not (request.user.is_superuser or request.user.role in MANAGER_ROLES):
        raise PermissionDenied("Access history is for managers.")
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:access_history", request=request)
    events = AuditEvent.objects.filter(young_person=yp).select_related("actor").order_by("-at", "-pk")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "audit/access_history.html", {"yp": yp, "page": page})
