"""Health rules: plain Python, no database.

- An SDQ is a single score 0-40, or a reason (SDQ1-SDQ5) why there is none; never both, never neither.
- A GP practice's ODS code is a letter then five digits (e.g. P81001), or a longer organisation code of 3-6
  letters and digits for other settings.
- The health passport is due by the ``health_passport_age`` birthday (18).
- While looked after, a health assessment is due ``health_assessment_months`` (12) after the last completed one,
  or after care began if there has been none.
"""

from __future__ import annotations

import datetime as dt
import re

from people.eligibility import birthday
from worklists.clock import add_months

SDQ_REASON_CODES = {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}
ODS = re.compile(r"^[A-Z][0-9]{5}$|^[A-Z0-9]{3,6}$")


def sdq_problems(score: int | None, reason: str) -> dict[str, str]:
    if score is None and not reason:
        return {"score": "Enter the SDQ score (0 to 40), or select why there is none"}
    if score is not None and reason:
        return {"reason": "Give a score or a reason there is none, not both"}
    if score is not None and not 0 <= score <= 40:
        return {"score": "The SDQ score must be between 0 and 40"}
    if reason and reason not in SDQ_REASON_CODES:
        return {"reason": "Select a reason from the list (SDQ1 to SDQ5)"}
    return {}


def ods_problem(code: str) -> str:
    code = (code or "").strip().upper()
    if code and not ODS.match(code):
        return "The ODS code must be like P81001 (a letter and five digits)"
    return ""


def passport_due(dob: dt.date, age: int = 18) -> dt.date:
    return birthday(dob, age)


def health_assessment_due(last_completed: dt.date | None, looked_after_since: dt.date, months: int = 12) -> dt.date:
    return add_months(last_completed or looked_after_since, months)
