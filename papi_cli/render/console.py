"""A rich Console for an output stream: the terminal's width, or COLUMNS, or 80 for a file or a
pipe (a COLUMNS that is not a positive number is not a width). What is written to a file or a
pipe has no trailing spaces: rich pads every line of a table to its width, which a reader of the
file, ``diff`` or a review of it in a pull request should not have to see."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, cast

if TYPE_CHECKING:
    from rich.console import Console

FILE_WIDTH = 80


def console_for(out: IO[str]) -> Console:
    from rich.console import Console

    is_tty = hasattr(out, "isatty") and out.isatty()
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isascii() and columns.isdigit() and 0 < int(columns) < 10_000 else None
    if width is None and not is_tty:
        width = FILE_WIDTH
    environ = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    return Console(file=out if is_tty else cast("IO[str]", _Trimmed(out)), width=width,
                   no_color=not is_tty and "FORCE_COLOR" not in os.environ,
                   highlight=False, soft_wrap=False, emoji=False, _environ=environ)


class _Trimmed:
    """A stream that writes each line without its trailing spaces (a line is held until its end)."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._out.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._out.write(self._pending.rstrip(" "))
            self._pending = ""
        self._out.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> object:
        return getattr(self._out, name)
