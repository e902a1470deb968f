"""What may be shown of a survey's answers, as plain Python (table-tested in tests/test_rules.py).

The ONS personal well-being questions (ONS4) are in the ONS's own words (the harmonised standard), with the
ONS's thresholds for reporting them. Results are shown only for groups of ``MINIMUM`` or more, and a breakdown
never lets a smaller group be worked out by subtraction (complementary suppression).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MINIMUM = 10  # the smallest group whose answers are ever shown
SCALE = range(0, 11)

ONS4_INTRO = ("Next I would like to ask you four questions about your feelings on aspects of your life. There are "
              "no right or wrong answers. For each of these questions I'd like you to give an answer on a scale of "
              "0 to 10, where 0 is \u201cnot at all\u201d and 10 is \u201ccompletely\u201d.")


@dataclass(frozen=True)
class OnsQuestion:
    key: str
    text: str
    low: str
    high: str


ONS4 = [
    OnsQuestion("life_satisfaction", "Overall, how satisfied are you with your life nowadays?",
                "Not at all", "Completely"),
    OnsQuestion("worthwhile", "Overall, to what extent do you feel that the things you do in your life are "
                              "worthwhile?", "Not at all", "Completely"),
    OnsQuestion("happiness", "Overall, how happy did you feel yesterday?", "Not at all", "Completely"),
    OnsQuestion("anxiety", "On a scale where 0 is \u201cnot at all anxious\u201d and 10 is \u201ccompletely "
                           "anxious\u201d, overall, how anxious did you feel yesterday?",
                "Not at all anxious", "Completely anxious"),
]

# The ONS's thresholds: (label, lowest, highest) on the 0-10 scale
POSITIVE_THRESHOLDS = [("Low", 0, 4), ("Medium", 5, 6), ("High", 7, 8), ("Very high", 9, 10)]
ANXIETY_THRESHOLDS = [("Very low", 0, 1), ("Low", 2, 3), ("Medium", 4, 5), ("High", 6, 10)]

# Age bands for the one breakdown shown (age on the day of answering)
BANDS = ["16-18", "19-21", "22-25"]


def band_for_age(age: int) -> str:
    if age <= 18:
        return "16-18"
    if age <= 21:
        return "19-21"
    return "22-25"


def thresholds_for(ons_key: str) -> list[tuple[str, int, int]]:
    return ANXIETY_THRESHOLDS if ons_key == "anxiety" else POSITIVE_THRESHOLDS


def parse_scale(raw: object) -> int:
    """A 0-10 answer, or ValueError with the message to show on the field."""
    text = str(raw if raw is not None else "").strip()
    try:
        value = int(text)
    except ValueError:
        raise ValueError("Choose a number from 0 to 10") from None
    if value not in SCALE:
        raise ValueError("Choose a number from 0 to 10")
    return value


def suppress(cells: Mapping[str, int], minimum: int = MINIMUM) -> dict[str, int | None]:
    """The cells of a breakdown that may be shown (None: suppressed).

    A cell with 1 to ``minimum - 1`` answers is suppressed. When the suppressed cells together hold fewer than
    ``minimum`` answers, the total minus the shown cells would give them away, so the smallest shown cell is
    suppressed too, until they hold ``minimum`` or more (or every cell is suppressed). A total under ``minimum``
    suppresses everything. Empty cells (0) are shown: they give nobody's answers away."""
    total = sum(cells.values())
    if total < minimum:
        return {k: None for k in cells}
    hidden = {k for k, n in cells.items() if 0 < n < minimum}

    def hidden_sum() -> int:
        return sum(cells[k] for k in hidden)

    while 0 < hidden_sum() < minimum:
        shown = sorted((n, k) for k, n in cells.items() if k not in hidden and n > 0)
        if not shown:
            break
        hidden.add(shown[0][1])
    return {k: (None if k in hidden else n) for k, n in cells.items()}


def mean(counts: Mapping[int, int]) -> Decimal | None:
    n = sum(counts.values())
    if n == 0:
        return None
    total = sum(v * c for v, c in counts.items())
    return (Decimal(total) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def by_threshold(counts: Mapping[int, int], ons_key: str) -> list[tuple[str, Decimal]]:
    """The share of answers in each ONS threshold band (for the service's own scale questions, the positive
    bands)."""
    n = sum(counts.values())
    return [(label, percent(sum(c for v, c in counts.items() if lo <= v <= hi), n))
            for label, lo, hi in thresholds_for(ons_key)]


def clean_choices(lines: str) -> list[str]:
    """Choices typed one per line: trimmed, blanks and repeats left out."""
    seen: list[str] = []
    for line in (lines or "").splitlines():
        choice = line.strip()[:100]
        if choice and choice.casefold() not in {s.casefold() for s in seen}:
            seen.append(choice)
    return seen
