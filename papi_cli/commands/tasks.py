"""``papi tasks``: the plan's catalogue, whole or for one agency or dimension."""

from __future__ import annotations

import json
from typing import Any

from papi_cli.commands.common import find_agency, find_dimension, usable_plan
from papi_cli.commands.context import Context
from papi_cli.model.plan import Indicator, Plan, Task


def run(ctx: Context, *, agency: str | None, dimension: str | None, fmt: str, year: int | None = None) -> int:
    plan = usable_plan(ctx, year)
    agency = find_agency(plan, agency)
    dimension = find_dimension(plan, dimension)
    rows = select(plan, agency, dimension)
    if fmt == "json":
        json.dump(as_json(plan, rows, agency), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        from papi_cli.render.tasks_table import render_table

        render_table(plan, rows, agency, ctx.lang, ctx.out)
    return 0


def select(plan: Plan, agency: str | None, dimension: str | None) -> list[tuple[Task, bool | None]]:
    """The tasks to show, each with True/False for "agency leads it" (None without --agency)."""
    if agency is not None:
        rows: list[tuple[Task, bool | None]] = list(plan.tasks_of(agency))
    else:
        rows = [(task, None) for task in plan.tasks]
    return [(task, leads) for task, leads in rows if dimension is None or task.dimension == dimension]


def indicator_json(indicator: Indicator) -> dict[str, Any]:
    data: dict[str, Any] = {"code": indicator.code, "name": indicator.name, "kind": indicator.kind}
    if indicator.population:
        data["population"] = indicator.population
    if indicator.aggregate:
        data["aggregate"] = indicator.aggregate
    if indicator.op:
        data["op"] = indicator.op
    target = indicator.target
    if target is not None:
        data["threshold"] = int(target) if target.denominator == 1 else float(target)
    data["due"] = indicator.due.isoformat()
    data["ongoing"] = indicator.ongoing
    if indicator.window_start:
        data["window_start"] = indicator.window_start.isoformat()
    return data


def as_json(plan: Plan, rows: list[tuple[Task, bool | None]], agency: str | None) -> dict[str, Any]:
    tasks = []
    for task, leads in rows:
        item = {
            "code": task.code,
            "dimension": task.dimension,
            "title": task.title,
            "short": task.short,
            "items": [{"number": i.number, "text": i.text} for i in task.items],
            "target_text": task.target_text,
            "lead": plan.leads(task),
            "implementers": plan.implementers(task),
            "lead_text": task.lead_text,
            "implementers_text": task.implementers_text,
            "timeframe": task.timeframe,
            "outputs": task.outputs,
            "indicators": [indicator_json(ind) for ind in task.indicators],
        }
        if agency is not None:
            item["role"] = "lead" if leads else "implementer"
        tasks.append(item)
    dims = {task.dimension for task, _ in rows}
    return {
        "plan": plan.decision.number,
        "year": plan.year,
        "agency": agency,
        "dimensions": [
            {"code": d.code, "papi": d.papi, "name": d.name, "name_en": d.name_en}
            for d in plan.dimensions if d.code in dims
        ],
        "tasks": tasks,
    }
