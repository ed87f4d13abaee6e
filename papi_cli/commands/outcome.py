"""``papi outcome``: the province's published PAPI scores against the plan's goal 1.3.

Exit 1 when the goal is not met (not every dimension is "trung bình cao" or above) or when the
scores file has problems; 0 when it is met.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError
from papi_cli.load import default_scores, load_outcome

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.outcome import Outcome, Standing


def run(ctx: Context, *, year: int, scores: Path | None, fmt: str) -> int:
    plan = usable_plan(ctx)
    path = scores if scores is not None else default_scores(ctx.paths, year)
    loaded = load_outcome(plan, ctx.paths, path, year)
    result = loaded.value
    if result is None:
        raise DataError(loaded.problems, sources=loaded.sources)
    if fmt == "json":
        json.dump(as_json(plan, result), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        from papi_cli.render.outcome_table import render_table

        render_table(plan, result, ctx.paths.label(path), ctx.lang, ctx.out)
    return 0 if result.goal_met else 1


def as_json(plan: Plan, result: Outcome) -> dict[str, Any]:
    names = {d.code: d.name for d in plan.dimensions}
    return {
        "year": result.year,
        "province": result.province,
        "goal_met": result.goal_met,
        "dimensions_meeting_goal": result.dimensions_meeting_goal,
        "dimensions": [
            {"code": d.code, "papi": d.papi, "name": names[d.code], **_standing_json(d.standing),
             "meets_goal": d.standing.meets_goal}
            for d in result.dimensions
        ],
        "aggregate": _standing_json(result.aggregate),
    }


def _standing_json(standing: Standing) -> dict[str, Any]:
    return {"score": float(standing.score), "rank": standing.rank, "of": standing.provinces,
            "group": standing.group, "median": float(standing.quartiles[1])}
