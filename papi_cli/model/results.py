"""The results of an evaluation: values the status command and the reports both render.

Produced by ``papi_cli.evaluate.evaluate`` (pure); never recomputed by a renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Status = Literal["met", "on_track", "at_risk", "missed", "no_data"]
STATUSES: tuple[Status, ...] = ("met", "on_track", "at_risk", "missed", "no_data")
ReportState = Literal["on_time", "late", "missing", "pending"]


@dataclass(frozen=True)
class Contribution:
    """One agency's latest result for an indicator that counts toward (or details) its value."""

    agency: str
    period: str
    submitted_on: dt.date
    status: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    units: tuple[str, ...] | None = None
    numerator: int | None = None
    denominator: int | None = None
    percent: float | None = None
    count: int | None = None
    counted: bool = True  # False for detail only (a non-lead's percent or milestone status)
    periods: tuple[str, ...] = ()  # the quarters this agency reported the indicator in


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    task: str
    dimension: str
    kind: str  # coverage | ratio | percent | count | milestone
    status: Status
    late: bool  # met, but only after the due date
    due: dt.date
    window: tuple[dt.date, dt.date]
    lead: tuple[str, ...]
    numerator: int | None = None  # coverage: units covered; ratio: Σ numerator
    denominator: int | None = None  # coverage: population size; ratio: Σ denominator
    value: Fraction | None = None  # the exact percent (coverage, ratio, percent) or the count (count)
    count: int | None = None
    done: bool | None = None
    missing_units: tuple[str, ...] = ()  # coverage: slugs not yet covered, in registry order
    contributions: tuple[Contribution, ...] = ()
    progress: Fraction | None = None  # value / target (milestone: 1 done, 0 not); may exceed 1
    expected: Fraction | None = None  # cumulative kinds inside their window: share of the window elapsed
    reported_status: str | None = None  # milestone: the lead's latest status (not_started | in_progress | done)


@dataclass(frozen=True)
class ReportingEntry:
    """One owed quarterly report and its state at the as-of date."""

    agency: str
    period: str
    deadline: dt.date
    state: ReportState
    submitted_on: dt.date | None = None


@dataclass(frozen=True)
class ImplementationDocumentEntry:
    agency: str
    number: str | None
    date: dt.date | None
    on_time: bool | None  # None: none yet and the deadline has not passed


@dataclass(frozen=True)
class Evaluation:
    decision_number: str  # the plan's decision (46/QĐ-UBND)
    as_of: dt.date
    period: str | None  # the --period it was asked for, if any
    indicators: tuple[IndicatorResult, ...]
    reporting: tuple[ReportingEntry, ...]
    implementation_documents: tuple[ImplementationDocumentEntry, ...]
    implementation_document_deadline: dt.date | None = None
    skipped_files: tuple[str, ...] = ()
    files: int = 0  # valid submission files that were read (before as-of filtering)
    counted: int = 0  # of those, the ones that count (submitted by the as-of date, periods up to P)
    agency: str | None = None  # ``--agency``: the view of one agency (its tasks, its reports)

    def own(self, result: IndicatorResult) -> Contribution | None:
        """The viewed agency's own latest result for an indicator, if it reported one."""
        return next((c for c in result.contributions if c.agency == self.agency), None)

    def dimensions(self) -> list[str]:
        """The dimensions of the indicators evaluated, in their order."""
        return list(dict.fromkeys(r.dimension for r in self.indicators))

    def counts(self, dimension: str | None = None) -> dict[Status, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for result in self.indicators:
            if dimension is None or result.dimension == dimension:
                counts[result.status] += 1
        return counts
