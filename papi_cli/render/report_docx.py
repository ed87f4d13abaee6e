"""The report of a period as a Word document (``.docx``): the HTML report's content, in its order,
in the layout of Decree 30/2020/NĐ-CP, Appendix I (docs/rules.md, "The report's layout").

- A4 portrait, margins 20/20/30/15 mm, Times New Roman 13 pt (12–13 pt in the header block);
  page numbers centred at the top from page 2, a PAGE field in a header that the first page does
  not show (``docx_common``).
- The header block in two borderless columns, "BÁO CÁO", the summary line and the basis, then
  the body in numbered parts: the period and its cut-off, the overview, the results by
  dimension, the late and missing reports and the implementation documents, the PAPI results
  of the annual report; then the officer's own sections where a Decree 30 report has them
  (``view.narrative``): the overall assessment, the directions and tasks for the next period
  followed by what falls due in it, the recommendations; a section not written shows its
  placeholder sentence. The narrative's runs keep their bold and italic and nothing else: the
  text goes into runs as text. Then "Nơi nhận" and the signature, kept on the page of the
  body's last lines.
- The annex in a landscape A4 section of its own: every task in the decision's seven columns,
  the header row repeated on every page (``w:tblHeader``).
- The data version is in the document's properties and in the footer of every page (as in the
  HTML report's page footer), not in the body.

Charts are tables, not images. The HTML report draws its charts as inline SVG; Word has no such
image, and drawing one as a PNG would need an image library with fonts (Pillow, matplotlib,
cairo), which papi does not depend on. So a bar here is a row of table cells shaded in the
status colours, with the counts or the value written in them or beside them:

- each dimension's statuses after each quarter of the year so far (``DimensionSummary.trend``):
  one bar per quarter, the segments' widths those of the view (``Summary.segments``), each
  holding its count, with a legend; the plan's total for the period last;
- each indicator's value after each quarter against its target (``IndicatorLine.trend``), in its
  annex result: one small bar per quarter in the quarter's status colour, on an axis from 0 to
  100 % (a percent), to 1 (a milestone) or to the target or the highest value (a count), a
  vertical line at the target, and the value in figures.

Text stays text: selectable, in Times New Roman, in the report's language, printed sharp, and
legible in black and white (every bar carries its figures).

Pure: a ``ReportView`` in, the file's bytes out (the same bytes for the same view). python-docx
is imported only when a document is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from papi_cli.render import docx_common as d
from papi_cli.words import say

if TYPE_CHECKING:
    from papi_cli.report.model import (
        AnnexRow,
        IndicatorLine,
        NarrativeSection,
        ReportView,
        Segment,
        Summary,
        TrendPoint,
    )

TABLE_PT = 11.0  # the body's tables
ANNEX_PT = 10.0  # the annex table (landscape, seven columns)
SMALL_PT = 9.0  # the detail lines of an annex result
BAR_UNITS = 50  # a chart bar is this many grid columns wide (2 % each)
ANNEX_COLUMNS = (6.5, 22, 13, 11, 12, 8.5, 27)  # percent of the width, as in the HTML report
TREND_UNITS = 20  # an indicator's trend bar is this many grid columns wide (5 % of its axis each)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def render(view: ReportView) -> bytes:
    """The ``.docx`` file of the report."""
    from docx.enum.section import WD_SECTION

    doc = d.new_document(view.lang)
    first = doc.sections[0]
    d.page_numbers(first)
    d.footer_line(first, view.footer_text)
    d.header_block(doc, view.header, view.lang)
    _title(doc, view)
    _meta(doc, view)
    numbers = iter(ROMAN)
    _overall(doc, view, next(numbers))
    _dimensions(doc, view, next(numbers))
    _reporting(doc, view, next(numbers))
    if view.outcome is not None:
        _outcome(doc, view, next(numbers))
    narrative = view.narrative
    _narrative(doc, view, narrative.assessment, next(numbers))
    _narrative(doc, view, narrative.next_tasks, next(numbers))
    _next_period(doc, view)
    _narrative(doc, view, narrative.proposals, next(numbers))
    d.keep_with_closing(doc)
    d.closing(doc, view.recipients, view.signer, view.lang)
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    d.section_break_paragraph(doc)
    d.page(annex, landscape=True)
    annex.different_first_page_header_footer = False
    _annex(doc, view)
    d.properties(doc, title=f"{view.title} {view.period_label}", subject=view.summary_line,
                 author=view.header.issuing_body, version=view.data_version, identifier=view.commit or "",
                 keywords=f"{view.plan}; {view.period}", comments=view.footer_text, lang=view.lang,
                 when=view.issued_on)
    return d.to_bytes(doc, view.issued_on)


def _title(doc: Any, view: ReportView) -> None:
    d.paragraph(doc, view.title, size=14, bold=True, align="center", before=12)
    d.paragraph(doc, view.summary_line, size=14, bold=True, align="center")
    d.paragraph(doc, view.basis_line, italic=True, align="center", before=2)
    summary_mm = d.text_mm(view.summary_line, 14, room_mm=d.text_width())
    d.rule(doc, d.SHORT_RULE * summary_mm, d.text_width(), before=2, after=6)


def _meta(doc: Any, view: ReportView) -> None:
    t = partial(say, lang=view.lang)
    period = d.paragraph(doc, f"{t('report.period')}: ", indent=True, align="justify", before=6)
    d.run(period, view.period_label, bold=True)
    d.run(period, f" ({view.period}). {t('report.cumulative')}")
    window = d.paragraph(doc, f"{t('report.data_window')}: {view.data_window_text}; {t('report.as_of')}: ",
                         indent=True, align="justify", before=6)
    d.run(window, view.as_of_text, bold=True)
    d.run(window, ".")
    d.paragraph(doc, view.files_text, indent=True, align="justify", before=6)  # a sentence of its own, as in HTML
    if view.skipped_files:
        d.paragraph(doc, t("status_skipped", n=len(view.skipped_files), files=", ".join(view.skipped_files)),
                    bold=True, indent=True, align="justify", before=6, colour=d.STATUS_COLOURS["at_risk"])


def _heading(doc: Any, text: str, level: int = 1) -> None:
    para = d.paragraph(doc, style=f"Heading {level}", before=8 if level == 1 else 6, after=3, keep=True)
    d.run(para, text.upper() if level == 1 else text, bold=True)


def _body(doc: Any, text: str) -> Any:
    return d.paragraph(doc, text, indent=True, align="justify", before=6)


def _data_table(doc: Any, widths: Sequence[float], labels: Sequence[str],
                rows: Sequence[Sequence[tuple[str, str]]], *, introduced: bool = True) -> Any:
    """A bordered table: a header row of ``labels`` (repeated on each page), then ``rows`` of
    (text, alignment) cells. The paragraph that introduces it, its header row and its first row
    stay on one page (a sentence announcing a table never ends a page without it); not
    ``introduced``: what comes before is not about the table (a chart's caption)."""
    if introduced:
        d.keep_last_paragraph_with_next(doc)
    grid = d.table(doc, widths, rows=1)
    d.header_row(grid, labels, size=TABLE_PT)
    d.keep_row_with_next(grid.rows[0])
    for values in rows:
        row = d.add_row(grid, widths)
        if _short_row(values, widths):
            d.keep_row(row)
        for cell, (text, align) in zip(row.cells, values, strict=True):
            d.cell_text(cell, text, size=TABLE_PT, align=align)
    return grid


KEPT_ROW_LINES = 20  # a row kept whole is at most this many lines (well under a page)


def _short_row(values: Sequence[tuple[str, str]], widths: Sequence[float]) -> bool:
    """Whether a row is short enough to be kept whole. Word cuts off a row that may not break
    across pages and is taller than a page, so a row made tall by a very long name may break.
    The lines are estimated: 11 pt Times averages about 2 mm a character."""
    lines = max(len(text) * 2.0 / max(width - 2.4, 1.0) for (text, _), width in zip(values, widths, strict=True))
    return lines <= KEPT_ROW_LINES


def _overall(doc: Any, view: ReportView, number: str) -> None:
    t = partial(say, lang=view.lang)
    _heading(doc, f"{number}. {t('report.overall_title')}")
    _body(doc, t("report.overall_text", met=view.overall.counts["met"], total=view.overall.total,
                 share=view.overall.met_share_text)).paragraph_format.keep_with_next = True
    rows = [[(view.overall.labels[status], "left"), (str(count), "right")]
            for status, count in view.overall.counts.items()]
    grid = _data_table(doc, (70, 30), (t("status"), t("report.indicators")), rows)
    total = d.add_row(grid, (70, 30))
    d.cell_text(total.cells[0], t("total"), size=TABLE_PT, bold=True)
    d.cell_text(total.cells[1], str(view.overall.total), size=TABLE_PT, bold=True, align="right")
    for row, status in zip(grid.rows[1:], view.overall.counts, strict=False):
        row.cells[0].paragraphs[0].runs[0].font.color.rgb = d._rgb(d.STATUS_COLOURS[status])
        row.cells[0].paragraphs[0].runs[0].font.bold = True
    d.keep_table_together(grid)


def _dimensions(doc: Any, view: ReportView, number: str) -> None:
    t = partial(say, lang=view.lang)
    _heading(doc, f"{number}. {t('report.dimensions_title')}")
    _status_chart(doc, view)
    statuses = list(view.overall.labels)
    width = d.text_width()
    widths = (width - 14 * len(statuses) - 14 - 20, *(14.0,) * len(statuses), 14.0, 20.0)
    labels = (t("dimension"), *view.overall.labels.values(), t("total"), t("report.met_share"))
    rows = [[(f"{dim.code}. {dim.name} ({dim.papi})", "left"),
             *((str(dim.summary.counts[s]), "right") for s in statuses),
             (str(dim.summary.total), "right"), (dim.summary.met_share_text, "right")]
            for dim in view.dimensions]
    grid = _data_table(doc, widths, labels, rows, introduced=False)
    for cell in grid.rows[0].cells:
        for para in cell.paragraphs:
            for piece in para.runs:
                piece.font.size = d._pt(10)
    d.paragraph(doc, "", after=2)


def _status_chart(doc: Any, view: ReportView) -> None:
    """Each dimension's statuses after each quarter of the year so far (``DimensionSummary.trend``;
    the last quarter's is the report's own), one bar of shaded cells per quarter with its counts,
    the dimension's name beside its group of bars; the plan's total, last, for the report's
    period. Without a trend (none computed), one bar per dimension."""
    t = partial(say, lang=view.lang)
    quarters = [p.label for p in view.trend_periods]
    groups: list[tuple[str, list[tuple[str, Summary]]]] = []
    for dim in view.dimensions:
        bars = list(zip(quarters, dim.trend, strict=False)) if dim.trend else [("", dim.summary)]
        groups.append((f"{dim.code} ({dim.papi})", bars))
    groups.append((t("total"), [(quarters[-1] if quarters else "", view.overall)]))
    label_mm, quarter_mm, tail_mm = 22.0, 13.0, 14.0
    unit = (d.text_width() - label_mm - quarter_mm - tail_mm) / BAR_UNITS
    widths = (label_mm, quarter_mm, *(unit,) * BAR_UNITS, tail_mm)
    rows = sum(len(bars) for _, bars in groups) + len(groups) - 1
    chart = d.table(doc, widths, rows=rows, grid=False, padding_mm=0.5)
    index = 0
    for number, (label, bars) in enumerate(groups):
        last_group = number == len(groups) - 1
        group = chart.rows[index:index + len(bars)]
        for row, (quarter, summary) in zip(group, bars, strict=True):
            _bar(row, quarter, summary, bold=last_group)
            _height(row, 4.5 if len(bars) > 1 else 5.5)
            d.keep_row(row)
        name = group[0].cells[0] if len(group) == 1 else group[0].cells[0].merge(group[-1].cells[0])
        d.cell_text(name, label, size=10, bold=last_group)
        for row in group[:-1]:  # a dimension's bars stay on one page
            d.keep_row_with_next(row)
        index += len(bars)
        if not last_group:
            _height(chart.rows[index], 1.5)
            index += 1
    _legend(doc, view)
    title = t("docx.trend_chart_title") if quarters and any(dim.trend for dim in view.dimensions) else \
        t("report.chart_title")
    d.paragraph(doc, title, size=11, italic=True, align="center", before=2, after=6)


def _bar(row: Any, quarter: str, summary: Summary, *, bold: bool) -> None:
    """Cells 2… of ``row``: the quarter's label, the bar's segments (shaded, each with its count), and
    the number met out of the total."""
    cells = row.cells
    d.cell_text(cells[1], quarter, size=9, bold=bold)
    column = 2
    end = BAR_UNITS + 1  # the bar's last cell
    for segment, span in _spans(summary.segments):
        cell = cells[column] if span == 1 else cells[column].merge(cells[column + span - 1])
        d.shade(cell, d.STATUS_FILLS[segment.status])
        d.cell_text(cell, str(segment.count), size=9, bold=True, align="center",
                    colour=d.STATUS_INKS[segment.status])
        column += span
    if column <= end:  # nothing to show (no indicator): an empty grey bar
        rest = cells[column] if column == end else cells[column].merge(cells[end])
        d.shade(rest, "E0E0E0")
    d.cell_text(cells[-1], f"{summary.counts['met']}/{summary.total}", size=10, bold=bold, align="right")


def _spans(segments: Sequence[Segment]) -> list[tuple[Segment, int]]:
    """How many of the bar's grid columns each segment takes: its start and end (percent of the bar,
    as the view gives them) rounded to the grid; a segment too thin for one column is left out."""
    spans = []
    for segment in segments:
        start = round(segment.start * BAR_UNITS / 100)
        end = min(round((segment.start + segment.width) * BAR_UNITS / 100), BAR_UNITS)
        if end > start:
            spans.append((segment, end - start))
    return spans


def _height(row: Any, mm: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    row.height = d._mm(mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def _legend(doc: Any, view: ReportView) -> None:
    """A shaded square and the label of each status, on one line."""
    labels = list(view.overall.labels.items())
    swatch = 3.5
    room = d.text_width() - len(labels) * (swatch + 1.5)
    weight = sum(len(label) + 2 for _, label in labels)
    widths: list[float] = []
    for _, label in labels:
        widths += [swatch, 1.5, room * (len(label) + 2) / weight]
    legend = d.table(doc, widths, grid=False, padding_mm=0)
    cells = legend.rows[0].cells
    for index, (status, label) in enumerate(labels):
        d.shade(cells[3 * index], d.STATUS_FILLS[status])
        d.cell_text(cells[3 * index + 2], label, size=10)
    _height(legend.rows[0], 4.5)
    d.keep_row(legend.rows[0])


def _reporting(doc: Any, view: ReportView, number: str) -> None:
    t = partial(say, lang=view.lang)
    _heading(doc, f"{number}. {t('report.reporting_title')}")
    _body(doc, view.reporting.counts_text)
    if view.reporting.lines:
        labels = (t("report.col.stt"), t("agency"), t("period"), t("deadline"), t("submitted_on"), t("state"))
        rows = [[(str(n), "center"), (r.agency_name, "left"), (r.period_label, "left"), (r.deadline_text, "left"),
                 (r.submitted_text, "left"), (r.state_label, "left")]
                for n, r in enumerate(view.reporting.lines, start=1)]
        _data_table(doc, (12, 55, 26, 24, 24, 24), labels, rows)
    else:
        _body(doc, t("report.no_late_reports"))
    _heading(doc, t("report.documents_title"), level=2)
    _body(doc, view.documents.counts_text)
    if view.documents.lines:
        doc_labels = (t("report.col.stt"), t("agency"), t("number"), t("date"), t("state"))
        rows = [[(str(n), "center"), (line.agency_name, "left"), (line.number or "—", "left"),
                 (line.date_text, "left"), (line.label, "left")]
                for n, line in enumerate(view.documents.lines, start=1)]
        _data_table(doc, (12, 63, 38, 24, 28), doc_labels, rows)


def _next_period(doc: Any, view: ReportView) -> None:
    """What falls due next: the figures that follow the officer's own directions and tasks."""
    t = partial(say, lang=view.lang)
    following = view.next_period
    _heading(doc, t("report.next_title"), level=2)
    if following.code is None:
        _body(doc, following.label)
        return
    _body(doc, t("report.next_text", period=following.label, window=following.data_window_text,
                 deadline=following.deadline_text))
    if not following.due:
        _body(doc, t("report.nothing_due"))
        return
    labels = (t("code"), t("report.indicator"), t("target"), t("due"), t("value"), t("status"))
    rows = [[(i.code, "left"), (i.name, "left"), (i.target_text, "left"), (i.due_text, "left"),
             (i.value_text, "left"), (i.status_label, "left")] for i in following.due]
    _data_table(doc, (15, 55, 25, 24, 24, 22), labels, rows)


def _outcome(doc: Any, view: ReportView, number: str) -> None:
    t = partial(say, lang=view.lang)
    outcome = view.outcome
    assert outcome is not None
    _heading(doc, f"{number}. {t('report.outcome_title', year=outcome.year)}")
    _body(doc, outcome.summary_text)
    labels = (t("dimension"), t("score"), t("rank"), t("group"), t("meets_goal"), t("report.indicators_met"))
    rows = [[(f"{o.code}. {o.name} ({o.papi})", "left"), (o.score_text, "right"), (f"{o.rank}/{o.of}", "right"),
             (o.group_label, "left"), (o.meets_label, "left"), (o.indicators_share_text, "right")]
            for o in outcome.rows]
    aggregate = outcome.aggregate
    rows.append([(aggregate.name, "left"), (aggregate.score_text, "right"),
                 (f"{aggregate.rank}/{aggregate.of}", "right"),
                 (aggregate.group_label, "left"), ("", "left"), ("", "left")])
    grid = _data_table(doc, (55, 18, 20, 26, 18, 28), labels, rows)
    for cell in grid.rows[-1].cells[:2]:
        for piece in cell.paragraphs[0].runs:
            piece.font.bold = True


# --- the officer's own words ---------------------------------------------------------------------------

def _narrative(doc: Any, view: ReportView, section: NarrativeSection, number: str) -> None:
    """A section only people write: its heading, then its paragraphs and lists with their bold and
    italic runs as written (text only: nothing in it is read as markup), or, when not written,
    the placeholder sentence in italics."""
    _heading(doc, f"{number}. {section.title}")
    if not section.written:
        d.paragraph(doc, section.placeholder, italic=True, indent=True, align="justify", before=6)
        return
    for block in section.blocks:
        for index, item in enumerate(block.items):
            para = _body(doc, "")
            if block.kind == "bullets":
                d.run(para, "- ")
            elif block.kind == "numbers":
                d.run(para, f"{block.start + index}. ")
            if block.kind != "paragraph":
                para.paragraph_format.space_before = d._pt(2)
            for piece in item:
                d.run(para, piece.text, bold=piece.bold, italic=piece.italic)


# --- the annex -----------------------------------------------------------------------------------------

def _annex(doc: Any, view: ReportView) -> None:
    t = partial(say, lang=view.lang)
    d.paragraph(doc, t("report.annex_title"), bold=True, align="center")
    d.paragraph(doc, t("report.annex_subtitle", period=view.period_label), bold=True, align="center")
    d.paragraph(doc, t("report.annex_attached", number=view.header.number, date=view.issued_text,
                       issuer=view.coordinator), italic=True, align="center", after=6)
    width = d.text_width(landscape=True)
    widths = tuple(width * share / 100 for share in ANNEX_COLUMNS)
    grid = d.table(doc, widths, rows=1)
    columns = ("stt", "task", "target", "lead", "implementers", "timeframe", "result")
    d.header_row(grid, [t(f"report.col.{c}") for c in columns], size=ANNEX_PT)
    for section in view.annex:
        row = d.add_row(grid, widths)
        d.keep_row(row)
        d.cell_text(row.cells[0], section.code, size=ANNEX_PT, bold=True, align="center")
        heading = row.cells[1].merge(row.cells[6])
        d.cell_text(heading, f"{section.heading} ({section.papi})", size=ANNEX_PT, bold=True)
        for cell in (row.cells[0], heading):
            d.shade(cell, "F2F2F2")
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        for task in section.rows:
            _task_row(d.add_row(grid, widths), task, view)


def _task_row(row: Any, task: AnnexRow, view: ReportView) -> None:
    cells = row.cells
    d.cell_text(cells[0], task.code, size=ANNEX_PT, align="center")
    d.cell_text(cells[1], task.title, size=ANNEX_PT)
    for number, text in task.items:
        d.paragraph(cells[1], f"{number}. {text}", size=ANNEX_PT)
    for cell, text in zip(cells[2:6], (task.target_text, task.lead_text, task.implementers_text, task.timeframe),
                          strict=True):
        d.cell_text(cell, text, size=ANNEX_PT)
    for index, indicator in enumerate(task.indicators):
        _result(cells[6], indicator, view, first=index == 0, many=len(task.indicators) > 1)


def _result(cell: Any, line: IndicatorLine, view: ReportView, *, first: bool, many: bool) -> None:
    """One indicator's result: status and value, then its target and due date, progress, what the
    period added, the units still missing, evidence and notes (as the HTML report's result cell)."""
    t = partial(say, lang=view.lang)
    para = d.first_paragraph(cell) if first else d.paragraph(cell, before=3)
    if not first:
        d.dotted_top(para)
    if many:
        d.run(para, f"{line.code}: ", size=ANNEX_PT, bold=True)
    d.run(para, line.status_label, size=ANNEX_PT, bold=True, colour=d.STATUS_COLOURS.get(line.status))
    d.run(para, f": {line.value_text}", size=ANNEX_PT)
    details = [f"({t('target').lower()} {line.target_text}; {t('due').lower()} {line.due_text})"]
    if line.progress is not None:
        details.append(f"{t('progress').lower()} {line.progress_text}")
    if line.in_period_text:
        details.append(f"{t('report.in_period')}: {line.in_period_text}")
    if line.missing_text:
        details.append(line.missing_text)
    for text in details:
        d.paragraph(cell, text, size=SMALL_PT)
    _trend_bars(cell, line, view)
    _listed(cell, t("report.evidence"), [f"{e.text} ({', '.join(e.agency_names)})" for e in line.evidence])
    _listed(cell, t("report.notes"), [f"{', '.join(n.agency_names)}: {n.text}" for n in line.notes])


def _listed(cell: Any, label: str, items: list[str]) -> None:
    if not items:
        return
    d.paragraph(cell, f"{label}:", size=SMALL_PT, bold=True)
    for item in items:
        para = d.paragraph(cell, f"- {item}", size=SMALL_PT)
        para.paragraph_format.left_indent = d._mm(2)


def _trend_bars(cell: Any, line: IndicatorLine, view: ReportView) -> None:
    """The indicator's value after each quarter of the year so far against its target: a small
    table of one row per quarter, the bar's shaded cells (in the quarter's status colour) as long
    as the value on an axis from 0 to the target or beyond, a vertical line at the target, and
    the value in figures."""
    if not line.trend or line.target_value is None:
        return
    axis = _axis(line)
    d.paragraph(cell, say("docx.trend_caption", view.lang, target=line.target_text), size=SMALL_PT - 1,
                italic=True, before=1)
    value_mm, label_mm, unit_mm = 24.0, 9.0, 1.6
    widths = (label_mm, *(unit_mm,) * TREND_UNITS, value_mm)
    grid = d.table(cell, widths, rows=len(line.trend), grid=False, padding_mm=0.3)
    target_at = round(min(line.target_value / axis, 1) * TREND_UNITS)
    for row, point in zip(grid.rows, line.trend, strict=True):
        cells = row.cells
        d.cell_text(cells[0], point.label, size=SMALL_PT - 1)
        filled = _filled(point, axis)
        for position in range(TREND_UNITS):
            d.shade(cells[1 + position], d.STATUS_FILLS[point.status] if position < filled else "EEEEEE")
        if target_at > 0:
            d.cell_border(cells[target_at], "right", size=12)
        else:
            d.cell_border(cells[1], "left", size=12)
        d.cell_text(cells[-1], point.value_text, size=SMALL_PT - 1, align="right")
        _height(row, 3.6)
        d.keep_row(row)


def _axis(line: IndicatorLine) -> float:
    """The top of an indicator's trend axis: 100 % for a percent, 1 (done) for a milestone; for a
    count, the target or the highest value if above it."""
    if line.unit == "percent":
        return 100.0
    if line.unit == "milestone":
        return 1.0
    values = [p.value for p in line.trend if p.value is not None]
    return max([line.target_value or 0.0, *values, 1.0])


def _filled(point: TrendPoint, axis: float) -> int:
    if point.value is None or point.value <= 0:
        return 0
    return max(1, round(min(point.value / axis, 1) * TREND_UNITS))
