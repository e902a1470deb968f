"""A survey's results as staff may see them: only once it has closed, only for groups of 10 or more, with a
breakdown by age band whose small cells are suppressed (``surveys.rules.suppress``). Nothing here can return
one young person's answers: the tables hold counts, and free text is shown sorted, with nothing beside it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from surveys import rules as r
from surveys.models import QuestionKind, Respondents, Survey, Tally, TextAnswer


@dataclass
class Group:
    name: str
    n: int | None  # None: suppressed
    mean: Decimal | None = None
    shares: list[tuple[str, Decimal]] = field(default_factory=list)


@dataclass
class QuestionResult:
    question: Any
    answered: int | None
    groups: list[Group]
    texts: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.answered is not None


@dataclass
class Results:
    survey: Survey
    closed: bool
    respondents: int
    shown: bool
    bands: dict[str, int | None]
    questions: list[QuestionResult]


def respondents_so_far(survey: Survey) -> int:
    return sum(Respondents.objects.filter(survey=survey).values_list("count", flat=True))


def _group(name: str, counts: dict[int, int], q: Any, n: int | None) -> Group:
    if n is None:
        return Group(name, None)
    if q.kind == QuestionKind.SCALE:
        return Group(name, n, r.mean(counts), r.by_threshold(counts, q.ons_key))
    return Group(name, n, None, [(choice, r.percent(counts.get(i, 0), n)) for i, choice in enumerate(q.choices)])


def results_for(survey: Survey) -> Results:
    closed = survey.is_closed()
    per_band = dict(Respondents.objects.filter(survey=survey).values_list("band", "count"))
    bands = {b: per_band.get(b, 0) for b in r.BANDS}
    total = sum(bands.values())
    shown = closed and total >= r.MINIMUM
    questions: list[QuestionResult] = []
    if not shown:
        return Results(survey, closed, total, False, {b: None for b in bands}, [])
    tallies: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for qid, band, value, count in Tally.objects.filter(question__survey=survey).values_list(
            "question_id", "band", "value", "count"):
        tallies[qid][band][int(value)] = count
    for q in survey.questions.all():
        if q.kind == QuestionKind.TEXT:
            texts = sorted(TextAnswer.objects.filter(question=q).values_list("text", flat=True), key=str.casefold)
            questions.append(QuestionResult(q, len(texts) if total >= r.MINIMUM else None, [], texts))
            continue
        by_band = tallies[q.pk]
        answered = {b: sum(by_band.get(b, {}).values()) for b in r.BANDS}
        all_counts: dict[int, int] = defaultdict(int)
        for b in r.BANDS:
            for v, c in by_band.get(b, {}).items():
                all_counts[v] += c
        n_all = sum(answered.values())
        if n_all < r.MINIMUM:
            questions.append(QuestionResult(q, None, []))
            continue
        cells = r.suppress(answered)
        groups = [_group("Everyone", dict(all_counts), q, n_all)]
        groups += [_group(f"Aged {b}", by_band.get(b, {}), q, cells[b]) for b in r.BANDS]
        questions.append(QuestionResult(q, n_all, groups))
    return Results(survey, closed, total, True, r.suppress(bands), questions)
