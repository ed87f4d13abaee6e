"""What several commands share: a usable plan, the evaluation of a period, and the lookups of
option values that depend on the plan (an agency, a dimension, a period of the plan year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.load import load_plan
from papi_cli.message import Message
from papi_cli.names import closest_agencies, fold
from papi_cli.problems import Problem, has_errors

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.results import Evaluation
    from papi_cli.periods import Period
    from papi_cli.submissions import CheckedSubmissions


def usable_plan(ctx: Context, year: int | None = None, period: Period | None = None,
                as_of: dt.date | None = None) -> Plan:
    """The checked plan of the year the command means (``plan_year``), which the context's paths
    then name; a DataError with its problems when it has errors."""
    chosen = plan_year(ctx, year, period, as_of)
    if chosen is not None:
        ctx.paths = ctx.paths.for_year(chosen)
        asked = [(o, v) for o, v in (("--year", year), ("--period", period and period.code),
                                     ("--as-of", as_of and as_of.isoformat())) if v is not None]
        if asked and not ctx.paths.plan_given and not files.is_file(ctx.paths.plan) \
                and chosen not in ctx.paths.plan_years():
            option, value = asked[0]
            years = ", ".join(str(y) for y in ctx.paths.plan_years()) or "—"
            raise UsageError(Message("usage.no_plan_year", option=option, value=value, year=chosen,
                                     plan=ctx.paths.label(ctx.paths.plan), years=years))
    result = load_plan(ctx.paths, cache=ctx.cache)
    if result.value is None or has_errors(result.problems):
        raise DataError(sorted(result.problems, key=Problem.sort_key), Message("plan_invalid"), result.sources)
    plan = result.value
    if chosen is not None and plan.year != chosen:  # --plan names a plan of another year
        option = "--year" if year is not None else "--period" if period is not None else "--as-of"
        raise UsageError(Message("usage.plan_of_other_year", option=option, year=chosen,
                                 plan=ctx.paths.label(ctx.paths.plan), plan_year=plan.year))
    return plan


def every_year(ctx: Context, year: int | None = None) -> list[Plan]:
    """The checked plan of ``year``, or of every year with a plan (the latest alone, or the given
    one, when the plan folder has none of its own: a plan-missing error)."""
    years: list[int | None] = [year] if year is not None else [*ctx.paths.plan_years()] or [None]
    plans = []
    for chosen in years:
        own = replace(ctx, paths=ctx.paths)
        plans.append(usable_plan(own, chosen))
        if len(years) == 1:
            ctx.paths = own.paths
    return plans


def plan_year(ctx: Context, year: int | None = None, period: Period | None = None,
              as_of: dt.date | None = None) -> int | None:
    """The year a command means: ``--year``; else the year of ``--period``; else of ``--as-of``;
    else this year (in Vietnam) when it has a plan; else the latest plan's year (None: there is
    no plan). ``--year`` and ``--period`` of different years are refused."""
    if year is not None and period is not None and period.year != year:
        raise UsageError(Message("usage.years_differ", year=year, period=period.code))
    if year is not None:
        return year
    if period is not None:
        return period.year
    if as_of is not None:
        return as_of.year
    years = ctx.paths.plan_years()
    if ctx.today.year in years:
        return ctx.today.year
    return max(years) if years else None


def evaluate_period(ctx: Context, plan: Plan, period: Period | None,
                    as_of: dt.date | None) -> tuple[CheckedSubmissions, Evaluation]:
    """The valid submissions loaded and evaluated for ``--period`` and ``--as-of``: what
    ``papi status`` and ``papi report`` both show."""
    from papi_cli.evaluate import evaluate
    from papi_cli.submissions import load_submissions

    day = evaluation_date(ctx, plan, as_of, period)
    loaded = load_submissions(plan, ctx.paths, today=ctx.today, cache=ctx.cache)
    checked = loaded.value
    assert checked is not None
    return checked, evaluate(plan, checked.submissions, day, period, skipped_files=checked.skipped)


def find_agency(plan: Plan, agency: str | None) -> str | None:
    """The code of ``--agency``, given by its code or by its exact name (``"Sở Y tế"``, in any
    case, with or without diacritics); a usage error naming the closest agencies otherwise."""
    if agency is None or agency in plan.agencies:
        return agency
    named = [code for code, known in plan.agencies.items() if fold(known.name) == fold(agency)]
    if len(named) == 1:
        return named[0]
    raise UsageError(Message("usage.unknown_agency", option="--agency", value=agency,
                             closest=closest_agencies(plan.agency_names(), agency)))


def find_dimension(plan: Plan, dimension: str | None) -> str | None:
    """The plan's code of ``--dimension``, given by it (``III``) or by its PAPI code (``D3``)."""
    if dimension is None:
        return None
    found = plan.find_dimension(dimension) or next(
        (d for d in plan.dimensions if d.papi.lower() == dimension.lower()), None)
    if found is None:
        allowed = ", ".join(f"{d.code} ({d.papi})" for d in plan.dimensions)
        raise UsageError(Message("usage.unknown_dimension", option="--dimension", value=dimension, allowed=allowed))
    return found.code


def evaluation_date(ctx: Context, plan: Plan, as_of: dt.date | None, period: Period | None) -> dt.date:
    """An explicit date as given; else the period's end; else today, capped at the plan year's end.

    An explicit date before the period even begins is refused: it would count none of the
    period's quarter and still be shown under the period's name."""
    if as_of is not None:
        if period is not None and as_of < period.start:
            raise UsageError(Message("usage.as_of_before_period", value=as_of.isoformat(), period=period.code,
                                     start=period.start.isoformat(), end=period.end.isoformat()))
        return as_of
    if period is not None:
        return period.end
    return min(ctx.today, dt.date(plan.year, 12, 31))


def output_folder(ctx: Context, out: Path | None) -> tuple[Path, str]:
    """Where a command writes its documents: ``--out`` or ROOT/reports, and how to name it in a
    message (the option, or the folder itself: a failure in the default folder is not --out's).

    Never into the submissions, plan or narrative folders, nor into any folder of period folders (a
    submissions tree named otherwise, as with ``--root submissions``): documents there would be
    taken for data, or stand in a pull request beside it."""
    folder = out if out is not None else ctx.paths.root / "reports"
    named = "--out" if out is not None else str(folder)
    if files.lexists(folder) and not files.is_dir(folder):
        raise UsageError(Message("usage.out_is_file", option=named, folder=str(folder)))
    for data in (ctx.paths.submissions, ctx.paths.plan.parent, ctx.paths.root / "narrative"):
        if files.inside(folder, data):
            raise UsageError(Message("usage.out_in_data", option=named, folder=str(folder), data=str(data)))
    if any(_holds_periods(place) for place in _ancestors(folder, ctx.paths.root)):
        raise UsageError(Message("usage.out_in_data", option=named, folder=str(folder),
                                 data=str(next(p for p in _ancestors(folder, ctx.paths.root) if _holds_periods(p)))))
    return folder, named


def _ancestors(folder: Path, root: Path) -> list[Path]:
    """``folder`` and its parents up to ``root`` (up to its own parent when outside it)."""
    place = Path(files.realpath(folder))
    top = Path(files.realpath(root))
    chain = [place]
    while place != top and place.parent != place and (files.inside(place.parent, top) or len(chain) < 2):
        place = place.parent
        chain.append(place)
    return chain


def _holds_periods(folder: Path) -> bool:
    from papi_cli.layout import PERIOD_FOLDER

    if PERIOD_FOLDER.match(folder.name):
        return True
    try:
        return any(PERIOD_FOLDER.match(entry.name) and entry.is_dir for entry in files.listing(folder))
    except OSError:
        return False
