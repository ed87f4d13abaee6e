"""The one user-facing exception: a bad command line (exit 2).

Problems with data are values (``problems.py``), never exceptions; anything else that escapes
a command is a bug, reported by ``cli.py`` as exit 3 with a log file.
"""


class UsageError(Exception):
    """A command-line value papi cannot use (an unknown agency, a malformed period…), said in
    Vietnamese and, where given, English."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


def split_languages(text: str) -> tuple[str, str]:
    """``"vi text / en text"`` (how the pure core words a ValueError) into its two halves."""
    vi, _, en = text.partition(" / ")
    return vi, en or vi
