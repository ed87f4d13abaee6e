"""The one user-facing exception: a bad command line (exit 2).

Problems with data are values (``problems.py``), never exceptions; anything else that escapes
a command is a bug, reported by ``cli.py`` as exit 3 with a log file.
"""


class UsageError(Exception):
    """A command-line value papi cannot use (an unknown agency, a malformed period…)."""
