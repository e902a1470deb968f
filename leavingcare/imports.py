"""What every import shares: it checks every row first and, when anything is wrong, reports it all and saves nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError

T = TypeVar("T")


class ImportProblems(Exception):
    """Every problem an import found, each naming its file, row and field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def read_or_stop(command: BaseCommand, read: Callable[[], T]) -> T:
    """What ``read`` returns, or, when it found problems, each one written to the command's error output and the
    command stopped with nothing imported."""
    try:
        return read()
    except ImportProblems as error:
        for problem in error.problems:
            command.stderr.write(problem)
        raise CommandError(f"Nothing imported: {len(error.problems)} problems") from None
