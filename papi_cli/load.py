"""Loading: from files to checked values, each with the problems found and the files read.

``Loaded`` is what every load returns (the plan, the submissions, the scores): the value (None
when it cannot be used), the problems, the labels of the files read and the text of those that
have problems, for the caret display. The plan is read with the units file it names; a plan
checked without a problem before, from the same bytes of both files by the same papi, is taken
from the cache (``cache.py``) as its two models in JSON, which parses nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from papi_cli import files
from papi_cli.layout import Paths
from papi_cli.problems import Problem, has_errors

if TYPE_CHECKING:
    from papi_cli.cache import Store
    from papi_cli.model.plan import Plan
    from papi_cli.outcome import Outcome

T = TypeVar("T")


def plan_entry(label: str) -> str:
    """The cache entry of one plan file (each year's plan keeps its own)."""
    return f"plan-{digest(label.encode('utf-8'))[:16]}.json"


@dataclass
class Loaded(Generic[T]):
    value: T | None
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # labels of the files read
    sources: dict[str, str] = field(default_factory=dict)  # label → text, of files with problems

    @property
    def usable(self) -> bool:
        return self.value is not None and not has_errors(self.problems)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def open_store(paths: Paths, cache: bool) -> Store | None:
    if not cache:
        return None
    from papi_cli.cache import Store

    return Store.for_root(paths.root)


def load_plan(paths: Paths, *, cache: bool = False) -> Loaded[Plan]:
    """Read and check the plan file and the units file it names."""
    label = paths.label(paths.plan)
    if not files.is_file(paths.plan):
        return Loaded(None, [Problem.at(label, None, "plan-missing", path=label)], [label])
    raw, problems = files.read_bytes(paths.plan, label)
    if raw is None:
        return Loaded(None, problems, [label])
    store = open_store(paths, cache)
    kept = _cached_plan(store, paths.plan.parent, raw, plan_entry(label)) if store is not None else None
    if kept is not None:
        return Loaded(kept[0], [], [label, paths.label(paths.plan.parent / kept[1])])
    from papi_cli.yamlsafe import load  # only now: a plan from the cache needs no parser

    loaded: Loaded[Plan] = Loaded(None, [], [label])
    plan_doc, problems = load(label, raw)
    loaded.problems += problems
    units_name = plan_doc.data.get("units") if plan_doc is not None and isinstance(plan_doc.data, dict) else None
    if plan_doc is not None and not isinstance(units_name, str):
        loaded.problems.append(Problem.at(label, plan_doc.mark(()), "missing-field", field="units"))
    units_doc = units_raw = None
    if plan_doc is not None and isinstance(units_name, str):
        units_label = paths.label(paths.plan.parent / units_name)
        loaded.files.append(units_label)
        units_raw, problems = files.read_bytes(paths.plan.parent / units_name, units_label)
        if units_raw is not None:
            units_doc, problems = load(units_label, units_raw)
        loaded.problems += problems
    if plan_doc is not None and units_doc is not None:
        from papi_cli.planfile import build_plan

        loaded.value, problems = build_plan(plan_doc, units_doc)
        loaded.problems += problems
        named = _named_year(paths.plan)
        if loaded.value is not None and named is not None and named != loaded.value.year:
            loaded.problems.append(Problem.at(label, plan_doc.mark(("year",)), "plan-year-mismatch",
                                              year=loaded.value.year, file=paths.plan.name, named=named))
    loaded.sources = _sources(loaded.problems, {label: raw, **({loaded.files[-1]: units_raw} if units_raw else {})})
    if loaded.value is not None and isinstance(units_name, str) and units_raw is not None:
        loaded.value.digest = plan_digest(raw, units_name, units_raw)  # the key of the checks made against it
        if store is not None and not loaded.problems:
            _keep_plan(store, plan_entry(label), raw, units_name, units_raw, loaded.value)
    return loaded


def _named_year(path: Path) -> int | None:
    """The year a plan file's name gives (``2021.yaml``), if it is named so."""
    from papi_cli.layout import PLAN_NAME

    return int(path.name[:4]) if PLAN_NAME.match(path.name) else None


def plan_digest(plan_raw: bytes, units_name: str, units_raw: bytes) -> str:
    """The hash of what a plan is read from: the plan file, the units file's name and bytes."""
    return digest(plan_raw + b"\0" + units_name.encode("utf-8") + b"\0" + units_raw)


def _sources(problems: list[Problem], raws: dict[str, bytes]) -> dict[str, str]:
    """The text of each file that has a located problem (as read, for the caret display)."""
    located = {p.file for p in problems if p.line is not None}
    return {label: files.shown_text(raws[label]) for label in located & raws.keys()}


def _cached_plan(store: Store, folder: Path, raw: bytes, name: str) -> tuple[Plan, str] | None:
    """The plan kept for these plan bytes and this papi, when the units file it names is unchanged."""
    from papi_cli.fingerprint import fingerprint

    entry = store.get_json(name)
    if not isinstance(entry, dict) or entry.get("key") != [fingerprint(), digest(raw)]:
        return None
    units_name = entry.get("units_name")
    if not isinstance(units_name, str):
        return None
    units_raw, _ = files.read_bytes(folder / units_name, units_name)
    if units_raw is None or entry.get("units") != digest(units_raw):
        return None
    plan = _plan_from_json(entry, plan_digest(raw, units_name, units_raw))
    return None if plan is None else (plan, units_name)


def _plan_from_json(entry: dict[str, Any], plan_hash: str) -> Plan | None:
    from papi_cli.model.plan import Plan, PlanFile, UnitsFile

    try:
        plan_file = PlanFile.model_validate_json(entry["plan_file"])
        units_file = UnitsFile.model_validate_json(entry["units_file"])
    except (KeyError, TypeError, ValueError, RecursionError):  # pydantic's ValidationError is a ValueError
        return None
    return Plan(plan_file, units_file, plan_hash)


def _keep_plan(store: Store, name: str, raw: bytes, units_name: str, units_raw: bytes, plan: Plan) -> None:
    """Keep a plan that had no problem, when its JSON gives back exactly the same models."""
    from papi_cli.fingerprint import fingerprint

    plan_json, units_json = plan.file.model_dump_json(by_alias=True), plan.unit_registry.model_dump_json()
    if (type(plan.file).model_validate_json(plan_json) != plan.file
            or type(plan.unit_registry).model_validate_json(units_json) != plan.unit_registry):
        return
    store.put_json(name, {"key": [fingerprint(), digest(raw)], "units_name": units_name,
                                "units": digest(units_raw), "plan_file": plan_json, "units_file": units_json})


# --- the PAPI scores (papi outcome, the annual report) --------------------------------------------------
def default_scores(paths: Paths, year: int) -> Path:
    """``plan/papi-scores-<year>.csv`` beside the plan file."""
    return paths.plan.parent / f"papi-scores-{year}.csv"


def load_outcome(plan: Plan, paths: Paths, path: Path, year: int) -> Loaded[Outcome]:
    """The outcome for the plan's province from a scores file."""
    from papi_cli.names import fold
    from papi_cli.outcome import evaluate_outcome, parse_scores

    label = paths.label(path)
    if not files.is_file(path):
        return Loaded(None, [Problem.at(label, None, "scores-missing", path=label)], [label])
    raw, problems = files.read_bytes(path, label)
    text = None
    if raw is not None:
        text, problems = files.decode(label, raw)
    if text is None:
        return Loaded(None, problems, [label])
    codes = {fold(d.name_en): d.papi for d in plan.dimensions}
    table, problems = parse_scores(text, label, codes)
    if table is None:
        return Loaded(None, problems, [label], {label: text})
    province = plan.file.province
    result = evaluate_outcome(table, year, province, [(d.code, d.papi) for d in plan.dimensions])
    if result is None:
        return Loaded(None, [Problem.at(label, None, "scores-no-province", province=province)], [label])
    return Loaded(result, [], [label])
