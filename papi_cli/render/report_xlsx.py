"""The report of a period as an Excel workbook (``papi report --format xlsx``): the same figures as
the other formats, as a spreadsheet people sort, filter and add up.

Six sheets, named in the report's language: what the report is (period, as-of date, data
version), the counts by status per dimension and overall, one row per indicator, every owed
periodic report with its state, every agency's implementation document, and the annex (every task
in the decision's columns with its results). Each table has its header row and first column
frozen, an auto filter, and column widths fitted to its content (capped; longer texts wrap).

Cells hold values, never formulas, and of their own type: counts are integers (``#,##0``), dates
real dates shown ``DD/MM/YYYY`` (in both languages: the offices' own way of writing a date; the
cell is a date, so a reader may reformat it), yes/no in words. A percent is the number
``papi status --format json`` gives (98.59 for 70/71: percent points, 2 decimals, never 0 or 100
unless exact), shown with the format ``0.00`` under a header that says "(%)": Excel then shows
exactly the stored number. A fraction with ``0.0%`` would let Excel round 99.99 up to "100.0%",
which papi never shows, and would make the cell differ from the JSON.

Text from the plan and the submissions is written as text: a cell whose text begins with ``=``,
``+``, ``-``, ``@`` (or a tab or carriage return) is a string cell (``data_type`` ``s``, never a
formula) marked ``quotePrefix``, so neither Excel nor LibreOffice evaluates it, not even after an
edit. Characters XML cannot hold become U+FFFD, and a text longer than a cell can hold is cut.

The view holds display texts; the raw numbers (numerators, counts, missing units) and the full
lists of reports and documents come from the evaluation the view was built from, and names from
the plan, written as the report writes them (a unit's type word in lower case: ``UBND huyện
Krông Nô``, ``xã Đắk Nia``). openpyxl is imported only here, inside ``render``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from papi_cli.periods import parse
from papi_cli.render.labels import in_lang
from papi_cli.report.view import agency_name, unit_name
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.results import Evaluation, ImplementationDocumentEntry, IndicatorResult
    from papi_cli.report.model import AnnexRow, Attributed, IndicatorLine, ReportView, Summary

TEXT, INT, PERCENT, DATE = "text", "int", "percent", "date"
FORMATS = {INT: "#,##0", PERCENT: "0.00"}
DATE_FORMAT = "DD/MM/YYYY"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as the start of a formula
MAX_CELL = 32_767  # the most characters an Excel cell holds
WIDTH_MIN, WIDTH_MAX = 6, 60  # column widths, in characters
LINE_HEIGHT, MAX_HEIGHT = 15, 409  # row heights, in points: a line of 11-point text; Excel's most
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STATUSES = ("met", "on_track", "at_risk", "missed", "no_data")

Column = tuple[str, str]  # header, kind of value


def render(view: ReportView, evaluation: Evaluation, plan: Plan) -> bytes:
    """The workbook of ``view``, built from ``evaluation`` and ``plan`` (the same ones the view was
    built from), as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    writer = _Writer(view.lang)
    writer.about(book.active, view)
    writer.table(book.create_sheet(), "xlsx.sheet.summary", *summary_table(view))
    writer.table(book.create_sheet(), "xlsx.sheet.indicators", *indicator_table(view, evaluation, plan))
    writer.table(book.create_sheet(), "xlsx.sheet.reporting", *reporting_table(view, evaluation, plan))
    writer.table(book.create_sheet(), "xlsx.sheet.documents", *documents_table(view, evaluation, plan))
    writer.table(book.create_sheet(), "xlsx.sheet.annex", *annex_table(view))
    _properties(book, view)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- the tables, as headers and rows of values ------------------------------------------------------

def _columns(lang: Lang, *spec: tuple[str, str]) -> list[Column]:
    return [(say(key, lang), kind) for key, kind in spec]


def summary_table(view: ReportView) -> tuple[list[Column], list[list[Any]]]:
    """Counts by status per dimension, then the province's."""
    lang = view.lang
    columns = _columns(lang, ("dimension", TEXT), ("xlsx.col.papi", TEXT), ("agencies.name", TEXT),
                       *((f"status.{s}", INT) for s in STATUSES), ("total", INT), ("xlsx.col.met_share", PERCENT))
    rows = [[d.code, d.papi, d.name, *_counts(d.summary)] for d in view.dimensions]
    rows.append([None, None, say("overall", lang), *_counts(view.overall)])
    return columns, rows


def _counts(summary: Summary) -> list[Any]:
    return [*(summary.counts[s] for s in STATUSES), summary.total, summary.met_share]


def indicator_table(view: ReportView, evaluation: Evaluation, plan: Plan) -> tuple[list[Column], list[list[Any]]]:
    """One row per indicator, in the annex's order."""
    lang = view.lang
    columns = _columns(lang, ("code", TEXT), ("dimension", TEXT), ("task", TEXT), ("report.indicator", TEXT),
                       ("kind", TEXT), ("target", TEXT), ("value", TEXT), ("xlsx.col.numerator", INT),
                       ("xlsx.col.denominator", INT), ("xlsx.col.percent", PERCENT), ("xlsx.col.count", INT),
                       ("status", TEXT), ("xlsx.col.late", TEXT), ("due", DATE), ("lead", TEXT),
                       ("xlsx.col.missing_units", TEXT))
    results = {r.code: r for r in evaluation.indicators}
    rows = [indicator_row(section.code, row, line, results[line.code], plan, lang)
            for section in view.annex for row in section.rows for line in row.indicators]
    return columns, rows


def indicator_row(dimension: str, row: AnnexRow, line: IndicatorLine, result: IndicatorResult, plan: Plan,
                  lang: Lang) -> list[Any]:
    task = plan.task(result.task)
    late = _yes_no(line.late, lang) if line.status == "met" else None
    missing = None
    if result.missing_units and result.value is not None:  # a coverage with figures: the units it lacks
        missing = ", ".join(unit_name(plan, slug) for slug in result.missing_units)
    return [line.code, dimension, in_lang(task.short, task.short_en, lang), line.name, say(f"kind.{line.kind}", lang),
            line.target_text, line.value_text, result.numerator, result.denominator, line.percent, result.count,
            say(f"status.{line.status}", lang), late, line.due, row.lead_text, missing]


def reporting_table(view: ReportView, evaluation: Evaluation, plan: Plan) -> tuple[list[Column], list[list[Any]]]:
    """Every quarterly report owed for the report's quarters (Q1 up to its last), whatever its
    state: the reports the body counts, so a later quarter is not listed as not yet due."""
    lang = view.lang
    columns = _columns(lang, ("code", TEXT), ("agency", TEXT), ("period", TEXT), ("deadline", DATE),
                       ("submitted_on", DATE), ("state", TEXT))
    quarters = set(parse(view.period).quarters_to_date)
    rows = [[e.agency, agency_name(plan, e.agency), say(parse(e.period).name, lang), e.deadline, e.submitted_on,
             say(f"state.{e.state}", lang)] for e in evaluation.reporting if e.period in quarters]
    return columns, rows


def documents_table(view: ReportView, evaluation: Evaluation, plan: Plan) -> tuple[list[Column], list[list[Any]]]:
    """Every owing agency's implementation document, on time or not."""
    lang = view.lang
    columns = _columns(lang, ("code", TEXT), ("agency", TEXT), ("number", TEXT), ("date", DATE),
                       ("xlsx.col.on_time", TEXT), ("state", TEXT))
    rows = [[d.agency, agency_name(plan, d.agency), d.number, d.date,
             None if d.on_time is None else _yes_no(d.on_time, lang), _document_state(d, lang)]
            for d in evaluation.implementation_documents]
    return columns, rows


def _document_state(entry: ImplementationDocumentEntry, lang: Lang) -> str:
    """The words of the report's documents section: on time, issued late, none, not yet due."""
    if entry.on_time is None:
        return say("state.pending", lang)
    if entry.on_time:
        return say("state.on_time", lang)
    return say("doc.late" if entry.number is not None else "doc.none", lang)


def annex_table(view: ReportView) -> tuple[list[Column], list[list[Any]]]:
    """Every task in the decision's columns, with its indicators' results."""
    lang = view.lang
    columns = _columns(lang, ("code", TEXT), ("report.col.stt", INT), ("report.col.task", TEXT),
                       ("report.col.target", TEXT), ("report.col.lead", TEXT), ("report.col.implementers", TEXT),
                       ("report.col.timeframe", TEXT), ("xlsx.col.outputs", TEXT), ("report.col.result", TEXT))
    rows = [[row.code, row.stt, "\n".join([row.title, *(f"{n}. {text}" for n, text in row.items)]),
             row.target_text, row.lead_text, row.implementers_text, row.timeframe, row.outputs,
             "\n\n".join(result_text(line, len(row.indicators) > 1, lang) for line in row.indicators)]
            for section in view.annex for row in section.rows]
    return columns, rows


def result_text(line: IndicatorLine, coded: bool, lang: Lang) -> str:
    """An indicator's result as the annex words it: status, value, target and due date, then what
    the period added, the units missing, the evidence and the notes, a line each."""
    head = say("xlsx.result", lang, status=line.status_label, value=line.value_text, target=line.target_text,
               due=line.due_text)
    lines = [say("xlsx.coded", lang, code=line.code, text=head) if coded else head]
    if line.in_period_text:
        lines.append(say("xlsx.in_period", lang, value=line.in_period_text))
    if line.missing_text:
        lines.append(line.missing_text)
    if line.evidence:
        lines.append(say("xlsx.evidence", lang, items=_items("xlsx.evidence_item", line.evidence, lang)))
    if line.notes:
        lines.append(say("xlsx.notes", lang, items=_items("xlsx.note_item", line.notes, lang)))
    return "\n".join(lines)


def _items(key: str, items: Sequence[Attributed], lang: Lang) -> str:
    return "; ".join(say(key, lang, text=a.text, agencies=", ".join(a.agency_names)) for a in items)


def _yes_no(value: bool, lang: Lang) -> str:
    return say("yes" if value else "no", lang)


# --- writing cells ------------------------------------------------------------------------------------

def safe_text(value: str) -> str:
    """``value`` as a cell may hold it: characters XML cannot carry replaced, cut to a cell's size."""
    text = _NOT_XML.sub("\ufffd", value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _width(value: Any, kind: str) -> int:
    """How many characters ``value`` takes on screen (its longest line)."""
    if value is None:
        return 0
    if kind == DATE:
        return 10
    if kind == INT:
        return len(f"{value:,}")
    if kind == PERCENT:
        return len(f"{value:.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _lines(value: Any, width: float) -> int:
    """How many lines a text takes wrapped in a column ``width`` characters wide (about)."""
    if value is None:
        return 1
    per_line = max(1, int(width) - 2)
    return sum(max(1, -(-len(line) // per_line)) for line in str(value).split("\n"))


class _Writer:
    """Puts values into sheets with one set of styles."""

    def __init__(self, lang: Lang) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.lang = lang
        self.bold = Font(bold=True)
        self.title = Font(bold=True, size=14)
        self.header_fill = PatternFill("solid", fgColor="DDDDDD")
        self.top = Alignment(vertical="top")
        self.wrap = Alignment(vertical="top", wrap_text=True)

    def put(self, cell: Any, value: Any, kind: str) -> None:
        """A value of its own type: text as text (never a formula), numbers and dates formatted."""
        if value is None:
            return
        if kind == TEXT:
            text = safe_text(str(value))
            cell.value = text
            cell.data_type = "s"  # openpyxl would make a formula of a text beginning with "="
            if text.startswith(FORMULA_STARTS):
                cell.quotePrefix = True  # and it stays text when someone edits the cell
            cell.alignment = self.wrap
            return
        cell.value = value
        cell.number_format = DATE_FORMAT if kind == DATE else FORMATS[kind]
        cell.alignment = self.top

    def table(self, sheet: Any, name: str, columns: list[Column], rows: list[list[Any]]) -> None:
        """A sheet holding one table: bold header row, frozen with the first column, filtered, fitted."""
        from openpyxl.utils import get_column_letter

        sheet.title = say(name, self.lang)
        for j, (header, _) in enumerate(columns, start=1):
            cell = sheet.cell(1, j)
            self.put(cell, header, TEXT)
            cell.font, cell.fill = self.bold, self.header_fill
        for i, row in enumerate(rows, start=2):
            for j, ((_, kind), value) in enumerate(zip(columns, row, strict=True), start=1):
                self.put(sheet.cell(i, j), value, kind)
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
        sheet.print_title_rows = "1:1"
        widths = [min(WIDTH_MAX, max(WIDTH_MIN, _width(header, TEXT) + 2, *(_width(row[j], kind) + 2 for row in rows)))
                  for j, (header, kind) in enumerate(columns)]
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = width
        for i, row in enumerate([[header for header, _ in columns], *rows], start=1):
            lines = max(_lines(value, width) for value, (_, kind), width in zip(row, columns, widths, strict=True)
                        if kind == TEXT)
            if lines > 1:  # LibreOffice keeps the default height of a row with wrapped text unless told
                sheet.row_dimensions[i].height = min(MAX_HEIGHT, LINE_HEIGHT * lines)
        self.page(sheet)

    def about(self, sheet: Any, view: ReportView) -> None:
        """What the report is: its title lines, then the period, dates, data version and files.

        The title lines and the notes span both columns and wrap there: a line left to run on
        across empty cells would widen the printed page until it is scaled down to nothing."""
        lang = view.lang
        sheet.title = say("xlsx.sheet.about", lang)
        facts: list[tuple[str, Any, str]] = [
            ("report.period", f"{view.period_label} ({view.period})", TEXT),
            ("report.data_window", view.data_window_text, TEXT),
            ("xlsx.as_of", view.as_of, DATE),
            ("xlsx.issued_on", view.issued_on, DATE),
            ("report.data_version", view.data_version, TEXT),
            ("xlsx.files_read", view.files_read, INT),
            ("xlsx.files_counted", view.files_counted, INT),
        ]
        label_width = max(_width(say(key, lang), TEXT) for key, _, _ in facts) + 2
        sheet.column_dimensions["A"].width = label_width
        sheet.column_dimensions["B"].width = WIDTH_MAX
        for i, line in enumerate((view.title, view.summary_line, view.basis_line), start=1):
            self.across(sheet, i, line, label_width + WIDTH_MAX)
        sheet.cell(1, 1).font = self.title
        for i, (key, value, kind) in enumerate(facts, start=5):
            self.put(sheet.cell(i, 1), say(key, lang), TEXT)
            sheet.cell(i, 1).font = self.bold
            self.put(sheet.cell(i, 2), value, kind)
            sheet.cell(i, 2).alignment = self.top if kind != TEXT else self.wrap
        notes = [say("report.cumulative", lang)]
        if view.skipped_files:
            notes.append(say("status_skipped", lang, n=len(view.skipped_files), files=", ".join(view.skipped_files)))
        for i, note in enumerate(notes, start=6 + len(facts)):
            self.across(sheet, i, note, label_width + WIDTH_MAX)
        self.page(sheet)

    def across(self, sheet: Any, row: int, text: str, width: float) -> None:
        """``text`` in columns A and B merged, wrapped, its row as high as its lines."""
        self.put(sheet.cell(row, 1), text, TEXT)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        lines = _lines(text, width)
        if lines > 1:
            sheet.row_dimensions[row].height = min(MAX_HEIGHT, LINE_HEIGHT * lines)

    @staticmethod
    def page(sheet: Any) -> None:
        """Printed on A4 landscape, as wide as one page."""
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _properties(book: Any, view: ReportView) -> None:
    """The file's own properties: title, subject, author, language and the data version."""
    lang = view.lang
    props = book.properties
    props.title = safe_text(view.summary_line)
    props.subject = view.period_label
    props.creator = props.lastModifiedBy = safe_text(view.coordinator)
    props.description = safe_text(say("xlsx.description", lang, summary=view.summary_line, period=view.period_label,
                                      as_of=view.as_of_text, version=view.data_version))
    props.keywords = safe_text(view.plan)
    props.version = view.data_version
    props.identifier = view.commit
    props.language = "vi-VN" if lang == "vi" else "en"
    props.created = dt.datetime.combine(view.issued_on, dt.time())
