"""What several commands share: loading a usable plan, and checking and reading options."""

from __future__ import annotations

import datetime as dt
import sys
from typing import IO, TYPE_CHECKING

from papi_cli.clock import today_vn

from papi_cli.errors import UsageError, split_languages
from papi_cli.i18n import t
from papi_cli.load import Paths, load_plan
from papi_cli.problems import Problem, has_errors
from papi_cli.render.problems import text_lines

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.results import Evaluation
    from papi_cli.periods import Period
    from papi_cli.submissions import SubmissionSet


def plan_or_none(paths: Paths, lang: str, err: IO[str] | None = None, *, cache: bool = False) -> Plan | None:
    """The checked plan, or None after printing its problems (the caller exits 1)."""
    err = err or sys.stderr
    result = load_plan(paths, cache=cache)
    if result.plan is None or has_errors(result.problems):
        print_problems(sorted(result.problems, key=Problem.sort_key), lang, err)
        print(t("plan_invalid", lang), file=err)
        return None
    return result.plan  # type: ignore[return-value]


def print_problems(problems: list[Problem], lang: str, err: IO[str],
                   sources: dict[str, str] | None = None) -> None:
    """Problems as text lines (with the source line and a caret where ``sources`` has the text)."""
    for line in text_lines(problems, lang, sources):
        print(line, file=err)


def evaluate_period(plan: Plan, paths: Paths, period: str | None, as_of: str | None, *, cache: bool,
                    today: dt.date | None = None) -> tuple[Period | None, SubmissionSet, Evaluation]:
    """``--period`` and ``--as-of`` read, the valid submissions loaded and evaluated: what
    ``papi status`` and ``papi report`` both show."""
    from papi_cli.evaluate import evaluate
    from papi_cli.submissions import load_submissions

    chosen = period_option(plan, period)
    day = as_of_option(plan, as_of, chosen)
    loaded = load_submissions(plan, paths, today=today, cache=cache)
    return chosen, loaded, evaluate(plan, loaded.submissions, day, chosen, skipped_files=loaded.skipped)


def check_agency(plan: Plan, agency: str | None) -> None:
    if agency is not None and agency not in plan.agencies:
        raise UsageError(f"--agency: không có cơ quan '{agency}' trong kế hoạch",
                         f"--agency: unknown agency '{agency}'")


def check_dimension(plan: Plan, dimension: str | None) -> None:
    if dimension is not None and plan.dimension(dimension) is None:
        allowed = ", ".join(d.code for d in plan.dimensions)
        raise UsageError(f"--dimension: không có '{dimension}'; chọn một trong: {allowed}",
                         f"--dimension: no '{dimension}'; choose one of: {allowed}")


def period_option(plan: Plan, period: str | None, *, quarter: bool = False) -> Period | None:
    """``--period``: a period of the plan year (only a quarter where ``quarter``), or None."""
    from papi_cli.periods import parse, parse_quarter

    if period is None:
        return None
    try:
        chosen = parse_quarter(period) if quarter else parse(period)
    except ValueError as error:
        vi, en = split_languages(str(error))
        raise UsageError(f"--period: {vi}", f"--period: {en}") from None
    if chosen.year != plan.year:
        raise UsageError(f"--period: {period} không thuộc năm kế hoạch {plan.year}",
                         f"--period: {period} is outside the plan year {plan.year}")
    return chosen


def as_of_option(plan: Plan, as_of: str | None, period: Period | None) -> dt.date:
    """An explicit date as given; else the period's end; else today, capped at the plan year's end."""
    if as_of is not None:
        try:
            return dt.date.fromisoformat(as_of)
        except ValueError:
            raise UsageError(f"--as-of: '{as_of}' không phải ngày YYYY-MM-DD",
                             f"--as-of: '{as_of}' is not a date YYYY-MM-DD") from None
    if period is not None:
        return period.end
    return min(today_vn(), dt.date(plan.year, 12, 31))
