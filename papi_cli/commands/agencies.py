"""``papi agencies``: every agency of the plan with its code, so that a clerk finds their own.

For each: its code, name and level, the tasks it leads and those it implements, the indicators
it may report, whether it owes the province a report every quarter, and to whom it reports (a
commune to its district's People's Committee, the others to the coordinator).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from papi_cli.authority import reportable_codes
from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.evaluate import owing_agencies
from papi_cli.model.plan import Agency, Plan


@dataclass(frozen=True)
class Row:
    agency: Agency
    leads: list[str]  # task codes
    implements: list[str]
    indicators: list[str]  # the indicators it may report
    owes: bool  # a report to the province every quarter
    reports_to: str  # the agency it sends its reports to


def run(ctx: Context, *, fmt: str, year: int | None = None) -> int:
    plan = usable_plan(ctx, year)
    rows = agency_rows(plan)
    if fmt == "json":
        json.dump(as_json(plan, rows), ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
    else:
        from papi_cli.render.agencies_table import render_table

        render_table(plan, rows, ctx.lang, ctx.out)
    return 0


def agency_rows(plan: Plan) -> list[Row]:
    """Province bodies in plan order, then each district's committee followed by its communes'."""
    owing = set(owing_agencies(plan))
    ordered = [a for a in plan.file.agencies if a.level == "province"]
    for district in plan.population("districts"):
        ordered.append(plan.agencies[f"ubnd-{district.slug}"])
        ordered += [plan.agencies[f"ubnd-{commune.slug}"] for commune in plan.communes_of(district.slug)]
    seen = {a.code for a in ordered}
    ordered += [a for a in plan.agencies.values() if a.code not in seen]
    rows = []
    for agency in ordered:
        tasks = plan.tasks_of(agency.code)
        rows.append(Row(agency, [t.code for t, leads in tasks if leads], [t.code for t, leads in tasks if not leads],
                        reportable_codes(plan, agency.code), agency.code in owing, _reports_to(plan, agency)))
    return rows


def _reports_to(plan: Plan, agency: Agency) -> str:
    if agency.level == "commune" and agency.unit is not None:
        return f"ubnd-{plan.unit(agency.unit).district}"
    return plan.file.coordinator


def as_json(plan: Plan, rows: list[Row]) -> dict[str, Any]:
    return {
        "plan": plan.decision.number,
        "year": plan.year,
        "agencies": [
            {"code": row.agency.code, "name": row.agency.name, "name_en": row.agency.name_en,
             "level": row.agency.level, "unit": row.agency.unit, "leads": row.leads, "implements": row.implements,
             "indicators": row.indicators, "owes_quarterly_report": row.owes, "reports_to": row.reports_to}
            for row in rows
        ],
    }
