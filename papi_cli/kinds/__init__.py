"""The registry of indicator kinds: one ``Kind`` per name, each in its own module.

Everything papi does that depends on an indicator's kind asks its entry here: the fields a
result takes and how they are checked (``submission_check``), the plan fields it needs
(``planfile``), how reports combine and whether the value builds up over the year
(``evaluate``), its JSON Schema (``papi schema``), its skeleton lines (``papi new``), its JSON
and its value and target in words (the renderers). A new kind is one module and one line here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from papi_cli.kinds.base import Kind
from papi_cli.kinds.count import Count
from papi_cli.kinds.coverage import Coverage
from papi_cli.kinds.milestone import Milestone
from papi_cli.kinds.percent import PercentKind
from papi_cli.kinds.ratio import Ratio

if TYPE_CHECKING:
    from papi_cli.model.plan import Indicator

KINDS: dict[str, Kind] = {kind.name: kind for kind in (Coverage(), Ratio(), PercentKind(), Count(), Milestone())}
COMMON_FIELDS = ("status", "evidence", "note")  # what a result of any kind may carry besides its measures
RESULT_STATUSES = ("not_started", "in_progress", "done")


def kind_of(indicator: Indicator) -> Kind:
    return KINDS[indicator.kind]


def result_fields(indicator: Indicator) -> tuple[str, ...]:
    """The fields a result for this indicator may carry, measure fields first."""
    return kind_of(indicator).measures + COMMON_FIELDS


def kind_of_field(name: str) -> str | None:
    """The kind whose measure ``name`` is (for "this field belongs to another kind")."""
    return next((kind.name for kind in KINDS.values() if name in kind.measures), None)
