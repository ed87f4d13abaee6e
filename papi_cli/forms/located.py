"""Problems at a cell of a form, and the YAML checks' problems moved back to their cells.

A ``CellProblem`` is a Problem about the form's file (no line or column) with the sheet and the
cell it is at, as the sheet is now titled (``Chỉ tiêu!F12``); either may be None for a problem
about a sheet or the whole workbook. The submission built from a form is checked as YAML text
(``papi validate``'s very checks); ``relocate`` gives each of those problems the cell its
value came from, by the line and column where that value stands in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from papi_cli.problems import Problem

if TYPE_CHECKING:
    from papi_cli.yamlsafe import Document


@dataclass(frozen=True)
class Cell:
    sheet: str
    cell: str | None = None  # ``F12``; None: the sheet as a whole

    @property
    def shown(self) -> str:
        return self.sheet if self.cell is None else f"{self.sheet}!{self.cell}"


@dataclass(frozen=True)
class CellProblem:
    problem: Problem
    at: Cell | None = None

    @property
    def severity(self) -> str:
        return self.problem.severity

    def sort_key(self) -> tuple[str, str, int, str, str]:
        sheet, row, column = "", 0, ""
        if self.at is not None:
            sheet = self.at.sheet
            if self.at.cell:
                letters = self.at.cell.rstrip("0123456789")
                row, column = int(self.at.cell[len(letters):] or 0), letters.rjust(3)
        return (self.problem.file, sheet, row, column, self.problem.code)


def at_cell(file: str, where: Cell | None, code: str, /, *, severity: Any = "error", **args: Any) -> CellProblem:
    return CellProblem(Problem.at(file, None, code, severity=severity, **args), where)


Path = tuple[Any, ...]


def relocate(file: str, problems: list[Problem], doc: Document | None, origins: dict[Path, Cell],
             fallback: Cell | None, earlier: list[CellProblem],
             fields: dict[Path, Cell] | None = None) -> list[CellProblem]:
    """The problems of the YAML made from a form, each at the cell its value came from (exactly
    where it stands, else the first value on its line), or at ``fallback``; all about ``file``.
    A problem at a cell of the ``earlier`` ones (found in reading the cells) is left out, and so
    is one about a field missing (``ratio-incomplete``: its ``indicator`` and ``field``) whose
    cell (in ``fields``) reading already named."""
    exact: dict[tuple[int, int], Cell] = {}
    by_line: dict[int, Cell] = {}
    if doc is not None:
        for path, origin in origins.items():
            if not _holds(doc.data, path):  # a mark would be an ancestor's, on another line
                continue
            mark = doc.key_mark(path) if len(path) == 2 and path[0] == "results" else doc.mark(path)
            exact.setdefault((mark.line, mark.column), origin)
            by_line.setdefault(mark.line, origin)
    taken = {p.at for p in earlier}
    moved = []
    for problem in problems:
        if problem.code == "field-not-filled-in" and problem.args.get("field") in ("results", "submitted_on"):
            continue  # said of the form in its own words (form-nothing-reported, form-date-missing)
        cell: Cell | None = None
        if problem.line is not None:
            cell = exact.get((problem.line, problem.column or 0)) or by_line.get(problem.line)
        if cell is not None and cell in taken:
            continue  # reading the cell already said what is wrong with it
        indicator, name = problem.args.get("indicator"), problem.args.get("field")
        missing = (fields or {}).get(("results", indicator, name)) if isinstance(indicator, str) and isinstance(
            name, str) else None
        if missing is not None and missing in taken:
            continue  # the field is missing because its cell could not be read, as said there
        moved.append(CellProblem(Problem(file, None, None, problem.code, problem.args, problem.severity),
                                 cell or fallback))
    return moved


def _holds(data: Any, path: Path) -> bool:
    for step in path:
        if not ((isinstance(data, dict) and step in data)
                or (isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data))):
            return False
        data = data[step]
    return True
