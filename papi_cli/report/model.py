"""The report's view: plain frozen values, everything the templates show and the JSON holds.

Built by ``view.build`` from an evaluation; the templates read these fields (``v.header.date_line``,
``v.annex[…].rows[…].indicators``…) and ``papi report --format json`` writes them as they are.
Texts (``*_text``, ``*_label``) are already in the report's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from papi_cli.words import Lang, say


@dataclass(frozen=True)
class DataVersion:
    """The git commit the plan and submissions were read at, and whether they had local changes."""

    commit: str | None = None
    dirty: bool = False

    def text(self, lang: Lang) -> str:
        if self.commit is None:
            return say("report.version_unknown", lang)
        return say("report.version_dirty", lang, commit=self.commit) if self.dirty else self.commit


@dataclass(frozen=True)
class Header:
    parent_body: str
    issuing_body: str
    number: str
    republic: str
    motto: str
    date_line: str


@dataclass(frozen=True)
class Segment:
    """One status's share of a bar (start and width in percent of the bar)."""

    status: str
    label: str
    count: int
    start: float
    width: float


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]
    labels: dict[str, str]
    total: int
    met_share: float | None  # percent of indicators met, for bars (never shown rounded to 0 or 100)
    met_share_text: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class DimensionSummary:
    code: str
    papi: str
    name: str
    summary: Summary


@dataclass(frozen=True)
class Attributed:
    """A piece of evidence or a note, with the agencies that gave this same text."""

    text: str
    agencies: tuple[str, ...]
    agency_names: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    kind: str
    status: str
    late: bool
    status_label: str
    value_text: str
    target_text: str
    percent: float | None  # coverage, ratio, percent: the value in percent (2 decimals, clamped)
    progress: float | None  # value / target in percent, capped at 100, for the bar
    progress_text: str
    due: dt.date
    due_text: str
    in_period_text: str | None  # what the period's own reports gave (quarters after the first)
    missing_text: str | None
    reporters: tuple[str, ...]  # agencies whose reports count toward or detail the value
    evidence: tuple[Attributed, ...]
    notes: tuple[Attributed, ...]  # each agency's latest note


@dataclass(frozen=True)
class AnnexRow:
    """One task in the decision's seven columns; the result column holds its indicators."""

    code: str
    stt: int
    title: str
    items: tuple[tuple[str, str], ...]
    target_text: str
    lead_text: str
    implementers_text: str
    timeframe: str
    outputs: str
    indicators: tuple[IndicatorLine, ...]


@dataclass(frozen=True)
class AnnexSection:
    code: str
    papi: str
    heading: str
    rows: tuple[AnnexRow, ...]


@dataclass(frozen=True)
class ReportingLine:
    agency: str
    agency_name: str
    period: str
    period_label: str
    deadline: dt.date
    deadline_text: str
    submitted_on: dt.date | None
    submitted_text: str
    state: str
    state_label: str


@dataclass(frozen=True)
class Reporting:
    counts: dict[str, int]
    counts_text: str
    lines: tuple[ReportingLine, ...]  # the late and missing reports


@dataclass(frozen=True)
class DocumentLine:
    agency: str
    agency_name: str
    number: str | None
    date: dt.date | None
    date_text: str
    on_time: bool | None
    label: str


@dataclass(frozen=True)
class Documents:
    deadline: dt.date | None
    deadline_text: str
    counts: dict[str, int]  # on_time, late (late or none after the deadline), open (none yet, not due)
    counts_text: str
    lines: tuple[DocumentLine, ...]  # every document not on time


@dataclass(frozen=True)
class DueItem:
    code: str
    task: str
    name: str
    due: dt.date
    due_text: str
    status: str
    status_label: str
    value_text: str
    target_text: str


@dataclass(frozen=True)
class NextPeriod:
    code: str | None  # None after the plan year's last quarter
    label: str
    data_window_text: str
    deadline: dt.date | None
    deadline_text: str
    due: tuple[DueItem, ...]


@dataclass(frozen=True)
class OutcomeRow:
    code: str
    papi: str
    name: str
    score: float
    score_text: str
    rank: int
    of: int
    group: str
    group_label: str
    meets_goal: bool | None  # None for the aggregate
    meets_label: str
    indicators_met: int | None
    indicators_total: int | None
    indicators_share_text: str


@dataclass(frozen=True)
class OutcomeSection:
    year: int
    goal_met: bool
    dimensions_meeting_goal: int
    summary_text: str
    rows: tuple[OutcomeRow, ...]
    aggregate: OutcomeRow


@dataclass(frozen=True)
class Signer:
    on_behalf: str
    title: str
    name: str


@dataclass(frozen=True)
class ReportView:
    lang: Lang
    plan: str
    plan_date: dt.date
    plan_title: str
    province: str
    issuer: str
    coordinator: str  # the agency that issues the report (Sở Nội vụ)
    period: str
    period_kind: str
    period_label: str
    header: Header
    title: str
    summary_line: str
    basis_line: str
    data_window: tuple[dt.date, dt.date]
    data_window_text: str
    as_of: dt.date
    as_of_text: str
    issued_on: dt.date
    issued_text: str
    data_version: str
    commit: str | None
    dirty: bool
    files_read: int
    files_counted: int
    skipped_files: tuple[str, ...]
    shows_in_period: bool
    overall: Summary
    dimensions: tuple[DimensionSummary, ...]
    annex: tuple[AnnexSection, ...]
    reporting: Reporting
    documents: Documents
    next_period: NextPeriod
    outcome: OutcomeSection | None
    recipients: tuple[str, ...]
    signer: Signer
