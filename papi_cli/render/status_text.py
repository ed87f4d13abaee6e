"""Plain-text pieces of ``papi status`` shared by the terminal table and the Markdown output."""

from __future__ import annotations

from typing import Any, NamedTuple

from papi_cli.kinds import kind_of
from papi_cli.model.plan import Plan
from papi_cli.model.results import Evaluation, IndicatorResult, ReportingEntry
from papi_cli.periods import ROMAN, parse
from papi_cli.render.labels import date_label, in_lang, status_label, target_label, value_label
from papi_cli.render.problems import shown_name
from papi_cli.words import Lang, say

MISSING_SHOWN = 3  # unit names shown under a coverage indicator before "+N"
BAR = 8


def header_lines(evaluation: Evaluation, lang: Lang) -> list[str]:
    """Title, period, what was counted and what was skipped: the context of every figure below."""
    lines = [say("status_title", lang, plan=evaluation.decision_number, date=date_label(evaluation.as_of, lang))]
    if evaluation.period:
        lines.append(say("status_period", lang, period=say(parse(evaluation.period).name, lang)))
    lines.append(say("status_counted", lang, counted=evaluation.counted, files=evaluation.files,
                   date=date_label(evaluation.as_of, lang)))
    if evaluation.skipped_files:
        skipped = [shown_name(name) for name in evaluation.skipped_files]
        lines.append(say("status_skipped", lang, n=len(skipped), files=", ".join(skipped)))
    return lines


class Row(NamedTuple):
    """One indicator's line of ``papi status``, as plain text."""

    code: str
    task: str
    target: str
    value: str
    progress: str
    status: str
    due: str
    lead: str


def row(plan: Plan, result: IndicatorResult, lang: Lang) -> Row:
    task = plan.task(result.task)
    indicator = plan.indicator(result.code)
    return Row(result.code, in_lang(task.short, task.short_en, lang), target_label(indicator, lang),
               value_label(result, indicator, lang), bar(result), status_label(result, lang),
               date_label(result.due, lang), ", ".join(task.lead))


def bar(result: IndicatorResult, width: int = BAR) -> str:
    """A text bar of the progress toward the target: full only when met (90 % against "> 90 %"
    is at its target yet not met), empty dots without figures."""
    if result.progress is None:
        return "·" * width
    filled = min(width, int(result.progress * width))
    if filled == width and result.status != "met":
        filled -= 1
    return "█" * filled + "░" * (width - filled)


def shows_missing(result: IndicatorResult) -> bool:
    """A coverage indicator not met, with figures: which units are still missing is news (without
    figures every unit is missing, and the status already says so)."""
    return result.status != "met" and result.numerator is not None and bool(result.missing_units)


def missing_text(plan: Plan, result: IndicatorResult, lang: Lang) -> str:
    """``Còn thiếu: Xã Nghĩa Đức, Xã Đắk Buk So, Xã Quảng Tân +40``."""
    names = [plan.units[slug].name for slug in result.missing_units[:MISSING_SHOWN]]
    rest = len(result.missing_units) - len(names)
    return say("missing_units", lang, units=", ".join(names) + (f" +{rest}" if rest else ""))


def own_cells(plan: Plan, evaluation: Evaluation, result: IndicatorResult, lang: Lang) -> tuple[str, str]:
    """``↳ so-y-te (quý I–IV)`` and ``12/12 · 100 %``: the viewed agency's own figures, from its
    reports of those quarters as the indicator's kind counts them (a flow ratio summed, a stock
    the latest…), to stand under the province's; or that it has reported none."""
    agency = evaluation.agency or ""
    own = evaluation.own(result)
    if own is None:
        return say("own.label_none", lang, agency=agency), "—"
    indicator = plan.indicator(result.code)
    return (say("own.label", lang, agency=agency, quarters=quarters_label(own.periods or (own.period,), lang)),
            say(kind_of(indicator).own_value(own, indicator), lang))


def quarters_label(codes: tuple[str, ...], lang: Lang) -> str:
    """``quý I–IV`` / ``Q1–Q4`` for consecutive quarters, ``quý I, III`` / ``Q1, Q3`` otherwise."""
    numbers = sorted({int(code[-1]) for code in codes})
    shown = [ROMAN[n - 1] if lang == "vi" else f"Q{n}" for n in numbers]
    consecutive = len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    text = f"{shown[0]}–{shown[-1]}" if consecutive else ", ".join(shown)
    return say("own.quarters", lang, quarters=text)


def own_text(plan: Plan, evaluation: Evaluation, result: IndicatorResult, lang: Lang) -> str:
    """The same in one sentence (Markdown): ``so-y-te, Quý IV/2020: 12/12 · 100 %``."""
    label, value = own_cells(plan, evaluation, result, lang)
    return label if evaluation.own(result) is None else f"{label}: {value}"


def overdue_order(entry: ReportingEntry) -> tuple[Any, ...]:
    """Late and missing reports by quarter, the missing ones first, then by agency code."""
    return entry.period, entry.state != "missing", entry.agency


def reporting_counts(evaluation: Evaluation, lang: Lang) -> str:
    if not evaluation.reporting:
        if evaluation.agency:
            return say("own.not_owing", lang, agency=evaluation.agency)
        return say("reporting_none_owed", lang)
    counts = dict.fromkeys(("on_time", "late", "missing", "pending"), 0)
    for entry in evaluation.reporting:
        counts[entry.state] += 1
    return say("reporting_counts", lang, **counts)


def documents_counts(evaluation: Evaluation, lang: Lang) -> str:
    docs = evaluation.implementation_documents
    deadline = evaluation.implementation_document_deadline
    return say("docs_counts", lang, deadline=date_label(deadline, lang) if deadline else "—",
             on_time=sum(d.on_time is True for d in docs), late=sum(d.on_time is False for d in docs),
             open=sum(d.on_time is None for d in docs))


def agency_text(plan: Plan, code: str, lang: Lang = "vi") -> str:
    """``Sở Y tế (so-y-te)``: the name for people, the code for the files."""
    agency = plan.agencies.get(code)
    if agency is None:
        return code
    name = in_lang(agency.name, agency.name_en, lang)
    return f"{name} ({code})"
