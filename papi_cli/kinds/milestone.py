"""Milestone: a task done or not, shown by evidence (a decision issued, a system in service).

A result says ``status: done`` with at least one piece of ``evidence``; only a lead's status
counts (the others' are detail), and it is met when any lead's latest status is done with
evidence. Not done, it is at risk once fewer than a quarter of its window's days are left.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from papi_cli.kinds.base import Kind, Part, Path, ResultCheck, Value
from papi_cli.message import Message

if TYPE_CHECKING:
    from papi_cli.model.plan import Indicator, Plan
    from papi_cli.model.results import IndicatorResult

# A milestone not done is at risk once fewer than this share of its window's days are left.
AT_RISK_LEFT = Fraction(1, 4)


class Milestone(Kind):
    name = "milestone"
    leads_only = True
    status_hint = "new.status_milestone"

    def threshold_range(self, indicator: Indicator, target: Fraction) -> Message | None:
        return None  # a milestone takes no threshold (plan_problems refuses one)

    def check_status(self, checker: ResultCheck, path: Path, indicator: Indicator, status: Any,
                     evidence: tuple[str, ...]) -> None:
        if status == "done" and not evidence:
            checker.add(path + ("status",), "done-without-evidence", indicator=indicator.code)

    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        stated = [r for r in part.reports if r.result.status is not None]
        if stated:
            latest = stated[-1]
            part.status = latest.result.status
            part.done = latest.result.status == "done" and bool(latest.result.evidence)
            part.figures_key = latest.key

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        stated = [p for p in parts if p.counted and p.status is not None]
        if not stated:
            return Value(False, False)
        done = any(p.done for p in stated)
        shown = "done" if done else max(stated, key=lambda p: p.figures_key).status
        return Value(True, done, done=done, reported_status=shown)

    def progress(self, indicator: Indicator, value: Value) -> Fraction | None:
        return None if value.done is None else Fraction(int(value.done))

    def at_risk(self, indicator: Indicator, progress: Fraction | None, start: dt.date, due: dt.date,
                as_of: dt.date) -> tuple[bool, Fraction | None]:
        left = Fraction((due - as_of).days, max((due - start).days, 1))
        return left < AT_RISK_LEFT, None

    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        """No measures; done needs evidence."""
        return {}, {"if": {"properties": {"status": {"const": "done"}}, "required": ["status"]},
                    "then": {"required": ["evidence"], "properties": {"evidence": {"minItems": 1}}}}

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        return {"done": bool(result.done), "reported_status": result.reported_status}

    def target_json(self, indicator: Indicator) -> dict[str, Any]:
        return {"done": True}

    def target(self, indicator: Indicator) -> Message:
        return Message("target.done")

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        return Message(f"result.{result.reported_status}") if result.reported_status else Message("value.none")
