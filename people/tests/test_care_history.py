"""An impossible care history is refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from people.care_history import EpisodeInput, problems

D = dt.date
DOB = D(2007, 3, 1)
TODAY = D(2025, 6, 1)


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        ([EpisodeInput(D(2022, 1, 1), D(2023, 1, 1))], []),
        ([EpisodeInput(D(2022, 1, 1), None)], []),
        ([EpisodeInput(D(2022, 1, 1), D(2022, 6, 1)), EpisodeInput(D(2022, 6, 1), D(2023, 1, 1))], []),
        ([EpisodeInput(D(2022, 1, 10), D(2022, 1, 5))], [("end_date", "The episode must end after it starts")]),
        ([EpisodeInput(D(2022, 1, 10), D(2022, 1, 10))], [("end_date", "The episode must end after it starts")]),
        ([EpisodeInput(D(2006, 1, 1), D(2008, 1, 1))],
         [("start_date", "The episode cannot start before the date of birth")]),
        ([EpisodeInput(D(2025, 7, 1), None)], [("start_date", "The episode cannot start in the future")]),
        ([EpisodeInput(D(2025, 1, 1), D(2025, 7, 1))], [("end_date", "The episode cannot end in the future")]),
        ([EpisodeInput(D(2022, 1, 1), D(2022, 6, 1)), EpisodeInput(D(2022, 5, 1), D(2023, 1, 1))],
         [("start_date", "The episode starting 1 May 2022 overlaps the episode starting 1 January 2022")]),
        ([EpisodeInput(D(2022, 1, 1), None), EpisodeInput(D(2023, 5, 1), D(2023, 6, 1))],
         [("start_date", "The episode starting 1 May 2023 overlaps the episode starting 1 January 2022")]),
        ([EpisodeInput(D(2022, 1, 1), None), EpisodeInput(D(2023, 5, 1), None)],
         [("start_date", "The episode starting 1 May 2023 overlaps the episode starting 1 January 2022"),
          ("end_date", "Only one episode of care can be open")]),
    ],
)
def test_problems(episodes: list[EpisodeInput], expected: list[tuple[str, str]]) -> None:
    assert problems(DOB, episodes, TODAY) == expected
