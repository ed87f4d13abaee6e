"""What a cached result depends on besides its own files: papi (its version and the hash of its
source files, so that an edit during development counts like a new version), Python, and the
versions of the parsers that made it (PyYAML with its libyaml, pydantic)."""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from pathlib import Path

FORMAT = 2  # bump when what a cache entry holds changes


def fingerprint() -> str:
    import papi_cli

    parts = [FORMAT, papi_cli.__version__, sources(), sys.version, _version("PyYAML"), _version("pydantic")]
    return hashlib.blake2b(json.dumps(parts).encode("utf-8"), digest_size=20).hexdigest()


@functools.cache
def sources() -> str:
    """The hash of papi's own source files (about 2 ms, once a process)."""
    from papi_cli import files

    return files.tree_digest(Path(__file__).resolve().parent, ".py")


@functools.cache
def _version(package: str) -> str:
    """A package's version from its installed metadata, so that a run from the cache does not
    import the parser (8 ms). PyYAML's wheels carry their own libyaml, so this names libyaml too."""
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed as a package
        return "unknown"
