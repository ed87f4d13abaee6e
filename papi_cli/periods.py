"""Reporting periods, their data windows and deadlines (Decree 09/2019/NĐ-CP, Art. 12; docs/periods.md).

A period is a quarter (``2020-Q2``), the first six months (``2020-H1``), the first nine months
(``2020-9M``, provincial practice) or the year (``2020``); the longer ones are built from the
quarters they span. Each has:

- a data window (the cut-off): from the 15th of the month before its first month to the 14th of
  its last month, so Q1 is 2019-12-15 – 2020-03-14 and the year 2019-12-15 – 2020-12-14;
- an end, the last day of its last month: what ``--period`` evaluates as of;
- a deadline for the agencies' reports, a plan setting (``reporting.deadline_day`` of the last
  month), moved past Saturdays, Sundays and the plan's holidays (Civil Code 2015, art. 148).

Pure: dates in, dates out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from papi_cli.message import Message, Refusal

PeriodKind = Literal["quarter", "half", "nine_months", "year"]

_CODE = re.compile(r"(?P<year>[0-9]{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<long>H1|9M)))?")
ROMAN = ("I", "II", "III", "IV")  # the quarters as Vietnamese texts number them
_SPANS: dict[str, tuple[PeriodKind, tuple[int, ...]]] = {
    "H1": ("half", (1, 2)),
    "9M": ("nine_months", (1, 2, 3)),
}
_FORMS = "YYYY-Q1…Q4, YYYY-H1, YYYY-9M, YYYY"


@dataclass(frozen=True)
class Period:
    code: str  # "2020-Q2", "2020-H1", "2020-9M", "2020"
    kind: PeriodKind
    year: int
    quarters: tuple[int, ...]  # the quarters it spans, always from Q1 for the longer periods

    @property
    def last_month(self) -> int:
        return 3 * self.quarters[-1]

    @property
    def quarter_codes(self) -> tuple[str, ...]:
        return tuple(f"{self.year}-Q{q}" for q in self.quarters)

    @property
    def quarters_to_date(self) -> tuple[str, ...]:
        """The year's quarters up to and including its last: what ``--period`` counts (Q1–Q2 for Q2)."""
        return tuple(f"{self.year}-Q{q}" for q in range(1, self.quarters[-1] + 1))

    @property
    def data_window(self) -> tuple[dt.date, dt.date]:
        """The 15th of the month before its first month to the 14th of its last month."""
        first_month = 3 * self.quarters[0] - 2
        if first_month == 1:
            start = dt.date(self.year - 1, 12, 15)
        else:
            start = dt.date(self.year, first_month - 1, 15)
        return start, dt.date(self.year, self.last_month, 14)

    @property
    def start(self) -> dt.date:
        """The first day of its first month (2020-07-01 for Q3, 2020-01-01 for H1 and the year)."""
        return dt.date(self.year, 3 * self.quarters[0] - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of its last month (2020-06-30 for Q2 and H1, 2020-12-31 for Q4 and the year)."""
        return dt.date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    def deadline(self, deadline_day: int, holidays: Iterable[dt.date] = ()) -> dt.date:
        """The agencies' deadline: ``deadline_day`` of the last month, moved to a working day."""
        return next_working_day(dt.date(self.year, self.last_month, deadline_day), holidays)

    @property
    def name(self) -> Message:
        """What people call it: ``Quý II/2020`` (``Q2 2020``), ``6 tháng đầu năm 2020``…"""
        if self.kind == "quarter":
            n = self.quarters[0]
            return Message("period.quarter", roman=ROMAN[n - 1], n=n, year=self.year)
        return Message(f"period.{self.kind}", year=self.year)

    def __str__(self) -> str:
        return self.code


def parse(code: str) -> Period:
    """A period from its code; a Refusal naming the allowed forms for anything else."""
    match = _CODE.fullmatch(code.strip()) if isinstance(code, str) else None
    if match is None:
        raise Refusal(Message("period.bad_code", value=code, forms=_FORMS))
    year = int(match["year"])
    if match["quarter"]:
        return quarter(year, int(match["quarter"]))
    if match["long"]:
        kind, quarters = _SPANS[match["long"]]
        return Period(f"{year}-{match['long']}", kind, year, quarters)
    return Period(str(year), "year", year, (1, 2, 3, 4))


def parse_quarter(code: str) -> Period:
    """A quarter (``YYYY-Qn``, what a submission reports); a Refusal for any other period."""
    period = parse(code)
    if period.kind != "quarter":
        raise Refusal(Message("period.not_quarter", value=code))
    return period


def quarter(year: int, n: int) -> Period:
    if not 1 <= n <= 4:
        raise ValueError(f"there is no quarter {n}")  # papi's own bug: codes are checked first
    return Period(f"{year}-Q{n}", "quarter", year, (n,))


def quarters_of(year: int) -> list[Period]:
    return [quarter(year, n) for n in (1, 2, 3, 4)]


def is_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> bool:
    return day.weekday() < 5 and day not in set(holidays)


def next_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it.

    A deadline on a Saturday, Sunday or public holiday moves to the next working day
    (Civil Code 2015, art. 148): 2020-06-20 (Saturday) → 2020-06-22; 2020-02-09 (Sunday) → 2020-02-10.
    """
    off = set(holidays)
    while not is_working_day(day, off):
        day += dt.timedelta(days=1)
    return day
