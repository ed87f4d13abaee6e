"""``papi status`` in a terminal: indicators by dimension, the summary, then who is late.

Status is always a word as well as a colour (colour alone fails on a monochrome terminal and for
colour-blind readers). The renderer shows the evaluation; it computes nothing.
"""

from __future__ import annotations

from typing import IO

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from papi_cli.model.plan import Plan
from papi_cli.model.results import STATUSES, Evaluation, IndicatorResult
from papi_cli.periods import parse
from papi_cli.render.console import console_for
from papi_cli.render.labels import date_label, in_lang
from papi_cli.render.status_text import (
    BAR,
    agency_text,
    documents_counts,
    header_lines,
    missing_text,
    overdue_order,
    own_cells,
    reporting_counts,
    row,
    shows_missing,
)
from papi_cli.words import Lang, say

STYLES = {"met": "green", "on_track": "cyan", "at_risk": "yellow", "missed": "bold red", "no_data": "dim"}


# From this width on every field has its own column; below it the due date goes under the
# target and the progress bar under the value, so that the task text keeps room to be read.
WIDE = 160
VALUE_COMPACT = 17
# Below this width (an 80-column terminal) the lead goes under the status, out of its own column.
NARROW = 100


def render_table(plan: Plan, evaluation: Evaluation, lang: Lang, out: IO[str]) -> None:
    console = console_for(out)
    for line in header_lines(evaluation, lang):
        console.print(escape(line))
    console.print()
    compact, narrow = console.width < WIDE, console.width < NARROW
    for code in evaluation.dimensions():
        results = [r for r in evaluation.indicators if r.dimension == code]
        console.print(indicator_table(plan, results, compact, lang, narrow=narrow, evaluation=evaluation))
    console.print(fit(console, summary_table(plan, evaluation, lang)))
    reporting = agency_reporting_table(plan, evaluation, lang) if evaluation.agency else \
        reporting_table(plan, evaluation, lang)
    if reporting is not None:
        console.print(reporting)
    console.print(escape(reporting_counts(evaluation, lang)))
    documents = documents_table(plan, evaluation, lang)
    if documents is not None:
        console.print(documents)
    if evaluation.implementation_documents:
        console.print(escape(documents_counts(evaluation, lang)))


def indicator_table(plan: Plan, results: list[IndicatorResult], compact: bool, lang: Lang,
                    narrow: bool = False, evaluation: Evaluation | None = None) -> Table:
    """One dimension's indicators; fixed column widths, so the tables of all dimensions line up."""
    dim = plan.dimension(results[0].dimension)
    title = f"{dim.code}. {in_lang(dim.name, dim.name_en, lang)} ({dim.papi})"
    table = Table(title=escape(title), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False, expand=True)
    table.add_column(say("code", lang), no_wrap=True, style="bold", width=6)
    table.add_column(say("task", lang), ratio=1, overflow="fold")
    if compact:
        table.add_column(f"{say('target', lang)}\n{say('due', lang)}", width=10, overflow="fold")
        table.add_column(f"{say('value', lang)}\n{say('progress', lang)}", width=VALUE_COMPACT, overflow="fold")
        table.add_column(say("status", lang), width=14 if narrow else 12, overflow="fold")
    else:
        table.add_column(say("target", lang), width=15, overflow="fold")
        table.add_column(say("value", lang), width=19, overflow="fold")
        table.add_column(say("progress", lang), width=BAR, no_wrap=True)
        table.add_column(say("status", lang), width=20, overflow="fold")
        table.add_column(say("due", lang), width=10, no_wrap=True)
    if not narrow:
        table.add_column(say("lead", lang), width=15 if compact else 24, overflow="fold")
    for result in results:
        text = row(plan, result, lang)
        style = STYLES[result.status]
        target, value, due = escape(text.target), escape(text.value), text.due
        progress = f"[{style}]{text.progress}[/]"
        status = f"[{style}]{escape(text.status)}[/]"
        if compact:
            if len(value) > VALUE_COMPACT:  # break between the counts and the percent, not inside either
                value = value.replace(" · ", "\n", 1)
            cells = [f"{target}\n{due}", f"{value}\n{progress}", status]
        else:
            cells = [target, value, progress, status, due]
        lead = escape(text.lead)
        if narrow:
            cells[-1] += f"\n[dim]{lead}[/]"
        table.add_row(result.code, escape(text.task), *cells, *([] if narrow else [lead]))
        if shows_missing(result):
            table.add_row("", f"[dim]{escape(missing_text(plan, result, lang))}[/]")
        if evaluation is not None and evaluation.agency:
            label, own = own_cells(plan, evaluation, result, lang)
            table.add_row("", f"[italic]{escape(label)}[/]", "", f"[italic]{escape(own)}[/]")
    return table


def summary_table(plan: Plan, evaluation: Evaluation, lang: Lang) -> Table:
    """Counts by status for each dimension shown, then overall; the names shortened to one line."""
    table = Table(title=escape(say("summary_title", lang)), title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(say("code", lang), no_wrap=True, style="bold", width=6)
    table.add_column(say("dimension", lang), no_wrap=True, overflow="ellipsis", ratio=1)
    for status in STATUSES:
        table.add_column(f"[{STYLES[status]}]{escape(say(f'status.{status}', lang))}[/]", justify="right", width=10)
    table.add_column(say("total", lang), justify="right", width=5)
    for code in evaluation.dimensions():
        dim = plan.dimension(code)
        table.add_row(code, escape(in_lang(dim.name, dim.name_en, lang)), *_count_cells(evaluation, code))
    table.add_section()
    table.add_row("", f"[bold]{escape(say('overall', lang))}[/]", *_count_cells(evaluation, None))
    return table


def fit(console: Console, table: Table) -> Table:
    """The table at its natural width, or the console's when narrower: its ratio columns shrink
    (fixed-width ones would otherwise be squeezed along with them)."""
    from rich.measure import Measurement

    table.width = min(console.width, Measurement.get(console, console.options, table).maximum)
    return table


def _count_cells(evaluation: Evaluation, dimension: str | None) -> list[str]:
    counts = evaluation.counts(dimension)
    return [str(counts[s]) if counts[s] else "·" for s in STATUSES] + [str(sum(counts.values()))]


def reporting_table(plan: Plan, evaluation: Evaluation, lang: Lang) -> Table | None:
    """The owed reports that are late or missing (on-time and not-yet-due ones are counted below)."""
    overdue = [e for e in evaluation.reporting if e.state in ("late", "missing")]
    if not overdue:
        return None
    table = Table(title=escape(say("reporting_title", lang)), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(say("agency", lang), ratio=2, min_width=12)
    table.add_column(say("period", lang), no_wrap=True)
    table.add_column(say("deadline", lang), no_wrap=True)
    table.add_column(say("submitted_on", lang), no_wrap=True)
    table.add_column(say("state", lang), ratio=1, min_width=8)
    for entry in sorted(overdue, key=overdue_order):
        style = "bold red" if entry.state == "missing" else "yellow"
        table.add_row(escape(agency_text(plan, entry.agency, lang)), say(parse(entry.period).name, lang),
                      date_label(entry.deadline, lang),
                      date_label(entry.submitted_on, lang) if entry.submitted_on else "—",
                      f"[{style}]{escape(say(f'state.{entry.state}', lang))}[/]")
    return table



def agency_reporting_table(plan: Plan, evaluation: Evaluation, lang: Lang) -> Table | None:
    """``--agency``: every report the agency owes, in each state (not only the overdue ones)."""
    if not evaluation.reporting:
        return None
    name = agency_text(plan, evaluation.agency or "", lang)
    table = Table(title=escape(say("own.reporting_title", lang, agency=name)), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(say("period", lang), no_wrap=True)
    table.add_column(say("deadline", lang), no_wrap=True)
    table.add_column(say("submitted_on", lang), no_wrap=True)
    table.add_column(say("state", lang), ratio=1, min_width=8)
    styles = {"missing": "bold red", "late": "yellow", "on_time": "green", "pending": "dim"}
    for entry in evaluation.reporting:
        table.add_row(say(parse(entry.period).name, lang), date_label(entry.deadline, lang),
                      date_label(entry.submitted_on, lang) if entry.submitted_on else "—",
                      f"[{styles[entry.state]}]{escape(say(f'state.{entry.state}', lang))}[/]")
    return table


def documents_table(plan: Plan, evaluation: Evaluation, lang: Lang) -> Table | None:
    """Implementation documents issued late, or not at all once the deadline passed."""
    late = [d for d in evaluation.implementation_documents if d.on_time is False]
    if not late or evaluation.implementation_document_deadline is None:
        return None
    deadline = date_label(evaluation.implementation_document_deadline, lang)
    table = Table(title=escape(say("docs_title", lang, deadline=deadline)), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(say("agency", lang), ratio=2, min_width=12)
    table.add_column(say("number", lang), ratio=1, min_width=8)
    table.add_column(say("date", lang), no_wrap=True)
    table.add_column(say("state", lang), ratio=1, min_width=8)
    for doc in late:
        state = "doc.late" if doc.date else "doc.none"
        table.add_row(escape(agency_text(plan, doc.agency, lang)), escape(doc.number or "—"),
                      date_label(doc.date, lang) if doc.date else "—", f"[yellow]{escape(say(state, lang))}[/]")
    return table

