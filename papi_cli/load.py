"""The file-system adapter: where the plan and submissions are, and reading them safely.

Reading never follows a file past the size bound (the size is checked before the bytes are
read) and never writes anything. Paths in problems are shown relative to the root, with '/'.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli.problems import Problem
from papi_cli.text import MAX_BYTES, decode

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.outcome import Outcome

_PLAN_NAME = re.compile(r"\d{4}\.ya?ml\Z")


@dataclass(frozen=True)
class Paths:
    """Where papi reads from: ``--root`` (default the current directory), ``--plan``, ``--submissions``."""

    root: Path
    plan: Path
    submissions: Path

    @classmethod
    def resolve(cls, root: Path | None = None, plan: Path | None = None,
                submissions: Path | None = None) -> Paths:
        base = Path(root) if root is not None else Path.cwd()
        return cls(root=base, plan=Path(plan) if plan is not None else default_plan(base),
                   submissions=Path(submissions) if submissions is not None else base / "submissions")

    def label(self, path: Path) -> str:
        """A path as shown to users: relative to the root where it lies under it."""
        try:
            return Path(os.path.relpath(path, self.root)).as_posix() if under(path, self.root) else str(path)
        except ValueError:  # another drive (Windows)
            return str(path)


def under(path: Path, root: Path) -> bool:
    """True when ``path`` lies under ``root`` (or is it), symlinks not followed."""
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        return True
    except ValueError:
        return False


def default_plan(root: Path) -> Path:
    """The newest ``plan/<year>.yaml`` under the root (``plan/2020.yaml`` in the sample)."""
    folder = root / "plan"
    try:
        names = sorted(p.name for p in folder.iterdir() if _PLAN_NAME.match(p.name))
    except OSError:
        names = []
    return folder / (names[-1] if names else "2020.yaml")


def read_bytes(path: Path, label: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or a problem when it is missing, unreadable or over the size bound."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                return None, [Problem.at(label, None, "file-too-large", size=size, limit=MAX_BYTES)]
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        return None, [Problem.at(label, None, "unreadable", detail="đây là một thư mục, không phải tệp")]
    except OSError as err:
        return None, [Problem.at(label, None, "unreadable", detail=err.strerror or str(err))]
    if len(data) > MAX_BYTES:
        return None, [Problem.at(label, None, "file-too-large", size=len(data), limit=MAX_BYTES)]
    return data, []


@dataclass
class PlanLoad:
    plan: object | None  # papi_cli.model.plan.Plan, imported lazily
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def load_plan(paths: Paths, *, cache: bool = False) -> PlanLoad:
    """Read and check the plan file and the units file it names. With ``cache``, a plan checked
    without a problem before, from the same bytes of both files, is taken from ROOT/.papi-cache."""
    label = paths.label(paths.plan)
    if not paths.plan.is_file():
        return PlanLoad(None, [Problem.at(label, None, "plan-missing", path=label)], [label])
    raw, problems = read_bytes(paths.plan, label)
    if raw is None:
        return PlanLoad(None, problems, [label])
    store = None
    if cache:
        from papi_cli.cache import PlanCache

        store = PlanCache.open(paths.root, paths.submissions)
        kept = store.get(raw, paths.plan.parent)
        if kept is not None:
            return PlanLoad(kept[0], [], [label, paths.label(paths.plan.parent / kept[1])])
    from papi_cli.yamlsafe import load  # only now: a plan from the cache needs no parser

    plan_doc, problems = load(label, raw)
    if plan_doc is None:
        return PlanLoad(None, problems, [label])
    units_name = plan_doc.data.get("units") if isinstance(plan_doc.data, dict) else None
    if not isinstance(units_name, str):
        problems.append(Problem.at(label, plan_doc.mark(()), "missing-field", field="units"))
        return PlanLoad(None, problems, [label])
    units_path = paths.plan.parent / units_name
    units_label = paths.label(units_path)
    units_raw, unit_problems = read_bytes(units_path, units_label)
    units_doc = None
    if units_raw is not None:
        units_doc, unit_problems = load(units_label, units_raw)
    problems += unit_problems
    if units_doc is None:
        return PlanLoad(None, problems, [label, units_label])
    from papi_cli.planfile import build_plan

    plan, build_problems = build_plan(plan_doc, units_doc)
    problems += build_problems
    if plan is not None:
        plan.digest = plan_digest(raw, units_name, units_raw)  # the key of the cache of checks made against it
        if store is not None and not problems:
            store.put(raw, units_name, units_raw, plan)
    return PlanLoad(plan, problems, [label, units_label])


def plan_digest(plan_raw: bytes, units_name: str, units_raw: bytes) -> str:
    """The hash of what a plan is read from: the plan file, the units file's name and bytes."""
    hasher = hashlib.blake2b(plan_raw, digest_size=20)
    hasher.update(b"\0" + units_name.encode("utf-8") + b"\0" + units_raw)
    return hasher.hexdigest()


def default_scores(paths: Paths, year: int) -> Path:
    """``plan/papi-scores-<year>.csv`` beside the plan file."""
    return paths.plan.parent / f"papi-scores-{year}.csv"


def load_outcome(plan: Plan, path: Path, label: str, year: int) -> tuple[Outcome | None, list[Problem], str | None]:
    """The outcome for the plan's province from a scores file, or None with the problems."""
    from papi_cli.outcome import evaluate_outcome, fold, parse_scores

    if not path.is_file():
        return None, [Problem.at(label, None, "scores-missing", path=label)], None
    raw, problems = read_bytes(path, label)
    text = None
    if raw is not None:
        text, problems = decode(label, raw)
    if text is None:
        return None, problems, None
    codes = {fold(d.name_en): d.papi for d in plan.dimensions}
    table, problems = parse_scores(text, label, codes)
    if table is None:
        return None, problems, text
    province = plan.file.province
    result = evaluate_outcome(table, year, province, [(d.code, d.papi) for d in plan.dimensions])
    if result is None:
        return None, [Problem.at(label, None, "scores-no-province", province=province)], text
    return result, [], text
