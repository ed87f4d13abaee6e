"""What every command is given: where the project is, the language, the streams, the cache."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from typing import IO, Any

from papi_cli.layout import Paths
from papi_cli.message import Message
from papi_cli.words import Lang, say


@dataclass
class Context:
    paths: Paths
    lang: Lang = "vi"
    cache: bool = True
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    err: IO[str] = field(default_factory=lambda: sys.stderr)
    _today: dt.date | None = None

    def say(self, what: Message | str, **args: Any) -> str:
        return say(what, self.lang, **args)

    @property
    def today(self) -> dt.date:
        """Today in Vietnam, read once a run (``clock.py``)."""
        if self._today is None:
            from papi_cli.clock import today_vn

            self._today = today_vn()
        return self._today
