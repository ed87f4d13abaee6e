"""Coverage: the share of a population of units (the communes, or the districts) that did the task.

A result lists units by slug or official code, or ``all`` (every unit the agency may report on:
``authority.allowed_units``); the value is the union of the units every counting agency listed,
over the population's size. It builds up over the year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from papi_cli.authority import allowed_units
from papi_cli.kinds.base import OPS, Kind, Part, Path, ResultCheck, SkeletonField, Value, percent_of
from papi_cli.message import Message, Number, Percent
from papi_cli.names import closest

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan, Unit
    from papi_cli.model.results import Contribution, IndicatorResult


class Coverage(Kind):
    name = "coverage"
    measures = ("units",)
    plan_fields = frozenset({"population", "op", "threshold"})
    shows_percent = True

    def plan_problems(self, plan: Plan, indicator: Indicator) -> list[tuple[str | None, str, dict[str, Any]]]:
        problems = super().plan_problems(plan, indicator)
        if indicator.population and not plan.population(indicator.population):
            problems.append(("population", "unknown-population", {"value": indicator.population}))
        return problems

    # --- a submission's result --------------------------------------------------------------------
    def check(self, checker: ResultCheck, path: Path, indicator: Indicator, values: dict[str, Any],
              agency: Agency | None) -> dict[str, Any]:
        if "units" not in values:
            return {}
        return {"units": _Units(checker, indicator, agency).check(path + ("units",), values["units"])}

    # --- evaluation -------------------------------------------------------------------------------
    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        listed = [r.result for r in part.reports if r.result.units is not None]
        if listed:  # slugs or official codes, each unit once; names outside the plan are ignored
            units = (plan.find_unit(name) for r in listed for name in r.units or ())
            part.units = frozenset(u.slug for u in units if u is not None)

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        population = [u.slug for u in plan.population(indicator.population or "communes")]
        listed = [p.units for p in parts if p.counted and p.units is not None]
        covered = frozenset().union(*listed)
        missing = tuple(slug for slug in population if slug not in covered)
        if not listed or not population:
            return Value(False, False, denominator=len(population), missing_units=missing)
        n = len(population) - len(missing)
        value = percent_of(n, len(population))
        return Value(True, self.reaches(indicator, value), n, len(population), value, missing_units=missing)

    def cumulative(self, indicator: Indicator) -> bool:
        return True

    # --- presentation -----------------------------------------------------------------------------
    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        return {"units": {"$ref": f"#/$defs/units-{indicator.population}"}}, {}

    def skeleton(self, plan: Plan, agency: Agency, indicator: Indicator) -> list[SkeletonField]:
        units = allowed_units(plan, agency, indicator)
        if not units:
            return [SkeletonField(None, Message("new.no_units"))]
        example = ", ".join([units[0].slug] + [u.code for u in units[1:2]])
        return [SkeletonField("units", Message("new.units", population=self.unit_word(indicator), example=example))]

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        from papi_cli.numbers import percent_json

        return {"numerator": result.numerator, "denominator": result.denominator,
                "percent": percent_json(result.value), "population": indicator.population,
                "missing_units": list(result.missing_units)}

    def target(self, indicator: Indicator) -> Message:
        return Message("target.coverage", op=OPS[indicator.op or ">="], value=Number(indicator.target or 0),
                       population=self.unit_word(indicator))

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        if result.numerator is None:
            return Message("value.none")
        counts = {"numerator": Number(result.numerator), "denominator": Number(result.denominator or 0),
                  "population": self.unit_word(indicator)}
        if result.value is None:
            return Message("value.units", **counts)
        return Message("value.units_percent", **counts, percent=Percent(result.value, indicator.target))

    def own_value(self, contribution: Contribution, indicator: Indicator) -> Message:
        if contribution.units is None:
            return super().own_value(contribution, indicator)
        return Message("value.units_listed", count=Number(len(contribution.units)),
                       population=self.unit_word(indicator))

    def unit_word(self, indicator: Indicator) -> Message:
        return population_word(indicator)


def population_word(indicator: Indicator) -> Message:
    """``xã`` / ``communes``, ``huyện`` / ``districts``."""
    return Message(f"population.{indicator.population or 'communes'}")


class _Units:
    """The ``units`` of one result: each a unit of the indicator's level, once, that the agency
    may list (``authority.allowed_units``), or ``all`` of those."""

    def __init__(self, checker: ResultCheck, indicator: Indicator, agency: Agency | None) -> None:
        self.checker = checker
        self.plan = checker.plan
        self.indicator = indicator
        self.agency = agency
        self.allowed = allowed_units(self.plan, agency, indicator) if agency is not None else None

    def check(self, path: Path, value: Any) -> tuple[str, ...]:
        allowed, agency, indicator = self.allowed, self.agency, self.indicator
        if value == "all" or value == ["all"]:
            if agency is not None and allowed is not None and not allowed:
                self.checker.add(path, "no-units-allowed", agency=agency.code, indicator=indicator.code)
            return tuple(unit.slug for unit in allowed or ())
        if not isinstance(value, list):
            self.checker.wrong_type(path, "units", "units", value)
            return ()
        allowed_slugs = {unit.slug for unit in allowed} if allowed is not None else None
        level = "commune" if indicator.population == "communes" else "district"
        first: dict[str, int] = {}
        slugs: list[str] = []
        for i, item in enumerate(value):
            item_path = path + (i,)
            if item == "all":
                self.checker.add(item_path, "units-all-mixed")
                continue
            if not (isinstance(item, str) or (isinstance(item, int) and not isinstance(item, bool))):
                self.checker.wrong_type(item_path, "units", "units", item)
                continue
            unit = self.plan.find_unit(item)
            if unit is None and isinstance(item, str):
                named = self.named(item, level, allowed_slugs)
                if isinstance(named, list):
                    self.checker.add(item_path, "ambiguous-unit", value=item,
                                     candidates=", ".join(f"{u.slug} ({u.name})" for u in named))
                    continue
                unit = named
            if unit is None:
                if not (isinstance(item, str) and self.checker.not_ascii(item_path, item)):
                    self.unknown(item_path, str(item))
                continue
            if unit.level != level:
                self.checker.add(item_path, "wrong-unit-level", value=str(item), indicator=indicator.code,
                                 population=population_word(indicator))
                continue
            if unit.slug in first:
                # where the first stood, computed only for a problem that will be shown
                first_line = self.checker.line_of(path + (first[unit.slug],)) if self.checker.keeps() else 0
                self.checker.add(item_path, "duplicate-unit", value=str(item), slug=unit.slug, first_line=first_line)
                continue
            first[unit.slug] = i
            if agency is not None and allowed_slugs is not None and unit.slug not in allowed_slugs:
                self.not_allowed(item_path, str(item), unit.slug, agency)
                continue
            slugs.append(unit.slug)
        return tuple(slugs)

    def named(self, name: str, level: str, allowed: set[str] | None) -> Unit | list[Unit] | None:
        """The unit a name means (``Ea T'Ling``, ``xã Đắk Wil``): the one of the indicator's level
        the agency may list, else the one of that level; a list when it could mean several."""
        found = self.plan.units_named(name)
        if not found:
            return None
        same_level = [u for u in found if u.level == level] or found
        if allowed is not None:
            mine = [u for u in same_level if u.slug in allowed]
            if mine:
                return mine[0] if len(mine) == 1 else mine
        return same_level[0] if len(same_level) == 1 else same_level

    def unknown(self, path: Path, value: str) -> None:
        pool: list[Unit] = self.allowed if self.allowed is not None else \
            self.plan.population(self.indicator.population or "communes")
        by_text = {text: unit for unit in pool for text in (unit.slug, unit.name)}
        close = closest(value, by_text) if self.checker.keeps() else []
        shown = list(dict.fromkeys(by_text[text].slug for text in close)) or [u.slug for u in pool[:3]]
        examples = ", ".join(f"{slug} ({self.plan.unit(slug).name})" for slug in shown[:3])
        self.checker.add(path, "unknown-unit", value=value, examples=examples or "—",
                         registry=self.plan.file.units_file, population=population_word(self.indicator))

    def not_allowed(self, path: Path, value: str, slug: str, agency: Agency) -> None:
        indicator = self.indicator
        if indicator.inspection and slug == agency.unit:
            self.checker.add(path, "inspection-own-unit", value=value, indicator=indicator.code, agency=agency.code)
        elif not self.allowed:
            self.checker.add(path, "no-units-allowed", agency=agency.code, indicator=indicator.code)
        else:
            self.checker.add(path, "unit-outside-jurisdiction", value=value, agency=agency.code,
                             indicator=indicator.code, allowed=", ".join(u.slug for u in self.allowed))

