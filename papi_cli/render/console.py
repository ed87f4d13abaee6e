"""A rich Console for an output stream: the terminal's width, or COLUMNS, or 120 for files
(a COLUMNS that is not a positive number is not a width)."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console_for(out: IO[str]) -> Console:
    from rich.console import Console

    is_tty = hasattr(out, "isatty") and out.isatty()
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isascii() and columns.isdigit() and 0 < int(columns) < 10_000 else None
    if width is None and not is_tty:
        width = 120
    environ = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    return Console(file=out, width=width, no_color=not is_tty and "FORCE_COLOR" not in os.environ,
                   highlight=False, soft_wrap=False, emoji=False, _environ=environ)
