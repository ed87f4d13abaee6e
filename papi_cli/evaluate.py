"""The evaluation: every indicator's value and status, and who owes which report, as of a date.

Pure: a plan, checked submissions and a date in; an ``Evaluation`` out (``model/results.py``).
``papi status`` and ``papi report`` both render this value and never recompute it.

The rules (CONTRACT §3 and §5):

- Only reports submitted on or before the as-of date count; with a period, only the quarters up
  to and including it.
- Each agency's figures first (its *part*), then the parts combined by the indicator's kind:
  coverage is the union of the units reported; a flow ratio sums numerators and denominators over
  quarters and agencies; a stock ratio takes each agency's latest figures (latest period, then
  latest ``submitted_on``) and sums them over agencies; a count is a sum; a percent is the lead's
  latest value; a milestone is done when a lead's latest status is ``done`` with evidence.
  Non-leads' percents and milestone statuses are kept as detail (``counted=False``).
  A report in words only, or a 0/0 ratio, adds no figures.
- Comparison is exact (``Fraction``): ``>=`` or strict ``>``.
- Status: ``met`` when the target is satisfied; otherwise ``missed`` from the due date on
  (as-of ≥ due, figures or not); otherwise ``no_data`` without figures; ``on_track`` before the
  window opens; inside the window a cumulative kind (coverage, count, stock ratio) is ``at_risk``
  when its progress (value / target) is behind the straight line across the window, a rate (flow
  ratio, percent) while below the target, a milestone when fewer than 25 % of the window's days
  are left; else ``on_track``.
- ``late`` (of a met indicator): the indicator was not met on its due date, i.e. when evaluated
  with only the reports submitted on or before the due date. It is reached late exactly when the
  report that made it met was submitted after the due date; an indicator met on its due date
  stays on time even if a later report changes the figures.

Who owes a report: every agency that leads an indicator and every district People's Committee,
each quarter of the plan year, except the Fatherland Front (article 2 only requests its reports;
what it sends still counts) and communes (they report to their district). Each owed report is
``on_time``, ``late`` (submitted after the deadline), ``missing`` (deadline passed, nothing
submitted by the as-of date) or ``pending`` (deadline not reached). All quarters of the plan year
are listed whatever the period: the period limits what the indicators count, not who has filed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from papi_cli.model.plan import Indicator, Plan, Task
from papi_cli.model.results import (
    Contribution,
    Evaluation,
    ImplementationDocumentEntry,
    IndicatorResult,
    ReportingEntry,
    Status,
)
from papi_cli.model.submission import Result, Submission
from papi_cli.periods import Period, next_working_day, parse, quarters_of

# Article 2 of the decision "requests" (Đề nghị) the Fatherland Front to take part: a People's
# Committee cannot order it, so it owes no report; the reports it sends still count.
NOT_OWING = frozenset({"mttq-tinh"})

# A milestone not done is at risk once fewer than this share of its window's days are left.
MILESTONE_AT_RISK_LEFT = Fraction(1, 4)


def evaluate(plan: Plan, submissions: Iterable[Submission], as_of: dt.date,
             period: Period | str | None = None, *, skipped_files: Iterable[str] = ()) -> Evaluation:
    """Every indicator, every owed report and implementation document, as of ``as_of``.

    ``period`` limits the indicators to the submissions of its quarters (those up to and
    including it); the caller chooses ``as_of`` (``--period`` alone means the period's end).
    """
    submissions = list(submissions)
    chosen = parse(period) if isinstance(period, str) else period
    if chosen is not None and chosen.year != plan.year:
        raise ValueError(f"period {chosen.code} is outside the plan year {plan.year}")
    quarters = set((chosen or parse(str(plan.year))).quarters_to_date)
    on_file = [s for s in submissions if s.submitted_on <= as_of]
    counted = [s for s in on_file if s.period in quarters]
    reports = _reports_by_indicator(counted)
    indicators = tuple(_indicator(plan, task, indicator, reports.get(indicator.code, []), as_of)
                       for task, indicator in plan.indicators())
    doc_deadline = implementation_document_deadline(plan)
    return Evaluation(
        plan=plan.decision.number,
        as_of=as_of,
        period=chosen.code if chosen else None,
        indicators=indicators,
        reporting=tuple(_reporting(plan, on_file, as_of)),
        implementation_documents=tuple(_implementation_documents(plan, on_file, as_of, doc_deadline)),
        implementation_document_deadline=doc_deadline,
        skipped_files=tuple(skipped_files),
        files=len(submissions),
        counted=len(counted),
    )


# --- indicators ----------------------------------------------------------------------------------

class _Report(NamedTuple):
    """One agency's result for one indicator in one quarter (a tuple: thousands are made a run)."""

    agency: str
    period: str
    submitted_on: dt.date
    result: Result

    @property
    def key(self) -> tuple[str, dt.date]:
        """What "latest" orders by: the period, then the day it was submitted."""
        return self.period, self.submitted_on


@dataclass
class _Part:
    """One agency's figures for one indicator, from its reports so far (oldest first)."""

    agency: str
    reports: list[_Report]
    counted: bool = True
    units: frozenset[str] | None = None
    numerator: int | None = None
    denominator: int | None = None
    percent: Fraction | None = None
    count: int | None = None
    status: str | None = None
    done: bool = False
    figures_key: tuple = field(default=())  # "latest" key of the report its figures come from


@dataclass(frozen=True)
class _Value:
    """The parts combined: an indicator's value at one date."""

    has_figures: bool
    met: bool
    numerator: int | None = None
    denominator: int | None = None
    value: Fraction | None = None
    count: int | None = None
    done: bool | None = None
    reported_status: str | None = None
    missing_units: tuple[str, ...] = ()


def _reports_by_indicator(submissions: list[Submission]) -> dict[str, list[_Report]]:
    """Every result of the submissions, by indicator code."""
    reports: dict[str, list[_Report]] = {}
    for s in submissions:
        for code, result in s.results.items():
            reports.setdefault(code, []).append(_Report(s.agency, s.period, s.submitted_on, result))
    return reports


def _indicator(plan: Plan, task: Task, indicator: Indicator, reports: list[_Report],
               as_of: dt.date) -> IndicatorResult:
    reports = sorted(reports, key=lambda r: (r.key, r.agency))
    leads = plan.leads(task)
    parts = _parts(plan, indicator, leads, reports)
    value = _combine(plan, indicator, parts)
    window = plan.window(indicator)
    status, progress, expected = _status(indicator, value, window, as_of)
    late = False
    if status == "met" and as_of > indicator.due:
        on_due = [r for r in reports if r.submitted_on <= indicator.due]
        late = not _combine(plan, indicator, _parts(plan, indicator, leads, on_due)).met
    order = {agency: i for i, agency in enumerate(dict.fromkeys([*leads, *plan.implementers(task)]))}
    parts.sort(key=lambda p: (order.get(p.agency, len(order)), p.agency))
    return IndicatorResult(
        code=indicator.code, task=task.code, dimension=task.dimension, kind=indicator.kind,
        status=status, late=late, due=indicator.due, window=window, lead=tuple(leads),
        numerator=value.numerator, denominator=value.denominator, value=value.value, count=value.count,
        done=value.done, missing_units=value.missing_units,
        contributions=tuple(_contribution(plan, indicator, part) for part in parts),
        progress=progress, expected=expected, reported_status=value.reported_status,
    )


def _parts(plan: Plan, indicator: Indicator, leads: list[str], reports: list[_Report]) -> list[_Part]:
    by_agency: dict[str, list[_Report]] = {}
    for report in reports:
        by_agency.setdefault(report.agency, []).append(report)
    parts = []
    for agency, own in by_agency.items():
        part = _Part(agency, own, counted=indicator.kind not in ("percent", "milestone") or agency in leads)
        _fill(plan, indicator, part)
        parts.append(part)
    return parts


def _fill(plan: Plan, indicator: Indicator, part: _Part) -> None:
    """One agency's figures by the indicator's kind (its reports are oldest first)."""
    results = [r.result for r in part.reports]
    if indicator.kind == "coverage":
        listed = [r for r in results if r.units is not None]
        if listed:  # slugs or official codes, each unit once; names outside the plan are ignored
            units = (plan.unit(name) for r in listed for name in r.units)
            part.units = frozenset(u.slug for u in units if u is not None)
    elif indicator.kind == "ratio":
        figures = [r for r in part.reports if r.result.numerator is not None and r.result.denominator is not None]
        if indicator.aggregate == "stock":
            figures = figures[-1:]
        if figures:
            part.numerator = sum(r.result.numerator for r in figures)
            part.denominator = sum(r.result.denominator for r in figures)
            part.figures_key = figures[-1].key
    elif indicator.kind == "percent":
        figures = [r for r in part.reports if r.result.percent is not None]
        if figures:
            part.percent = Fraction(str(figures[-1].result.percent))
            part.figures_key = figures[-1].key
    elif indicator.kind == "count":
        counts = [r.count for r in results if r.count is not None]
        if counts:
            part.count = sum(counts)
    elif indicator.kind == "milestone":
        stated = [r for r in part.reports if r.result.status is not None]
        if stated:
            latest = stated[-1]
            part.status = latest.result.status
            part.done = latest.result.status == "done" and bool(latest.result.evidence)
            part.figures_key = latest.key


def _combine(plan: Plan, indicator: Indicator, parts: list[_Part]) -> _Value:
    counted = [p for p in parts if p.counted]
    if indicator.kind == "coverage":
        population = [u.slug for u in plan.population(indicator.population or "communes")]
        listed = [p.units for p in counted if p.units is not None]
        covered = frozenset().union(*listed)
        missing = tuple(slug for slug in population if slug not in covered)
        if not listed or not population:
            return _Value(False, False, denominator=len(population), missing_units=missing)
        n = len(population) - len(missing)
        value = Fraction(100 * n, len(population))
        return _Value(True, _reaches(value, indicator), n, len(population), value, missing_units=missing)
    if indicator.kind == "ratio":
        figures = [p for p in counted if p.numerator is not None]
        if not figures:
            return _Value(False, False)
        num = sum(p.numerator for p in figures)
        den = sum(p.denominator for p in figures)
        if den == 0:  # 0/0: reported, but no figure to compare
            return _Value(False, False, num, den)
        value = Fraction(100 * num, den)
        return _Value(True, _reaches(value, indicator), num, den, value)
    if indicator.kind == "percent":
        figures = [p for p in counted if p.percent is not None]
        if not figures:
            return _Value(False, False)
        value = max(figures, key=lambda p: p.figures_key).percent
        return _Value(True, _reaches(value, indicator), value=value)
    if indicator.kind == "count":
        counts = [p.count for p in counted if p.count is not None]
        if not counts:
            return _Value(False, False)
        total = sum(counts)
        return _Value(True, _reaches(Fraction(total), indicator), value=Fraction(total), count=total)
    # milestone: done when any lead's latest status is done with evidence
    stated = [p for p in counted if p.status is not None]
    if not stated:
        return _Value(False, False)
    done = any(p.done for p in stated)
    shown = "done" if done else max(stated, key=lambda p: p.figures_key).status
    return _Value(True, done, done=done, reported_status=shown)


def _reaches(value: Fraction, indicator: Indicator) -> bool:
    target = indicator.target or Fraction(0)
    return value > target if indicator.op == ">" else value >= target


def _is_cumulative(indicator: Indicator) -> bool:
    """Coverage, count and stock ratios build up over the year; flow ratios and percents are rates."""
    if indicator.kind == "ratio":
        return indicator.aggregate == "stock"
    return indicator.kind in ("coverage", "count")


def _status(indicator: Indicator, value: _Value, window: tuple[dt.date, dt.date],
            as_of: dt.date) -> tuple[Status, Fraction | None, Fraction | None]:
    """The status with the progress (value / target) and, inside the window, the expected progress."""
    start, due = window
    progress = _progress(indicator, value)
    expected = None
    if value.met:
        return "met", progress, expected
    if as_of >= due:
        return "missed", progress, expected
    if not value.has_figures:
        return "no_data", progress, expected
    if as_of < start:
        return "on_track", progress, expected
    days = max((due - start).days, 1)
    if indicator.kind == "milestone":
        left = Fraction((due - as_of).days, days)
        return ("at_risk" if left < MILESTONE_AT_RISK_LEFT else "on_track"), progress, expected
    if not _is_cumulative(indicator):
        return "at_risk", progress, expected
    expected = Fraction((as_of - start).days, days)
    behind = progress is None or progress < expected
    return ("at_risk" if behind else "on_track"), progress, expected


def _progress(indicator: Indicator, value: _Value) -> Fraction | None:
    if indicator.kind == "milestone":
        return None if value.done is None else Fraction(int(value.done))
    target = indicator.target
    if value.value is None or not target:
        return None
    return value.value / target


def _contribution(plan: Plan, indicator: Indicator, part: _Part) -> Contribution:
    latest = part.reports[-1]
    evidence = dict.fromkeys(e for r in part.reports for e in r.result.evidence)
    units = None
    if part.units is not None:
        order = plan.population(indicator.population or "communes")
        units = tuple(u.slug for u in order if u.slug in part.units)
    return Contribution(
        agency=part.agency, period=latest.period, submitted_on=latest.submitted_on,
        status=part.status or latest.result.status, evidence=tuple(evidence), note=latest.result.note,
        units=units, numerator=part.numerator, denominator=part.denominator,
        percent=None if part.percent is None else float(part.percent), count=part.count,
        counted=part.counted, periods=tuple(dict.fromkeys(r.period for r in part.reports)),
    )


# --- reporting compliance ------------------------------------------------------------------------

def owing_agencies(plan: Plan) -> list[str]:
    """Who owes the province a report each quarter: leads and district People's Committees,
    not the Fatherland Front, not communes. Province bodies in plan order, then districts."""
    owing: set[str] = {f"ubnd-{unit.slug}" for unit in plan.population("districts")}
    for task in plan.tasks:
        owing.update(plan.leads(task))
    owing -= NOT_OWING
    owing = {code for code in owing if code in plan.agencies and plan.agencies[code].level != "commune"}
    listed = [a.code for a in plan.file.agencies if a.code in owing]
    return listed + [code for code in plan.agencies if code in owing and code not in listed]


def _reporting(plan: Plan, on_file: list[Submission], as_of: dt.date) -> list[ReportingEntry]:
    filed: dict[tuple[str, str], dt.date] = {}
    for s in on_file:
        key = (s.agency, s.period)
        filed[key] = min(filed.get(key, s.submitted_on), s.submitted_on)
    holidays = plan.file.reporting.holidays
    owing = owing_agencies(plan)
    entries = []
    for quarter in quarters_of(plan.year):
        deadline = quarter.deadline(plan.file.reporting.deadline_day, holidays)
        for agency in owing:
            submitted = filed.get((agency, quarter.code))
            if submitted is not None:
                state = "on_time" if submitted <= deadline else "late"
            else:
                state = "missing" if as_of > deadline else "pending"
            entries.append(ReportingEntry(agency, quarter.code, deadline, state, submitted))
    return entries


def implementation_document_deadline(plan: Plan) -> dt.date:
    """Section III.1.1's deadline (2020-02-09), moved to a working day (2020-02-10)."""
    return next_working_day(plan.file.implementation_document.due, plan.file.reporting.holidays)


def _implementation_documents(plan: Plan, on_file: list[Submission], as_of: dt.date,
                              deadline: dt.date) -> list[ImplementationDocumentEntry]:
    """Each owing agency's document as its latest report carrying one states it."""
    latest: dict[str, Submission] = {}
    for s in sorted(on_file, key=lambda s: (s.period, s.submitted_on)):
        if s.implementation_document is not None:
            latest[s.agency] = s
    entries = []
    for agency in owing_agencies(plan):
        s = latest.get(agency)
        if s is None:
            entries.append(ImplementationDocumentEntry(agency, None, None, False if as_of > deadline else None))
        else:
            doc = s.implementation_document
            entries.append(ImplementationDocumentEntry(agency, doc.number, doc.date, doc.date <= deadline))
    return entries
