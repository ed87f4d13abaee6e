"""The report's view: plain frozen values, everything the templates show and the JSON holds.

Built by ``view.build`` from an evaluation; the templates read these fields (``v.header.date_line``,
``v.annex[…].rows[…].indicators``…) and ``papi report --format json`` writes them as they are.
Texts (``*_text``, ``*_label``) are already in the report's language. Every field is a plain value
(text, number, date, bool, tuples of these dataclasses): a renderer for another format (Word,
Excel) reads the same fields and needs nothing else. Names of People's Committees and units are
written as in running text, the type word in lower case (``UBND huyện Krông Nô``, ``xã Đắk Nia``:
Decree 30/2020, Appendix II), wherever the report shows them.

Where the parts of the report go (docs/rules.md, "The report's layout"): the results
(``overall``, ``dimensions``, ``reporting``, ``documents``, ``outcome``), then the officer's own
sections (``narrative.assessment``, then ``narrative.next_tasks`` followed by ``next_period``,
then ``narrative.proposals``), then ``recipients`` and ``signer``; the annex after them. The
data version (``data_version``, ``commit``, ``dirty``) is not part of the signed body: HTML prints
it in the page footer, Markdown on its last line, a Word file would keep it in the document's
properties.
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
class TrendPeriod:
    """One quarter of the year so far, as the charts show it: the figures cumulative to its end."""

    code: str  # 2020-Q1
    label: str  # a short label for an axis: "Quý I" / "Q1"
    as_of: dt.date  # the day it was evaluated for: the quarter's end (the report's as-of for the last)
    as_of_text: str


@dataclass(frozen=True)
class DimensionSummary:
    code: str
    papi: str
    name: str
    summary: Summary
    trend: tuple[Summary, ...]  # statuses after each quarter of ``ReportView.trend_periods``; the last is ``summary``


@dataclass(frozen=True)
class Attributed:
    """A piece of evidence or a note, with the agencies that gave this same text."""

    text: str
    agencies: tuple[str, ...]
    agency_names: tuple[str, ...]


@dataclass(frozen=True)
class TrendPoint:
    """An indicator after one quarter of ``ReportView.trend_periods``, cumulative to that quarter."""

    period: str
    label: str
    value: float | None  # in ``IndicatorLine.unit``: a percent (2 decimals), a count, or 1/0 for a milestone done/not
    value_text: str  # "7,0 %", "12", "đang thực hiện"; "—" without figures
    status: str
    status_label: str
    short_text: str = ""  # the value for a chart's label: "7,0 %", "12", "hoàn thành"; "" without figures


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
    unit: str  # what ``target_value`` and the trend's values are: "percent", "count" or "milestone"
    target_value: float | None  # the threshold (a percent or a count); 1 for a milestone (done)
    trend: tuple[TrendPoint, ...]  # after each quarter of ``ReportView.trend_periods``; the last is this line's


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
    outputs: str  # the outputs the decision expects (Sản phẩm), shown in the result column before the results
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
    """The quarterly reports owed for the report's quarters (Q1 up to its last one): later
    quarters are not counted, not even as not yet due."""

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


# --- the officer's own words (narrative/<period>.md; papi_cli/report/narrative.py) ------------------

@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis. A run in bold or italic never starts or ends with
    whitespace (the spaces are runs of their own), so every format can mark it as it is."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph (one item) or a list (one item per entry), each item a sequence of runs."""

    kind: str  # "paragraph", "bullets" or "numbers"
    items: tuple[tuple[Run, ...], ...]
    start: int = 1  # numbers: the first entry's number as written


@dataclass(frozen=True)
class NarrativeSection:
    key: str  # "assessment", "next_tasks" or "proposals"
    title: str  # its heading in the report's language
    written: bool  # False: missing from the file, or holding only hints (<!-- … -->)
    blocks: tuple[Block, ...]  # empty when not written
    placeholder: str  # when not written, the sentence shown instead; "" when written


@dataclass(frozen=True)
class Narrative:
    """The sections only people can write, read from ``file`` (``narrative/<period>.md``)."""

    file: str  # where the officer writes them, as shown to people (narrative/2020-Q2.md)
    found: bool  # whether the file exists
    assessment: NarrativeSection  # Đánh giá chung: what went well, shortcomings and their causes
    next_tasks: NarrativeSection  # Phương hướng, nhiệm vụ kỳ tới
    proposals: NarrativeSection  # Kiến nghị, đề xuất
    missing: tuple[str, ...]  # the titles of the sections not written, in order


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
    issued_on: dt.date  # --issued-on, else the day the report is made
    issued_text: str
    data_version: str  # not in the body: the HTML page footer, the Markdown last line, a docx's properties
    commit: str | None
    dirty: bool
    files_read: int
    files_counted: int
    files_text: str  # what was counted: the files of the period's quarters sent by the as-of date
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
    trend_periods: tuple[TrendPeriod, ...]  # the quarters of the year up to the period's last, for the charts
    narrative: Narrative
    footer_text: str  # period · data window · as-of · data version: every printed page's footer
    period_text: str = ""  # the period in running text: "quý II năm 2020", "6 tháng đầu năm 2020"
