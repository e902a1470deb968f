"""One normalised line of text per young person that search matches against, on SQLite and PostgreSQL alike.

Accents are folded in Python (no database extension needed: PostgreSQL's unaccent is not on SQLite), so
"Zoë" is found by "zoe" and "Zoë"; phone and NHS numbers are kept as digits, postcodes without spaces, so
"07700 900 123", "900123" and "pr25dh" all match. The line is kept up to date by ``YoungPerson.save`` and
written by the demo loader and the imports (``refresh``) where rows are written in bulk.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable

# Letters NFKD does not split into a base letter and a mark
SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae",
                         "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d", "’": "'", "‘": "'"})
SOURCE_FIELDS = ("first_name", "last_name", "preferred_name", "la_person_id", "nhs_number", "phone", "postcode")


def fold(text: str) -> str:
    """Lower case, accents removed, spaces collapsed: "  Zoë  O’Brien" -> "zoe o'brien"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.lower()).strip()


def digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def phone_digits(text: str) -> str:
    """A UK number as dialled at home: "+44 7700 900123" -> "07700900123"."""
    d = digits(text)
    if d.startswith("44") and len(d) >= 12:
        d = "0" + d[2:]
    return d


def search_text_for(first_name: str = "", last_name: str = "", preferred_name: str = "", la_person_id: str = "",
                    nhs_number: str = "", phone: str = "", postcode: str = "", **_: Any) -> str:
    parts = [fold(first_name), fold(last_name), fold(preferred_name), fold(la_person_id).replace(" ", ""),
             digits(nhs_number), phone_digits(phone), fold(postcode).replace(" ", "")]
    return " | ".join(p for p in parts if p)[:400]


def search_text_of(yp: Any) -> str:
    return search_text_for(**{f: getattr(yp, f, "") or "" for f in SOURCE_FIELDS})


def refresh(queryset: Any, batch: int = 2000) -> int:
    """Rewrite the search line of every young person in ``queryset`` whose line is out of date."""
    changed = []
    for yp in queryset.only("pk", "search_text", *SOURCE_FIELDS).iterator(chunk_size=batch):
        text = search_text_of(yp)
        if text != yp.search_text:
            yp.search_text = text
            changed.append(yp)
    model = queryset.model
    for start in range(0, len(changed), batch):
        model.objects.bulk_update(changed[start:start + batch], ["search_text"])
    return len(changed)


def query_terms(text: str) -> Iterable[str]:
    """The words of a search, folded, at most six."""
    return [w for w in fold(text).split(" ") if w][:6]
