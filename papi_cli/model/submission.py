"""A checked submission: one agency's report for one quarter (``submissions/<YYYY-Qn>/<agency>.yaml``).

These are the values the evaluation works on, after ``papi validate``'s checks have passed:
units are already resolved to slugs (``all`` expanded, official codes translated), every
indicator code exists in the plan, and the agency is authorised for every result it carries.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

ResultStatus = Literal["not_started", "in_progress", "done"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ImplementationDocument(_Model):
    """The agency's own document implementing the decision (section III.1.1)."""

    number: str
    date: dt.date


class Result(_Model):
    """What an agency reports for one indicator in one quarter; the measure fields are optional."""

    status: ResultStatus | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    units: tuple[str, ...] | None = None  # unit slugs (coverage)
    numerator: int | None = None  # ratio
    denominator: int | None = None  # ratio
    percent: float | None = None  # percent (0–100)
    count: int | None = None  # count

    @property
    def has_figures(self) -> bool:
        """True when the result carries a measure (a report in words only does not)."""
        return any(v is not None for v in (self.units, self.numerator, self.percent, self.count))


class Submission(_Model):
    agency: str
    period: str  # "2020-Q2"
    submitted_on: dt.date
    implementation_document: ImplementationDocument | None = None
    results: dict[str, Result] = {}
    file: str = ""  # where it came from, for reports and messages
