"""Loading the submission files: each read once, checked against the plan, or taken from the cache.

Where the files are and which ones count is ``layout.py``'s; the checks are
``submission_check.py``'s, split by ``filecheck.py`` into what a file's bytes decide (kept in the
cache, computed on more than one core where that pays) and the dates of ``submitted_on``, which
depend on the day papi runs and are checked on every run, as is the layout. Nothing here writes
into ``submissions/``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papi_cli import files
from papi_cli.layout import LAYOUT, Found, Paths, discover
from papi_cli.load import Loaded, digest, open_store
from papi_cli.problems import Problem, has_errors

if TYPE_CHECKING:
    from papi_cli.cache import Store
    from papi_cli.filecheck import FileCheck
    from papi_cli.model.plan import Plan
    from papi_cli.model.submission import Submission

def checks_entry(year: int) -> str:
    """The cache entry of one year's checks: each year's plan is the key of its own."""
    return f"checks-{year}.json"


@dataclass
class CheckedSubmissions:
    """The valid submissions, with what else was checked."""

    valid: list[FileCheck] = field(default_factory=list)  # the valid files' checks, in label order
    skipped: list[str] = field(default_factory=list)  # labels of files left out for their errors
    results_checked: int = 0  # results in all the files, valid or not

    @property
    def submissions(self) -> list[Submission]:
        """The valid files' submissions (made when asked for: ``papi validate`` never needs them)."""
        made = [check.submission() for check in self.valid]
        return [s for s in made if s is not None]


def load_submissions(plan: Plan, paths: Paths, chosen: list[Path] | None = None, *, today: dt.date,
                     cache: bool = False, build: bool = True) -> Loaded[CheckedSubmissions]:
    """Check every submission of the plan's year (or only ``chosen``) against the plan, as of
    ``today`` in Vietnam. ``build``: the valid Submissions will be used (``papi validate`` only
    checks), so a kept one is built from the cache at once and, if it no longer builds, checked
    again. The period folders of other years are not read."""
    found, problems = find(paths, chosen, None if chosen else plan.year)
    return check_found(plan, paths, found, problems, today=today, cache=cache, complete=not chosen, build=build)


def find(paths: Paths, chosen: list[Path] | None = None, year: int | None = None) -> tuple[list[Found], list[Problem]]:
    """The files to check (``layout.discover``), those received from elsewhere placed where they
    say they belong (``received.py``)."""
    found, problems = discover(paths, chosen, year)
    return [_as_declared(item, problems) if item.received else item for item in found], problems


def check_found(plan: Plan, paths: Paths, found: list[Found], problems: list[Problem], *, today: dt.date,
                cache: bool = False, complete: bool = True, build: bool = True) -> Loaded[CheckedSubmissions]:
    """Check ``found`` (files of the plan's year) against the plan; ``problems`` are the layout's.
    ``complete``: these are all the year's files (the cache forgets any other of that year)."""
    checks, raws = _check_files(found, plan, paths, cache=cache, complete=complete, build=build)
    checked = CheckedSubmissions()
    loaded = Loaded(checked, problems)
    refused = {p.file for p in problems if p.severity == "error"}  # layout: duplicates, symlinks…
    from papi_cli.filecheck import check_dates

    for item in found:
        check = checks[item.label]
        valid, file_problems = check_dates(check, item.label, item.period, today)
        loaded.problems += file_problems
        checked.results_checked += check.results
        if valid and item.label not in refused:
            checked.valid.append(check)
        elif has_errors(file_problems):
            refused.add(item.label)
    for label in sorted({p.file for p in loaded.problems if p.line is not None} & raws.keys()):
        loaded.sources[label] = files.shown_text(raws[label])
    loaded.files = sorted({item.label for item in found} | {p.file for p in problems})
    checked.skipped = sorted(refused)
    loaded.problems.sort(key=Problem.sort_key)
    return loaded


def _as_declared(item: Found, problems: list[Problem]) -> Found:
    """A file received from elsewhere, placed where it says it belongs (``received.py``), with a
    warning that its name and place were not checked."""
    from dataclasses import replace

    from papi_cli.received import declared

    raw, _ = files.read_bytes(item.path, item.label)  # a failure is reported when it is read again
    period, agency = declared(raw) if raw is not None else ("", "")
    problems.append(Problem.at(item.label, None, "layout-not-checked", severity="warning", period=period or "—",
                               agency=agency or "—", layout=LAYOUT))
    return replace(item, period=period, agency=agency)


def _check_files(found: list[Found], plan: Plan, paths: Paths, *, cache: bool, complete: bool,
                 build: bool) -> tuple[dict[str, FileCheck], dict[str, bytes]]:
    """Each file's FileCheck by label, from the cache or made now; and the bytes of the files read.
    ``complete``: these are all the files, so the cache forgets any other."""
    from papi_cli.filecheck import FileCheck, check_content
    from papi_cli.parallel import map_in_order

    kept = _Kept.open(open_store(paths, cache), plan, build)
    checks: dict[str, FileCheck] = {}
    raws: dict[str, bytes] = {}
    missing: list[Found] = []
    for item in found:
        raw, read_problems = files.read_bytes(item.path, item.label)
        if raw is None:
            checks[item.label] = FileCheck(read_problems)
            continue
        raws[item.label] = raw
        hit = kept.get(item.label, raw)
        if hit is not None:
            checks[item.label] = hit
        else:
            missing.append(item)

    def fresh(item: Found) -> FileCheck:
        check = check_content(item.label, item.period, item.agency, raws[item.label], plan)
        if kept.store is not None:
            check.to_json()  # the cache's form, made here so that the workers share making it
        return check

    for item, check in zip(missing, map_in_order(fresh, missing), strict=True):
        checks[item.label] = check
        kept.put(item.label, raws[item.label], check)
    kept.save(complete)
    return checks, raws


class _Kept:
    """The FileChecks of the last run in the cache's entry ``checks.json``, by label (a label
    gives the file's period and agency) with the hash of the file's bytes, under a key of the
    plan's hash and papi's fingerprint."""

    def __init__(self, store: Store | None, key: list[str], entries: dict[str, Any], build: bool = True,
                 year: int = 0) -> None:
        self.store = store
        self.year = year
        self.build = build
        self.key = key
        self.old = entries
        self.new: dict[str, Any] = {}
        self.changed = False

    @classmethod
    def open(cls, store: Store | None, plan: Plan, build: bool) -> _Kept:
        if store is None or plan.digest is None:
            return cls(None, [], {})
        from papi_cli.fingerprint import fingerprint

        key = [fingerprint(), plan.digest]
        data = store.get_json(checks_entry(plan.year))
        entries = data.get("entries") if isinstance(data, dict) and data.get("key") == key else None
        return cls(store, key, entries if isinstance(entries, dict) else {}, build, plan.year)

    def get(self, label: str, raw: bytes) -> FileCheck | None:
        from papi_cli.filecheck import FileCheck

        if self.store is None:
            return None
        entry = self.old.get(label)
        if not isinstance(entry, dict) or entry.get("digest") != digest(raw):
            return None
        try:
            check = FileCheck.from_json(label, entry.get("check"))
            if self.build:
                check.submission()  # a kept Submission that does not build is no hit
        except (KeyError, TypeError, ValueError, IndexError, RecursionError):
            return None
        self.new[label] = entry
        return check

    def put(self, label: str, raw: bytes, check: FileCheck) -> None:
        if self.store is not None:
            self.new[label] = {"digest": digest(raw), "check": check.to_json()}
            self.changed = True

    def save(self, complete: bool) -> None:
        """Write what this run found; ``complete``: every file was checked, so forget the others."""
        if self.store is None:
            return
        entries = self.new if complete else {**self.old, **self.new}
        if self.changed or entries.keys() != self.old.keys():
            self.store.put_json(checks_entry(self.year), {"key": self.key, "entries": entries})
