"""The report of a period as plain values: everything the templates show, decided once.

Built from the evaluation of the period (``papi_cli.evaluate``), never recomputing it: values,
statuses and reporting states are the evaluation's; this module only selects, orders and words
them (labels in the report's language, numbers through ``numbers.py``). The same values are the
report's JSON (``as_json``); their shapes are in ``model.py``. Pure: the caller supplies the date
of issue and the data version.

The layout follows Decree 30/2020/NĐ-CP, Appendix I (docs/rules.md, "The report's layout"): the header block, "BÁO CÁO"
and the summary line, the body, "Nơi nhận" and the signature, then the annex in the decision's
own seven columns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from papi_cli.kinds import kind_of
from papi_cli.message import Message
from papi_cli.model.results import STATUSES, Evaluation, IndicatorResult, Status
from papi_cli.names import fold, running_name
from papi_cli.numbers import clamped_round, percent_json
from papi_cli.periods import ROMAN, Period, parse, quarter
from papi_cli.render.labels import date_label, due_label, in_lang, status_label, target_label, value_label
from papi_cli.render.numbers import decimal_text, number_text, percent_text
from papi_cli.render.problems import shown_name
from papi_cli.render.status_text import documents_counts, reporting_counts
from papi_cli.report.model import (
    AnnexRow,
    AnnexSection,
    Attributed,
    Block,
    DataVersion,
    DimensionSummary,
    DocumentLine,
    Documents,
    DueItem,
    Header,
    IndicatorLine,
    Narrative,
    NarrativeSection,
    NextPeriod,
    OutcomeRow,
    OutcomeSection,
    Reporting,
    ReportingLine,
    ReportView,
    Segment,
    Signer,
    Summary,
    TrendPeriod,
    TrendPoint,
)
from papi_cli.report.narrative import SECTIONS, narrative_file
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.model.plan import Indicator, Plan
    from papi_cli.outcome import Outcome, Standing

MISSING_UNITS_SHOWN = 10  # a coverage indicator names its missing units when there are this few


def build(plan: Plan, evaluation: Evaluation, period: Period, *, issued_on: dt.date, data_version: DataVersion,
          in_period: Evaluation | None = None, outcome: Outcome | None = None, narrative: Narrative | None = None,
          lang: Lang = "vi", number: str | None = None,
          trend: Sequence[tuple[Period, Evaluation]] = ()) -> ReportView:
    """The report of ``period``.

    ``evaluation`` is the cumulative evaluation of the period (its quarters and the earlier ones);
    ``in_period``, when given, the evaluation of the period's own quarters only, shown beside each
    value as what the period added. ``outcome`` adds the PAPI results section; ``narrative``, the
    officer's own sections (without it, each says it has not been written). ``number`` is the
    report's number (else the plan's ``report.number``); ``trend``, the year evaluated at the end
    of each quarter up to the period's last, the last being ``evaluation`` itself (the charts).
    """
    settings = plan.file.report
    start, end = period.data_window
    period_label = say(period.name, lang)
    coordinator = agency_name(plan, plan.file.coordinator)
    window_text = span_text(start, end, lang)
    version_text = data_version.text(lang)
    owed = frozenset(period.quarters_to_date)
    trend_periods = tuple(TrendPeriod(q.code, axis_label(q, lang), e.as_of, date_label(e.as_of, lang))
                          for q, e in trend)
    trends = [e for _, e in trend]
    return ReportView(
        lang=lang,
        plan=plan.decision.number,
        plan_date=plan.decision.date,
        plan_title=plan.decision.title,
        province=plan.file.province,
        issuer=plan.decision.issuer,
        coordinator=coordinator,
        period=period.code,
        period_kind=period.kind,
        period_label=period_label,
        header=Header(settings.parent_body, settings.issuing_body, number or settings.number,
                      say("report.republic", lang), say("report.motto", lang),
                      date_line(settings.place, issued_on, lang)),
        title=say("report.title", lang),
        summary_line=summary_line(plan.decision.title, period, lang),
        basis_line=say("report.basis_line", lang, number=plan.decision.number,
                     date=date_label(plan.decision.date, lang), issuer=plan.decision.issuer),
        data_window=(start, end),
        data_window_text=window_text,
        as_of=evaluation.as_of,
        as_of_text=date_label(evaluation.as_of, lang),
        issued_on=issued_on,
        issued_text=date_label(issued_on, lang),
        data_version=version_text,
        commit=data_version.commit,
        dirty=data_version.dirty,
        files_read=evaluation.files,
        files_counted=evaluation.counted,
        files_text=say("report.files_counted", lang, counted=evaluation.counted, read=evaluation.files,
                       date=date_label(evaluation.as_of, lang)),
        skipped_files=tuple(shown_name(name) for name in evaluation.skipped_files),
        shows_in_period=in_period is not None,
        overall=summary(evaluation.counts(), lang),
        dimensions=tuple(
            DimensionSummary(d.code, d.papi, in_lang(d.name, d.name_en, lang),
                             summary(evaluation.counts(d.code), lang),
                             trend=tuple(summary(e.counts(d.code), lang) for e in trends))
            for d in plan.dimensions
        ),
        annex=annex(plan, evaluation, in_period, lang, trend),
        reporting=reporting(plan, evaluation, lang, owed),
        documents=documents(plan, evaluation, lang),
        next_period=next_period(plan, evaluation, period, lang),
        outcome=None if outcome is None else outcome_section(plan, evaluation, outcome, lang),
        recipients=tuple(settings.recipients),
        signer=Signer(settings.signer.on_behalf, settings.signer.title, settings.signer.name),
        trend_periods=trend_periods,
        narrative=narrative or unwritten_narrative(narrative_file(period), coordinator, lang),
        footer_text=say("report.footer", lang, period=period_label, window=window_text,
                        as_of=date_label(evaluation.as_of, lang), version=version_text),
        period_text=say(running_period(period), lang),
    )


def axis_label(quarter: Period, lang: Lang) -> str:
    """A quarter as a chart's axis names it: ``Quý II`` (``Q2``)."""
    n = quarter.quarters[0]
    return say("trend.axis", lang, roman=ROMAN[n - 1], n=n)


def written_narrative(plan: Plan, period: Period, sections: Mapping[str, tuple[Block, ...]] | None,
                      lang: Lang) -> Narrative:
    """The officer's sections from the parsed file (``narrative.parse``; None: no file): a section
    with blocks is written, any other one a placeholder."""
    written = {key: NarrativeSection(key, say(f"narrative.{key}", lang), True, blocks, "")
               for key, blocks in (sections or {}).items() if key in SECTIONS and blocks}
    return unwritten_narrative(narrative_file(period), agency_name(plan, plan.file.coordinator), lang,
                               found=sections is not None, written=written)


def unwritten_narrative(file: str, coordinator: str, lang: Lang, *, found: bool = False,
                        written: Mapping[str, NarrativeSection] | None = None) -> Narrative:
    """The officer's sections: those in ``written`` as they are, every other one a placeholder
    saying where to write it."""
    sections = {}
    for key in SECTIONS:
        title = say(f"narrative.{key}", lang)
        given = (written or {}).get(key)
        sections[key] = given if given is not None else NarrativeSection(
            key, title, False, (), say("narrative.not_written", lang, coordinator=coordinator, file=file, title=title))
    missing = tuple(s.title for s in sections.values() if not s.written)
    return Narrative(file, found, sections["assessment"], sections["next_tasks"], sections["proposals"], missing)


# --- words for dates and values ----------------------------------------------------------------

def date_line(place: str, day: dt.date, lang: Lang) -> str:
    """``Đắk Nông, ngày 05 tháng 01 năm 2021``: a leading zero for days below 10 and for
    January and February (Decree 30/2020, Appendix I)."""
    return say("report.date_line", lang, place=place, day=day.day, day2=f"{day.day:02d}",
               month=Message(f"month.{day.month}"), year=day.year)


def summary_line(title: str, period: Period, lang: Lang) -> str:
    """``Kết quả thực hiện Kế hoạch … tỉnh Đắk Nông quý II năm 2020``: the period as running
    text, its year once (a title that ends with the plan year loses it); the annual report
    names no period, the title has its year."""
    if period.kind == "year":
        return say("report.summary_line_year", lang, title=title)
    running = running_period(period)
    shortened = title
    ending = re.search(rf"[\s,]*(?:(\w+)\s+)?{period.year}\s*$", title)
    if ending and ending.start() > 0 and (ending.group(1) is None or fold(ending.group(1)) in ("nam", "year")):
        shortened = title[:ending.start()]  # "… năm 2020": the period names the year
    return say("report.summary_running", lang, title=shortened, period=running)


def running_period(period: Period) -> Message:
    """The period as running text names it: ``quý II năm 2020``, not the label ``Quý II/2020``."""
    name = period.name
    return Message(f"{name.key}_running", **dict(name.args))


def unit_name(plan: Plan, slug: str) -> str:
    unit = plan.units[slug]
    return running_name(unit.name, unit.kind)


def span_text(start: dt.date, end: dt.date, lang: Lang) -> str:
    return say("report.span", lang, start=date_label(start, lang), end=date_label(end, lang))


def _value(plan: Plan, result: IndicatorResult, lang: Lang) -> str:
    return value_label(result, plan.indicator(result.code), lang)


def _has_figures(result: IndicatorResult) -> bool:
    return result.value is not None or result.done is not None or result.reported_status is not None


def summary(counts: Mapping[Status, int], lang: Lang) -> Summary:
    """Counts by status (``Evaluation.counts``) with the share met and the chart's segments."""
    total = sum(counts.values())
    share = Fraction(100 * counts["met"], total) if total else None
    segments, start = [], Fraction(0)
    for status in STATUSES:
        if counts[status]:
            width = Fraction(100 * counts[status], total)
            segments.append(Segment(status, say(f"status.{status}", lang), counts[status],
                                    float(round(start, 2)), float(round(width, 2))))
            start += width
    labels: dict[str, str] = {s: say(f"status.{s}", lang) for s in STATUSES}
    return Summary({str(s): n for s, n in counts.items()}, labels, total, percent_json(share),
                   percent_text(share, lang), tuple(segments))


# --- the annex ---------------------------------------------------------------------------------

def annex(plan: Plan, evaluation: Evaluation, in_period: Evaluation | None, lang: Lang,
          trend: Sequence[tuple[Period, Evaluation]] = ()) -> tuple[AnnexSection, ...]:
    results = {r.code: r for r in evaluation.indicators}
    added = {r.code: r for r in in_period.indicators} if in_period is not None else {}
    points: dict[str, list[TrendPoint]] = {}
    for quarter_period, quarter_evaluation in trend:
        label = axis_label(quarter_period, lang)
        for result in quarter_evaluation.indicators:
            points.setdefault(result.code, []).append(trend_point(plan, result, quarter_period.code, label, lang))
    sections = []
    for dim in plan.dimensions:
        rows = []
        for task in plan.tasks:
            if task.dimension != dim.code:
                continue
            lines = tuple(indicator_line(plan, results[ind.code], added.get(ind.code), lang,
                                         tuple(points.get(ind.code, ())))
                          for ind in task.indicators)
            rows.append(AnnexRow(task.code, task.stt, task.title, tuple((i.number, i.text) for i in task.items),
                                 task.target_text, task.lead_text, task.implementers_text, task.timeframe,
                                 task.outputs, lines))
        sections.append(AnnexSection(dim.code, dim.papi, dim.heading, tuple(rows)))
    return tuple(sections)


def trend_point(plan: Plan, result: IndicatorResult, period: str, label: str, lang: Lang) -> TrendPoint:
    """The indicator after one quarter: its value in the line's unit and as text."""
    value: float | None
    if result.kind == "milestone":
        value = None if result.reported_status is None and not result.done else float(bool(result.done))
    elif kind_of(plan.indicator(result.code)).shows_percent:
        value = percent_json(result.value)
    else:
        value = None if result.value is None else float(result.value)
    text = _value(plan, result, lang) if _has_figures(result) else "—"
    short = ""
    if value is not None:
        if result.kind == "milestone":
            short = say("trend.done" if result.done else "trend.not_done", lang)
        elif result.value is not None and kind_of(plan.indicator(result.code)).shows_percent:
            short = percent_text(result.value, lang)
        elif result.value is not None:
            short = number_text(result.value, lang)
    return TrendPoint(period, label, value, text, result.status, status_label(result, lang), short)


def target_value(indicator: Indicator) -> float | None:
    """The threshold a chart draws its target line at: a percent or a count; 1 for a milestone."""
    if indicator.kind == "milestone":
        return 1.0
    return None if indicator.target is None else float(indicator.target)


def indicator_line(plan: Plan, result: IndicatorResult, added: IndicatorResult | None, lang: Lang,
                   trend: tuple[TrendPoint, ...] = ()) -> IndicatorLine:
    indicator = plan.indicator(result.code)
    evidence = _attributed(plan, ((c.agency, text) for c in result.contributions for text in c.evidence))
    notes = _attributed(plan, ((c.agency, c.note) for c in result.contributions if c.note))
    progress = None
    if result.progress is not None:
        progress = float(clamped_round(min(result.progress, Fraction(1)) * 100, 1))
    in_period_text = None
    if added is not None:
        in_period_text = _value(plan, added, lang) if _has_figures(added) else say("report.nothing_new", lang)
    missing_text = None
    if result.missing_units and result.value is not None:  # a coverage with figures: which units lack
        missing = result.missing_units
        shown = ", ".join(unit_name(plan, slug) for slug in missing[:MISSING_UNITS_SHOWN])
        if len(missing) > MISSING_UNITS_SHOWN:
            missing_text = say("report.missing_many", lang, n=len(missing), units=shown)
        else:
            missing_text = say("missing_units", lang, units=shown)
    return IndicatorLine(
        code=result.code,
        name=in_lang(indicator.name, indicator.name_en, lang),
        kind=result.kind,
        status=result.status,
        late=result.late,
        status_label=status_label(result, lang),
        value_text=_value(plan, result, lang),
        target_text=target_label(indicator, lang),
        percent=percent_json(result.value) if kind_of(indicator).shows_percent else None,
        progress=progress,
        progress_text=percent_text(None if result.progress is None else result.progress * 100, lang),
        due=result.due,
        due_text=due_label(indicator, lang),
        in_period_text=in_period_text,
        missing_text=missing_text,
        reporters=tuple(c.agency for c in result.contributions),
        evidence=evidence,
        notes=notes,
        unit="percent" if kind_of(indicator).shows_percent else "milestone" if result.kind == "milestone" else "count",
        target_value=target_value(indicator),
        trend=trend,
    )


def _attributed(plan: Plan, pairs: Iterable[tuple[str, str]]) -> tuple[Attributed, ...]:
    """Texts in order of first appearance, each once, with every agency that gave it."""
    by_text: dict[str, list[str]] = {}
    for agency, text in pairs:
        by_text.setdefault(text, []).append(agency)
    return tuple(Attributed(text, tuple(agencies), tuple(agency_name(plan, a) for a in agencies))
                 for text, agencies in by_text.items())


def coordinator_name(plan: Plan) -> str:
    """The agency that issues the report (Sở Nội vụ), as the report names it."""
    return agency_name(plan, plan.file.coordinator)


def agency_name(plan: Plan, code: str) -> str:
    """An agency's name; a People's Committee's with its unit's type word in lower case
    (``UBND huyện Krông Nô``)."""
    agency = plan.agencies.get(code)
    if agency is None:
        return code
    unit = plan.units.get(agency.unit) if agency.unit else None
    if unit is not None and agency.name.endswith(unit.name):
        return agency.name[:len(agency.name) - len(unit.name)] + running_name(unit.name, unit.kind)
    return agency.name


# --- reporting compliance ----------------------------------------------------------------------

def reporting(plan: Plan, evaluation: Evaluation, lang: Lang, quarters: frozenset[str] | None = None) -> Reporting:
    """The reports owed for ``quarters`` (the report's: Q1 up to its last; None: all four). The
    evaluation lists every quarter of the year, as ``papi status`` shows them; a quarter's report
    does not count the later quarters, not even as not yet due."""
    counts = dict.fromkeys(("on_time", "late", "missing", "pending"), 0)
    lines = []
    entries = [e for e in evaluation.reporting if quarters is None or e.period in quarters]
    for entry in entries:
        counts[entry.state] += 1
        if entry.state in ("late", "missing"):
            lines.append(ReportingLine(
                entry.agency, agency_name(plan, entry.agency), entry.period,
                _period_label(entry.period, lang), entry.deadline, date_label(entry.deadline, lang),
                entry.submitted_on, date_label(entry.submitted_on, lang) if entry.submitted_on else "—",
                entry.state, say(f"state.{entry.state}", lang)))
    return Reporting(counts, reporting_counts(dataclasses.replace(evaluation, reporting=tuple(entries)), lang),
                     tuple(lines))


def _period_label(code: str, lang: Lang) -> str:
    return say(parse(code).name, lang)


def documents(plan: Plan, evaluation: Evaluation, lang: Lang) -> Documents:
    deadline = evaluation.implementation_document_deadline
    deadline_text = date_label(deadline, lang) if deadline else "—"
    counts = {"on_time": 0, "late": 0, "open": 0}
    lines = []
    for entry in evaluation.implementation_documents:
        key = {True: "on_time", False: "late", None: "open"}[entry.on_time]
        counts[key] += 1
        if entry.on_time is not True:
            if entry.number is not None:
                label = say("doc.late", lang)
            else:
                label = say("doc.none", lang) if entry.on_time is False else say("state.pending", lang)
            lines.append(DocumentLine(entry.agency, agency_name(plan, entry.agency), entry.number, entry.date,
                                      date_label(entry.date, lang) if entry.date else "—", entry.on_time, label))
    return Documents(deadline, deadline_text, counts, documents_counts(evaluation, lang), tuple(lines))


# --- what falls due next -----------------------------------------------------------------------

def next_period(plan: Plan, evaluation: Evaluation, period: Period, lang: Lang) -> NextPeriod:
    """The quarter after the period: its reporting deadline and the indicators due in it."""
    last = period.quarters[-1]
    if last == 4:
        return NextPeriod(None, say("report.plan_ends", lang, year=plan.year, date=date_label(period.end, lang)),
                          "", None, "", ())
    following = quarter(period.year, last + 1)
    opens = period.end + dt.timedelta(days=1)
    deadline = following.deadline(plan.file.reporting.deadline_day, plan.file.reporting.holidays)
    due = tuple(
        DueItem(r.code, r.task, plan.indicator(r.code).name, r.due, date_label(r.due, lang), r.status,
                status_label(r, lang), _value(plan, r, lang), target_label(plan.indicator(r.code), lang))
        for r in evaluation.indicators
        if opens <= r.due <= following.end and r.status != "met"
    )
    start, end = following.data_window
    return NextPeriod(following.code, say(following.name, lang), span_text(start, end, lang), deadline,
                      date_label(deadline, lang), due)


# --- PAPI results (the annual report) ----------------------------------------------------------

def outcome_section(plan: Plan, evaluation: Evaluation, outcome: Outcome, lang: Lang) -> OutcomeSection:
    """The year's PAPI results with, beside each dimension, the share of its indicators met."""
    rows = []
    for item in outcome.dimensions:
        dim = plan.dimension(item.code)
        counts = evaluation.counts(item.code)
        total = sum(counts.values())
        share = Fraction(100 * counts["met"], total) if total else None
        rows.append(_outcome_row(item.code, item.papi, in_lang(dim.name, dim.name_en, lang), item.standing,
                                 item.standing.meets_goal, counts["met"], total,
                                 f"{counts['met']}/{total} ({percent_text(share, lang)})", lang))
    aggregate = _outcome_row("", "", say("aggregate", lang), outcome.aggregate, None, None, None, "", lang)
    verdict = say("goal_met" if outcome.goal_met else "goal_not_met", lang)
    return OutcomeSection(outcome.year, outcome.goal_met, outcome.dimensions_meeting_goal,
                          say("outcome_summary", lang, met=outcome.dimensions_meeting_goal,
                            total=len(outcome.dimensions), verdict=verdict),
                          tuple(rows), aggregate)


def _outcome_row(code: str, papi: str, name: str, standing: Standing, meets: bool | None, met: int | None,
                 total: int | None, share_text: str, lang: Lang) -> OutcomeRow:
    return OutcomeRow(code, papi, name, float(standing.score), decimal_text(standing.score, lang), standing.rank,
                      standing.provinces, standing.group, say(f"group.{standing.group}", lang), meets,
                      "" if meets is None else say("yes" if meets else "no", lang), met, total, share_text)


# --- JSON ----------------------------------------------------------------------------------------

def as_json(view: ReportView) -> dict[str, Any]:
    """The view as JSON-ready values (dates as ISO strings, tuples as lists)."""
    data: dict[str, Any] = _plain(dataclasses.asdict(view))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
