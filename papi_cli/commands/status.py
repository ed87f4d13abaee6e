"""``papi status``: every indicator's value and status, the summary, and who has not reported.

The date: ``--as-of`` as given; else with ``--period P`` the last day of P's last month; else
today in Vietnam, capped at the plan year's end. ``--period P`` counts the submissions of the
quarters up to and including P. ``--agency`` shows the indicators of the tasks the agency leads or
implements and its own reports; ``--dimension`` one dimension; the summary is of what is shown.
Invalid submission files are left out and named at the top (JSON: ``skipped_files``).

Exit 0; with ``--fail-on missed`` (or ``at_risk``) 1 when a shown indicator is in that state;
1 when the plan itself is invalid; 2 for a bad option value.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from papi_cli.commands.common import evaluate_period, find_agency, find_dimension, usable_plan
from papi_cli.commands.context import Context
from papi_cli.model.plan import Plan
from papi_cli.model.results import Evaluation
from papi_cli.periods import Period

# --fail-on is a threshold, as in linters: at_risk also fails on what is already missed.
FAIL_ON = {"missed": {"missed"}, "at_risk": {"at_risk", "missed"}}


def run(ctx: Context, *, as_of: dt.date | None = None, period: Period | None = None, agency: str | None = None,
        dimension: str | None = None, fmt: str = "table", fail_on: str | None = None, year: int | None = None) -> int:
    plan = usable_plan(ctx, year, period, as_of)
    agency = find_agency(plan, agency)
    dimension = find_dimension(plan, dimension)
    _, evaluation = evaluate_period(ctx, plan, period, as_of)
    shown = select(plan, evaluation, agency, dimension)
    write(ctx, plan, shown, fmt)
    if fail_on is not None and any(r.status in FAIL_ON[fail_on] for r in shown.indicators):
        return 1
    return 0


def select(plan: Plan, evaluation: Evaluation, agency: str | None, dimension: str | None) -> Evaluation:
    """What is shown: the agency's tasks (lead or implementer) and its own reports; one dimension."""
    tasks = None if agency is None else {task.code for task, _ in plan.tasks_of(agency)}
    return replace(
        evaluation,
        agency=agency,
        indicators=tuple(r for r in evaluation.indicators
                         if (dimension is None or r.dimension == dimension) and (tasks is None or r.task in tasks)),
        reporting=tuple(e for e in evaluation.reporting if agency is None or e.agency == agency),
        implementation_documents=tuple(d for d in evaluation.implementation_documents
                                       if agency is None or d.agency == agency),
    )


def write(ctx: Context, plan: Plan, evaluation: Evaluation, fmt: str) -> None:
    if fmt == "json":
        from papi_cli.render.status_json import as_json

        json.dump(as_json(plan, evaluation), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    elif fmt == "md":
        from papi_cli.render.status_md import render_md

        ctx.out.write(render_md(plan, evaluation, ctx.lang))
    else:
        from papi_cli.render.status_table import render_table

        render_table(plan, evaluation, ctx.lang, ctx.out)
