"""Count: how many times something happened (inspections held), summed over quarters and agencies
and compared with a whole-number threshold. It builds up over the year."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from papi_cli.kinds.base import OPS, Kind, Part, Path, ResultCheck, SkeletonField, Value, _plain
from papi_cli.message import Message, Number

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan
    from papi_cli.model.results import Contribution, IndicatorResult


class Count(Kind):
    name = "count"
    measures = ("count",)
    plan_fields = frozenset({"op", "threshold"})
    plan_optional = frozenset({"counts"})  # what it counts, in words

    def threshold_range(self, indicator: Indicator, target: Fraction) -> Message | None:
        return None if target >= 0 and target.denominator == 1 else Message("allowed.count")

    def check(self, checker: ResultCheck, path: Path, indicator: Indicator, values: dict[str, Any],
              agency: Agency | None) -> dict[str, Any]:
        if "count" not in values:
            return {}
        return {"count": checker.whole(path + ("count",), "count", values["count"])}

    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        counts = [r.result.count for r in part.reports if r.result.count is not None]
        if counts:
            part.count = sum(counts)

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        counts = [p.count for p in parts if p.counted and p.count is not None]
        if not counts:
            return Value(False, False)
        total = sum(counts)
        return Value(True, self.reaches(indicator, Fraction(total)), value=Fraction(total), count=total)

    def cumulative(self, indicator: Indicator) -> bool:
        return True

    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        return {"count": {"$ref": "#/$defs/whole"}}, {}

    def skeleton(self, plan: Plan, agency: Agency, indicator: Indicator) -> list[SkeletonField]:
        return [SkeletonField("count", Message("new.count", counts=indicator.counts or indicator.name))]

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        return {"count": result.count}

    def target_json(self, indicator: Indicator) -> dict[str, Any]:
        return {"op": indicator.op or ">=", "count": _plain(indicator.target)}

    def target(self, indicator: Indicator) -> Message:
        return Message("target.count", op=OPS[indicator.op or ">="], value=Number(indicator.target or 0))

    def own_value(self, contribution: Contribution, indicator: Indicator) -> Message:
        if contribution.count is None:
            return super().own_value(contribution, indicator)
        return Message("value.count", count=Number(contribution.count))

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        return Message("value.none") if result.count is None else Message("value.count", count=Number(result.count))
