"""What several commands share: loading a usable plan, output streams, option checks."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING

from papi_cli.errors import UsageError
from papi_cli.i18n import t
from papi_cli.load import Paths, load_plan
from papi_cli.problems import has_errors
from papi_cli.render.problems import text_lines

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan


def plan_or_none(paths: Paths, lang: str, err: IO[str] | None = None) -> Plan | None:
    """The checked plan, or None after printing its problems (the caller exits 1)."""
    err = err or sys.stderr
    result = load_plan(paths)
    if result.plan is None or has_errors(result.problems):
        for line in text_lines(sorted(result.problems, key=lambda p: p.sort_key()), lang):
            print(line, file=err)
        print(t("plan_invalid", lang), file=err)
        return None
    return result.plan  # type: ignore[return-value]


def check_agency(plan: Plan, agency: str | None) -> None:
    if agency is not None and agency not in plan.agencies:
        raise UsageError(f"--agency: không có cơ quan '{agency}' trong kế hoạch / unknown agency '{agency}'")


def check_dimension(plan: Plan, dimension: str | None) -> None:
    if dimension is not None and plan.dimension(dimension) is None:
        allowed = ", ".join(d.code for d in plan.dimensions)
        raise UsageError(f"--dimension: '{dimension}' không có; chọn một trong / choose one of: {allowed}")
