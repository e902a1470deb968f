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
