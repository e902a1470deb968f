"""The scrutiny report, built once as a list of blocks (headings, paragraphs, tables, charts) in the shape of
seed 000 section 2, then written as a tagged PDF (``render_pdf``) or an editable Word file (``render_docx``).

Every section stands alone: a date with no data gives a sentence saying so, never an error.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from corporate.progress import Progress, month_end, progress_of

MEASURES = [  # seed 000: 2.1 suitable accommodation, 2.2 EET, 2.3 in touch
    ("suitable_accommodation", "Care leavers in suitable accommodation"),
    ("eet", "Care leavers in education, employment or training"),
    ("in_touch", "Care leavers in contact within the last 2 months"),
]
LABELS = {"in_touch": "In touch", "suitable_accommodation": "Suitable accommodation",
          "eet": "In education, employment or training",
          "eet_adjusted": "EET, excluding illness, disability, pregnancy or parenting"}
DFE_BANDS = ("17-18", "19-21")
YEARS_SHOWN = 5


# ---------------------------------------------------------------- the blocks both writers understand


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Para:
    text: str


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric_from: int = 1  # columns from this index are figures (right-aligned)


@dataclass
class Chart:
    title: str
    alt: str  # the text alternative: what the chart shows, in words
    svg: str
    table: Table


@dataclass
class Report:
    as_at: dt.date
    month_end: dt.date
    title: str
    blocks: list[Any] = field(default_factory=list)

    def text(self) -> str:
        """Everything the report says, as plain text (for tests and for searching)."""
        out = []
        for b in self.blocks:
            if isinstance(b, (Heading, Para)):
                out.append(b.text)
            elif isinstance(b, (Table, Chart)):
                table = b.table if isinstance(b, Chart) else b
                out.append(table.caption)
                out.extend(" ".join(r) for r in [table.headers, *table.rows])
        return "\n".join(out)


def pct(value: Any) -> str:
    """A percentage as the committee reads it: 99% for a whole published figure, 92.8% otherwise, – for none."""
    if value is None:
        return "–"
    d = Decimal(str(value))
    return f"{d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()}%"


# ---------------------------------------------------------------- sections


def _measures_now(end: dt.date, bands: dict[str, list[float]]) -> dict[str, list[dict[str, Any]]]:
    from people.models import YoungPerson
    from performance.definitions import rate_band
    from performance.measures import as_at_rows

    by: dict[str, list[dict[str, Any]]] = {}
    for row in as_at_rows(YoungPerson.objects.all(), end):
        row["band"] = rate_band(row["percent"], bands[row["indicator"]])
        by.setdefault(row["indicator"], []).append(row)
    return by


def _comparator_chart(measure: str, band: str, authority: Any, as_at: dt.date) -> Chart | None:
    from performance.series import chart

    c = chart(measure, band, authority)
    # Collection years ended (31 March) on or before the date, the last five, as the committee's tables show
    years = [y for y in c.years if dt.date(y, 3, 31) <= as_at][-YEARS_SHOWN:]
    series = [s for s in c.series if any(s.values.get(y) is not None for y in years)]
    if not years or not series:
        return None
    title = f"{LABELS[measure]}, aged {band}, by year end"
    table = Table(f"{title}: percentage by collection year ending 31 March",
                  ["Area", *[str(y) for y in years]],
                  [[s.name, *[pct(s.values.get(y)) for y in years]] for s in series])
    own = series[0]
    words = "; ".join(f"{s.name} " + ", ".join(f"{y}: {pct(s.values.get(y))}" for y in years)
                      for s in series[:3])
    alt = (f"Line chart of the percentage of care leavers aged {band} {LABELS[measure].lower()}, "
           f"{years[0]} to {years[-1]}, for {own.name} and its comparators. {words}."
           f" The table that follows gives every figure, including statistical neighbours.")
    return Chart(title, alt, _svg(title, alt, years, series), table)


def _svg(title: str, alt: str, years: list[int], series: list[Any], width: int = 560, height: int = 260,
         pad: int = 44) -> str:
    from django.utils.html import escape

    def y_of(v: float) -> float:
        return pad + (height - 2 * pad) * (1 - v / 100)

    step = (width - 2 * pad) / max(len(years) - 1, 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="t d"><title id="t">{escape(title)}</title>'
             f'<desc id="d">{escape(alt)}</desc>']
    for v in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y_of(v):.1f}" y2="{y_of(v):.1f}" '
                     f'stroke="#b1b4b6" stroke-width="1"/><text x="{pad - 6}" y="{y_of(v) + 4:.1f}" '
                     f'text-anchor="end" font-size="11" font-family="Arial">{v}%</text>')
    for i, y in enumerate(years):
        parts.append(f'<text x="{pad + i * step:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
                     f'font-family="Arial">{y}</text>')
    for s in reversed(series):
        pts = [(pad + i * step, y_of(float(v))) for i, y in enumerate(years) if (v := s.values.get(y)) is not None]
        width_px = 4 if s.emphasis else 1.5
        parts.append(f'<polyline fill="none" stroke="{s.colour}" stroke-width="{width_px}" '
                     f'points="{" ".join(f"{x:.1f},{yy:.1f}" for x, yy in pts)}"/>')
        if s.emphasis:
            parts.extend(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" fill="{s.colour}"/>' for x, yy in pts)
    parts.append("</svg>")
    return "".join(parts)


def _caseloads(as_at: dt.date) -> list[Any]:
    from accounts.models import User
    from accounts.roles import Role
    from org.config import setting
    from worklists.caseloads import BANDS, band_for

    bands = setting("caseload_bands")
    on = (Q(allocations__start_date__lte=as_at) & (Q(allocations__end_date__isnull=True) |
                                                   Q(allocations__end_date__gt=as_at))
          & Q(allocations__young_person__status="open"))
    workers = (User.objects.filter(role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER], is_active=True)
               .annotate(n=Count("allocations", filter=on)).values_list("role", "n"))
    by_role: dict[str, list[int]] = {}
    for role, n in workers:
        by_role.setdefault(role, []).append(n)
    if not any(sum(v) for v in by_role.values()):
        return [Para(f"No caseloads were held on {as_at:%-d %B %Y}: no figure to report.")]
    all_bands = [*BANDS, "Inadequate"]
    rows = []
    for role, counts in sorted(by_role.items()):
        limits = bands.get(role, {})
        banded = [band_for(n, limits) for n in counts]
        average = Decimal(sum(counts)) / len(counts)
        rows.append([Role(role).label, str(len(counts)), f"{average.quantize(Decimal('0.1'))}",
                     band_for(round(average), limits), *[str(banded.count(b)) for b in all_bands]])
    limits_text = "; ".join(
        f"{Role(role).label.lower()}s: Outstanding up to {v.get('Outstanding')}, Good up to {v.get('Good')}, "
        f"Requires Improvement up to {v.get('Requires Improvement')}, Inadequate above" for role, v in bands.items())
    return [Table(f"Caseloads on {as_at:%-d %B %Y} against the service's bands",
                  ["Worker", "Workers", "Average caseload", "Average's band", *[f"{b} (workers)" for b in all_bands]],
                  rows),
            Para(f"Bands (highest caseload in each): {limits_text}.")]


def _audits(as_at: dt.date) -> list[Any]:
    from plans.models import PlanQualityAudit

    since = as_at.replace(year=as_at.year - 1) + dt.timedelta(days=1) if not (as_at.month == 2 and as_at.day == 29) \
        else dt.date(as_at.year - 1, 3, 1)
    rows = list(PlanQualityAudit.objects.filter(audited_on__gte=since, audited_on__lte=as_at)
                .values("grade").annotate(n=Count("pk")).order_by("-n", "grade"))
    total = sum(r["n"] for r in rows)
    if not total:
        return [Para(f"No pathway plans were audited in the 12 months to {as_at:%-d %B %Y}: no grades to report.")]
    from performance.definitions import percent

    return [Table(f"Pathway plan quality audits, {since:%-d %B %Y} to {as_at:%-d %B %Y}",
                  ["Grade", "Plans", "Share"],
                  [[r["grade"], str(r["n"]), pct(percent(r["n"], total))] for r in rows] +
                  [["All audits", str(total), "100%"]])]


def _actions_due(as_at: dt.date, cache: dict[Any, Any]) -> list[Any]:
    from corporate.actions import next_meeting_on
    from corporate.models import BoardItem, PlanStep

    by = next_meeting_on(as_at)
    open_ = Q(archived=False) & ~Q(rag="done") & Q(due_on__lte=by)
    items = list(BoardItem.objects.filter(open_, kind=BoardItem.Kind.ACTION).select_related("meeting", "group")
                 .order_by("due_on", "pk"))
    steps = list(PlanStep.objects.filter(open_, plan__archived=False).select_related("plan").order_by("due_on", "pk"))
    if not items and not steps:
        return [Para(f"No board or action plan actions are open and due by {by:%-d %B %Y}.")]
    progress = progress_of(items, as_at, cache)
    step_progress = progress_of(steps, as_at, cache)
    out: list[Any] = []
    if items:
        out.append(Table(f"Actions of the Corporate Parenting Board due by {by:%-d %B %Y} (the next meeting)",
                         ["Action", "Owner", "Due", "Status", "Set at"],
                         [[i.text, i.owner, _due(i.due_on, as_at), _status(progress[i.pk]),
                           f"{i.meeting.held_on:%-d %b %Y}"] for i in items], numeric_from=99))
    if steps:
        out.append(Table(f"Action plan actions due by {by:%-d %B %Y}",
                         ["Plan", "The change we need to make", "Owner", "Due", "Status"],
                         [[s.plan.title, s.change_needed, s.owner, _due(s.due_on, as_at),
                           _status(step_progress[s.pk])] for s in steps], numeric_from=99))
    return out


def _measured(as_at: dt.date, cache: dict[Any, Any]) -> list[Any]:
    from corporate.models import BoardItem, PlanStep

    steps = list(PlanStep.objects.filter(archived=False, plan__archived=False).exclude(measure="")
                 .select_related("plan").order_by("plan__title", "pk"))
    items = list(BoardItem.objects.filter(archived=False).exclude(measure="").order_by("pk"))
    if not steps and not items:
        return [Para("No action names a measure the system computes.")]
    progress = progress_of(steps, as_at, cache)
    item_progress = progress_of(items, as_at, cache)
    rows = [[s.plan.title, s.change_needed, f"{LABELS[s.measure]}, {s.age_band}", pct(s.target),
             _live(progress[s.pk]), _status(progress[s.pk])] for s in steps]
    rows += [["Corporate Parenting Board", i.text, f"{LABELS[i.measure]}, {i.age_band}", pct(i.target),
              _live(item_progress[i.pk]), _status(item_progress[i.pk])] for i in items]
    return [Table(f"Actions measured by live figures, as at {as_at:%-d %B %Y}",
                  ["Plan", "Action", "Measure", "Target", "Now", "Status"], rows, numeric_from=99),
            Para("Green: at or above target. Amber: below target by no more than the service's margin. "
                 "Red: further below. The figure is the measure as at the date, read from the records.")]


def _due(due: dt.date | None, as_at: dt.date) -> str:
    if due is None:
        return "–"
    return f"{due:%-d %b %Y}" + (" (overdue)" if due < as_at else "")


def _status(p: Progress) -> str:
    return p.label + (" (from the figures)" if p.from_figures else "")


def _live(p: Progress) -> str:
    if p.live is None:
        return "No one to count"
    return f"{pct(p.live)} ({p.numerator} of {p.denominator})"


# ---------------------------------------------------------------- the whole report


def build(as_at: dt.date) -> Report:
    from org.config import current_authority, setting

    authority = current_authority()
    end = month_end(as_at)
    name = authority.name if authority else "The council"
    report = Report(as_at, end, f"Care leavers: key performance indicators, {end:%B %Y}")
    b = report.blocks
    b.append(Heading(1, report.title))
    b.append(Para(f"{name}, Leaving Care Service. A report to the scrutiny committee and the Corporate Parenting "
                  f"Board, generated from the service's records on {timezone.localdate():%-d %B %Y}. The measures "
                  f"are as at the month end, {end:%-d %B %Y}; published comparators are the Department for "
                  f"Education's, for collection years ending 31 March up to {as_at:%Y}."))
    b.append(Heading(2, "2 Key performance indicators"))
    now = _measures_now(end, setting("kpi_bands"))
    for number, (measure, heading) in enumerate(MEASURES, start=1):
        b.append(Heading(2, f"2.{number} {heading}"))
        rows = now.get(measure, [])
        if not any(r["denominator"] for r in rows):
            b.append(Para(f"No open care leavers aged 17 to 25 on {end:%-d %B %Y}: no figure to report."))
        else:
            headers = ["Age band", f"{end:%b %Y}", "Young people", "Of", "Band"]
            table_rows = [[r["age_band"], pct(r["percent"]), str(r["numerator"]), str(r["denominator"]), r["band"]]
                          for r in rows]
            if measure == "eet":
                adjusted = {r["age_band"]: r for r in now.get("eet_adjusted", [])}
                headers.insert(2, "Excluding illness, disability, pregnancy or parenting")
                for row in table_rows:
                    row.insert(2, pct(adjusted.get(row[0], {}).get("percent")))
            b.append(Table(f"{heading} by age band, {end:%-d %B %Y}", headers, table_rows))
        for band in DFE_BANDS:
            chart = _comparator_chart(measure, band, authority, as_at) if authority else None
            if chart is None:
                b.append(Para(f"{LABELS[measure]}, aged {band}: no published DfE figures for collection years "
                              f"ending by {as_at:%-d %B %Y}."))
            else:
                b.append(Heading(3, chart.title))
                b.append(chart)
    b.append(Heading(2, "3 Caseloads against their bands"))
    b.extend(_caseloads(end))
    b.append(Heading(2, "4 Pathway plan audit grades"))
    b.extend(_audits(end))
    b.append(Heading(2, "5 The board's actions due"))
    cache: dict[Any, Any] = {}
    b.extend(_actions_due(as_at, cache))
    b.append(Heading(2, "6 Improvement plan progress"))
    b.extend(_measured(as_at, cache))
    return report


# ---------------------------------------------------------------- writers


def render_html(report: Report) -> str:
    from django.template.loader import render_to_string

    blocks = []
    for block in report.blocks:
        kind = type(block).__name__.lower()
        extra = {}
        if isinstance(block, Chart):
            extra["src"] = "data:image/svg+xml;base64," + base64.b64encode(block.svg.encode()).decode()
        blocks.append({"kind": kind, "b": block, **extra})
    return render_to_string("corporate/report_pdf.html", {"report": report, "blocks": blocks})


def render_pdf(report: Report) -> bytes:
    """A tagged PDF (PDF/UA-1), as the pathway plan's: headings, tables and the charts' text alternatives."""
    from weasyprint import HTML

    return HTML(string=render_html(report)).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]


def render_docx(report: Report) -> bytes:
    """A Word file an officer can edit: real headings (Heading 1-3 styles), real tables with header rows, and
    each chart as its text alternative beside its data table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = report.title
    doc.core_properties.author = "Leaving Care Service"
    doc.core_properties.language = "en-GB"
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    def table(t: Table) -> None:
        cap = doc.add_paragraph(t.caption, style="Caption")
        cap.paragraph_format.keep_with_next = True
        grid = doc.add_table(rows=1, cols=len(t.headers))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, t.headers, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        header = grid.rows[0]._tr.get_or_add_trPr()  # repeat as a header row: screen readers announce it
        marker = OxmlElement("w:tblHeader")
        marker.set(qn("w:val"), "true")
        header.append(marker)
        for row in t.rows:
            cells = grid.add_row().cells
            for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                cell.text = text
                if i >= t.numeric_from:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.add_paragraph()

    for block in report.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            doc.add_paragraph(block.text)
        elif isinstance(block, Table):
            table(block)
        elif isinstance(block, Chart):
            doc.add_paragraph(f"Chart: {block.alt}")
            table(block.table)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render(report: Report, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(report)
    return render_pdf(report)
