"""A filled form back to a submission: its cells to a ``Draft``, with where each value came from.

The workbook is opened only after ``archive.check`` passed, with openpyxl keeping no links
and no macros; a formula is read as the value the spreadsheet program last computed (the
cached value), and one without such a value is refused at its cell. The form is recognised by
its custom properties (made by papi, from this very plan: the plan's hash), each sheet by the
marker in its hidden column A, each header field and indicator row by its key or code, so that
renamed or reordered sheets and inserted or deleted rows change nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from papi_cli.forms import cells
from papi_cli.forms.layout import (
    CODE_COLUMN,
    COLUMN_KEYS,
    HEADER_FIELDS,
    IDENTITY_FIELDS,
    MARK_PREFIX,
    MEASURES,
    PROP_AGENCY,
    PROP_FORM,
    PROP_PERIOD,
    PROP_PLAN,
    RESULTS,
    UNITS,
    Form,
    column_of,
    form_of,
)
from papi_cli.forms.located import Cell, CellProblem, at_cell

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.periods import Period
    from papi_cli.render.submission_yaml import Draft

Path = tuple[Any, ...]


@dataclass
class Identity:
    """What the form says it is, from its properties."""

    agency: str
    period: Period
    plan_digest: str


@dataclass
class Read:
    """The draft (None when the form has no results sheet), where each of its values came from,
    and the problems found in reading the cells (the YAML checks then add theirs)."""

    draft: Draft | None
    origins: dict[Path, Cell] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    results_sheet: Cell | None = None
    header_problems: int = 0  # how many of ``problems`` the header's cells gave
    fields: dict[Path, Cell] = field(default_factory=dict)  # each result field's cell, read or not


def open_book(label: str, raw: bytes) -> tuple[Any, list[CellProblem]]:
    """The workbook (formulas as formulas, to find them), or None and why not."""
    from papi_cli.forms.archive import check

    problems = check(label, raw)
    if problems:
        return None, [CellProblem(p) for p in problems]
    try:
        book = _load(raw, data_only=False)
    except Exception:  # openpyxl raises what its parsers raise: any of them means "not a form"
        return None, [at_cell(label, None, "form-not-xlsx")]
    return book, []


def _load(raw: bytes, *, data_only: bool) -> Any:
    """The workbook, openpyxl's warnings (an unknown extension, a number no date can be) kept
    from the clerk's terminal: what matters of them papi says at the cell."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(raw), data_only=data_only, keep_links=False, keep_vba=False, rich_text=False)


def identity(label: str, book: Any) -> tuple[Identity | None, list[CellProblem]]:
    from papi_cli import periods
    from papi_cli.message import Refusal

    props = {prop.name: getattr(prop, "value", None) for prop in book.custom_doc_props}
    agency, quarter = props.get(PROP_AGENCY), props.get(PROP_PERIOD)
    if props.get(PROP_FORM) is None or not isinstance(quarter, str) or not isinstance(agency, str):
        return None, [at_cell(label, None, "form-not-papi")]
    try:
        period = periods.parse_quarter(quarter)
    except Refusal:
        return None, [at_cell(label, None, "form-not-papi")]
    return Identity(agency, period, str(props.get(PROP_PLAN) or "")), []


def read(label: str, book: Any, raw: bytes, plan: Plan, who: Identity) -> Read:
    """The draft the form's cells make, against ``plan`` (whose hash the caller has checked)."""
    from papi_cli.render.submission_yaml import Draft

    result = Read(None)
    if who.agency not in plan.agencies:
        result.problems.append(at_cell(label, None, "form-not-papi"))
        return result
    form = form_of(plan, who.agency, who.period)
    roles = _roles(book)
    for role in (RESULTS, UNITS):
        for copy in roles.get(role, [])[1:]:  # which one is the report, only the clerk knows
            result.problems.append(at_cell(label, Cell(copy.title), "form-sheet-twice", sheet=copy.title,
                                           first=roles[role][0].title, role=_role_word(role)))
    if result.problems:
        return result
    sheets = {role: found[0] for role, found in roles.items()}
    values = _Values(label, book, raw, result)
    if RESULTS not in sheets:
        result.problems.append(at_cell(label, None, "form-sheet-missing", role=_role_word(RESULTS)))
        return result
    draft = Draft(who.agency, who.period)
    sheet = sheets[RESULTS]
    result.results_sheet = Cell(sheet.title)
    _Results(label, form, plan, sheet, values, result, draft).read()
    if form.unit_columns:
        if UNITS in sheets:
            _units(label, form, sheets[UNITS], values, result, draft)
        else:
            result.problems.append(at_cell(label, None, "form-sheet-missing", role=_role_word(UNITS)))
    if not draft.results and not any(p.severity == "error" for p in result.problems[result.header_problems:]):
        # (else a cell filled says what is wrong with it)
        result.problems.append(at_cell(label, result.results_sheet, "form-nothing-reported"))
    result.draft = draft  # checked as YAML even so: every cell's problem is shown at once
    return result


def _coordinate(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


def _role_word(role: str) -> Any:
    from papi_cli.message import Message

    return Message(f"form.sheet.{role}")


def _as_shown(value: Any) -> str:
    """A text as a reader sees it: spaces collapsed, composed (NFC) whatever the program saved."""
    import unicodedata

    return unicodedata.normalize("NFC", " ".join(str(value).split()))


def _shown(value: Any) -> str:
    """A cell's value quoted in a message: on one line, cut to 60 characters (a cell may hold
    32,767), as the YAML checks quote theirs."""
    text = " ".join(str(cells.text(value)).split())
    return text if len(text) <= 60 else text[:57] + "…"


def _status_words() -> tuple[Any, ...]:
    from papi_cli.kinds import RESULT_STATUSES
    from papi_cli.message import Message

    return tuple(Message(f"result.{code}") for code in RESULT_STATUSES)


def _roles(book: Any) -> dict[str, list[Any]]:
    """The sheets of each role their marker names, in the workbook's order (two: a copy)."""
    found: dict[str, list[Any]] = {}
    for sheet in book.worksheets:
        for role in {cell.value[len(MARK_PREFIX):] for (_, column), cell in _cells(sheet).items()
                     if column == 1 and isinstance(cell.value, str) and cell.value.startswith(MARK_PREFIX)}:
            found.setdefault(role, []).append(sheet)
    return found


def _cells(sheet: Any) -> dict[tuple[int, int], Any]:
    """The cells the sheet's XML holds (openpyxl's own store): a stray cell at XFD1048576 does
    not make a million empty rows to walk."""
    return sheet._cells  # type: ignore[no-any-return]


class _Values:
    """Cell values as the spreadsheet program last showed them: a formula's cached value, read
    (once, and only when the workbook has a formula) from a second, values-only load."""

    def __init__(self, label: str, book: Any, raw: bytes, result: Read) -> None:
        self.label, self.book, self.raw, self.result = label, book, raw, result
        self.cached: Any = None

    def of(self, sheet: Any, cell: Any) -> Any:
        if cell.data_type != "f":
            return cell.value
        if self.cached is None:
            try:  # the very bytes opened once already: a failure here is not expected, still not a crash
                self.cached = _load(self.raw, data_only=True)
            except Exception:
                self.cached = False
        if self.cached is False or sheet.title not in self.cached:
            value = None
        else:
            value = self.cached[sheet.title][cell.coordinate].value
        if value is None:
            self.result.problems.append(at_cell(self.label, Cell(sheet.title, cell.coordinate), "form-formula"))
        return value


class _Results:
    def __init__(self, label: str, form: Form, plan: Plan, sheet: Any, values: _Values, result: Read,
                 draft: Draft) -> None:
        self.label, self.form, self.plan, self.sheet = label, form, plan, sheet
        self.values, self.result, self.draft = values, result, draft
        self.cells = _cells(sheet)
        from papi_cli.forms.writer import status_labels

        self.labels = [status_labels("vi"), status_labels("en")]

    def at(self, cell: Any) -> Cell:
        return Cell(self.sheet.title, cell.coordinate)

    def value(self, row: int, column: int) -> tuple[Any, Any]:
        cell = self.cells.get((row, column))
        if cell is None:
            return None, None
        return self.values.of(self.sheet, cell), cell

    def read(self) -> None:
        keys = {}  # a key of column A → its row
        for (row, column), cell in sorted(self.cells.items()):
            if column == 1 and isinstance(cell.value, str) and cell.value not in keys:
                keys[cell.value] = row
        columns = self.columns(keys.get(COLUMN_KEYS))
        self.header(keys, columns)
        self.result.header_problems = len(self.result.problems)
        self.rows(columns)

    def columns(self, row: int | None) -> dict[str, int]:
        """Each field's column, from the hidden row of keys (papi's own layout without it)."""
        found: dict[str, int] = {}
        if row is not None:
            for (r, column), cell in self.cells.items():
                if r == row and column > 1 and isinstance(cell.value, str):
                    found.setdefault(cell.value, column)
        from papi_cli.forms.layout import COLUMNS

        return {name: found.get(name, column_of(name)) for name in COLUMNS}

    def identity(self, keys: dict[str, int], columns: dict[str, int]) -> None:
        """The locked agency and period cells as papi wrote them (in either language), or empty:
        one changed to another agency or quarter would put its figures in this form's file."""
        from papi_cli.forms.writer import identity_texts

        texts = [identity_texts(self.plan, self.form, lang) for lang in ("vi", "en")]
        for key in IDENTITY_FIELDS:
            row = keys.get(key)
            if row is None:
                continue
            value, cell = self.value(row, columns["target"])
            if cell is None or cells.blank(value):
                continue
            if _as_shown(value) not in {_as_shown(shown[key]) for shown in texts}:
                self.result.problems.append(at_cell(self.label, self.at(cell), "form-header-changed",
                                                    value=_shown(value), period=self.form.period.code,
                                                    agency=self.plan.agencies[self.form.agency].name))

    def header(self, keys: dict[str, int], columns: dict[str, int]) -> None:
        self.identity(keys, columns)
        got: dict[str, tuple[Any, Cell]] = {}
        for key in HEADER_FIELDS:
            row = keys.get(key)
            if row is None:
                continue
            value, cell = self.value(row, columns["target"])
            where = self.at(cell) if cell is not None else Cell(self.sheet.title, _coordinate(row, columns["target"]))
            if not cells.blank(value):
                got[key] = (value, where)
            self.result.origins[tuple(key.split("."))] = where
        if "submitted_on" not in got and "submitted_on" in keys:
            self.result.problems.append(at_cell(self.label, self.result.origins[("submitted_on",)],
                                                "form-date-missing"))
        if "submitted_on" in got:
            value, where = got["submitted_on"]
            day = cells.date(value)
            if isinstance(day, dt.date):
                self.draft.submitted_on = day
            else:
                self.result.problems.append(at_cell(self.label, where, "form-bad-date", value=_shown(value)))
        number = got.get("implementation_document.number")
        day_of = got.get("implementation_document.date")
        if number is None and day_of is None:
            return
        if number is None or day_of is None:
            missing = "implementation_document.number" if number is None else "implementation_document.date"
            where = self.result.origins[tuple(missing.split("."))]
            self.result.problems.append(at_cell(self.label, where, "form-document-incomplete"))
            return
        day = cells.date(day_of[0])
        if not isinstance(day, dt.date):
            self.result.problems.append(at_cell(self.label, day_of[1], "form-bad-date", value=_shown(day_of[0])))
            return
        self.draft.implementation_document = (str(cells.text(number[0])), day)

    def rows(self, columns: dict[str, int]) -> None:
        known = {indicator.code for task in self.plan.tasks for indicator in task.indicators}
        code_column = columns.get("code", CODE_COLUMN)
        seen: dict[str, str] = {}
        for (row, column), cell in sorted(self.cells.items()):
            if column != code_column or not isinstance(cell.value, str):
                continue
            code = cell.value.strip()
            item = self.form.row(code)
            if item is None:
                if code in known:
                    self.result.problems.append(at_cell(self.label, self.at(cell), "form-row-not-in-form",
                                                        code=code, agency=self.form.agency))
                continue
            if code in seen:
                self.result.problems.append(at_cell(self.label, self.at(cell), "form-duplicate-row", code=code,
                                                    first=seen[code]))
                continue
            seen[code] = cell.coordinate
            self.row(row, item.fields, code, self.at(cell), columns)

    def row(self, row: int, fields: tuple[str, ...], code: str, where: Cell, columns: dict[str, int]) -> None:
        entry: dict[str, Any] = {}
        origins: dict[Path, Cell] = {("results", code): where}
        for name in MEASURES:  # a grey cell the clerk typed into, protection lifted: said, not read
            if name == "units" or name in fields:
                continue
            value, cell = self.value(row, columns[name])
            if cell is not None and not cells.blank(value):
                self.result.problems.append(at_cell(self.label, self.at(cell), "form-cell-ignored", severity="warning",
                                                    value=_shown(value), code=code))
        for name in fields:
            if name == "units":
                continue
            value, cell = self.value(row, columns[name])
            if cell is not None:
                self.result.fields[("results", code, name)] = self.at(cell)
            if cell is None or cells.blank(value):
                continue
            converted = self.convert(name, value, cell.number_format or "")
            if converted is None or converted == []:
                continue
            if name == "status" and converted not in self.labels[0]:  # said in the form's words, not YAML's
                self.result.problems.append(at_cell(self.label, self.at(cell), "form-bad-status",
                                                    value=_shown(value), labels=_status_words()))
            entry[name] = converted
            origins[("results", code, name)] = self.at(cell)
            if name == "evidence" and isinstance(converted, list):
                for i in range(len(converted)):
                    origins[("results", code, name, i)] = self.at(cell)
        if entry:
            self.draft.results[code] = entry
        self.result.origins.update(origins)  # the code cell too: the units sheet may fill the row

    def convert(self, name: str, value: Any, number_format: str) -> Any:
        if name in ("numerator", "denominator", "count"):
            return cells.whole(value)
        if name == "percent":
            return cells.percent(value, number_format)
        if name == "status":
            for labels in self.labels:
                code = cells.status(value, labels)
                if code in labels:
                    return code
            return cells.text(value)
        if name == "evidence":
            return cells.evidence(value)
        return cells.text(value)


def _unit_rows(label: str, form: Form, sheet: Any, code_column: int | None, result: Read) -> dict[str, int]:
    """Each unit's row: the row showing its code (which moves with the marks when the clerk
    sorts the visible columns), else the row of its key in the hidden column A (which does
    not), when no other unit's code is shown there. A second row showing a unit's code (a
    copied row) is named, not read."""
    table = _cells(sheet)
    by_code = {unit.code: unit for unit in form.units}
    rows: dict[str, int] = {}
    for (r, c), cell in sorted(table.items()):
        shown = cells.text(cell.value)
        if c != code_column or not isinstance(shown, str) or shown not in by_code:
            continue
        unit = by_code[shown]
        if unit.slug in rows:
            result.problems.append(at_cell(label, Cell(sheet.title, cell.coordinate), "form-duplicate-unit-row",
                                           unit=unit.name, first=_coordinate(rows[unit.slug], c)))
        else:
            rows[unit.slug] = r
    claimed = set(rows.values())
    for (r, c), cell in sorted(table.items()):
        if c == 1 and isinstance(cell.value, str) and r not in claimed:
            rows.setdefault(cell.value, r)
    return rows


def _units(label: str, form: Form, sheet: Any, values: _Values, result: Read, draft: Draft) -> None:
    """The marks of the units sheet: for each coverage column (by the code in its hidden key
    row), the units marked, each row known by the unit's code shown in it (``_unit_rows``)."""
    table = _cells(sheet)
    keys_row = next((r for (r, c), cell in table.items() if c == 1 and cell.value == COLUMN_KEYS), None)
    columns = {cell.value: c for (r, c), cell in table.items()
               if r == keys_row and c > 1 and isinstance(cell.value, str)}
    rows = _unit_rows(label, form, sheet, columns.get("code"), result)
    for unit_column in form.unit_columns:
        code = unit_column.indicator.code
        column = columns.get(code)
        if column is None:
            continue
        marked: list[tuple[str, Cell]] = []
        for unit in form.units:
            at_row = rows.get(unit.slug)
            cell = table.get((at_row, column)) if at_row is not None else None
            if cell is None:
                continue
            value = values.of(sheet, cell)
            where = Cell(sheet.title, cell.coordinate)
            is_marked = cells.mark(value)
            if is_marked is None:
                result.problems.append(at_cell(label, where, "form-bad-mark", value=_shown(value)))
            elif is_marked:
                if unit.slug not in unit_column.allowed:
                    result.problems.append(at_cell(label, where, "form-unit-not-allowed", unit=unit.name,
                                                   indicator=code))
                    continue
                marked.append((unit.slug, where))
        if not marked:
            continue
        entry = draft.results.setdefault(code, {})
        entry["units"] = [slug for slug, _ in marked]
        result.origins[("results", code, "units")] = marked[0][1]
        for i, (_, where) in enumerate(marked):
            result.origins[("results", code, "units", i)] = where
        result.origins.setdefault(("results", code), marked[0][1])
