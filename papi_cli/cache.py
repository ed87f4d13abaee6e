"""A key → bytes store outside the repository, whose entries only this user's papi can have made.

papi runs on the checkout of a pull request, so nothing a checkout holds may decide what papi
believes: the cache lives in the user's cache directory (``PAPI_CACHE_DIR``, else
``$XDG_CACHE_HOME/papi``, else ``~/.cache/papi``), in one folder per repository root, and never
where the root contains it. Every entry is written with an HMAC-SHA256 of its name and body
under a secret key kept in that directory (32 random bytes, created on first use, mode 0600):
an entry copied from elsewhere, forged or damaged does not authenticate and is ignored, as is
anything that is not a regular file (a FIFO cannot block papi). What the entries hold, and when
one is still valid, is for their users to decide (``load.py``, ``submissions.py``): this module
knows no plans and no submissions.

The cache is only ever an optimisation: an entry is written atomically, and a cache that is
missing, unreadable, not writable or wrong in any way is no cache, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from papi_cli import files

KEY_FILE = "key"
MAX_ENTRY = 64 * 1024 * 1024  # a province-year's checks take about 2 MB
_MAC = 32


def cache_home() -> Path | None:
    """``PAPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/papi``, else ``~/.cache/papi``; None without a home."""
    chosen = os.environ.get("PAPI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "papi"
    home = os.path.expanduser("~")
    return None if home == "~" else Path(home) / ".cache" / "papi"


def folder_for(root: Path) -> Path | None:
    """Where the entries of the project at ``root`` are (made on first use), or None when there
    can be none: no cache directory, or one inside the project."""
    home = cache_home()
    if home is None or files.inside(home, root):
        return None
    project = hashlib.blake2b(files.realpath(root).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    return home / project


class Store:
    """The entries of one repository root, by name."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._key = key

    @classmethod
    def for_root(cls, root: Path) -> Store | None:
        """The store of the project at ``root``, or None when there can be none (no cache
        directory, one inside the project, or one that cannot be made or keyed)."""
        folder = folder_for(root)
        if folder is None:
            return None
        try:
            files.ensure_private_folder(folder)
            key = _key(folder.parent / KEY_FILE)
        except OSError:
            return None
        return None if key is None else cls(folder, key)

    def get(self, name: str) -> bytes | None:
        raw, _ = files.read_bytes(self.folder / name, name, limit=MAX_ENTRY)
        if raw is None or len(raw) < _MAC:
            return None
        mac, body = raw[:_MAC], raw[_MAC:]
        return body if hmac.compare_digest(mac, self._mac(name, body)) else None

    def put(self, name: str, body: bytes) -> None:
        with contextlib.suppress(OSError):
            files.write_atomic(self.folder / name, self._mac(name, body) + body, mode=0o600)

    def get_json(self, name: str) -> Any:
        """The entry's JSON value, or None when there is none or it is not JSON (any depth)."""
        body = self.get(name)
        if body is None:
            return None
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            return None

    def put_json(self, name: str, value: Any) -> None:
        self.put(name, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _mac(self, name: str, body: bytes) -> bytes:
        return hmac.new(self._key, name.encode("utf-8") + b"\0" + body, hashlib.sha256).digest()


def _key(path: Path) -> bytes | None:
    """The secret of this cache directory, made on first use (by whichever process gets there first)."""
    raw, _ = files.read_bytes(path, KEY_FILE, limit=1024)
    if raw is None:
        with contextlib.suppress(FileExistsError):
            files.write_atomic(path, secrets.token_bytes(32), replace=False, mode=0o600)
        raw, _ = files.read_bytes(path, KEY_FILE, limit=1024)
    if raw is None or len(raw) < 32 or not files.is_private(path):
        return None  # too short, or readable by others: not a secret papi can trust
    return raw
