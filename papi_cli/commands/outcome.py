"""``papi outcome``: the province's published PAPI scores against the plan's goal 1.3; with the
previous year's scores file beside this year's (``plan/papi-scores-<year-1>.csv``), how each
score and rank moved from that year (not with ``--scores``: a file from elsewhere has no
previous year of its own).

Exit 1 when the goal is not met (not every dimension is "trung bình cao" or above) or when the
scores file has problems; 0 when it is met.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papi_cli import files
from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError
from papi_cli.load import default_scores, load_outcome

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.outcome import Change, Outcome, Standing


def run(ctx: Context, *, year: int, scores: Path | None, fmt: str) -> int:
    plan = usable_plan(ctx, year if year in ctx.paths.plan_years() else None)  # its dimensions
    path = scores if scores is not None else default_scores(ctx.paths, year)
    result = _loaded(plan, ctx, path, year)
    assert result is not None
    previous_path = default_scores(ctx.paths, year - 1)  # the year before, beside this year's own file
    previous = _loaded(plan, ctx, previous_path, year - 1) \
        if scores is None and files.is_file(previous_path) else None
    if fmt == "json":
        json.dump(as_json(plan, result, previous), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        from papi_cli.render.outcome_table import render_table

        render_table(plan, result, ctx.paths.label(path), ctx.lang, ctx.out, previous)
    return 0 if result.goal_met else 1


def _loaded(plan: Plan, ctx: Context, path: Path, year: int) -> Outcome | None:
    loaded = load_outcome(plan, ctx.paths, path, year)
    if loaded.value is None:
        raise DataError(loaded.problems, sources=loaded.sources)
    return loaded.value


def as_json(plan: Plan, result: Outcome, previous: Outcome | None = None) -> dict[str, Any]:
    """The contract's shape; with the previous year's scores, each measure's ``change`` from it
    (``score``, and ``places`` gained in the ranking) and ``previous_year``."""
    from papi_cli.outcome import changes

    names = {d.code: d.name for d in plan.dimensions}
    moved, total = changes(result, previous) if previous is not None else ({}, None)
    data: dict[str, Any] = {
        "year": result.year,
        "province": result.province,
        "goal_met": result.goal_met,
        "dimensions_meeting_goal": result.dimensions_meeting_goal,
        "dimensions": [
            {"code": d.code, "papi": d.papi, "name": names[d.code], **_standing_json(d.standing),
             "meets_goal": d.standing.meets_goal,
             **({"change": _change_json(moved[d.papi])} if d.papi in moved else {})}
            for d in result.dimensions
        ],
        "aggregate": {**_standing_json(result.aggregate), **({"change": _change_json(total)} if total else {})},
    }
    if previous is not None:
        data["previous_year"] = previous.year
    return data


def _change_json(change: Change) -> dict[str, Any]:
    return {"score": float(change.score), "places": change.places}


def _standing_json(standing: Standing) -> dict[str, Any]:
    return {"score": float(standing.score), "rank": standing.rank, "of": standing.provinces,
            "group": standing.group, "median": float(standing.quartiles[1])}
