"""One way to show a form on its own page, shared by the apps that record things about a young person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from leavingcare.forms import apply_errors


def submitted(request: HttpRequest, form: Any, act: Callable[[dict[str, Any]], Any],
              success: str | Callable[[Any], str], rename: dict[str, str] | None = None) -> bool:
    """The write path every form page shares: when ``form`` is posted and valid, run the action ``act`` on its
    cleaned data. True when the action saved (a success message, or ``success(result)``, is queued for the next
    page); False otherwise, with any refusal from the action put on the fields it names (``rename`` maps the
    action's field names to the form's)."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        result = act(form.cleaned_data)
    except ValidationError as error:
        if rename and hasattr(error, "error_dict"):
            error.error_dict = {rename.get(k, k): v for k, v in error.error_dict.items()}
        apply_errors(form, error)
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True


def form_page(request: HttpRequest, form: Any, yp: Any, heading: str, button: str = "Save", *,
              back: str = "people:detail", caption: str | None = None) -> HttpResponse:
    """Render includes/form_page.html, with status 200 whether or not the form has errors.

    The caption is the young person's name unless one is given. Back and Cancel go to the URL named ``back``
    for this young person (their summary page unless told otherwise), or to the list of young people when
    there is no young person yet, as when adding one.
    """
    back_url = reverse(back, args=[yp.pk]) if yp else reverse("people:list")
    return render(request, "includes/form_page.html", {
        "form": form, "yp": yp, "heading": heading, "button": button, "back_url": back_url,
        "caption": caption if caption is not None else yp.display_name if yp else "",
        "error_title": bool(form.errors)})


# (form class, heading, verb taking (actor, young person, cleaned data, request))
KindForms = dict[str, tuple[Any, str, Callable[[Any, Any, dict[str, Any], HttpRequest], Any]]]


def record_by_kind(request: HttpRequest, pk: int, what: str, forms: KindForms, back: str, *,
                   current: dict[str, Callable[[Any], Any]] | None = None,
                   dated_today: tuple[str, ...] = ()) -> HttpResponse:
    """One of an area's short forms on a young person's record (health, circumstances), chosen by ``what``.
    ``current[what]`` loads the record the form edits, if any, to start from; ``dated_today`` fields start at
    today. The view's ``@rule`` has already checked the permission on this young person."""
    from django.http import Http404
    from django.shortcuts import redirect
    from django.utils import timezone

    from people.scope import get_young_person_or_404

    if what not in forms:
        raise Http404("No such form")
    yp = get_young_person_or_404(request.user, pk, request)
    form_class, heading, act = forms[what]
    existing = (current or {}).get(what, lambda _yp: None)(yp)
    initial: dict[str, Any] = {k: getattr(existing, k) for k in form_class.base_fields} if existing else {}
    for name in dated_today:
        if name in form_class.base_fields and name not in initial:
            initial[name] = timezone.localdate()
    form = form_class(request.POST or None, initial=initial)
    if submitted(request, form, lambda d: act(request.user, yp, d, request), "Saved"):
        return redirect(back, pk=yp.pk)
    return form_page(request, form, yp, heading, back=back)
