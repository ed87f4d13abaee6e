"""From the parsed plan and units documents to a checked ``Plan`` (pure: no file access).

The models check each field's type; the cross-checks here check what spans fields: codes are
unique, every agency or group a task names exists, each indicator carries the fields of its kind
and a threshold in range, groups do not contain themselves, the units registry is consistent.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from papi_cli.kinds import KINDS, kind_of
from papi_cli.message import Message
from papi_cli.model.plan import Indicator, Plan, PlanFile, UnitsFile
from papi_cli.model.validation import problems_from
from papi_cli.names import closest_agencies
from papi_cli.problems import Problem, as_written, character_args

if TYPE_CHECKING:
    from papi_cli.yamlsafe import Document


def build_plan(plan_doc: Document, units_doc: Document) -> tuple[Plan | None, list[Problem]]:
    """Validate both documents and cross-check them. The plan is None when it cannot be built."""
    problems: list[Problem] = []
    units = plan_file = None
    try:
        units = UnitsFile.model_validate(units_doc.data)
    except ValidationError as err:
        problems += problems_from(units_doc, UnitsFile, err)
    try:
        plan_file = PlanFile.model_validate(plan_doc.data)
    except ValidationError as err:
        problems += problems_from(plan_doc, PlanFile, err)
    if units is None or plan_file is None:
        return None, problems
    unit_problems = _check_units(units_doc, units)
    problems += unit_problems
    if any(p.code == "bad-slug" for p in unit_problems):  # People's Committees take their codes from slugs
        return None, problems
    plan = Plan(plan_file, units)
    problems += _Checker(plan, plan_doc).run()
    return plan, problems


SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")  # the People's Committee of a unit is ubnd-<slug>
GSO_CODE = {"district": re.compile(r"[0-9]{3}\Z"), "commune": re.compile(r"[0-9]{5}\Z")}


def _check_units(doc: Document, units: UnitsFile) -> list[Problem]:
    """Slugs and GSO codes: each well formed (codes of 3 digits for districts, 5 for communes) and
    used once."""
    problems: list[Problem] = []
    first: dict[str, Any] = {}

    def check(unit: Any, path: tuple[Any, ...], level: str) -> None:
        for field in ("slug", "code"):
            value = getattr(unit, field)
            if value in first:
                problems.append(Problem.at(doc.file, doc.mark(path + (field,)), "duplicate-code", value=value,
                                           first_line=doc.mark(first[value]).line))
            else:
                first[value] = path + (field,)
        if not SLUG.match(unit.slug):
            problems.append(Problem.at(doc.file, doc.mark(path + ("slug",)), "bad-slug", value=unit.slug))
        if not GSO_CODE[level].match(unit.code):
            problems.append(Problem.at(doc.file, doc.mark(path + ("code",)), "units-invalid",
                                       detail=Message(f"detail.{level}_code", value=unit.code)))

    for i, district in enumerate(units.districts):
        check(district, ("districts", i), "district")
        for j, commune in enumerate(district.communes):
            check(commune, ("districts", i, "communes", j), "commune")
    return problems


class _Checker:
    def __init__(self, plan: Plan, doc: Document) -> None:
        self.plan = plan
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, path: tuple[Any, ...], code: str, **args: Any) -> None:
        self.problems.append(Problem.at(self.doc.file, self.doc.mark(path), code, **args))

    def unique(self, seen: dict[str, tuple[Any, ...]], value: str, path: tuple[Any, ...]) -> None:
        """A code used once, and in ASCII (a lookalike letter would make a second code that reads the same)."""
        at = next((i for i, char in enumerate(value) if not char.isascii()), None)
        if at is not None:
            mark = self.doc.within(path, at)
            self.problems.append(Problem.at(self.doc.file, mark, "not-ascii", value=value, column=mark.column,
                                            **character_args(value[at])))
        if value in seen:
            self.add(path, "duplicate-code", value=value, first_line=self.doc.mark(seen[value]).line)
        else:
            seen[value] = path

    def run(self) -> list[Problem]:
        pf = self.plan.file
        dims: dict[str, tuple[Any, ...]] = {}
        for i, dim in enumerate(pf.dimensions):
            self.unique(dims, dim.code, ("dimensions", i, "code"))
        self._check_agencies()
        self._check_groups()
        if pf.coordinator not in self.plan.agencies:
            self.add(("coordinator",), "unknown-agency", value=pf.coordinator,
                     closest=closest_agencies(self.plan.agency_names(), pf.coordinator))
        year_start, year_end = _year(pf.year)
        if not year_start.replace(year=pf.year - 1) <= pf.implementation_document.due <= year_end:
            self.add(("implementation_document", "due"), "bad-window", start=pf.decision.date,
                     due=pf.implementation_document.due)
        tasks: dict[str, tuple[Any, ...]] = {}
        indicators: dict[str, tuple[Any, ...]] = {}
        for i, task in enumerate(pf.tasks):
            path = ("tasks", i)
            self.unique(tasks, task.code, path + ("code",))
            if task.dimension not in dims:
                self.add(path + ("dimension",), "unknown-dimension", value=task.dimension,
                         allowed=", ".join(dims))
            expected = f"{task.dimension}.{task.stt}"
            if task.code != expected:
                self.add(path + ("code",), "bad-task-code", value=task.code, expected=expected)
            for field in ("lead", "implementers"):
                for j, code in enumerate(getattr(task, field)):
                    if code not in self.plan.agencies and code not in self.plan.groups:
                        self.add(path + (field, j), "unknown-agency", value=code,
                                 closest=closest_agencies(self.plan.agency_names(), code))
            for j, indicator in enumerate(task.indicators):
                ipath = path + ("indicators", j)
                self.unique(indicators, indicator.code, ipath + ("code",))
                if not indicator.code.startswith(task.code):
                    self.add(ipath + ("code",), "bad-indicator-code", value=indicator.code, task=task.code)
                self._check_indicator(indicator, ipath)
        return self.problems

    def _check_agencies(self) -> None:
        seen: dict[str, tuple[Any, ...]] = {}
        for i, agency in enumerate(self.plan.file.agencies):
            path = ("agencies", i)
            self.unique(seen, agency.code, path + ("code",))
            if agency.unit is not None:
                unit = self.plan.units.get(agency.unit)
                if unit is None:
                    self.add(path + ("unit",), "units-invalid", detail=Message("detail.no_unit", value=agency.unit))
                elif agency.code != f"ubnd-{unit.slug}":
                    self.add(path + ("code",), "units-invalid",
                             detail=Message("detail.committee_code", expected=f"ubnd-{unit.slug}"))
            elif agency.code.startswith("ubnd-") and agency.code[5:] in self.plan.units:
                self.add(path + ("code",), "duplicate-code", value=agency.code, first_line=0)

    def _check_groups(self) -> None:
        seen: dict[str, tuple[Any, ...]] = {}
        for i, group in enumerate(self.plan.file.groups):
            path = ("groups", i)
            self.unique(seen, group.code, path + ("code",))
            if group.code in self.plan.agencies:
                self.add(path + ("code",), "duplicate-code", value=group.code, first_line=0)
            for j, member in enumerate(group.members):
                if member not in self.plan.agencies and member not in self.plan.groups:
                    self.add(path + ("members", j), "unknown-agency", value=member,
                             closest=closest_agencies(self.plan.agency_names(), member))
            if self._contains(group.code, group.code, set()):
                self.add(path + ("code",), "group-cycle", value=group.code)

    def _contains(self, root: str, code: str, visited: set[str]) -> bool:
        group = self.plan.groups.get(code)
        if group is None or code in visited:
            return False
        visited.add(code)
        return any(m == root or self._contains(root, m, visited) for m in group.members)

    def _check_indicator(self, ind: Indicator, path: tuple[Any, ...]) -> None:
        if ind.kind not in KINDS:  # the registry is what a plan may use: a new kind is one entry there
            self.add(path + ("kind",), "wrong-type", field=".".join(str(p) for p in path + ("kind",)),
                     expected=Message("expected.one_of", values=", ".join(KINDS)), value=as_written(ind.kind))
            return
        for field, code, args in kind_of(ind).plan_problems(self.plan, ind):
            self.add(path + ((field,) if field else ()), code, **args)
        start, end = _year(self.plan.year)
        # A plan may be decided before its year begins (a decision of late December): its windows
        # may then open on the decision's date.
        earliest = min(start, max(self.plan.decision.date, start.replace(year=start.year - 1)))
        window_start, due = self.plan.window(ind)
        if not (start <= due <= end) or not (window_start <= due) or not (earliest <= window_start):
            self.add(path + ("window_start" if ind.window_start else "due",), "bad-window",
                     start=window_start, due=due)


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
