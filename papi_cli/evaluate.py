"""The evaluation: every indicator's value and status, and who owes which report, as of a date.

Pure: a plan, checked submissions and a date in; an ``Evaluation`` out (``model/results.py``).
``papi status`` and ``papi report`` both render this value and never recompute it.

The rules (docs/rules.md):

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
from fractions import Fraction

from papi_cli.kinds import kind_of
from papi_cli.kinds.base import Part, Report, Value
from papi_cli.model.plan import Indicator, Plan, Task
from papi_cli.model.results import (
    Contribution,
    Evaluation,
    ImplementationDocumentEntry,
    IndicatorResult,
    ReportingEntry,
    ReportState,
    Status,
)
from papi_cli.model.submission import ImplementationDocument, Submission
from papi_cli.periods import Period, next_working_day, parse, quarters_of

# Article 2 of the decision "requests" (Đề nghị) the Fatherland Front to take part: a People's
# Committee cannot order it, so it owes no report; the reports it sends still count.
NOT_OWING = frozenset({"mttq-tinh"})


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
        decision_number=plan.decision.number,
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

def _reports_by_indicator(submissions: list[Submission]) -> dict[str, list[Report]]:
    """Every result of the submissions, by indicator code."""
    reports: dict[str, list[Report]] = {}
    for s in submissions:
        for code, result in s.results.items():
            reports.setdefault(code, []).append(Report(s.agency, s.period, s.submitted_on, result))
    return reports


def _indicator(plan: Plan, task: Task, indicator: Indicator, reports: list[Report],
               as_of: dt.date) -> IndicatorResult:
    kind = kind_of(indicator)
    reports = sorted(reports, key=lambda r: (r.key, r.agency))
    leads = plan.leads(task)
    parts = _parts(plan, indicator, leads, reports)
    value = kind.combine(plan, indicator, parts)
    window = plan.window(indicator)
    status, progress, expected = _status(indicator, value, window, as_of)
    late = False
    if status == "met" and as_of > indicator.due:
        on_due = [r for r in reports if r.submitted_on <= indicator.due]
        late = not kind.combine(plan, indicator, _parts(plan, indicator, leads, on_due)).met
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


def _parts(plan: Plan, indicator: Indicator, leads: list[str], reports: list[Report]) -> list[Part]:
    """Each agency's figures, those of agencies other than a lead marked as detail where only
    leads count (percent, milestone)."""
    kind = kind_of(indicator)
    by_agency: dict[str, list[Report]] = {}
    for report in reports:
        by_agency.setdefault(report.agency, []).append(report)
    parts = []
    for agency, own in by_agency.items():
        part = Part(agency, own, counted=not kind.leads_only or agency in leads)
        kind.fill(plan, indicator, part)
        parts.append(part)
    return parts


def _status(indicator: Indicator, value: Value, window: tuple[dt.date, dt.date],
            as_of: dt.date) -> tuple[Status, Fraction | None, Fraction | None]:
    """The status with the progress (value / target) and, inside the window, the expected progress."""
    kind = kind_of(indicator)
    start, due = window
    progress = kind.progress(indicator, value)
    if value.met:
        return "met", progress, None
    if as_of >= due:
        return "missed", progress, None
    if not value.has_figures:
        return "no_data", progress, None
    if as_of < start:
        return "on_track", progress, None
    at_risk, expected = kind.at_risk(indicator, progress, start, due, as_of)
    return ("at_risk" if at_risk else "on_track"), progress, expected


def _contribution(plan: Plan, indicator: Indicator, part: Part) -> Contribution:
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
            state: ReportState
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
    latest: dict[str, ImplementationDocument] = {}
    for s in sorted(on_file, key=lambda s: (s.period, s.submitted_on)):
        if s.implementation_document is not None:
            latest[s.agency] = s.implementation_document
    entries = []
    for agency in owing_agencies(plan):
        doc = latest.get(agency)
        if doc is None:
            entries.append(ImplementationDocumentEntry(agency, None, None, False if as_of > deadline else None))
        else:
            entries.append(ImplementationDocumentEntry(agency, doc.number, doc.date, doc.date <= deadline))
    return entries
