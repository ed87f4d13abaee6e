"""``papi status --format md``: the same content as the terminal table, as GitHub-flavoured Markdown
(for a pull-request comment or a wiki page)."""

from __future__ import annotations

from papi_cli.model.plan import Plan
from papi_cli.model.results import STATUSES, Evaluation
from papi_cli.periods import parse
from papi_cli.render.labels import date_label, in_lang
from papi_cli.render.markdown import escape
from papi_cli.render.status_text import (
    Row,
    agency_text,
    documents_counts,
    header_lines,
    missing_text,
    overdue_order,
    own_text,
    reporting_counts,
    row,
    shows_missing,
)
from papi_cli.words import Lang, say


def render_md(plan: Plan, evaluation: Evaluation, lang: Lang) -> str:
    title, *context = header_lines(evaluation, lang)
    lines = [f"# {_text(title)}", ""]
    lines += [f"{_text(line)}  " for line in context] + [""]
    for code in evaluation.dimensions():
        dim = plan.dimension(code)
        lines += [f"## {code}. {_text(in_lang(dim.name, dim.name_en, lang))} ({dim.papi})", ""]
        lines += _table(list(Row._fields), [list(row(plan, r, lang)) for r in evaluation.indicators
                                            if r.dimension == code], lang)
        missing = [r for r in evaluation.indicators if r.dimension == code and shows_missing(r)]
        lines += [f"- {r.code}: {_text(missing_text(plan, r, lang))}" for r in missing]
        lines += [""] if missing else []
        if evaluation.agency:
            lines += [f"- {r.code} {_text(own_text(plan, evaluation, r, lang))}" for r in evaluation.indicators
                      if r.dimension == code] + [""]
    lines += [f"## {say('summary_title', lang)}", ""]
    rows = [[f"{c} {in_lang(plan.dimension(c).name, plan.dimension(c).name_en, lang)}", *_counts(evaluation, c)]
            for c in evaluation.dimensions()]
    rows.append([_Markup(f"**{_cell(say('overall', lang))}**"), *_counts(evaluation, None)])
    header = [say("dimension", lang), *(say(f"status.{s}", lang) for s in STATUSES), say("total", lang)]
    lines += _rows(header, rows)
    overdue = [e for e in evaluation.reporting if e.state in ("late", "missing")]
    if evaluation.agency:  # every report it owes, in each state
        overdue = list(evaluation.reporting)
        lines += [f"## {say('own.reporting_title', lang, agency=agency_text(plan, evaluation.agency, lang))}", ""]
    else:
        lines += [f"## {say('reporting_title', lang)}", ""]
    if overdue:
        lines += _table(["agency", "period", "deadline", "submitted_on", "state"], [
            [agency_text(plan, e.agency, lang), say(parse(e.period).name, lang), date_label(e.deadline, lang),
             date_label(e.submitted_on, lang) if e.submitted_on else "—", say(f"state.{e.state}", lang)]
            for e in sorted(overdue, key=overdue_order)
        ], lang)
    lines += [_text(reporting_counts(evaluation, lang)), ""]
    late_docs = [d for d in evaluation.implementation_documents if d.on_time is False]
    if late_docs and evaluation.implementation_document_deadline:
        deadline = date_label(evaluation.implementation_document_deadline, lang)
        lines += [f"## {say('docs_title', lang, deadline=deadline)}", ""]
        lines += _table(["agency", "number", "date", "state"], [
            [agency_text(plan, d.agency, lang), d.number or "—", date_label(d.date, lang) if d.date else "—",
             say("doc.late" if d.date else "doc.none", lang)]
            for d in late_docs
        ], lang)
    if evaluation.implementation_documents:
        lines += [_text(documents_counts(evaluation, lang)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _counts(evaluation: Evaluation, dimension: str | None) -> list[str]:
    counts = evaluation.counts(dimension)
    return [str(counts[s]) for s in STATUSES] + [str(sum(counts.values()))]


def _table(keys: list[str], rows: list[list[str]], lang: Lang) -> list[str]:
    return _rows([say(key, lang) for key in keys], rows)


def _rows(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


class _Markup(str):
    """A cell already written as Markdown (its text escaped, its markup papi's own)."""


def _cell(value: str) -> str:
    return value if isinstance(value, _Markup) else escape(value, line_break=" ")


def _text(value: str) -> str:
    return escape(value, line_break=" ")
