"""Plain rules of the young person's app: no database, table-tested (tests/test_rules.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re

from leavingcare.workingdays import Holiday, add_working_days, is_bank_holiday

CODE_MINUTES = 10  # a sign-in code lasts this long
CODE_WRONG_TRIES = 3  # wrong tries that burn one code
TRY_WINDOW_MINUTES = 15  # tries are counted over this window
MAX_WRONG_IN_WINDOW = 5  # then no code is accepted for the address until the window passes
MAX_ASKS_IN_WINDOW = 5  # codes asked for one address in the window; more are not sent
RECHECK_HOURS = 12  # messages and money requests ask for a new code this long after the last one
ANSWER_WORKING_DAYS = 2  # a young person's message unanswered this long goes on the PA's worklist
SESSION_DAYS = 90  # how long the app stays signed in on the phone without use


def normalise_address(raw: str) -> str:
    """An email address in lower case, or a UK mobile number as digits starting 07."""
    value = (raw or "").strip()
    if "@" in value:
        return value.lower()
    digits = re.sub(r"[^\d+]", "", value)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    return digits


def is_mobile(value: str) -> bool:
    return bool(re.fullmatch(r"07\d{9}", value))


def hash_code(secret: str, access_id: int, code: str) -> str:
    return hmac.new(secret.encode(), f"{access_id}:{code.strip()}".encode(), hashlib.sha256).hexdigest()


def hash_address(secret: str, address: str) -> str:
    return hmac.new(secret.encode(), f"address:{normalise_address(address)}".encode(), hashlib.sha256).hexdigest()


def codes_match(stored_hash: str, secret: str, access_id: int, typed: str) -> bool:
    return hmac.compare_digest(stored_hash, hash_code(secret, access_id, re.sub(r"\s", "", typed or "")))


def answer_overdue(sent_on: dt.date, today: dt.date, working_days: int = ANSWER_WORKING_DAYS,
                   holiday: Holiday = is_bank_holiday) -> bool:
    """A message sent on ``sent_on`` still unanswered on ``today`` is overdue once two working days have passed
    (weekends and England and Wales bank holidays left out: ``leavingcare.workingdays``)."""
    return today > add_working_days(sent_on, working_days, holiday)


def is_own_action(who: str, first_name: str, preferred_name: str = "") -> bool:
    """Whether a plan action's "who" names the young person (so they may mark it done in the app)."""
    text = (who or "").strip().lower()
    if not text:
        return False
    names = {n.strip().lower() for n in (first_name, preferred_name) if n and n.strip()}
    words = set(re.findall(r"[a-z']+", text))
    return (text in {"me", "i", "myself", "young person", "the young person", "yp"}
            or "young person" in text or bool(names & words) or text in names)


def recheck_due(last_code_at: float | None, now: float, hours: int = RECHECK_HOURS) -> bool:
    """True when the last code was typed more than ``hours`` ago (or never, in this session)."""
    return last_code_at is None or now - last_code_at > hours * 3600
