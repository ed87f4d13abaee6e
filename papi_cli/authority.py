"""Who may report what (docs/authority.md). Pure: a plan and an agency in, allowed codes out.

* An agency reports only the indicators of the tasks it leads or implements.
* Units in a coverage result: a commune People's Committee may list only itself; a district
  People's Committee only its own communes (or itself, for a coverage of districts); every other
  body (province level, or district-level bodies named by kind) may list any unit.
* II.3 and V.3 are inspections: no agency lists its own unit as inspected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan, Task, Unit


def reportable_codes(plan: Plan, agency: str) -> list[str]:
    """The codes of the indicators an agency may report, in plan order."""
    return [indicator.code for task, _ in plan.tasks_of(agency) for indicator in task.indicators]


def reportable(plan: Plan, agency: str) -> list[tuple[Task, Indicator, bool]]:
    """The indicators an agency may report, those of tasks it leads first (True), in plan order."""
    rows = [(task, indicator, leads) for task, leads in plan.tasks_of(agency) for indicator in task.indicators]
    return sorted(rows, key=lambda row: not row[2])


def allowed_units(plan: Plan, agency: Agency, indicator: Indicator) -> list[Unit]:
    """The units ``agency`` may list for a coverage ``indicator``, in registry order."""
    if indicator.population is None:
        return []
    population = plan.population(indicator.population)
    own = plan.units.get(agency.unit) if agency.unit is not None else None
    if own is None:
        allowed = population
    elif own.level == "commune":
        allowed = [own] if indicator.population == "communes" else []
    elif indicator.population == "communes":
        allowed = plan.communes_of(own.slug)
    else:
        allowed = [own]
    if indicator.inspection and own is not None:
        allowed = [unit for unit in allowed if unit.slug != own.slug]
    return allowed
