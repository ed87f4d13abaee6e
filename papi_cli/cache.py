"""The cache of the checked plan and of each submission file's parse and checks, in
``ROOT/.papi-cache/`` (issue 6).

An unchanged repository is re-checked without parsing. ``checks.json`` keeps each file's
``FileCheck`` under its label (its path, which also gives its period and agency) with the hash
of its bytes, under a key that holds everything else a FileCheck depends on: the hash of the
plan and units files, papi's version and the hash of its own source files (an edit during
development counts like a new version), the versions of Python, PyYAML and pydantic, and
``FORMAT``. ``plan.json`` keeps the last plan that was checked without a single problem, as its
two models in JSON, with the hashes of the plan file and of the units file it names (and the
same key but the plan's hash). A run from the cache parses nothing and imports no parser.
What depends on other files (two files for one agency and period, the layout) or on the day
(``submitted_on`` after today) is never cached: see ``filecheck.finish`` and ``submissions``.

Why the bytes are hashed rather than trusting size and modification time: reading and hashing
every file of a province year takes about 8 ms (blake2b), 1/20 of parsing them, and a stat-based
key can serve a stale result when a file is rewritten within the same timestamp, restored by a
tool that keeps times, or edited on a file system with coarse times. The hash cannot.

The cache is only ever an optimisation: it is created when first written, written atomically
(a temporary file renamed over the old one), checked against a hash of its own contents when
read, and a cache that is missing, unreadable, corrupt, of another key or not writable is
ignored without a word. It is never inside the submissions folder. Delete it at any time.
Like any build cache it trusts its own folder: do not restore one from an untrusted source.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papi_cli.filecheck import FileCheck
from papi_cli.load import plan_digest, read_bytes
from papi_cli.problems import Mark, Problem

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan

FOLDER = ".papi-cache"
FILE = "checks.json"
PLAN_FILE = "plan.json"
FORMAT = 1  # bump when what an entry holds changes
_SCALARS = (str, int, float, bool, type(None))


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Cache:
    """The FileChecks of the last run, by label; ``get`` and ``put`` during a run, then ``save``."""

    def __init__(self, path: Path | None = None, key: str = "", entries: dict[str, Any] | None = None) -> None:
        self.path = path  # None: disabled
        self.key = key
        self.old: dict[str, Any] = entries or {}
        self.new: dict[str, Any] = {}
        self.changed = False

    @classmethod
    def open(cls, root: Path, submissions: Path, plan_hash: str | None) -> Cache:
        """The cache of the project at ``root`` for the plan whose files hash to ``plan_hash``."""
        folder = _folder(root, submissions)
        if plan_hash is None or folder is None:
            return cls()
        key = cache_key(plan_hash)
        entries = (_read(folder / FILE, key) or {}).get("entries")
        return cls(folder / FILE, key, entries if isinstance(entries, dict) else {})

    def get(self, label: str, file_digest: str) -> FileCheck | None:
        if self.path is None:
            return None
        entry = self.old.get(label)
        if not isinstance(entry, dict) or entry.get("digest") != file_digest:
            return None
        try:
            check = _decode(label, entry)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.new[label] = entry
        return check

    def put(self, label: str, file_digest: str, check: FileCheck) -> None:
        if self.path is None:
            return
        entry = _encode(file_digest, check)
        if entry is not None:
            self.new[label] = entry
            self.changed = True

    def save(self, complete: bool) -> None:
        """Write what this run found; ``complete``: every file was checked, so forget the others."""
        if self.path is None:
            return
        entries = self.new if complete else {**self.old, **self.new}
        if not self.changed and entries.keys() == self.old.keys():
            return
        _save(self.path, {"format": FORMAT, "key": self.key, "entries": entries})


class PlanCache:
    """The last plan checked without a problem, and the hashes of the files it was read from."""

    def __init__(self, path: Path | None = None, key: str = "", entry: dict[str, Any] | None = None) -> None:
        self.path = path  # None: disabled
        self.key = key
        self.entry = entry or {}

    @classmethod
    def open(cls, root: Path, submissions: Path) -> PlanCache:
        folder = _folder(root, submissions)
        if folder is None:
            return cls()
        key = cache_key("")
        return cls(folder / PLAN_FILE, key, _read(folder / PLAN_FILE, key))

    def get(self, plan_raw: bytes, folder: Path) -> tuple[Plan, str] | None:
        """The plan and its units file's name, when the plan file's bytes are ``plan_raw`` and the
        units file it names (in ``folder``) is unchanged too."""
        from papi_cli.model.plan import Plan, PlanFile, UnitsFile

        entry = self.entry
        units_name = entry.get("units_name")
        if self.path is None or entry.get("plan") != digest(plan_raw) or not isinstance(units_name, str):
            return None
        units_raw, _ = read_bytes(folder / units_name, units_name)
        if units_raw is None or entry.get("units") != digest(units_raw):
            return None
        try:
            plan_file = PlanFile.model_validate_json(entry["plan_file"])
            units_file = UnitsFile.model_validate_json(entry["units_file"])
        except (KeyError, TypeError, ValueError):  # pydantic's ValidationError is a ValueError
            return None
        return Plan(plan_file, units_file, plan_digest(plan_raw, units_name, units_raw)), units_name

    def put(self, plan_raw: bytes, units_name: str, units_raw: bytes, plan: Plan) -> None:
        """Keep a plan that had no problem, when its JSON gives back exactly the same models."""
        if self.path is None:
            return
        plan_json, units_json = plan.file.model_dump_json(), plan.units_file.model_dump_json()
        if (type(plan.file).model_validate_json(plan_json) != plan.file
                or type(plan.units_file).model_validate_json(units_json) != plan.units_file):
            return
        _save(self.path, {"format": FORMAT, "key": self.key, "plan": digest(plan_raw), "units_name": units_name,
                          "units": digest(units_raw), "plan_file": plan_json, "units_file": units_json})


def cache_key(plan_hash: str) -> str:
    """What every entry depends on besides its own files: papi, its sources, and the parsers."""
    import pydantic

    from papi_cli import __version__

    parts = [FORMAT, __version__, _source_digest(), plan_hash, sys.version, _pyyaml_version(), pydantic.VERSION]
    return digest(json.dumps(parts).encode("utf-8"))


@functools.cache
def _pyyaml_version() -> str:
    """PyYAML's version, read from its installed metadata so that a run from the cache does not
    import the parser (8 ms). Its wheels carry their own libyaml, so this names libyaml too."""
    from importlib import metadata

    try:
        return metadata.version("PyYAML")
    except metadata.PackageNotFoundError:  # pragma: no cover - PyYAML not installed as a package
        import yaml

        return f"{yaml.__version__} {getattr(yaml, '__with_libyaml__', None)}"


@functools.cache
def _source_digest() -> str:
    """The hash of papi's own source files (about 2 ms, once a process)."""
    package = Path(__file__).resolve().parent
    hasher = hashlib.blake2b(digest_size=20)
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder, name)
                hasher.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes())
    return hasher.hexdigest()


def _folder(root: Path, submissions: Path) -> Path | None:
    """``ROOT/.papi-cache``, or None when that would lie inside the submissions folder."""
    folder = Path(root) / FOLDER
    real, top = os.path.realpath(folder), os.path.realpath(submissions)
    return None if real == top or real.startswith(top.rstrip(os.sep) + os.sep) else folder


def _read(path: Path, key: str) -> dict[str, Any] | None:
    """A cache file's contents, or None when it is missing, unreadable, corrupt or of another key."""
    try:
        raw = path.read_bytes()
        checksum, _, body = raw.partition(b"\n")
        if checksum.decode("ascii") != digest(body):
            return None
        data = json.loads(body)
    except (OSError, ValueError):  # missing, unreadable, not ASCII, not JSON
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    return data


def _save(path: Path, data: dict[str, Any]) -> None:
    """Write a cache file with the checksum of its body on the first line; a cache that cannot be
    written is no cache, not an error."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        _write_atomic(path, digest(body).encode("ascii") + b"\n" + body)
    except OSError:
        pass


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _encode(file_digest: str, check: FileCheck) -> dict[str, Any] | None:
    """An entry, or None when a problem carries an argument JSON would not give back as it was."""
    problems = []
    for p in check.problems:
        if not all(type(value) in _SCALARS for value in p.args.values()):
            return None
        problems.append([p.line, p.column, p.code, p.severity, p.args])
    dated = None if check.dated is None else [check.dated[0].isoformat(), check.dated[1].line, check.dated[1].column]
    return {"digest": file_digest, "results": check.results, "problems": problems, "dated": dated,
            "submission": check.to_json()}


def _decode(label: str, entry: dict[str, Any]) -> FileCheck:
    problems = []
    for line, column, code, severity, args in entry["problems"]:
        if not (isinstance(code, str) and severity in ("error", "warning") and isinstance(args, dict)
                and _position(line) and _position(column)):
            raise ValueError("malformed problem")
        problems.append(Problem(label, line, column, code, args, severity))
    dated = entry["dated"]
    if dated is not None:
        day, line, column = dated
        if not (_position(line) and _position(column)) or line is None or column is None:
            raise ValueError("malformed date")
        dated = (dt.date.fromisoformat(day), Mark(line, column))
    results, submission = entry["results"], entry["submission"]
    if not (isinstance(results, int) and (submission is None or isinstance(submission, str))):
        raise ValueError("malformed entry")
    return FileCheck(problems, results, dated, submission)


def _position(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
