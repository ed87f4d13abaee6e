"""The officer's own sections of a report, read from ``narrative/<period>.md``.

A small, fixed subset of Markdown and nothing more (docs/rules.md, "The narrative file"):
headings naming the three sections (``# Đánh giá chung``, ``## 2. Phương hướng, nhiệm vụ kỳ
tới``, ``### III. Kiến nghị, đề xuất:`` or their English titles, compared without case,
diacritics, numbering or punctuation), paragraphs (lines joined, a blank line between two),
bullet lists (``-``, ``*``, ``+``), numbered lists (``1.``, ``1)``), ``**bold**`` and
``*italic*``/``_italic_``. Links, images, raw HTML, code, quotes and tables are not read: they
stay literal text, which every renderer escapes. ``<!-- … -->`` comments (the skeleton's hints)
are dropped; a section holding only comments is not written.

A heading that names no section, deeper than the heading of the section it stands in (``## 1.
Kết quả đạt được`` under ``# I. ĐÁNH GIÁ CHUNG``), is that section's subheading: a paragraph of
its text in bold. Text before the first heading, or under any other heading that names no
section, is not dropped in silence: it is a warning with its line and column. Pure and linear
in the text's length: every line is looked at once and every delimiter is matched through a
pointer that only moves forward.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.message import Message
from papi_cli.names import fold
from papi_cli.problems import Kept, Mark, Problem
from papi_cli.report.model import Block, Run

if TYPE_CHECKING:
    from papi_cli.periods import Period

SECTIONS = ("assessment", "next_tasks", "proposals")


def narrative_file(period: Period) -> str:
    """Where the officer writes the report's own sections, relative to the project root."""
    return f"narrative/{period.code}.md"

# The headings of each section, folded (``names.fold``: no case, diacritics or punctuation).
TITLES: dict[str, tuple[str, ...]] = {
    "assessment": ("danh gia chung", "danh gia", "overall assessment", "assessment", "general assessment"),
    "next_tasks": ("phuong huong nhiem vu ky toi", "phuong huong nhiem vu trong ky toi", "phuong huong nhiem vu",
                   "phuong huong nhiem vu thoi gian toi", "nhiem vu ky toi",
                   "directions and tasks for the next period", "directions and tasks", "next tasks",
                   "tasks for the next period"),
    "proposals": ("kien nghi de xuat", "de xuat kien nghi", "kien nghi", "de xuat",
                  "recommendations and proposals", "recommendations", "proposals"),
}
_BY_TITLE = {title: key for key, titles in TITLES.items() for title in titles}

_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")  # greedy, trimmed after: no backtracking
_NUMBERING = re.compile(r"(?:\d{1,3}|[IVXLCivxlc]{1,6}|[A-Za-z])[.)](?:\s+|$)")
_BULLET = re.compile(r" {0,3}[-*+][ \t]+(.*)$")
_NUMBER = re.compile(r" {0,3}(\d{1,9})[.)][ \t]+(.*)$")
_LETTERED = re.compile(r" {0,3}[a-z\u0111]\)[ \t]")  # "a) …", "đ) …": a new paragraph, its letter kept as text


@dataclass
class Parsed:
    """The blocks of each section found under its heading (a section absent from the file, or
    holding only comments, has none) and the warnings about text that was not placed."""

    sections: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def section_of(heading: str) -> str | None:
    """The section a heading's text names (``1. Đánh giá chung:`` → ``assessment``), else None."""
    text = heading.strip()
    numbered = _NUMBERING.match(text)
    if numbered:
        text = text[numbered.end():]
    return _BY_TITLE.get(fold(text))


def read(path: Path, label: str) -> tuple[Parsed | None, list[Problem], str | None]:
    """The file parsed, or None with the errors that stop the report (unreadable, too large,
    not UTF-8, control characters); also its text, for showing the lines of its problems."""
    raw, problems = files.read_bytes(path, label)
    if raw is None:
        return None, problems, None
    text, problems = files.decode(label, raw)
    if text is None:
        return None, problems, files.shown_text(raw)
    from papi_cli.yamlsafe import hidden_characters, nfc  # the rules of every file papi reads

    hidden = hidden_characters(label, text)
    if hidden:
        return None, hidden, text
    text = nfc(text)
    parsed = parse(label, text)
    return parsed, parsed.problems, text


def parse(file: str, text: str) -> Parsed:
    """The sections of a narrative file's text (already decoded; see ``read``)."""
    lines = _BREAK.split(_without_comments(text))
    result = Parsed()
    kept = Kept(file)  # at most KEPT_PER_FILE warnings, the rest counted
    blocks: dict[str, list[Block]] = {}
    current: str | None = None  # the section being read; None before any heading or under an unknown one
    level = 0  # the number of ``#`` of the current section's heading
    ignored = True  # text here is not placed (before the first heading, or under an unknown heading)
    warned = False  # the text not placed since the last heading was already reported
    builder = _Blocks()
    for number, line in enumerate(lines, 1):
        heading = _HEADING.match(line)
        if heading:
            builder.close()
            title = _heading_text(heading.group(2) or "")
            named = section_of(title)
            if named is None and current is not None and len(heading.group(1)) > level:
                # a deeper heading inside a section ("## 1. Kết quả đạt được" under "# I. ĐÁNH GIÁ
                # CHUNG"): the section's own subheading, kept as a bold paragraph of its text
                builder.heading(title)
                continue
            if current is not None:
                blocks.setdefault(current, []).extend(builder.take())
            builder = _Blocks()
            current = named
            level = len(heading.group(1))
            warned = False
            column = heading.start(1) + 1
            if current is None:
                ignored = True
                if kept.room():
                    kept.problems.append(Problem.at(file, Mark(number, column), "narrative-unknown-heading",
                                                    severity="warning", heading=_shown(title), sections=_titles()))
                warned = True  # one warning for the heading and what stands under it
            else:
                ignored = False
                if current in blocks and kept.room():
                    kept.problems.append(Problem.at(file, Mark(number, column), "narrative-repeated-section",
                                                    severity="warning", heading=_shown(title)))
                blocks.setdefault(current, [])
            continue
        if ignored:
            if line.strip() and not warned:
                column = len(line) - len(line.lstrip()) + 1
                if kept.room():
                    kept.problems.append(Problem.at(file, Mark(number, column), "narrative-outside-section",
                                                    severity="warning", sections=_titles()))
                warned = True
            continue
        builder.line(line)
    builder.close()
    if current is not None:
        blocks.setdefault(current, []).extend(builder.take())
    result.sections = {key: tuple(found) for key, found in blocks.items()}
    # the count of warnings not listed is a warning too: nothing here stops the report
    result.problems = [dataclasses.replace(p, severity="warning") for p in kept.done()]
    return result


def _heading_text(text: str) -> str:
    """A heading's text without its spaces and closing hashes (``## Kiến nghị ##``)."""
    text = text.strip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.strip()
    return text


def _shown(heading: str) -> str:
    """A heading as a message quotes it: at most 60 characters."""
    return heading if len(heading) <= 60 else heading[:59] + "…"


def _titles() -> tuple[Message, ...]:
    return tuple(Message("narrative.quoted", title=Message(f"narrative.{key}")) for key in SECTIONS)


def _without_comments(text: str) -> str:
    """``<!-- … -->`` replaced by spaces, its line breaks kept, so every line and column after it
    stays where it was; an unclosed comment runs to the end, as in HTML."""
    if "<!--" not in text:
        return text
    pieces, at = [], 0
    while True:
        start = text.find("<!--", at)
        if start < 0:
            pieces.append(text[at:])
            break
        end = text.find("-->", start + 4)
        stop = len(text) if end < 0 else end + 3
        pieces.append(text[at:start])
        pieces.append(re.sub(r"[^\r\n]", " ", text[start:stop]))
        at = stop
        if end < 0:
            break
    return "".join(pieces)


class _Blocks:
    """Lines to paragraphs and lists: a blank line ends a block, a list item starts an entry."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.kind: str | None = None
        self.items: list[list[str]] = []  # each entry's lines
        self.start = 1

    def line(self, line: str) -> None:
        if not line.strip():
            self.close()
            return
        bullet = _BULLET.match(line)
        numbered = None if bullet else _NUMBER.match(line)
        if bullet or numbered:
            kind = "bullets" if bullet else "numbers"
            if self.kind != kind:
                self.close()
                self.kind = kind
                self.start = int(numbered.group(1)) if numbered else 1
            self.items.append([bullet.group(1) if bullet else numbered.group(2) if numbered else ""])
            return
        if self.kind is not None and _LETTERED.match(line):  # "a) …" after a line: not joined to it
            self.close()
        if self.kind is None:
            self.kind = "paragraph"
            self.items.append([])
        self.items[-1].append(line)  # a paragraph's next line, or an entry's continuation

    def heading(self, title: str) -> None:
        """A subheading of the section: a paragraph of its text, all in bold."""
        out: list[Run] = []
        for run in runs(" ".join(title.split())):
            _append(out, run.text, True, run.italic)
        if out:
            self.blocks.append(Block("paragraph", (tuple(out),)))

    def close(self) -> None:
        if self.kind is not None:
            items = tuple(runs(" ".join(" ".join(text.split()) for text in lines)) for lines in self.items)
            items = tuple(item for item in items if item)
            if items:
                self.blocks.append(Block(self.kind, items, self.start if self.kind == "numbers" else 1))
        self.kind, self.items, self.start = None, [], 1

    def take(self) -> list[Block]:
        taken, self.blocks = self.blocks, []
        return taken


# --- emphasis ------------------------------------------------------------------------------------

def runs(text: str) -> tuple[Run, ...]:
    """A line of text as runs: ``**bold**``, ``*italic*`` and ``_italic_`` read, every other
    character (an unmatched delimiter too) kept as written. Emphasis opens before a non-space
    and closes after one; ``_`` does not open or close inside a word (``snake_case``); a run of
    three or more delimiters is literal. A backslash before ``*``, ``_`` or ``\\`` keeps that
    character as written (``\\*`` is a star), as in Markdown; any other backslash is text."""
    escaped = "\\" in text
    if escaped:  # control characters never reach here (the file's reading refuses them)
        text = text.replace("\\\\", "\x03").replace("\\*", "\x01").replace("\\_", "\x02")
    out: list[Run] = []
    for piece, bold in _split(text, "**", inside_words=True):
        for part, italic_star in _split(piece, "*", inside_words=True):
            for chunk, italic_under in _split(part, "_", inside_words=False):
                _append(out, chunk, bold, italic_star or italic_under)
    if escaped:
        out = [Run(r.text.replace("\x01", "*").replace("\x02", "_").replace("\x03", "\\"), r.bold, r.italic)
               for r in out]
    return tuple(out)


def _split(text: str, mark: str, *, inside_words: bool) -> list[tuple[str, bool]]:
    """``text`` cut at each matched pair of ``mark``: (piece, between a pair). Linear: openers and
    closers are found in one pass each, and the closer pointer only moves forward."""
    if mark not in text:
        return [(text, False)]
    size = len(mark)
    positions = []
    at = text.find(mark)
    while at >= 0:
        positions.append(at)
        at = text.find(mark, at + size)

    def before(i: int) -> str:
        return text[i - 1] if i > 0 else " "

    def after(i: int) -> str:
        return text[i + size] if i + size < len(text) else " "

    char = mark[0]  # a delimiter next to one more of its character (``***``) is literal

    def opens(i: int) -> bool:
        return (not after(i).isspace() and char not in (before(i), after(i))
                and (inside_words or not before(i).isalnum()))

    def closes(i: int) -> bool:
        return (not before(i).isspace() and char not in (before(i), after(i))
                and (inside_words or not after(i).isalnum()))

    closers = [i for i in positions if closes(i)]
    pieces: list[tuple[str, bool]] = []
    done, pointer = 0, 0  # text[:done] is placed; closers[pointer:] are the candidates left
    for i in positions:
        if i < done or not opens(i):
            continue
        while pointer < len(closers) and closers[pointer] < i + size + 1:  # a closer after some text
            pointer += 1
        if pointer == len(closers):
            break
        close = closers[pointer]
        pointer += 1
        if i > done:
            pieces.append((text[done:i], False))
        pieces.append((text[i + size:close], True))
        done = close + size
    if done < len(text):
        pieces.append((text[done:], False))
    return pieces


def _append(out: list[Run], text: str, bold: bool, italic: bool) -> None:
    """Add a run, its leading and trailing spaces as plain runs, merged with a like neighbour."""
    if not text:
        return
    if bold or italic:
        stripped = text.strip()
        if not stripped:
            _append(out, text, False, False)
            return
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        _append(out, lead, False, False)
        _merge(out, Run(stripped, bold, italic))
        _append(out, trail, False, False)
        return
    _merge(out, Run(text))


def _merge(out: list[Run], run: Run) -> None:
    if out and out[-1].bold == run.bold and out[-1].italic == run.italic:
        out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
    else:
        out.append(run)
