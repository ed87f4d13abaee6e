"""The two user-facing exceptions, which the command line maps to exit codes.

``UsageError`` (exit 2): a command-line value papi cannot use (an unknown agency, a malformed
period…). ``DataError`` (exit 1): the data cannot give what was asked (the plan has errors, a
scores file is broken), with the problems that say why. Problems found while checking files are
values (``problems.py``), never exceptions; anything else that escapes a command is a bug,
reported by ``cli.py`` as exit 3 with a log file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from papi_cli.message import Message
from papi_cli.problems import Problem


class UsageError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


class DataError(Exception):
    """Problems that stop a command, shown with their source lines where ``sources`` has them,
    then ``note`` (what the user should do next)."""

    def __init__(self, problems: Sequence[Problem], note: Message | None = None,
                 sources: Mapping[str, str] | None = None) -> None:
        super().__init__(note.key if note else "data-error")
        self.problems = list(problems)
        self.note = note
        self.sources = dict(sources or {})
