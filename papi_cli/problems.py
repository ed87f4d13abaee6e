"""Problems with user data are values, collected beside the data and rendered in one place.

A Problem names the file, the line and column (1-based, or None when the problem is about the
file as a whole), a stable code (``duplicate-key``, ``unknown-unit``…) and the arguments of its
message. The code is also the key of its words in the catalogue (``words.py``), so the same
problem renders in either language; an argument whose wording depends on the language is a
``Message`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from papi_cli.message import Message

Severity = Literal["error", "warning"]

# Problems kept for one file: no message shows more than the first 50, and a file of 100,000
# repeated units must not hold 100,000 Problems in memory. The rest are counted (``Kept``).
KEPT_PER_FILE = 200


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in a source file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    code: str
    args: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity = "error"

    @classmethod
    def at(cls, file: str, mark: Mark | None, code: str, /, *, severity: Severity = "error", **args: Any) -> Problem:
        if mark is None:
            return cls(file, None, None, code, args, severity)
        return cls(file, mark.line, mark.column, code, args, severity)

    @property
    def message(self) -> Message:
        return Message(self.code, **self.args)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def as_written(value: Any) -> str:
    """A value from a file as the clerk would write it in YAML, for a message: 'text', 12, true,
    null, 2020-06-18, [a, b]; cut to 60 characters."""
    import datetime as dt

    if isinstance(value, str):
        text = f"'{value}'"
    elif value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(as_written(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {as_written(v)}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def character_args(char: str) -> dict[str, Any]:
    """``char`` and ``name`` of a character, for a message: ``U+043E``, ``CYRILLIC SMALL LETTER O``."""
    import unicodedata

    return {"char": f"U+{ord(char):04X}", "name": unicodedata.name(char, "CONTROL CHARACTER")}


class Kept:
    """The problems of one file as they are found: the first ``KEPT_PER_FILE`` kept, the others
    only counted; ``done`` adds one ``problems-not-listed`` problem that says how many."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.found = 0  # every problem found, kept or not
        self.dropped = 0

    def room(self) -> bool:
        """Whether the next problem will be kept (its position is worth computing)."""
        self.found += 1
        if len(self.problems) < KEPT_PER_FILE:
            return True
        self.dropped += 1
        return False

    def done(self) -> list[Problem]:
        if self.dropped:
            self.problems.append(Problem.at(self.file, None, "problems-not-listed", count=self.dropped))
            self.dropped = 0
        return self.problems


def problem_count(problems: list[Problem], severity: Severity) -> int:
    """How many problems of that severity were found, those only counted included."""
    count = 0
    for problem in problems:
        if problem.severity == severity:
            count += int(problem.args.get("count", 1)) if problem.code == "problems-not-listed" else 1
    return count
