"""Where a project's files are: the plan, the submissions folder, and the files in it.

A project is a folder holding ``plan/<year>.yaml`` and ``submissions/<YYYY-Qn>/<agency>.yaml``:
the folder is the period and the file name the agency. Anything else under ``submissions/`` is
refused with a problem rather than skipped in silence: a file outside that layout, a folder
where a file is expected, a symbolic link that leads out of the repository, and two files for
the same agency and period (``.yaml`` and ``.yml``). Hidden entries (``.gitkeep``) are ignored.
Paths in problems are shown relative to the root, with '/'.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from papi_cli import files
from papi_cli.errors import UsageError
from papi_cli.message import Message
from papi_cli.problems import Problem, character_args

PLAN_NAME = re.compile(r"[0-9]{4}\.ya?ml\Z")
PERIOD_FOLDER = re.compile(r"[0-9]{4}-Q[1-4]\Z")
FILE_NAME = re.compile(r"(?P<agency>[^.][^/\\]*)\.(?P<ext>yaml|yml)\Z")
LAYOUT = "submissions/YYYY-Qn/<agency>.yaml"


@dataclass(frozen=True)
class Paths:
    """Where papi reads from: ``--root`` (default: the project of the current folder), ``--plan``,
    ``--submissions``. A project holds one plan per year, ``plan/<year>.yaml``: ``plan`` is the
    one of the year a command means (``for_year``), or the file ``--plan`` names."""

    root: Path
    plan: Path
    submissions: Path
    plan_given: bool = False  # --plan: that file, whatever year is asked

    @property
    def plan_dir(self) -> Path:
        return self.plan.parent

    def plan_years(self) -> list[int]:
        """The years of the plan files in the plan folder (only the given one's, with --plan)."""
        if self.plan_given:
            match = PLAN_NAME.match(self.plan.name)
            return [int(self.plan.name[:4])] if match else []
        return sorted({int(name[:4]) for name in _plan_names(self.plan_dir)})

    def plan_of(self, year: int) -> Path:
        """``plan/<year>.yaml`` (or the ``.yml`` there is)."""
        yml = self.plan_dir / f"{year}.yml"
        return yml if not files.is_file(self.plan_dir / f"{year}.yaml") and files.is_file(yml) \
            else self.plan_dir / f"{year}.yaml"

    def for_year(self, year: int) -> Paths:
        """The same project, with the plan of ``year`` (the given one stays, with --plan)."""
        return self if self.plan_given else replace(self, plan=self.plan_of(year))

    @classmethod
    def resolve(cls, root: Path | None = None, plan: Path | None = None,
                submissions: Path | None = None) -> Paths:
        """``--root``, or the project the current folder is in (``find_root``); with ``--plan``
        and no ``--root``, the current folder."""
        if root is not None:
            base = Path(root)
        elif plan is not None:
            base = files.cwd()
        else:
            base = find_root(files.cwd())
        return cls(root=base, plan=Path(plan) if plan is not None else default_plan(base),
                   submissions=Path(submissions) if submissions is not None else base / "submissions",
                   plan_given=plan is not None)

    def label(self, path: Path) -> str:
        """A path as shown to users: relative to the root where it lies under it."""
        if not files.inside(path, self.root, resolve=False):
            return str(path)
        return Path(os.path.relpath(path, self.root)).as_posix()


def find_root(start: Path) -> Path:
    """The project ``start`` is in: the first of it and its parents that holds a ``plan/``
    folder, as git finds ``.git`` (a clerk in ``submissions/2020-Q2/`` is in the project); a
    usage error naming ``--root`` when there is none."""
    for folder in (start, *start.parents):
        if files.is_dir(folder / "plan"):
            return folder
    raise UsageError(Message("usage.no_project", folder=str(start)))


def default_plan(root: Path) -> Path:
    """The newest ``plan/<year>.yaml`` under the root (``plan/2020.yaml`` in the sample), before
    a command chooses its year."""
    names = _plan_names(root / "plan")
    return root / "plan" / (max(names) if names else "2020.yaml")


def _plan_names(folder: Path) -> list[str]:
    try:
        return [entry.name for entry in files.listing(folder) if PLAN_NAME.match(entry.name)]
    except OSError:
        return []


@dataclass(frozen=True)
class Found:
    """A file in the layout: its path, its label and what its place says."""

    path: Path
    label: str
    period: str
    agency: str
    received: bool = False  # a file given outside the submissions folder: its place says nothing

    @property
    def year(self) -> int | None:
        """The year of its period (the plan it is checked against), if its period says one."""
        return int(self.period[:4]) if PERIOD_FOLDER.match(self.period) else None


def discover(paths: Paths, chosen: list[Path] | None = None,
             year: int | None = None) -> tuple[list[Found], list[Problem]]:
    """The submission files under the submissions folder (only its period folders of ``year``,
    when given: a year's status reads nothing of the other years) or among ``chosen``, and the
    layout problems."""
    walker = _Walker(paths, year)
    if not chosen:
        walker.folder(paths.submissions)
    else:
        for path in chosen:
            walker.argument(Path(path))
    return walker.found_files(), walker.problems


class _Walker:
    def __init__(self, paths: Paths, year: int | None = None) -> None:
        self.paths = paths
        self.year = year
        self.top = Path(os.path.abspath(paths.submissions))
        self.found: dict[str, Found] = {}
        self.problems: list[Problem] = []

    def refuse(self, path: Path, code: str, **args: Any) -> None:
        self.problems.append(Problem.at(self.paths.label(path), None, code, **args))

    def not_ascii(self, path: Path) -> bool:
        """True (after saying so) when a folder or file name holds a character that is not ASCII:
        ``２０２０-Q1`` would otherwise be a second 2020-Q1 to the eye."""
        at = next((i for i, char in enumerate(path.name) if not char.isascii()), None)
        if at is None:
            return False
        self.refuse(path, "not-ascii-name", value=path.name, position=at + 1, layout=LAYOUT,
                    **character_args(path.name[at]))
        return True

    def leaves_repository(self, path: Path) -> bool:
        """True (after saying so) when a symbolic link in the path leads outside the repository."""
        if files.inside(path, self.paths.root) or files.inside(path, self.paths.submissions):
            return False
        self.refuse(path, "symlink-outside", target=files.realpath(path))
        return True

    def entries(self, folder: Path) -> list[files.Entry]:
        try:
            return files.listing(folder)
        except OSError as err:
            self.refuse(folder, "unreadable", detail=files.os_reason(err))
            return []

    def folder(self, folder: Path) -> None:
        """The submissions folder: period folders only."""
        if not files.lexists(folder):
            return
        if not files.is_dir(folder):
            self.refuse(folder, "not-a-folder", layout=LAYOUT)
            return
        for entry in self.entries(folder):
            path = folder / entry.name
            if self.not_ascii(path) or self.leaves_repository(path):
                continue
            if entry.is_dir and PERIOD_FOLDER.match(entry.name):
                if self.year is None or entry.name.startswith(f"{self.year}-"):
                    self.period_folder(path)
            else:
                self.refuse(path, "outside-layout", layout=LAYOUT)

    def period_folder(self, folder: Path) -> None:
        """A period folder already known to lie inside the repository: its files."""
        label = self.paths.label(folder)
        separator = "/" if files.inside(folder, self.paths.root, resolve=False) else os.sep
        for entry in self.entries(folder):
            self.file(folder / entry.name, folder.name, entry, f"{label}{separator}{entry.name}")

    def file(self, path: Path, period: str, entry: files.Entry | None = None, label: str | None = None) -> None:
        """One file of a period. ``entry`` comes from listing a folder inside the repository, where
        only a symbolic link can lead out, and saves asking about the path again."""
        if self.not_ascii(path) or ((entry is None or entry.is_symlink) and self.leaves_repository(path)):
            return
        match = FILE_NAME.match(path.name)
        if entry is not None:
            is_dir, is_file = entry.is_dir, entry.is_file
        else:
            is_dir, is_file = files.is_dir(path), files.is_file(path)
        if is_dir or (match and not is_file and files.lexists(path)):
            self.refuse(path, "not-a-file", layout=LAYOUT)
        elif match is None:
            self.refuse_outside(path)
        else:
            label = label or self.paths.label(path)
            self.found.setdefault(label, Found(path, label, period, match["agency"]))

    def argument(self, path: Path) -> None:
        """A path given on the command line: a submission file, a period folder or the whole folder."""
        if not files.lexists(path):
            raise UsageError(Message("usage.no_path", path=str(path)))
        where = Path(os.path.abspath(path))
        if where == self.top:
            self.folder(path)
            return
        try:
            parts = where.relative_to(self.top).parts
        except ValueError:
            parts = ()
        if len(parts) == 1 and files.is_dir(path) and PERIOD_FOLDER.match(parts[0]):
            if not self.leaves_repository(path):
                self.period_folder(path)
        elif len(parts) == 2 and PERIOD_FOLDER.match(parts[0]):
            self.file(path, parts[0])
            self.sibling_files(path, parts[0])
        elif files.is_dir(path):
            self.refuse(path, "not-a-file", layout=LAYOUT)
        elif not parts and FILE_NAME.match(path.name) and files.is_file(path) \
                and not files.inside(path, self.paths.plan.parent):
            # received by e-mail, say: checked by what it says it is (``received.py``)
            label = self.paths.label(path)
            self.found.setdefault(label, Found(path, label, "", "", received=True))
        else:
            self.refuse_outside(path)

    def refuse_outside(self, path: Path) -> None:
        """A file that is no submission: a spreadsheet is most likely a clerk's form."""
        if is_spreadsheet(path):
            self.refuse(path, "spreadsheet-not-submission", file=self.paths.label(path))
        else:
            self.refuse(path, "outside-layout", layout=LAYOUT)

    def sibling_files(self, path: Path, period: str) -> None:
        """The other spelling of a given file (``.yml`` for ``.yaml``), for the duplicate check."""
        match = FILE_NAME.match(path.name)
        if match is None:
            return
        for ext in ("yaml", "yml"):
            other = path.with_name(f"{match['agency']}.{ext}")
            if ext != match["ext"] and files.is_file(other):
                self.file(other, period)

    def found_files(self) -> list[Found]:
        """The files found, in label order; two for one agency and period are both refused."""
        by_key: dict[tuple[str, str], list[Found]] = defaultdict(list)
        for item in self.found.values():
            if not item.received:
                by_key[(item.period, item.agency)].append(item)
        for same in by_key.values():
            for item in same:
                if len(same) > 1:
                    others = ", ".join(o.label for o in same if o is not item)
                    self.problems.append(Problem.at(item.label, None, "duplicate-submission", other=others))
        return sorted(self.found.values(), key=lambda item: item.label)


SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


def is_spreadsheet(path: Path) -> bool:
    """Named as a spreadsheet (``.xlsx``…): ``papi import`` reads forms, not validate or add."""
    return path.suffix.lower() in SPREADSHEETS
