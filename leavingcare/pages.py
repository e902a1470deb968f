"""One way to show a form on its own page, shared by the apps that record things about a young person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def form_page(request: HttpRequest, form: Any, yp: Any, heading: str, button: str = "Save", *,
              back: str = "people:detail") -> HttpResponse:
    """Render includes/form_page.html, with status 200 whether or not the form has errors.

    The caption is the young person's name. Back and Cancel go to the URL named ``back`` for this young
    person (their summary page unless told otherwise), or to the list of young people when there is no
    young person yet, as when adding one.
    """
    back_url = reverse(back, args=[yp.pk]) if yp else reverse("people:list")
    return render(request, "includes/form_page.html", {
        "form": form, "yp": yp, "heading": heading, "button": button, "back_url": back_url,
        "caption": yp.display_name if yp else "", "error_title": bool(form.errors)})
