"""The scrutiny report: the figures the council published come out of the shipped DfE data, in the PDF (tagged)
and in the Word file (real headings and tables); a date with no data says so in each section."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from pypdf import PdfReader

from org.models import Authority

DFE = Path(__file__).resolve().parents[2] / "data" / "dfe"


@pytest.fixture
def lancashire(authority):
    Authority.objects.filter(pk=authority.pk).update(la_code="888", name="Lancashire County Council",
                                                     statistical_neighbours=["909", "830"])
    call_command("import_comparators", str(DFE), stdout=StringIO())
    return Authority.objects.get(pk=authority.pk)


def pdf_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def structure(node):
    """Every element of a tagged PDF's structure tree."""
    node = node.get_object()
    yield node
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/Type" not in kid or isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            yield from structure(kid)


def row_after(text: str, heading: str, area: str) -> list[str]:
    """The year header and the area's row of the first table after ``heading`` in extracted text."""
    lines = text[text.index(heading):].splitlines()
    header = next(ln for ln in lines if ln.startswith("Area "))
    row = next(ln for ln in lines if ln.startswith(area + " "))
    return [header.split()[1:], row[len(area):].split()]


def published(years_and_values: list[list[str]], year: str) -> str:
    years, values = years_and_values
    return values[years.index(year)]


def test_pdf_shows_lancashires_published_figures_and_is_tagged(lancashire, tmp_path):
    out = tmp_path / "scrutiny.pdf"
    call_command("scrutiny_report", "--as-at", "2024-10-31", "--out", str(out), stdout=StringIO())
    text, reader = pdf_text(out)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en-GB"
    # Seed 000 section 2.3: in touch aged 17-18, Lancashire 99% in 2020; section 2.2: EET aged 19-21, 46% in 2023
    assert published(row_after(text, "In touch, aged 17-18, by year end", "Lancashire"), "2020") == "99%"
    assert published(row_after(text, "In education, employment or training, aged 19-21, by year end",
                               "Lancashire"), "2023") == "46%"
    assert published(row_after(text, "In touch, aged 17-18, by year end", "England"), "2020") == "94%"
    assert "North West" in text and "Cumbria" in text  # region and a statistical neighbour beside it
    assert "Care leavers: key performance indicators, October 2024" in " ".join(text.split())
    # Each chart is a Figure in the structure tree with its text alternative
    alts = [str(el.get("/Alt")) for el in structure(root["/StructTreeRoot"]) if el.get("/S") == "/Figure"]
    assert len(alts) == 6 and all(a.startswith("Line chart of the percentage of care leavers") for a in alts)
    assert any("Lancashire" in a and "2020: 99%" in a for a in alts)


def test_word_file_has_real_headings_and_the_same_published_figures(lancashire, tmp_path):
    out = tmp_path / "scrutiny.docx"
    call_command("scrutiny_report", "--as-at", "2024-10-31", "--out", str(out), stdout=StringIO())
    doc = Document(str(out))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 2", "2.3 Care leavers in contact within the last 2 months") in headings
    assert ("Heading 3", "In touch, aged 17-18, by year end") in headings

    def cell(caption_start: str, area: str, year: str) -> str:
        for table in doc.tables:
            header = [c.text for c in table.rows[0].cells]
            rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
            if header[0] == "Area" and area in rows and year in header and table_caption(doc, table) \
                    .startswith(caption_start):
                return rows[area][header.index(year)]
        raise AssertionError(f"no table {caption_start}")

    assert cell("In touch, aged 17-18", "Lancashire", "2020") == "99%"
    assert cell("In education, employment or training, aged 19-21", "Lancashire", "2023") == "46%"


def table_caption(doc, table) -> str:
    body = list(doc.element.body)
    index = body.index(table._tbl)
    prev = body[index - 1]
    return "".join(t.text or "" for t in prev.iter() if t.tag.endswith("}t"))


def test_a_date_with_no_data_says_so_in_each_section(authority, tmp_path):
    out = tmp_path / "empty.docx"
    call_command("scrutiny_report", "--as-at", "1999-05-12", "--out", str(out), stdout=StringIO())
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.count("No open care leavers aged 17 to 25 on 30 April 1999: no figure to report.") == 3
    assert "no published DfE figures for collection years ending by 12 May 1999" in text
    assert "No caseloads were held on 30 April 1999" in text
    assert "No pathway plans were audited in the 12 months to 30 April 1999" in text
    assert "No board or action plan actions are open and due by" in text
    pdf = tmp_path / "empty.pdf"
    call_command("scrutiny_report", "--as-at", "1999-05-12", "--out", str(pdf), stdout=StringIO())
    assert "no figure to report" in pdf_text(pdf)[0]


@pytest.mark.parametrize("args, message", [
    (["--as-at", "2024-13-01", "--out", "x.pdf"], "is not a date"),
    (["--as-at", "2024-10-31", "--out", "x.txt"], "must end .pdf"),
])
def test_bad_arguments_are_refused_in_words(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("scrutiny_report", *args, stdout=StringIO())


@pytest.mark.parametrize("as_at, end", [(dt.date(2024, 10, 31), dt.date(2024, 10, 31)),
                                        (dt.date(2024, 10, 15), dt.date(2024, 9, 30)),
                                        (dt.date(2024, 3, 1), dt.date(2024, 2, 29))])
def test_measures_are_as_at_the_month_end(as_at, end):
    from corporate.progress import month_end

    assert month_end(as_at) == end
