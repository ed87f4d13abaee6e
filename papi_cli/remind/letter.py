"""Who gets a reminder letter and what it states: facts only, no language, no I/O.

An agency gets one for a quarter when the evaluation at the as-of date says its report is
``missing``: the deadline has passed and no valid file of that agency and quarter was submitted
by then. An agency that owes no quarterly report, or that reported (on time or late), gets none.
The letter also asks for the agency's implementation document while that is missing (its
deadline has passed and none is on file); a document issued, even late, is not asked for.

The date asked for is, unless given, the fifth working day after the as-of date (Saturdays,
Sundays and the plan's holidays skipped, ``periods.is_working_day``). The letter's number is the
plan's pattern for a công văn (``letter_number``), left for the records office to complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papi_cli.periods import is_working_day

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan, ReportSettings
    from papi_cli.model.results import Evaluation
    from papi_cli.periods import Period

REPLY_WORKING_DAYS = 5
RECORDS_OFFICE = "VT"  # văn thư: the first unit of the "Nơi nhận" line that files the copy (Decree 30)


@dataclass(frozen=True)
class Letter:
    """One công văn đôn đốc: to one agency, for one quarter's missing report."""

    agency: str  # the code: ubnd-cu-jut
    period: str  # the quarter: 2020-Q2
    deadline: dt.date  # when the report was due
    as_of: dt.date  # the day the report was found missing; the letter is dated that day
    reply_by: dt.date  # the new date asked for
    document_deadline: dt.date | None  # set while the implementation document is missing too
    submission_file: str  # where the report goes in the repository: submissions/2020-Q2/ubnd-cu-jut.yaml

    @property
    def file_stem(self) -> str:
        return f"don-doc-{self.agency}-{self.period}"


@dataclass(frozen=True)
class Due:
    """The letters due for a quarter at a date, and why there may be none."""

    period: str
    deadline: dt.date
    as_of: dt.date
    letters: tuple[Letter, ...]

    @property
    def before_deadline(self) -> bool:
        return self.as_of <= self.deadline


def working_days_after(day: dt.date, count: int, holidays: Iterable[dt.date] = ()) -> dt.date:
    """The ``count``-th working day after ``day``: Friday 2020-07-10 + 5 → Friday 2020-07-17."""
    off = set(holidays)
    while count > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, off):
            count -= 1
    return day


def reply_date(plan: Plan, as_of: dt.date) -> dt.date:
    return working_days_after(as_of, REPLY_WORKING_DAYS, plan.file.reporting.holidays)


def report_deadline(plan: Plan, period: Period) -> dt.date:
    return period.deadline(plan.file.reporting.deadline_day, plan.file.reporting.holidays)


def due_letters(plan: Plan, evaluation: Evaluation | None, period: Period, as_of: dt.date,
                reply_by: dt.date) -> Due:
    """The letters for ``period`` at ``as_of`` (``evaluation``: the one at that date; None when
    the deadline has not passed, since nothing can be missing then)."""
    deadline = report_deadline(plan, period)
    if evaluation is None or as_of <= deadline:
        return Due(period.code, deadline, as_of, ())
    documents = {d.agency: d for d in evaluation.implementation_documents}
    letters = []
    for entry in evaluation.reporting:
        if entry.period != period.code or entry.state != "missing":
            continue
        document = documents.get(entry.agency)
        missing_document = document is not None and document.number is None and document.on_time is False
        letters.append(Letter(
            agency=entry.agency, period=period.code, deadline=entry.deadline, as_of=as_of, reply_by=reply_by,
            document_deadline=evaluation.implementation_document_deadline if missing_document else None,
            submission_file=f"submissions/{period.code}/{entry.agency}.yaml",
        ))
    return Due(period.code, deadline, as_of, tuple(letters))


def letter_number(settings: ReportSettings) -> str:
    """A công văn's number from the plan: the report's number ``…/BC-SNV`` without its kind of
    document (``BC``), then the drafting unit of the plan's ``Lưu: VT, CCHC`` line:
    ``…/SNV-CCHC`` (Decree 30, Appendix III: a công văn has no kind code; the second part names
    the unit that drafted it). Without a ``Lưu`` line naming one: ``…/SNV``."""
    head, _, tail = settings.number.partition("/")
    parts = tail.split("-") if tail else []
    issuer = "-".join(parts[1:]) if len(parts) > 1 else tail
    archive = archive_line(settings)
    units = [] if archive is None else [unit.strip() for unit in archive.partition(":")[2].split(",")]
    drafting = [unit for unit in units if unit and unit != RECORDS_OFFICE]
    number = f"{head}/{issuer}" if issuer else head
    return f"{number}-{drafting[-1]}" if drafting else number


def archive_line(settings: ReportSettings) -> str | None:
    """The plan's recipient that files the copy, ``Lưu: VT, CCHC`` (its units after the colon,
    the records office first), if it has one."""
    for recipient in settings.recipients:
        _, colon, units = recipient.partition(":")
        if colon and units.split(",")[0].strip() == RECORDS_OFFICE:
            return recipient
    return None
