"""Problems with user data are values, collected beside the data and rendered in one place.

A Problem names the file, the line and column (1-based, or None when the problem is about the
file as a whole), a stable code (``duplicate-key``, ``unknown-unit``…) and the arguments of its
message. The words themselves live in ``messages.py``, in Vietnamese and English, so the same
problem renders in either language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


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
    def at(
        cls,
        file: str,
        mark: Mark | None,
        code: str,
        severity: Severity = "error",
        **args: Any,
    ) -> Problem:
        if mark is None:
            return cls(file, None, None, code, args, severity)
        return cls(file, mark.line, mark.column, code, args, severity)

    def message(self, lang: str = "vi") -> str:
        from papi_cli.messages import render

        return render(self.code, self.args, lang)

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
