"""Ratio: numerator over denominator, as a percent.

A *flow* ratio counts what happened in each quarter (dossiers resolved of those received): the
numerators and denominators are summed over quarters and agencies, and the value is a rate, at
risk while below its target. A *stock* ratio states how things stand (plans published of those
due): each agency's latest figures are summed over agencies, and the value builds up over the
year. A 0/0 ratio is reported but has no figure to compare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from papi_cli.kinds.base import Kind, Part, Path, ResultCheck, SkeletonField, Value, percent_of
from papi_cli.message import Message, Number, Percent

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan
    from papi_cli.model.results import Contribution, IndicatorResult


class Ratio(Kind):
    name = "ratio"
    measures = ("numerator", "denominator")
    plan_fields = frozenset({"aggregate", "op", "threshold"})
    plan_optional = frozenset({"numerator", "denominator"})  # what each counts, in words
    shows_percent = True

    def check(self, checker: ResultCheck, path: Path, indicator: Indicator, values: dict[str, Any],
              agency: Agency | None) -> dict[str, Any]:
        given = {name: values[name] for name in self.measures if name in values}
        checked = {name: checker.whole(path + (name,), name, value) for name, value in given.items()}
        if len(given) == 1:
            present = next(iter(given))
            missing = "denominator" if present == "numerator" else "numerator"
            checker.add(path + (present,), "ratio-incomplete", indicator=indicator.code, field=missing)
            return {}
        numerator, denominator = checked.get("numerator"), checked.get("denominator")
        if numerator is None or denominator is None:
            return {}
        if denominator == 0 and numerator != 0:
            checker.add(path + ("denominator",), "zero-denominator", numerator=numerator)
        elif numerator > denominator:
            checker.add(path + ("numerator",), "numerator-exceeds-denominator", numerator=numerator,
                        denominator=denominator)
        return {"numerator": numerator, "denominator": denominator}

    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        figures = [r for r in part.reports if r.result.numerator is not None and r.result.denominator is not None]
        if indicator.aggregate == "stock":
            figures = figures[-1:]
        if figures:
            part.numerator = sum(r.result.numerator or 0 for r in figures)
            part.denominator = sum(r.result.denominator or 0 for r in figures)
            part.figures_key = figures[-1].key

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        figures = [p for p in parts if p.counted and p.numerator is not None and p.denominator is not None]
        if not figures:
            return Value(False, False)
        num = sum(p.numerator or 0 for p in figures)
        den = sum(p.denominator or 0 for p in figures)
        if den == 0:  # 0/0: reported, but no figure to compare
            return Value(False, False, num, den)
        value = percent_of(num, den)
        return Value(True, self.reaches(indicator, value), num, den, value)

    def cumulative(self, indicator: Indicator) -> bool:
        return indicator.aggregate == "stock"

    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        return ({"numerator": {"$ref": "#/$defs/whole"}, "denominator": {"$ref": "#/$defs/whole"}},
                {"dependentRequired": {"numerator": ["denominator"], "denominator": ["numerator"]}})

    def skeleton(self, plan: Plan, agency: Agency, indicator: Indicator) -> list[SkeletonField]:
        window = Message(f"new.{indicator.aggregate}")
        return [SkeletonField("numerator", Message("new.ratio_part", counts=indicator.numerator or "", window=window)),
                SkeletonField("denominator", Message("new.ratio_part", counts=indicator.denominator or "",
                                                     window=window))]

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        from papi_cli.numbers import percent_json

        return {"numerator": result.numerator, "denominator": result.denominator,
                "percent": percent_json(result.value), "aggregate": indicator.aggregate}

    def own_value(self, contribution: Contribution, indicator: Indicator) -> Message:
        numerator, denominator = contribution.numerator, contribution.denominator
        if numerator is None or denominator is None:
            return super().own_value(contribution, indicator)
        counts = {"numerator": Number(numerator), "denominator": Number(denominator)}
        if not denominator:
            return Message("value.fraction", **counts)
        return Message("value.fraction_percent", **counts,
                       percent=Percent(percent_of(numerator, denominator), indicator.target))

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        if result.numerator is None:
            return Message("value.none")
        counts = {"numerator": Number(result.numerator), "denominator": Number(result.denominator or 0)}
        if result.value is None:
            return Message("value.fraction", **counts)
        return Message("value.fraction_percent", **counts, percent=Percent(result.value, indicator.target))
