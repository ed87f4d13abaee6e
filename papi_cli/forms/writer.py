"""The form as an ``.xlsx`` workbook (openpyxl, imported only here and in the reader).

Three sheets: the instructions, the results (a header area, then one row per indicator with
only the cells its kind takes open), and, when the agency reports a coverage indicator, the
units to mark. Every other cell is locked by sheet protection without a password (the clerk
may lift it to fix a layout: the reader finds rows by their keys, not their position). Data
validation says what each open cell takes; the plan's hash and papi's version are custom
document properties, which the reader checks.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from papi_cli import __version__
from papi_cli.forms.cells import SERIAL_EPOCH
from papi_cli.forms.layout import (
    COLUMN_KEYS,
    COLUMNS,
    FORM_VERSION,
    HEADER_VALUE_COLUMN,
    IDENTITY_FIELDS,
    INSTRUCTIONS,
    MARK_PREFIX,
    PROP_AGENCY,
    PROP_FORM,
    PROP_PERIOD,
    PROP_PLAN,
    PROP_VERSION,
    RESULTS,
    UNITS,
    Form,
    Row,
    column_of,
)
from papi_cli.kinds import RESULT_STATUSES, kind_of
from papi_cli.render.labels import date_label, due_label
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.render.submission_yaml import Draft

WIDTHS = {"code": 9, "indicator": 62, "target": 24, "due": 13, "numerator": 12, "denominator": 12, "percent": 10,
          "count": 10, "units": 14, "status": 17, "evidence": 40, "note": 28}
DATE_FORMAT = "DD/MM/YYYY"
OPEN_FILL, SHUT_FILL, HEAD_FILL = "FFF9E5", "F2F2F2", "DDEBF7"
FIRST_ROW = 10  # the first row under the results table's headings
LINE, CHARS_PER_WIDTH = 14.5, 1.3  # points a wrapped line takes; characters a unit of width holds


def status_labels(lang: Lang) -> dict[str, str]:
    """The status list's labels (what the drop-down shows) by status code."""
    return {code: say(f"result.{code}", lang) for code in RESULT_STATUSES}


def identity_texts(plan: Plan, form: Form, lang: Lang) -> dict[str, str]:
    """What the header's locked agency and period cells show, by key of ``IDENTITY_FIELDS``."""
    agency = plan.agencies[form.agency]
    return dict(zip(IDENTITY_FIELDS, (f"{agency.name} ({agency.code})",
                                      f"{say(form.period.name, lang)} ({form.period.code})"), strict=True))


def workbook(plan: Plan, form: Form, lang: Lang, draft: Draft | None = None) -> bytes:
    """The form's workbook as bytes; with ``draft``, its values written into the open cells."""
    from openpyxl import Workbook

    book = Workbook()
    _Writer(book, plan, form, lang, draft).write()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, book: Any, plan: Plan, form: Form, lang: Lang, draft: Draft | None) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.book, self.plan, self.form, self.lang = book, plan, form, lang
        self.draft = draft
        self.values = draft.results if draft is not None else {}
        self.open = Protection(locked=False)
        self.fills = {name: PatternFill("solid", start_color=color)
                      for name, color in (("open", OPEN_FILL), ("shut", SHUT_FILL), ("head", HEAD_FILL))}
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)
        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def say(self, key: str, **args: Any) -> str:
        return say(key, self.lang, **args)

    def write(self) -> None:
        instructions = self.book.active
        self.instructions(instructions)
        results = self.book.create_sheet(self.say("form.sheet.results"))
        self.results(results)
        if self.form.unit_columns:
            self.units(self.book.create_sheet(self.say("form.sheet.units")))
        self.book.active = 1
        self.properties()

    # --- the sheets ----------------------------------------------------------------------------
    def marker(self, sheet: Any, role: str) -> None:
        sheet.cell(1, 1, MARK_PREFIX + role)
        sheet.column_dimensions["A"].hidden = True
        sheet.page_setup.orientation = "landscape"  # printed on A4, as wide as the page
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False  # widths and heights stay the clerk's to change
        sheet.protection.formatRows = False

    def instructions(self, sheet: Any) -> None:
        sheet.title = self.say("form.sheet.instructions")
        self.marker(sheet, INSTRUCTIONS)
        sheet.column_dimensions["B"].width = 110
        agency = self.plan.agencies[self.form.agency]
        sheet.cell(1, 2, self.title()).font = self.bold
        lines = [self.say("form.howto.about", agency=agency.name, period=self.form.period.name),
                 self.say("form.howto.open"), self.say("form.howto.rows"), self.say("form.howto.units"),
                 self.say("form.howto.evidence"), self.say("form.howto.import", agency=agency.code,
                                                           period=self.form.period.code),
                 self.say("form.howto.layout")]
        for i, line in enumerate(lines, start=3):
            cell = sheet.cell(i, 2, line)
            cell.alignment = self.wrap
            sheet.row_dimensions[i].height = LINE * _lines(line, 110) + 3

    def title(self) -> str:
        agency = self.plan.agencies[self.form.agency]
        return self.say("form.title", period=self.form.period.name, code=self.form.period.code, agency=agency.name,
                        decision=self.plan.decision.number)

    def results(self, sheet: Any) -> None:
        from openpyxl.utils import get_column_letter

        self.marker(sheet, RESULTS)
        form, plan = self.form, self.plan
        sheet.cell(1, 2, self.title()).font = self.bold
        start = form.period.data_window[0]
        due = plan.file.implementation_document.due
        draft = self.draft
        document = draft.implementation_document if draft is not None else None
        shown = identity_texts(plan, form, self.lang)
        header = [
            ("agency", "form.agency", shown["agency"], None),
            ("period", "form.period", shown["period"], None),
            ("submitted_on", "form.submitted_on", draft.submitted_on if draft else None,
             self.say("form.submitted_on_hint", start=date_label(start, self.lang))),
            ("implementation_document.number", "form.document_number", document[0] if document else None,
             self.say("form.document_hint", due=date_label(due, self.lang))),
            ("implementation_document.date", "form.document_date", document[1] if document else None, None),
        ]
        for row, (key, label, value, hint) in enumerate(header, start=2):
            sheet.cell(row, 1, key)
            sheet.cell(row, HEADER_VALUE_COLUMN - 1, self.say(label)).font = self.bold
            cell = sheet.cell(row, HEADER_VALUE_COLUMN, value)
            cell.border = self.border
            if key not in IDENTITY_FIELDS:
                self.opened(cell)
                if key.endswith("date") or key == "submitted_on":
                    cell.number_format = DATE_FORMAT
                    self.validate(sheet, "date", cell.coordinate)
            if hint:
                sheet.cell(row, HEADER_VALUE_COLUMN + 1, hint)
        keys_row, heads_row = FIRST_ROW - 2, FIRST_ROW - 1
        sheet.cell(keys_row, 1, COLUMN_KEYS)
        sheet.row_dimensions[keys_row].hidden = True
        for name in COLUMNS:
            column = column_of(name)
            sheet.cell(keys_row, column, name)
            head = sheet.cell(heads_row, column, self.say(f"form.col.{name}"))
            head.font, head.fill, head.alignment, head.border = self.bold, self.fills["head"], self.wrap, self.border
            sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[name]
        sheet.row_dimensions[heads_row].height = 45
        sheet.freeze_panes = sheet.cell(FIRST_ROW, column_of("indicator"))
        row = FIRST_ROW
        for lead in (True, False):
            block = [r for r in form.rows if r.leads == lead]
            if not block:
                continue
            heading = sheet.cell(row, column_of("code"), self.say("new.leads" if lead else "new.implements"))
            heading.font = self.bold
            row += 1
            for item in block:
                self.result_row(sheet, row, item)
                row += 1

    def result_row(self, sheet: Any, row: int, item: Row) -> None:
        indicator, task = item.indicator, item.task
        kind = kind_of(indicator)
        values = self.values.get(indicator.code, {})
        lines = [f"{task.code} — {task.title}", f"{self.say('target')}: {task.target_text}",
                 f"{indicator.code}: {indicator.name}"]
        agency = self.plan.agencies[self.form.agency]
        for field in kind.skeleton(self.plan, agency, indicator):
            if field.name in ("numerator", "denominator"):
                lines.append(f"{self.say('form.col.' + field.name)}: {say(field.hint, self.lang)}")
        shown = {"code": indicator.code, "indicator": "\n".join(lines),
                 "target": f"{say(kind.target(indicator), self.lang)} ({self.say('kind.' + kind.name)})",
                 "due": due_label(indicator, self.lang)}
        for name, text in shown.items():
            cell = sheet.cell(row, column_of(name), text)
            cell.alignment, cell.border = self.wrap, self.border
        for name in COLUMNS[len(shown):]:
            cell = sheet.cell(row, column_of(name))
            cell.border, cell.alignment = self.border, self.wrap
            if name == "units" and name in item.fields:
                cell.value = self.say("form.units_hint")
                cell.fill = self.fills["shut"]
            elif name in item.fields:
                self.opened(cell)
                self.fill_value(sheet, cell, name, values.get(name))
            else:
                cell.fill = self.fills["shut"]
        # Calc keeps the heights a file gives (and converting, fits no row): each row is made as
        # high as its longest wrapped text.
        texts = [(str(sheet.cell(row, column_of(name)).value or ""), WIDTHS[name]) for name in COLUMNS]
        sheet.row_dimensions[row].height = LINE * max(_lines(text, width) for text, width in texts) + 3

    def fill_value(self, sheet: Any, cell: Any, name: str, value: Any) -> None:
        """An open cell: its validation, its format, and the draft's value if any."""
        if name in ("numerator", "denominator", "count"):
            self.validate(sheet, "whole", cell.coordinate)
            cell.number_format = "0"
        elif name == "percent":
            self.validate(sheet, "percent", cell.coordinate)
            cell.number_format = "0.0##"
        elif name == "status":
            self.validate(sheet, "status", cell.coordinate)
        else:
            cell.number_format = "@"  # text
        if value is None:
            return
        if name == "status":
            value = status_labels(self.lang).get(value, value)
        elif name == "evidence":
            value = "\n".join(str(item) for item in value)
        cell.value = value

    def units(self, sheet: Any) -> None:
        from openpyxl.utils import get_column_letter

        self.marker(sheet, UNITS)
        sheet.cell(1, 2, self.say("form.units.title")).font = self.bold
        sheet.cell(2, 1, COLUMN_KEYS)
        sheet.row_dimensions[2].hidden = True
        heads = [("code", self.say("form.units.code"), 12), ("name", self.say("form.units.name"), 28)]
        for i, (key, text, width) in enumerate(heads, start=2):
            sheet.cell(2, i, key)
            head = sheet.cell(3, i, text)
            head.font, head.fill, head.alignment, head.border = self.bold, self.fills["head"], self.wrap, self.border
            sheet.column_dimensions[get_column_letter(i)].width = width
        first = 2 + len(heads)
        for j, column in enumerate(self.form.unit_columns, start=first):
            indicator = column.indicator
            sheet.cell(2, j, indicator.code)
            head = sheet.cell(3, j, f"{indicator.code}\n{indicator.name}")
            head.font, head.fill, head.alignment, head.border = self.bold, self.fills["head"], self.wrap, self.border
            sheet.column_dimensions[get_column_letter(j)].width = 16
        sheet.row_dimensions[3].height = 120
        sheet.freeze_panes = sheet.cell(4, first)
        for i, unit in enumerate(self.form.units, start=4):
            sheet.cell(i, 1, unit.slug)
            sheet.cell(i, 2, unit.code).border = self.border
            sheet.cell(i, 3, unit.name).border = self.border
            for j, column in enumerate(self.form.unit_columns, start=first):
                cell = sheet.cell(i, j)
                cell.border = self.border
                if unit.slug in column.allowed:
                    self.opened(cell)
                    self.validate(sheet, "mark", cell.coordinate)
                    listed = self.values.get(column.indicator.code, {}).get("units")
                    if listed == "all" or (isinstance(listed, (list, tuple)) and _lists(self.plan, listed, unit.slug)):
                        cell.value = "x"
                else:
                    cell.fill = self.fills["shut"]

    # --- cells ---------------------------------------------------------------------------------
    def opened(self, cell: Any) -> None:
        cell.protection = self.open
        cell.fill = self.fills["open"]

    def validate(self, sheet: Any, what: str, coordinate: str) -> None:
        """Add ``coordinate`` to the sheet's data validation of ``what`` (made once a sheet)."""
        from openpyxl.worksheet.datavalidation import DataValidation

        made = getattr(sheet, "_papi_validations", None)
        if made is None:
            made = sheet._papi_validations = {}
        if what not in made:
            kinds: dict[str, dict[str, Any]] = {
                "whole": {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
                "percent": {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100"},
                "status": {"type": "list", "formula1": '"' + ",".join(status_labels(self.lang).values()) + '"'},
                "date": {"type": "date", "operator": "between", "formula1": str(_serial(dt.date(2000, 1, 1))),
                         "formula2": str(_serial(dt.date(2100, 12, 31)))},
                "mark": {"type": "list", "formula1": '"x"'},
            }
            rule = DataValidation(**kinds[what], allow_blank=True, showErrorMessage=True,
                                  errorTitle="papi", error=self.say(f"form.invalid.{what}"))
            sheet.add_data_validation(rule)
            made[what] = rule
        made[what].add(coordinate)

    def properties(self) -> None:
        from openpyxl.packaging.custom import StringProperty

        props = self.book.properties
        props.title = self.title()
        props.creator = f"papi {__version__}"
        props.keywords = "papi-form"
        for name, value in ((PROP_FORM, FORM_VERSION), (PROP_PLAN, self.form.plan_digest),
                            (PROP_VERSION, __version__), (PROP_AGENCY, self.form.agency),
                            (PROP_PERIOD, self.form.period.code)):
            self.book.custom_doc_props.append(StringProperty(name=name, value=value))


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide (the
    characters of Vietnamese text in Calibri 11 are narrower than the ``0`` the width counts)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _lists(plan: Plan, listed: Any, slug: str) -> bool:
    for item in listed:
        unit = plan.find_unit(item)
        if unit is not None and unit.slug == slug:
            return True
    return False


def _serial(day: dt.date) -> int:
    """A day as a spreadsheet's serial number (1900 date system)."""
    return (day - SERIAL_EPOCH).days
