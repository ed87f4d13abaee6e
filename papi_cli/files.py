"""The only module that touches the file system: reading, decoding, writing, confining paths.

Everything papi reads from a project (plan, units, scores, templates, submissions) may come from
a pull request, so a read opens only a regular file (never a FIFO or a device, which could
block), refuses more than ``MAX_BYTES`` before reading them, and turns every failure into a
located Problem. A write is atomic: a temporary file in the target's folder, flushed, then
renamed over the target (or linked, where an existing file must not be replaced), so a reader
sees the old file or the new one and a failed run leaves nothing behind.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from papi_cli.message import Message
from papi_cli.problems import Mark, Problem

MAX_BYTES = 1024 * 1024


def os_reason(error: OSError) -> Message:
    """Why the system refused, in papi's words (``os.EACCES``…), the system's own for the rare rest."""
    name = errno.errorcode.get(error.errno or 0, "")
    if f"os.{name}" in _KNOWN:
        return Message(f"os.{name}")
    return Message("os.other", errno=error.errno, detail=error.strerror or str(error))


_KNOWN = frozenset(f"os.{name}" for name in (
    "EACCES", "EPERM", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EDQUOT", "EROFS", "ELOOP", "EEXIST",
    "ENAMETOOLONG", "EIO",
))


def read_bytes(path: Path, label: str, limit: int = MAX_BYTES) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file, or a problem when it is missing, not a regular file,
    unreadable or over ``limit`` (checked before reading)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        return None, [Problem.at(label, None, "unreadable", detail=os_reason(err))]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            reason = Message("os.EISDIR" if stat.S_ISDIR(info.st_mode) else "detail.not_regular")
            return None, [Problem.at(label, None, "unreadable", detail=reason)]
        if info.st_size > limit:
            return None, [Problem.at(label, None, "file-too-large", size=info.st_size, limit=limit)]
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        return None, [Problem.at(label, None, "unreadable", detail=os_reason(err))]
    finally:
        os.close(fd)
    if size > limit:
        return None, [Problem.at(label, None, "file-too-large", size=size, limit=limit)]
    return b"".join(chunks), []


def decode(file: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: the size bound, NUL bytes, UTF-8 (a byte-order mark is accepted and dropped)."""
    if len(raw) > MAX_BYTES:
        return None, [Problem.at(file, None, "file-too-large", size=len(raw), limit=MAX_BYTES)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    wide = _wide_encoding(raw)
    if wide is not None:
        return None, [Problem.at(file, None, "not-utf8-wide", encoding=wide)]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [Problem.at(file, _byte_mark(raw, nul), "binary-file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem.at(file, _byte_mark(raw, err.start), "not-utf8", byte=f"0x{raw[err.start]:02X}")]
    return text, []


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
_WIDE = (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"))


def _wide_encoding(raw: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` for a text saved so ("Unicode" in Notepad and Excel), with or
    without a byte-order mark; None for anything else. Without a mark, the bytes must decode in
    that encoding to text of printable characters and line breaks only, with a ':' (what a YAML
    file holds), so a binary file with NUL bytes is not taken for one."""
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            return name
    if b"\x00" not in raw[:4096]:
        return None
    for codec, name in _WIDE:
        try:  # the first 4 KiB (final=False: a character cut at its end is not an error)
            text = codecs.getincrementaldecoder(codec)().decode(raw[:4096], final=False)
        except UnicodeDecodeError:
            continue
        if ":" in text and all(char.isprintable() or char in "\t\r\n" for char in text):
            return name
    return None


def shown_text(raw: bytes) -> str:
    """The text of a file for showing its lines beside a problem, even when it is not valid
    UTF-8 (the bad bytes shown as U+FFFD): never for anything else."""
    return raw.decode("utf-8-sig", errors="replace")


def _byte_mark(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Mark(raw.count(b"\n", 0, offset) + 1, column)


def write_atomic(target: Path, data: bytes, *, replace: bool = True, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, then rename it
    over the target (``replace``) or link it there only if no file is (else FileExistsError).
    ``mode`` defaults to an ordinary file's (0666 less the umask). OSError on failure, with
    nothing left behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, _ordinary_mode() if mode is None else mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails when target exists, even if made meanwhile
            os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


STALE_SECONDS = 3600


def _remove_stale(target: Path) -> None:
    """The temporary files of runs killed while writing ``target`` (``.<name>.<random>.tmp``,
    hidden, so never read as data), removed once they are an hour old (a younger one may be
    another run's, still writing)."""
    import time

    try:
        with os.scandir(target.parent) as entries:
            stale = [entry.path for entry in entries
                     if entry.name.startswith(f".{target.name}.") and entry.name.endswith(".tmp")
                     and entry.is_file(follow_symlinks=False)
                     and time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS]
        for path in stale:
            os.unlink(path)
    except OSError:
        pass


def _ordinary_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# --- where things are ---------------------------------------------------------------------------
def cwd() -> Path:
    return Path.cwd()


def inside(path: Path, folder: Path, *, resolve: bool = True) -> bool:
    """True when ``path`` is ``folder`` or lies under it: with ``resolve``, after following every
    symbolic link of both (where a path really is); without, as written (where it is shown)."""
    if resolve:
        real, top = os.path.realpath(path), os.path.realpath(folder)
    else:
        real, top = os.path.abspath(path), os.path.abspath(folder)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def realpath(path: Path) -> str:
    return os.path.realpath(path)


def lexists(path: Path) -> bool:
    return os.path.lexists(path)


def is_dir(path: Path) -> bool:
    return path.is_dir()


def is_file(path: Path) -> bool:
    return path.is_file()


class Entry:
    """One entry of a folder listing: its name and what it is (a symbolic link not followed)."""

    __slots__ = ("is_dir", "is_file", "is_symlink", "name")

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self.name = entry.name
        self.is_symlink = entry.is_symlink()
        try:
            self.is_dir = entry.is_dir()
            self.is_file = entry.is_file()
        except OSError:  # a symlink loop, an unreadable target
            self.is_dir = self.is_file = False


def listing(folder: Path) -> list[Entry]:
    """The entries of a folder in name order, hidden ones (``.gitkeep``) left out; OSError when it
    cannot be listed."""
    with os.scandir(folder) as entries:
        found = [Entry(entry) for entry in entries if not entry.name.startswith(".")]
    return sorted(found, key=lambda entry: entry.name)


def ensure_private_folder(folder: Path) -> None:
    """A folder only its owner may enter (0700), made with its parents where missing."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)



def is_private(path: Path) -> bool:
    """True when only the file's owner may read or write it (no group or other permission bits)."""
    try:
        return not os.stat(path).st_mode & 0o077
    except OSError:
        return False


def tree_digest(folder: Path, suffix: str) -> str:
    """The hash of the names and bytes of every ``*suffix`` file under ``folder`` (in name order)."""
    import hashlib

    hasher = hashlib.blake2b(digest_size=20)
    for current, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            if name.endswith(suffix):
                path = Path(current, name)
                hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                hasher.update(path.read_bytes())
    return hasher.hexdigest()
