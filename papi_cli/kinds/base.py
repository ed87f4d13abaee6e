"""What every kind of indicator says about itself, and the shapes the kinds share.

A kind (``coverage``, ``ratio``…) is one ``Kind`` object in ``kinds/__init__.py``'s registry.
It knows, for its indicators: which fields a submission's result takes (its *measures*) and the
plan fields it needs; how to check a result's measures; one agency's figures from its reports
(its *part*) and how the parts combine into the indicator's value; whether the value builds up
over the year; the JSON Schema and the skeleton lines of its measures; its value and target as
Messages. Everything here is pure: no files, no language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from papi_cli.message import Message, Number

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan
    from papi_cli.model.results import Contribution, IndicatorResult
    from papi_cli.model.submission import Result

Path = tuple[Any, ...]

# The fields a plan's indicator may carry that belong to one kind or another.
KIND_SPECIFIC = frozenset({"population", "aggregate", "op", "threshold", "numerator", "denominator", "counts"})
OPS = {">=": "≥", ">": ">"}


class Report(NamedTuple):
    """One agency's result for one indicator in one quarter (a tuple: thousands are made a run)."""

    agency: str
    period: str
    submitted_on: dt.date
    result: Result

    @property
    def key(self) -> tuple[str, dt.date]:
        """What "latest" orders by: the period, then the day it was submitted."""
        return self.period, self.submitted_on


@dataclass
class Part:
    """One agency's figures for one indicator, from its reports so far (oldest first)."""

    agency: str
    reports: list[Report]
    counted: bool = True  # False: detail only (another agency than a lead, where only leads count)
    units: frozenset[str] | None = None
    numerator: int | None = None
    denominator: int | None = None
    percent: Fraction | None = None
    count: int | None = None
    status: str | None = None
    done: bool = False
    figures_key: tuple[Any, ...] = field(default=())  # "latest" key of the report its figures come from


@dataclass(frozen=True)
class Value:
    """The parts combined: an indicator's value at one date."""

    has_figures: bool
    met: bool
    numerator: int | None = None
    denominator: int | None = None
    value: Fraction | None = None  # the exact percent, or the count
    count: int | None = None
    done: bool | None = None
    reported_status: str | None = None
    missing_units: tuple[str, ...] = ()


class ResultCheck(Protocol):
    """What a kind's ``check`` may ask of the submission check it runs in (``submission_check``)."""

    plan: Plan

    def add(self, path: Path, code: str, **args: Any) -> None: ...

    def wrong_type(self, path: Path, field: str, kind: str, value: Any) -> None: ...

    def whole(self, path: Path, field: str, value: Any) -> int | None: ...

    def number(self, path: Path, field: str, value: Any, expected: str = ...) -> int | float | None: ...

    def line_of(self, path: Path) -> int: ...

    def keeps(self) -> bool:
        """Whether the next problem will be kept (else it is only counted): a costly argument of
        a problem need only be computed when it is."""
        ...

    def not_ascii(self, path: Path, value: str, *, key: bool = False) -> bool: ...


@dataclass(frozen=True)
class SkeletonField:
    """A measure field as ``papi new`` writes it: empty, with a hint after it (or only a comment)."""

    name: str | None  # None: a comment line, no field
    hint: Message


class Kind:
    """The behaviour every kind shares; each kind overrides what differs."""

    name: str = ""
    measures: tuple[str, ...] = ()  # the fields of a result that carry figures
    plan_fields: frozenset[str] = frozenset()  # the kind-specific plan fields it requires
    plan_optional: frozenset[str] = frozenset()  # those it may carry (the others are refused)
    leads_only: bool = False  # only a lead's figures count; the others' are detail
    shows_percent: bool = False  # its value is a percent (coverage, ratio, percent)
    status_hint = "new.status"

    # --- the plan ---------------------------------------------------------------------------------
    def plan_problems(self, plan: Plan, indicator: Indicator) -> list[tuple[str | None, str, dict[str, Any]]]:
        """The kind's own checks of a plan's indicator: (field or None, code, args) each."""
        problems: list[tuple[str | None, str, dict[str, Any]]] = []
        for name in sorted(self.plan_fields):
            if getattr(indicator, name) is None:
                problems.append((None, "indicator-field-missing", {"kind": self.name, "field": name}))
        for name in sorted(KIND_SPECIFIC - self.plan_fields - self.plan_optional):
            if getattr(indicator, name) is not None:
                problems.append((name, "indicator-field-extra", {"kind": self.name, "field": name}))
        if indicator.threshold is not None and indicator.target is not None:
            allowed = self.threshold_range(indicator, indicator.target)
            if allowed is not None:
                problems.append(("threshold", "threshold-out-of-range",
                                 {"value": indicator.threshold, "allowed": allowed}))
        return problems

    def threshold_range(self, indicator: Indicator, target: Fraction) -> Message | None:
        """None when the threshold is in range, else the range allowed: a percent by default."""
        if indicator.op == ">":
            return None if 0 <= target < 100 else Message("allowed.strict")
        return None if 0 < target <= 100 else Message("allowed.percent")

    # --- a submission's result --------------------------------------------------------------------
    def check(self, checker: ResultCheck, path: Path, indicator: Indicator, values: dict[str, Any],
              agency: Agency | None) -> dict[str, Any]:
        """The checked measure values of one result (problems added to ``checker``)."""
        return {}

    def check_status(self, checker: ResultCheck, path: Path, indicator: Indicator, status: Any,
                     evidence: tuple[str, ...]) -> None:
        """A rule on the reported status that only some kinds have."""

    # --- evaluation -------------------------------------------------------------------------------
    def fill(self, plan: Plan, indicator: Indicator, part: Part) -> None:
        """One agency's figures from its reports (oldest first)."""

    def combine(self, plan: Plan, indicator: Indicator, parts: list[Part]) -> Value:
        raise NotImplementedError

    def cumulative(self, indicator: Indicator) -> bool:
        """True when the value builds up over the year (judged against a straight line), False
        for a rate (at risk while below its target)."""
        return False

    def progress(self, indicator: Indicator, value: Value) -> Fraction | None:
        """Value / target (may exceed 1)."""
        target = indicator.target
        if value.value is None or not target:
            return None
        return value.value / target

    def at_risk(self, indicator: Indicator, progress: Fraction | None, start: dt.date, due: dt.date,
                as_of: dt.date) -> tuple[bool, Fraction | None]:
        """Inside its window and not met: at risk?, with the progress expected by now."""
        if not self.cumulative(indicator):
            return True, None
        expected = Fraction((as_of - start).days, max((due - start).days, 1))
        return (progress is None or progress < expected), expected

    def reaches(self, indicator: Indicator, value: Fraction) -> bool:
        target = indicator.target or Fraction(0)
        return value > target if indicator.op == ">" else value >= target

    # --- presentation, as values ------------------------------------------------------------------
    def schema(self, plan: Plan, indicator: Indicator) -> tuple[dict[str, Any], dict[str, Any]]:
        """The JSON Schema of its measures (properties), and keywords the result object adds."""
        return {}, {}

    def skeleton(self, plan: Plan, agency: Agency, indicator: Indicator) -> list[SkeletonField]:
        """Its measure fields in a skeleton submission."""
        return []

    def status_json(self, result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
        """Its fields in ``papi status --format json``."""
        return {}

    def target_json(self, indicator: Indicator) -> dict[str, Any]:
        return {"op": indicator.op or ">=", "percent": _plain(indicator.target)}

    def target(self, indicator: Indicator) -> Message:
        """``≥ 30 % xã``, ``> 90 %``, ``≥ 1``, ``hoàn thành``."""
        return Message("target.percent", op=OPS[indicator.op or ">="], value=Number(indicator.target or 0))

    def value(self, result: IndicatorResult, indicator: Indicator) -> Message:
        """``70/71 xã · 98,6 %``, ``14/15 · 93,3 %``, ``2``, ``đang thực hiện``, or ``—``."""
        raise NotImplementedError

    def own_value(self, contribution: Contribution, indicator: Indicator) -> Message:
        """One agency's own latest figures for the indicator (``papi status --agency``): what it
        reported, not the province's total."""
        return Message(f"result.{contribution.status}") if contribution.status else Message("value.none")

    def unit_word(self, indicator: Indicator) -> Message | None:
        """What its counts count, where they count units (``xã``)."""
        return None


def _plain(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def percent_of(numerator: int, denominator: int) -> Fraction:
    return Fraction(100 * numerator, denominator)
