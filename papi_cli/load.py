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
from papi_cli.yamlsafe import MAX_BYTES, Document, decode, load

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


def read_yaml(path: Path, label: str, hasher: hashlib._Hash | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse a YAML file; its bytes also go into ``hasher`` when one is given."""
    raw, problems = read_bytes(path, label)
    if raw is None:
        return None, problems
    if hasher is not None:
        hasher.update(raw)
    return load(label, raw)


@dataclass
class PlanLoad:
    plan: object | None  # papi_cli.model.plan.Plan, imported lazily
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def load_plan(paths: Paths) -> PlanLoad:
    """Read and check the plan file and the units file it names."""
    from papi_cli.planfile import build_plan

    label = paths.label(paths.plan)
    if not paths.plan.is_file():
        return PlanLoad(None, [Problem.at(label, None, "plan-missing", path=label)], [label])
    hasher = hashlib.blake2b(digest_size=20)
    plan_doc, problems = read_yaml(paths.plan, label, hasher)
    if plan_doc is None:
        return PlanLoad(None, problems, [label])
    units_name = plan_doc.data.get("units") if isinstance(plan_doc.data, dict) else None
    if not isinstance(units_name, str):
        problems.append(Problem.at(label, plan_doc.mark(()), "missing-field", field="units"))
        return PlanLoad(None, problems, [label])
    units_path = paths.plan.parent / units_name
    units_label = paths.label(units_path)
    hasher.update(b"\0" + units_name.encode("utf-8") + b"\0")
    units_doc, unit_problems = read_yaml(units_path, units_label, hasher)
    problems += unit_problems
    if units_doc is None:
        return PlanLoad(None, problems, [label, units_label])
    plan, build_problems = build_plan(plan_doc, units_doc)
    if plan is not None:
        plan.digest = hasher.hexdigest()  # the key of the cache of checks made against it
    return PlanLoad(plan, problems + build_problems, [label, units_label])


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
