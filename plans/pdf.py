"""The plan as a document to take away: plain language, tagged for screen readers (PDF/UA), a large-type option."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from plans.areas import BY_KEY
from plans.models import PathwayPlan


def render_pdf(plan: PathwayPlan, large: bool = False) -> bytes:
    from weasyprint import HTML

    areas = [{"meta": BY_KEY.get(a.area), "obj": a, "actions": list(a.actions.all())}
             for a in plan.areas.prefetch_related("actions")]
    html = render_to_string("plans/pdf.html", {"plan": plan, "yp": plan.young_person, "areas": areas,
                                               "large": large, "today": timezone.localdate()})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
