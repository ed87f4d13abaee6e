"""The plan: decision metadata, PAPI dimensions, tasks with their indicators, agencies and units.

These models mirror ``plan/2020.yaml`` field by field (strict types, unknown fields refused).
``Plan`` adds what the rest of papi asks of a plan: agencies by code (People's Committees are
generated from the administrative units as ``ubnd-<slug>``), groups expanded to their members,
indicators by code. Building the indexes is pure; reading the files is ``load.py``'s job.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from papi_cli.names import running_name

Population = Literal["communes", "districts"]
Aggregate = Literal["flow", "stock"]
Op = Literal[">=", ">"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Decision(_Model):
    number: str
    date: dt.date
    title: str
    issuer: str
    signer: str
    signer_title: str


class ImplementationDocumentRule(_Model):
    """Section III.1.1: each body issues its own implementing document within 30 days."""

    due: dt.date
    source: str = ""


class Reporting(_Model):
    deadline_day: int = Field(ge=1, le=28)
    holidays: list[dt.date] = []
    owners_pattern: str | None = None


class Signer(_Model):
    on_behalf: str = ""
    title: str
    name: str


class ReportSettings(_Model):
    parent_body: str
    issuing_body: str
    number: str
    place: str
    signer: Signer
    recipients: list[str] = []


class Dimension(_Model):
    code: str
    papi: str = Field(pattern=r"^D[1-8]$")
    heading: str
    name: str
    name_en: str


class Agency(_Model):
    code: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    name_en: str | None = None
    level: Literal["province", "district", "commune"] = "province"
    unit: str | None = None  # the administrative unit of a People's Committee
    owners: list[str] = []

    @property
    def is_committee(self) -> bool:
        return self.unit is not None


class Group(_Model):
    code: str
    name: str
    members: list[str] = []
    committees_of: Population | None = None


class Item(_Model):
    number: str
    text: str


class Indicator(_Model):
    code: str
    name: str
    name_en: str | None = None
    kind: str  # a kind of the registry (papi_cli/kinds), which planfile checks
    population: Population | None = None
    aggregate: Aggregate | None = None
    op: Op | None = None
    threshold: int | float | None = None
    due: dt.date
    ongoing: bool = False
    window_start: dt.date | None = None
    numerator: str | None = None
    denominator: str | None = None
    counts: str | None = None
    inspection: bool = False  # an inspection (II.3, V.3): no agency reports its own unit as inspected

    @property
    def target(self) -> Fraction | None:
        """The threshold as an exact number (a percent, or a count for ``count``)."""
        return None if self.threshold is None else Fraction(str(self.threshold))


class Task(_Model):
    code: str
    dimension: str
    stt: int
    title: str
    items: list[Item] = []
    short: str
    short_en: str
    target_text: str
    lead_text: str
    lead: list[str] = Field(min_length=1)
    implementers_text: str
    implementers: list[str] = []
    timeframe: str
    outputs: str
    indicators: list[Indicator] = Field(min_length=1)


class PlanFile(_Model):
    """``plan/<year>.yaml`` as written."""

    schema_version: Literal[1]
    decision: Decision
    year: int = Field(ge=2000, le=2100)
    province: str
    coordinator: str
    units_file: str = Field(alias="units")  # the units file's name, relative to the plan file
    implementation_document: ImplementationDocumentRule
    reporting: Reporting
    report: ReportSettings
    dimensions: list[Dimension] = Field(min_length=1)
    agencies: list[Agency] = Field(min_length=1)
    groups: list[Group] = []
    tasks: list[Task] = Field(min_length=1)


class Commune(_Model):
    """A commune-level unit as the units file lists it (GSO code, legal name, ASCII slug)."""

    code: str
    name: str
    kind: str
    slug: str
    gso_name: str | None = None
    aliases: list[str] = []
    note: str | None = None


class District(Commune):
    """A district-level unit: the same fields, plus its communes."""

    communes: list[Commune] = Field(min_length=1)


class UnitsFile(_Model):
    """``plan/units-<year>.yaml``: the administrative units with their official (GSO) codes."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)
    as_of: str | int
    province: dict[str, Any]
    districts: list[District] = Field(min_length=1)


class Unit(_Model):
    """A district- or commune-level unit, flattened for lookups."""

    code: str
    slug: str
    name: str
    level: Literal["district", "commune"]
    district: str  # the district's slug (a district's own slug for a district)
    kind: str = ""  # xa, phuong, thi_tran, huyen, thanh_pho…
    other_names: tuple[str, ...] = ()  # the register's spelling and the aliases, where the file has them


def _other_names(unit: Commune) -> tuple[str, ...]:
    return tuple(name for name in (unit.gso_name, *unit.aliases) if name)


class Plan:
    """A checked plan with its indexes, built once (see ``planfile.build_plan``).

    A plain class rather than a model: the rest of papi asks it for agencies, units and tasks
    thousands of times a run, and these are ordinary attribute reads. What depends only on an
    agency (the tasks it leads or implements) is computed once per agency and remembered.
    """

    def __init__(self, file: PlanFile, unit_registry: UnitsFile, digest: str | None = None) -> None:
        self.file = file
        self.unit_registry = unit_registry
        self.digest = digest  # the hash of the files it was read from (the cache's key), if any
        self._agencies: dict[str, Agency] = {}
        self._groups: dict[str, Group] = {g.code: g for g in file.groups}
        self._units: dict[str, Unit] = {}
        self._unit_by_code: dict[str, Unit] = {}
        self._indicators: dict[str, tuple[Task, Indicator]] = {}
        self._tasks: dict[str, Task] = {}
        self._expanded: dict[tuple[str, ...], list[str]] = {}
        self._tasks_of: dict[str, list[tuple[Task, bool]]] = {}
        self._populations: dict[str, list[Unit]] = {}
        self._unit_names: dict[str, list[Unit]] | None = None
        for district in unit_registry.districts:
            self._add_unit(Unit(code=district.code, slug=district.slug, name=district.name, level="district",
                                district=district.slug, kind=district.kind, other_names=_other_names(district)))
            for commune in district.communes:
                self._add_unit(Unit(code=commune.code, slug=commune.slug, name=commune.name, level="commune",
                                    district=district.slug, kind=commune.kind, other_names=_other_names(commune)))
        for unit in self._units.values():
            code = f"ubnd-{unit.slug}"
            # "UBND huyện Cư Jút": the unit's type word in lower case, as in running text
            self._agencies[code] = Agency(code=code, name=f"UBND {running_name(unit.name, unit.kind)}",
                                          level=unit.level, unit=unit.slug)
        for agency in file.agencies:
            self._agencies.setdefault(agency.code, agency)
            if agency.unit is not None:  # a plan entry may add owners to a generated committee
                self._agencies[agency.code] = agency
        for task in file.tasks:
            self._tasks.setdefault(task.code, task)
            for indicator in task.indicators:
                self._indicators.setdefault(indicator.code, (task, indicator))

    def _add_unit(self, unit: Unit) -> None:
        self._units.setdefault(unit.slug, unit)
        self._unit_by_code.setdefault(unit.code, unit)

    # --- lookups -------------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self.file.year

    @property
    def decision(self) -> Decision:
        return self.file.decision

    @property
    def dimensions(self) -> list[Dimension]:
        return self.file.dimensions

    @property
    def tasks(self) -> list[Task]:
        return self.file.tasks

    @property
    def agencies(self) -> dict[str, Agency]:
        return self._agencies

    @property
    def groups(self) -> dict[str, Group]:
        return self._groups

    @property
    def units(self) -> dict[str, Unit]:
        """Units by slug."""
        return self._units

    # Lookups by a code papi itself holds raise KeyError on a miss (a bug); codes from the user's
    # files and options go through the ``find_*`` lookups, whose None the caller turns into a problem.
    def find_unit(self, name: str | int) -> Unit | None:
        """A unit by slug or official code (an int code is read as its digits)."""
        key = str(name)
        return self._units.get(key) or self._unit_by_code.get(key)

    def agency_names(self) -> dict[str, tuple[str, str]]:
        """Every agency's name and English name (its name where it has none) by its code, for
        suggesting the closest to a code mistyped."""
        return {code: (agency.name, agency.name_en or agency.name) for code, agency in self._agencies.items()}

    def units_named(self, name: str) -> list[Unit]:
        """The units ``name`` may mean, compared as ``names.unit_key`` does (no case, diacritics,
        apostrophes or type word): by legal name, register spelling, alias or slug."""
        from papi_cli.names import unit_key

        if self._unit_names is None:
            index: dict[str, list[Unit]] = {}
            for unit in self._units.values():
                for known in {unit_key(text) for text in (unit.name, unit.slug, *unit.other_names)}:
                    index.setdefault(known, []).append(unit)
            self._unit_names = index
        return list(self._unit_names.get(unit_key(name), ()))

    def unit(self, name: str | int) -> Unit:
        found = self.find_unit(name)
        if found is None:
            raise KeyError(name)
        return found

    def population(self, population: Population) -> list[Unit]:
        """The communes or the districts, in registry order."""
        units = self._populations.get(population)
        if units is None:
            level = "commune" if population == "communes" else "district"
            units = self._populations[population] = [u for u in self._units.values() if u.level == level]
        return list(units)

    def communes_of(self, district_slug: str) -> list[Unit]:
        return [u for u in self._units.values() if u.level == "commune" and u.district == district_slug]

    def task(self, code: str) -> Task:
        return self._tasks[code]

    def find_indicator(self, code: str) -> tuple[Task, Indicator] | None:
        """The indicator of that code with its task."""
        return self._indicators.get(code)

    def indicator(self, code: str) -> Indicator:
        return self._indicators[code][1]

    def indicators(self) -> list[tuple[Task, Indicator]]:
        return list(self._indicators.values())

    def find_dimension(self, code: str) -> Dimension | None:
        return next((d for d in self.file.dimensions if d.code == code), None)

    def dimension(self, code: str) -> Dimension:
        found = self.find_dimension(code)
        if found is None:
            raise KeyError(code)
        return found

    # --- groups ----------------------------------------------------------------------------------
    def expand(self, codes: list[str]) -> list[str]:
        """Agency and group codes to agency codes, groups expanded, order kept, no repeats."""
        key = tuple(codes)
        cached = self._expanded.get(key)
        if cached is None:
            out: dict[str, None] = {}
            self._expand(codes, out, ())
            cached = self._expanded[key] = list(out)
        return cached

    def _expand(self, codes: list[str], out: dict[str, None], trail: tuple[str, ...]) -> None:
        for code in codes:
            group = self._groups.get(code)
            if group is None:
                out.setdefault(code, None)
            elif code not in trail:
                if group.committees_of is not None:
                    for unit in self.population(group.committees_of):
                        out.setdefault(f"ubnd-{unit.slug}", None)
                self._expand(group.members, out, trail + (code,))

    def leads(self, task: Task) -> list[str]:
        return self.expand(task.lead)

    def implementers(self, task: Task) -> list[str]:
        return self.expand(task.implementers)

    def tasks_of(self, agency: str) -> list[tuple[Task, bool]]:
        """The tasks an agency leads or implements, with True where it leads."""
        cached = self._tasks_of.get(agency)
        if cached is None:
            cached = self._tasks_of[agency] = []
            for task in self.file.tasks:
                leads = agency in self.leads(task)
                if leads or agency in self.implementers(task):
                    cached.append((task, leads))
        return list(cached)

    def window(self, indicator: Indicator) -> tuple[dt.date, dt.date]:
        """From the decision date (or the timeframe's month/quarter) to the due date."""
        return indicator.window_start or self.file.decision.date, indicator.due
