"""A rich Console for an output stream: the terminal's width, or COLUMNS, or 120 for files."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console_for(out: IO[str]) -> Console:
    from rich.console import Console

    is_tty = hasattr(out, "isatty") and out.isatty()
    width = None if is_tty else int(os.environ.get("COLUMNS", "120") or 120)
    return Console(file=out, width=width, no_color=not is_tty and "FORCE_COLOR" not in os.environ,
                   highlight=False, soft_wrap=False, emoji=False)
