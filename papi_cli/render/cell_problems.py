"""Problems of a form at their cells (``forms.located.CellProblem``), in the three formats of
``render/problems.py``: ``so-y-te-2020-Q2.xlsx: Chỉ tiêu!F12: error[code]: message`` as text;
JSON with ``sheet`` and ``cell`` (``line`` and ``column`` null); a GitHub annotation on the
file whose message begins with the cell."""

from __future__ import annotations

from typing import Any

from papi_cli.forms.located import CellProblem
from papi_cli.render.problems import _escape_data, _escape_property, printable, shown_name
from papi_cli.words import Lang, say


def _place(problem: CellProblem) -> str:
    return printable(problem.at.shown) if problem.at is not None else ""


def text_line(problem: CellProblem, lang: Lang = "vi") -> str:
    p = problem.problem
    where = f"{shown_name(p.file)}: {_place(problem)}" if problem.at is not None else shown_name(p.file)
    return f"{where}: {p.severity}[{p.code}]: {printable(say(p.message, lang))}"


def as_json(problem: CellProblem, lang: Lang = "vi") -> dict[str, Any]:
    p = problem.problem
    return {"file": shown_name(p.file), "sheet": problem.at.sheet if problem.at else None,
            "cell": problem.at.cell if problem.at else None, "line": None, "column": None,
            "severity": p.severity, "code": p.code, "message": say(p.message, lang)}


def github_line(problem: CellProblem, lang: Lang = "vi") -> str:
    p = problem.problem
    message = printable(say(p.message, lang))
    if problem.at is not None:
        message = f"{_place(problem)}: {message}"
    props = f"file={_escape_property(shown_name(p.file))},title={_escape_property('papi ' + p.code)}"
    return f"::{p.severity} {props}::{_escape_data(message)}"
