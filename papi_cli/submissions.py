"""Finding and loading the submission files: ``submissions/<YYYY-Qn>/<agency>.yaml``.

The folder is the period and the file name the agency. Anything else under ``submissions/`` is
refused with a problem rather than skipped in silence: a file outside that layout, a folder
where a file is expected, a symlink that leads out of the repository, and two files for the
same agency and period (``.yaml`` and ``.yml``). Hidden entries (``.gitkeep``) are ignored.

Each file is read and parsed once, or not at all when the cache has it (``cache.py``); the
checks themselves are ``submission_check.py``'s. Nothing here writes into ``submissions/``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli.errors import UsageError
from papi_cli.load import Paths, read_bytes, under
from papi_cli.problems import Problem, has_errors
from papi_cli.text import decode

if TYPE_CHECKING:
    from papi_cli.filecheck import FileCheck
    from papi_cli.model.plan import Plan
    from papi_cli.model.submission import Submission

PERIOD_FOLDER = re.compile(r"\d{4}-Q[1-4]\Z")
FILE_NAME = re.compile(r"(?P<agency>[^.][^/\\]*)\.(?P<ext>yaml|yml)\Z")
LAYOUT = "submissions/YYYY-Qn/<agency>.yaml"


@dataclass
class SubmissionSet:
    """The checked submissions, with what was checked and what was wrong."""

    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # labels of every file checked
    skipped: list[str] = field(default_factory=list)  # labels of files left out for their errors
    sources: dict[str, str] = field(default_factory=dict)  # label → text of files with problems (the caret display)
    results: int = 0  # results checked, in valid and invalid files
    valid: list[FileCheck] = field(default_factory=list)  # the valid files' checks, in label order

    @cached_property
    def submissions(self) -> list[Submission]:
        """The valid files' submissions (made on first use: ``papi validate`` never needs them)."""
        return [check.submission() for check in self.valid]  # type: ignore[misc]


@dataclass(frozen=True)
class Found:
    """A file in the layout: its path, its label and what its place says."""

    path: Path
    label: str
    period: str
    agency: str


def load_submissions(plan: Plan, paths: Paths, files: list[Path] | None = None,
                     today: dt.date | None = None, *, cache: bool = False) -> SubmissionSet:
    """Check every submission (or only ``files``) against the plan, as of ``today`` in Vietnam.

    With ``cache``, each file's parse and checks come from ``ROOT/.papi-cache`` when its bytes,
    the plan and papi are those they were made with, and are saved there (``cache.py``). Files
    not in the cache are parsed and checked on more than one core where that pays
    (``parallel.py``). The layout and the dates of ``submitted_on`` are checked on every run.
    """
    from papi_cli.clock import today_vn
    from papi_cli.filecheck import finish

    today = today or today_vn()
    found, problems = discover(paths, files)
    checks, raws = _check_files(found, plan, paths, cache=cache, complete=not files)
    result = SubmissionSet(problems=problems)
    refused = {p.file for p in problems if p.severity == "error"}  # layout: duplicates, symlinks…
    for item in found:
        check = checks[item.label]
        valid, file_problems = finish(check, item.label, item.period, today)
        result.problems += file_problems
        result.results += check.results
        if valid and item.label not in refused:
            result.valid.append(check)
        elif has_errors(file_problems):
            refused.add(item.label)
    for label in sorted({p.file for p in result.problems} & raws.keys()):
        text, _ = decode(label, raws[label])
        if text is not None:
            result.sources[label] = text
    result.files = sorted({item.label for item in found} | {p.file for p in problems})
    result.skipped = sorted(refused)
    result.problems.sort(key=Problem.sort_key)
    return result


def _check_files(found: list[Found], plan: Plan, paths: Paths, *, cache: bool,
                 complete: bool) -> tuple[dict[str, FileCheck], dict[str, bytes]]:
    """Each file's FileCheck by label, from the cache or made now; and the bytes of the files read.
    ``complete``: these are all the files, so the cache forgets any other."""
    from papi_cli.cache import Cache, digest
    from papi_cli.filecheck import FileCheck, check_file
    from papi_cli.parallel import map_in_order

    store = Cache.open(paths.root, paths.submissions, plan.digest) if cache else Cache()
    checks: dict[str, FileCheck] = {}
    raws: dict[str, bytes] = {}
    digests: dict[str, str] = {}
    missing: list[Found] = []
    for item in found:
        raw, read_problems = read_bytes(item.path, item.label)
        if raw is None:
            checks[item.label] = FileCheck(read_problems)
            continue
        raws[item.label] = raw
        if store.path is not None:
            digests[item.label] = digest(raw)
            hit = store.get(item.label, digests[item.label])
            if hit is not None:
                checks[item.label] = hit
                continue
        missing.append(item)

    def fresh(item: Found) -> FileCheck:
        check = check_file(item.label, item.period, item.agency, raws[item.label], plan)
        if store.path is not None:
            check.to_json()  # the cache's form, made here so that the workers share making it
        return check

    for item, check in zip(missing, map_in_order(fresh, missing)):
        checks[item.label] = check
        store.put(item.label, digests.get(item.label, ""), check)
    store.save(complete)
    return checks, raws


# --- discovery ---------------------------------------------------------------------------------
def discover(paths: Paths, files: list[Path] | None = None) -> tuple[list[Found], list[Problem]]:
    """The submission files under the submissions folder (or among ``files``) and the layout problems."""
    walker = _Walker(paths)
    if not files:
        walker.folder(paths.submissions)
    else:
        for path in files:
            walker.argument(Path(path))
    return walker.found_files(), walker.problems


class _Walker:
    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.top = Path(os.path.abspath(paths.submissions))
        self.inside = [os.path.realpath(paths.root), os.path.realpath(paths.submissions)]
        self.found: dict[str, Found] = {}
        self.problems: list[Problem] = []

    def refuse(self, path: Path, code: str, **args: object) -> None:
        self.problems.append(Problem.at(self.paths.label(path), None, code, **args))

    def leaves_repository(self, path: Path) -> bool:
        """True (after saying so) when a symlink in the path leads outside the repository."""
        real = os.path.realpath(path)
        if any(real == base or real.startswith(base.rstrip(os.sep) + os.sep) for base in self.inside):
            return False
        self.refuse(path, "symlink-outside", target=real)
        return True

    def entries(self, folder: Path) -> list[os.DirEntry]:
        """The entries of a folder in name order, hidden ones (``.gitkeep``) left out."""
        try:
            with os.scandir(folder) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError as err:
            self.refuse(folder, "unreadable", detail=err.strerror or str(err))
            return []
        return sorted(entries, key=lambda entry: entry.name)

    def folder(self, folder: Path) -> None:
        """The submissions folder: period folders only."""
        if not folder.exists():
            return
        if not folder.is_dir():
            self.refuse(folder, "not-a-folder", layout=LAYOUT)
            return
        for entry in self.entries(folder):
            path = folder / entry.name
            if self.leaves_repository(path):
                continue
            if entry.is_dir() and PERIOD_FOLDER.match(entry.name):
                self.period_folder(path)
            else:
                self.refuse(path, "outside-layout", layout=LAYOUT)

    def period_folder(self, folder: Path) -> None:
        """A period folder already known to lie inside the repository: its files."""
        label = self.paths.label(folder)
        separator = "/" if under(folder, self.paths.root) else os.sep  # as Paths.label writes them
        for entry in self.entries(folder):
            self.file(folder / entry.name, folder.name, entry, f"{label}{separator}{entry.name}")

    def file(self, path: Path, period: str, entry: os.DirEntry | None = None, label: str | None = None) -> None:
        """One file of a period. ``entry`` comes from listing a folder inside the repository, where
        only a symlink can lead out, and saves the system calls of asking about the path again."""
        if (entry is None or entry.is_symlink()) and self.leaves_repository(path):
            return
        match = FILE_NAME.match(path.name)
        is_dir, is_file = (entry.is_dir(), entry.is_file()) if entry is not None else (path.is_dir(), path.is_file())
        if is_dir or (match and not is_file and path.exists()):
            self.refuse(path, "not-a-file", layout=LAYOUT)
        elif match is None:
            self.refuse(path, "outside-layout", layout=LAYOUT)
        else:
            label = label or self.paths.label(path)
            self.found.setdefault(label, Found(path, label, period, match["agency"]))

    def argument(self, path: Path) -> None:
        """A path given on the command line: a submission file, a period folder or the whole folder."""
        if not os.path.lexists(path):
            raise UsageError(f"không có tệp hoặc thư mục '{path}'", f"no such file or folder '{path}'")
        where = Path(os.path.abspath(path))
        if where == self.top:
            self.folder(path)
            return
        try:
            parts = where.relative_to(self.top).parts
        except ValueError:
            parts = ()
        if len(parts) == 1 and path.is_dir() and PERIOD_FOLDER.match(parts[0]):
            if not self.leaves_repository(path):
                self.period_folder(path)
        elif len(parts) == 2 and PERIOD_FOLDER.match(parts[0]):
            self.file(path, parts[0])
            self.sibling_files(path, parts[0])
        elif path.is_dir():
            self.refuse(path, "not-a-file", layout=LAYOUT)
        else:
            self.refuse(path, "outside-layout", layout=LAYOUT)

    def sibling_files(self, path: Path, period: str) -> None:
        """The other spelling of a given file (``.yml`` for ``.yaml``), for the duplicate check."""
        match = FILE_NAME.match(path.name)
        if match is None:
            return
        for ext in ("yaml", "yml"):
            other = path.with_name(f"{match['agency']}.{ext}")
            if ext != match["ext"] and other.is_file():
                self.file(other, period)

    def found_files(self) -> list[Found]:
        """The files found, in label order; two for one agency and period are both refused."""
        by_key: dict[tuple[str, str], list[Found]] = defaultdict(list)
        for item in self.found.values():
            by_key[(item.period, item.agency)].append(item)
        for same in by_key.values():
            for item in same:
                if len(same) > 1:
                    others = ", ".join(o.label for o in same if o is not item)
                    self.problems.append(Problem.at(item.label, None, "duplicate-submission", other=others))
        return sorted(self.found.values(), key=lambda item: item.label)

