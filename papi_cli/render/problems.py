"""Problems as text (``file:line:col: error[code]: message`` with the source line and a caret),
as JSON (the shape of docs/rules.md, "JSON outputs") and as GitHub workflow-command annotations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from papi_cli.problems import Problem
from papi_cli.words import Lang, say


def printable(text: str) -> str:
    """Text safe for one terminal or log line: control, zero-width and bidi characters escaped
    (``\\n``, ``\\u200b``), so a value from a file can neither split a problem line, drive the
    terminal, nor hide inside a slug that looks valid; the bytes of a file name that is not UTF-8
    as ``\\xff``."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escaped(ch) for ch in text)


def shown_name(name: str) -> str:
    """A file name for any output: the bytes of a name that is not UTF-8 (which Python keeps as
    lone surrogates) as ``\\xff``, so the output stays valid UTF-8; control characters escaped."""
    return printable(name)


def _escaped(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}")


def location(problem: Problem) -> str:
    parts = [shown_name(problem.file)]
    if problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


def text_lines(problems: Iterable[Problem], lang: Lang = "vi",
               sources: Mapping[str, str] | None = None) -> list[str]:
    """Each problem on one line, followed by its source line and a caret when the text is known
    (a window of the line around the caret when the line is long)."""
    lines: list[str] = []
    split: dict[str, list[str]] = {}
    for problem in problems:
        # "error"/"warning" stay English in every language: editors and CI match on them.
        message = printable(say(problem.message, lang))
        lines.append(f"{location(problem)}: {problem.severity}[{problem.code}]: {message}")
        source = (sources or {}).get(problem.file)
        if source is not None and problem.line is not None:
            if problem.file not in split:  # YAML's line breaks, as its positions count them
                split[problem.file] = _LINE_BREAK.split(source)
            file_lines = split[problem.file]
            if 0 < problem.line <= len(file_lines):
                text, caret = _window(file_lines[problem.line - 1], (problem.column or 1) - 1)
                lines.append(f"    {printable(text.replace(chr(9), ' '))}")
                lines.append("    " + " " * caret + "^")
    return lines


_LINE_BREAK = re.compile("\r\n|\r|\n")
WINDOW = 100


def _window(line: str, at: int) -> tuple[str, int]:
    """The line, or the ``WINDOW`` characters of it around ``at`` with "…" where it is cut; and
    where the caret goes."""
    if len(line) <= WINDOW:
        return line, at
    start = max(0, min(at - WINDOW // 2, len(line) - WINDOW))
    text = ("…" if start else "") + line[start:start + WINDOW] + ("…" if start + WINDOW < len(line) else "")
    return text, at - start + (1 if start else 0)


def as_json(problem: Problem, lang: Lang = "vi") -> dict[str, Any]:
    return {
        "file": shown_name(problem.file),
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "code": problem.code,
        "message": say(problem.message, lang),
    }


def github_line(problem: Problem, lang: Lang = "vi") -> str:
    """A workflow command: ``::error file=…,line=…,col=…,title=…::message``."""
    props = [f"file={_escape_property(shown_name(problem.file))}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
        if problem.column is not None:
            props.append(f"col={problem.column}")
    props.append(f"title={_escape_property('papi ' + problem.code)}")
    return f"::{problem.severity} {','.join(props)}::{_escape_data(printable(say(problem.message, lang)))}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
