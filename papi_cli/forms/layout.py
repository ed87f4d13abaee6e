"""What a form holds, decided once from the plan, an agency and a quarter (pure: no workbook).

The reader and the writer share these names: the sheets' roles, the keys of the hidden marker
column (column A of every sheet papi reads), the measure columns by field name, and which
of them each indicator's kind opens. Rows are found again by these keys and by the indicator
code in column B, never by their position, so a row the clerk inserts or deletes changes
nothing; sheets are found by the marker in their column A, never by their title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from papi_cli.authority import allowed_units, reportable
from papi_cli.kinds import COMMON_FIELDS, kind_of

if TYPE_CHECKING:
    from papi_cli.model.plan import Indicator, Plan, Task, Unit
    from papi_cli.periods import Period

FORM_VERSION = "1"

# The marker of each sheet's role, in its hidden column A (any row).
MARK_PREFIX = "papi-form:"
INSTRUCTIONS, RESULTS, UNITS = "instructions", "results", "units"

# The keys of header rows (hidden column A of the results sheet); the value is in the column
# of the targets (D as papi writes it), the label just left of it.
HEADER_FIELDS = ("submitted_on", "implementation_document.number", "implementation_document.date")
# The locked header rows that say whose form it is: the reader checks the clerk left them alone
# (the properties say whose it is; a cell changed to another agency or quarter is a mistake).
IDENTITY_FIELDS = ("agency", "period")
COLUMN_KEYS = "columns"  # the hidden row that names each column's field
CODE_COLUMN = 2  # B: the indicator code, on the results sheet; the unit's slug key is in column A

# The results sheet's columns after the code: what the clerk reads, then what the clerk fills.
SHOWN = ("indicator", "target", "due")
MEASURES = ("numerator", "denominator", "percent", "count", "units")
FIELDS = (*MEASURES, *COMMON_FIELDS)
COLUMNS = ("code", *SHOWN, *FIELDS)  # from column B


def column_of(name: str) -> int:
    """The 1-based column of ``name`` as papi writes it (the reader looks the keys up instead)."""
    return CODE_COLUMN + COLUMNS.index(name)


HEADER_VALUE_COLUMN = column_of("target")


# Custom document properties (docProps/custom.xml).
PROP_FORM, PROP_PLAN, PROP_VERSION, PROP_AGENCY, PROP_PERIOD = (
    "papi-form", "papi-plan", "papi-version", "papi-agency", "papi-period")


@dataclass(frozen=True)
class Row:
    """One indicator the agency may report: the fields its kind takes are the open cells."""

    task: Task
    indicator: Indicator
    leads: bool
    fields: tuple[str, ...]  # of FIELDS; "units" means "marked on the units sheet"


@dataclass(frozen=True)
class UnitColumn:
    """A coverage indicator on the units sheet: the units the agency may mark."""

    indicator: Indicator
    allowed: tuple[str, ...]  # slugs


@dataclass(frozen=True)
class Form:
    agency: str
    period: Period
    plan_digest: str
    rows: tuple[Row, ...]
    unit_columns: tuple[UnitColumn, ...]
    units: tuple[Unit, ...]  # the units sheet's rows: every unit some column allows, in registry order

    def row(self, code: str) -> Row | None:
        return next((row for row in self.rows if row.indicator.code == code), None)


def form_of(plan: Plan, agency: str, period: Period) -> Form:
    """The form of ``agency`` for ``period``: every indicator it may report, those of the tasks it
    leads first (the order of ``papi new``)."""
    who = plan.agencies[agency]
    rows = []
    columns = []
    for task, indicator, leads in reportable(plan, agency):
        measures = kind_of(indicator).measures
        if "units" in measures:
            allowed = tuple(u.slug for u in allowed_units(plan, who, indicator))
            if allowed:
                columns.append(UnitColumn(indicator, allowed))
            else:  # a unit it may not list (an inspection of itself): it reports in words only
                measures = tuple(name for name in measures if name != "units")
        rows.append(Row(task, indicator, leads, (*measures, *COMMON_FIELDS)))
    wanted = {slug for column in columns for slug in column.allowed}
    units = tuple(plan.unit(slug) for slug in _registry_order(plan) if slug in wanted)
    return Form(agency, period, plan.digest or "", tuple(rows), tuple(columns), units)


def _registry_order(plan: Plan) -> list[str]:
    return [unit.slug for unit in (*plan.population("districts"), *plan.population("communes"))]
