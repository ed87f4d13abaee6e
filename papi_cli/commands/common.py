"""What several commands share: a usable plan, the evaluation of a period, and the lookups of
option values that depend on the plan (an agency, a dimension, a period of the plan year)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.load import load_plan
from papi_cli.message import Message
from papi_cli.problems import Problem, has_errors

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.results import Evaluation
    from papi_cli.periods import Period
    from papi_cli.submissions import CheckedSubmissions


def usable_plan(ctx: Context) -> Plan:
    """The checked plan; a DataError with its problems when it has errors."""
    result = load_plan(ctx.paths, cache=ctx.cache)
    if result.value is None or has_errors(result.problems):
        raise DataError(sorted(result.problems, key=Problem.sort_key), Message("plan_invalid"), result.sources)
    return result.value


def evaluate_period(ctx: Context, plan: Plan, period: Period | None,
                    as_of: dt.date | None) -> tuple[CheckedSubmissions, Evaluation]:
    """The valid submissions loaded and evaluated for ``--period`` and ``--as-of``: what
    ``papi status`` and ``papi report`` both show."""
    from papi_cli.evaluate import evaluate
    from papi_cli.submissions import load_submissions

    in_year(plan, period)
    day = evaluation_date(ctx, plan, as_of, period)
    loaded = load_submissions(plan, ctx.paths, today=ctx.today, cache=ctx.cache)
    checked = loaded.value
    assert checked is not None
    return checked, evaluate(plan, checked.submissions, day, period, skipped_files=checked.skipped)


def find_agency(plan: Plan, agency: str | None) -> None:
    if agency is not None and agency not in plan.agencies:
        raise UsageError(Message("usage.unknown_agency", option="--agency", value=agency))


def find_dimension(plan: Plan, dimension: str | None) -> None:
    if dimension is not None and plan.find_dimension(dimension) is None:
        allowed = ", ".join(d.code for d in plan.dimensions)
        raise UsageError(Message("usage.unknown_dimension", option="--dimension", value=dimension, allowed=allowed))


def in_year(plan: Plan, period: Period | None) -> None:
    """``--period`` must be a period of the plan year."""
    if period is not None and period.year != plan.year:
        raise UsageError(Message("usage.outside_year", option="--period", value=period.code, year=plan.year))


def evaluation_date(ctx: Context, plan: Plan, as_of: dt.date | None, period: Period | None) -> dt.date:
    """An explicit date as given; else the period's end; else today, capped at the plan year's end."""
    if as_of is not None:
        return as_of
    if period is not None:
        return period.end
    return min(ctx.today, dt.date(plan.year, 12, 31))
