"""The cache of each submission file's parse and checks, in ``ROOT/.papi-cache/`` (issue 6).

An unchanged repository is re-checked without parsing: each file's ``FileCheck`` is kept under
its label (its path, which also gives its period and agency) with the hash of its bytes, in a
cache whose key holds everything else a FileCheck depends on: the hash of the plan and units
files, papi's version and the hash of its own source files (an edit during development counts
like a new version), the versions of Python, PyYAML, libyaml and pydantic, and ``FORMAT``.
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
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from papi_cli.filecheck import FileCheck
from papi_cli.problems import Mark, Problem

FOLDER = ".papi-cache"
FILE = "checks.json"
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
    def open(cls, root: Path, submissions: Path, plan_digest: str | None) -> Cache:
        """The cache of the project at ``root`` for the plan whose files hash to ``plan_digest``."""
        folder = Path(root) / FOLDER
        if plan_digest is None or _inside(folder, submissions):
            return cls()
        key = cache_key(plan_digest)
        return cls(folder / FILE, key, _read(folder / FILE, key))

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
        body = json.dumps({"format": FORMAT, "key": self.key, "entries": entries},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            _write_atomic(self.path, digest(body).encode("ascii") + b"\n" + body)
        except OSError:
            pass  # a cache that cannot be written is no cache, not an error


def cache_key(plan_digest: str) -> str:
    import pydantic
    import yaml

    from papi_cli import __version__

    try:
        from yaml import _yaml  # type: ignore[attr-defined]

        libyaml = _yaml.get_version_string()
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        libyaml = None
    parts = [FORMAT, __version__, _source_digest(), plan_digest, sys.version, yaml.__version__, libyaml,
             pydantic.VERSION]
    return digest(json.dumps(parts).encode("utf-8"))


def _source_digest() -> str:
    """The hash of papi's own source files (about 2 ms)."""
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


def _inside(folder: Path, submissions: Path) -> bool:
    real, top = os.path.realpath(folder), os.path.realpath(submissions)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _read(path: Path, key: str) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        checksum, _, body = raw.partition(b"\n")
        if checksum.decode("ascii") != digest(body):
            return {}
        data = json.loads(body)
    except (OSError, ValueError):  # missing, unreadable, not ASCII, not JSON
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


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
