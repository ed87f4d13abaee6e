"""Percent: a share measured by the lead itself (a satisfaction survey), reported as 0–100.

Only a lead's figure counts (the others' are kept as detail), and the value is the latest one
reported: a rate, at risk while below its target.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from papi_cli.kinds.base import Kind, Part, Path, ResultCheck, SkeletonField, Value
from papi_cli.message import Message, Number, Percent

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan
    from papi_cli.model.results import Contribution, IndicatorResult


# A percent strictly between 0 and 1 where the target is at least this is most likely a fraction.
FRACTION_SUSPECT = 50


class PercentKind(Kind):
    name = "percent"
    measures = ("percent",)
    plan_fields = frozenset({"op", "threshold"})
    leads_only = True
    shows_percent = True

    def check(self, checker: ResultCheck, path: Path, indicator: Indicator, values: dict[str, Any],
              agency: Agency | None) -> dict[str, Any]:
        if "percent" not in values:
            return {}
        value = checker.number(path + ("percent",), "percent", values["percent"], "percent")
        if value is None:
            return {}
        if not 0 <= value <= 100:
            checker.add(path + ("percent",), "percent-out-of-range", value=value)
            return {}
        if 0 < value < 1 and (indicator.target or 0) >= FRACTION_SUSPECT:
            # Excel's habit: 0.965 for 96.5 %. A real 0.965 % is possible, so only a warning.
            checker.add(path + ("percent",), "percent-as-fraction", severity="warning", value=Number(value),
                        likely=Number(Fraction(str(value)) * 100), target=Number(indicator.target or 0))
        return {"percent": float(value)}

    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        figures = [r for r in part.reports if r.result.percent is not None]
        if figures:
            part.percent = Fraction(str(figures[-1].result.percent))
            part.figures_key = figures[-1].key

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        figures = [p for p in parts if p.counted and p.percent is not None]
        if not figures:
            return Value(False, False)
        value = max(figures, key=lambda p: p.figures_key).percent
        assert value is not None
        return Value(True, self.reaches(indicator, value), value=value)

    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        return {"percent": {"type": "number", "minimum": 0, "maximum": 100}}, {}

    def skeleton(self, plan: Plan, agency: Agency, indicator: Indicator) -> list[SkeletonField]:
        return [SkeletonField("percent", Message("new.percent"))]

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        from papi_cli.numbers import percent_json

        return {"percent": percent_json(result.value)}

    def own_value(self, contribution: Contribution, indicator: Indicator) -> Message:
        if contribution.percent is None:
            return super().own_value(contribution, indicator)
        return Message("value.percent", percent=Percent(Fraction(str(contribution.percent)), indicator.target))

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        return Message("value.percent", percent=Percent(result.value, indicator.target))
