"""``papi outcome``: the province's published PAPI scores against the plan's goal 1.3.

Exit 1 when the goal is not met (not every dimension is "trung bình cao" or above) or when the
scores file has problems; 0 when it is met.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from papi_cli.commands.common import plan_or_none, print_problems
from papi_cli.load import Paths, default_scores, load_outcome

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.outcome import Outcome


def run(paths: Paths, *, year: int, scores: Path | None = None, fmt: str = "table", lang: str = "vi",
        out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    plan = plan_or_none(paths, lang, err)
    if plan is None:
        return 1
    path = scores if scores is not None else default_scores(paths, year)
    result, problems, text = load_outcome(plan, path, paths.label(path), year)
    if result is None:
        print_problems(problems, lang, err, {paths.label(path): text} if text else None)
        return 1
    if fmt == "json":
        json.dump(as_json(plan, result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        from papi_cli.render.outcome_table import render_table

        render_table(plan, result, paths.label(path), lang, out)
    return 0 if result.goal_met else 1


def as_json(plan: Plan, result: Outcome) -> dict:
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


def _standing_json(standing) -> dict:
    return {"score": float(standing.score), "rank": standing.rank, "of": standing.provinces,
            "group": standing.group, "median": float(standing.quartiles[1])}
