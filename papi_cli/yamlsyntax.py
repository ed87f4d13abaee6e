"""Where a YAML syntax error really is, and what the clerk must type there.

libyaml reports a syntax error where it gives up, which is often lines after the mistake:
``numerator:12`` (no space after the colon) is reported on the next line, a field moved left on
the line after it, an unclosed ``"`` or ``[`` at the next quote or bracket, far below. So when a
file does not parse, this module looks at the lines up to libyaml's position for the mistakes
clerks make, each with the small edit that would fix it, and keeps the first whose edit makes
the file parse at least past that position: a diagnosis is only offered once it is verified.

Each kind of mistake has its explanation in the catalogue (``syntax.*``); when none is found,
libyaml's own complaint is explained there too (``EXPLAINED``), at the place its context names
when that is where the clerk must type (the opening quote, the opening bracket).

Only a failed parse comes here; it costs a few more parses of the file, each linear.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

from papi_cli.message import Message
from papi_cli.problems import Mark, character_args

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

# Characters that look like a space (pasted from Word, a web page) but are not one to YAML.
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
MAX_TRIES = 25  # diagnoses verified by a parse, at most: a bound on the cost of a broken file
WINDOW = 3  # how many lines up to libyaml's position may hold a misaligned line

_BREAK = re.compile(r"\r\n|\r|\n")
_NO_SPACE = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*):(?=[^\s:/\[{\"'])")
_KEY = re.compile(r"((?:[^\s#\"'\[\]{},:][^:#]*?)|\"[^\"]*\"|'[^']*')[ \t]*:(?=[ \t]|$)")
_BLOCK_SCALAR = re.compile(r"[|>][0-9+\-]*[ \t]*(#.*)?\Z")


@dataclass(frozen=True)
class Diagnosis:
    mark: Mark
    detail: Message


@dataclass(frozen=True)
class _Candidate:
    mark: Mark
    detail: Message
    fix: Callable[[list[str]], list[str]]


def diagnose(text: str, error: yaml.MarkedYAMLError) -> Diagnosis:
    """Where the mistake behind ``error`` is, and what to do there."""
    lines = _BREAK.split(text)
    stop = error.problem_mark.line + 1 if error.problem_mark is not None else len(lines)
    for tries, candidate in enumerate(_candidates(lines, stop)):
        if tries == MAX_TRIES:
            break
        if _parses_past("\n".join(candidate.fix(list(lines))), stop):
            return Diagnosis(candidate.mark, candidate.detail)
    return _as_libyaml_says(error)


def _parses_past(text: str, stop: int) -> bool:
    """True when ``text`` parses, or fails only after line ``stop``."""
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        return err.problem_mark is not None and err.problem_mark.line + 1 > stop
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return True


# --- the mistakes, line by line -------------------------------------------------------------------
@dataclass
class _Line:
    number: int  # 1-based
    text: str
    indent: int
    body: str  # the line after its indentation and any "- " markers
    body_at: int  # the 0-based column where ``body`` starts


def _content_lines(lines: list[str], stop: int) -> Iterator[_Line]:
    """The lines up to ``stop`` that hold something (not blank, not only a comment), leaving out
    the content of block scalars (``|``, ``>``)."""
    block_indent: int | None = None
    for index, text in enumerate(lines[:stop]):
        stripped = text.lstrip(" ")
        indent = len(text) - len(stripped)
        if block_indent is not None:
            if not stripped.strip() or indent > block_indent:
                continue
            block_indent = None
        if not stripped.strip() or stripped.startswith("#"):
            continue
        body_at = indent
        while text[body_at:body_at + 2] == "- ":
            body_at += 2
            while text[body_at:body_at + 1] == " ":
                body_at += 1
        line = _Line(index + 1, text, indent, text[body_at:], body_at)
        key = _KEY.match(line.body)
        value = line.body[key.end():].strip() if key else line.body.strip()
        if _BLOCK_SCALAR.match(value):
            block_indent = indent
        yield line


def _candidates(lines: list[str], stop: int) -> Iterator[_Candidate]:
    content = list(_content_lines(lines, stop))
    for position, line in enumerate(content):
        yield from _spaces(line)
        yield from _no_space(line)
        yield from _value(line)
        if position >= len(content) - WINDOW and position > 0:
            yield from _misaligned(line, content[position - 1])


def _spaces(line: _Line) -> Iterator[_Candidate]:
    """A look-alike space where YAML needs a real one: in the indentation, around a ':' or
    after a '-'."""
    text = line.text
    for at, char in enumerate(text):
        if char not in SPACES:
            continue
        before, after = text[:at], text[at + 1:]
        structural = not before.strip(" \t" + SPACES) or before.endswith((":", "-")) or after.startswith(":")
        if structural:
            yield _Candidate(Mark(line.number, at + 1), Message("syntax.lookalike_space", **character_args(char)),
                             _replace(line.number, at, 1, " "))
            return


def _no_space(line: _Line) -> Iterator[_Candidate]:
    found = _NO_SPACE.match(line.body)
    if found is None or _KEY.match(line.body):
        return
    at = line.body_at + found.end()
    value = line.body[found.end():].split(" #")[0].strip()
    yield _Candidate(Mark(line.number, at + 1), Message("syntax.space_after_colon", key=found[1], value=value),
                     _replace(line.number, at, 0, " "))


def _value(line: _Line) -> Iterator[_Candidate]:
    """What the value of a ``key: value`` line (or of a list item) opens and does not close, or
    holds that YAML cannot take unquoted."""
    key = _KEY.match(line.body)
    start = line.body_at + (key.end() if key else 0)
    rest = line.text[start:]
    value_at = start + len(rest) - len(rest.lstrip(" \t"))
    value = line.text[value_at:]
    if not value:
        return
    end = len(line.text.rstrip(" \t"))
    if value[0] in "\"'":
        close = _closing_quote(value, 0)
        if close is None:
            yield _Candidate(Mark(line.number, end + 1),
                             Message("syntax.unclosed_quote", quote=value[0], column=value_at + 1),
                             _replace(line.number, end, 0, value[0]))
            return
        after = value[close + 1:]
        extra = after.lstrip(" \t")
        if extra and not extra.startswith("#"):
            extra_at = value_at + close + 1 + len(after) - len(extra)
            yield _Candidate(Mark(line.number, extra_at + 1),
                             Message("syntax.text_after_quote", quote=value[0], text=extra.split(" #")[0].strip()),
                             _replace(line.number, value_at + close + 1, len(line.text) - value_at - close - 1, ""))
    elif value[0] in "[{":
        yield from _flow(line, value_at)
    elif key is not None:
        plain = re.split(r"[ \t]#", value, maxsplit=1)[0].rstrip()
        inner = re.search(r":(?=[ \t]|$)", plain)
        if inner is not None:
            quoted = json.dumps(plain, ensure_ascii=False)
            yield _Candidate(Mark(line.number, value_at + inner.start() + 1),
                             Message("syntax.colon_in_text", key=key[1], quoted=quoted),
                             _replace(line.number, value_at, len(plain), quoted))


def _flow(line: _Line, at: int) -> Iterator[_Candidate]:
    """A ``[...]`` or ``{...}`` on one line: a quote inside it left open, or a bracket."""
    text, i = line.text, at
    opened: list[str] = []
    while i < len(text):
        char = text[i]
        if char in "\"'" and (i == at or text[i - 1] in "[{, \t"):
            close = _closing_quote(text, i)
            if close is None:
                detail = Message("syntax.unclosed_quote", quote=char, column=i + 1)
                end = len(text.rstrip(" \t"))
                trailing = re.search(r"[\]}][\]}\s]*\Z", text[i + 1:end])
                if trailing is not None:  # ["Quyết định số 5]: the quote goes before the bracket
                    before = i + 1 + trailing.start()
                    yield _Candidate(Mark(line.number, before + 1), detail, _replace(line.number, before, 0, char))
                yield _Candidate(Mark(line.number, end + 1), detail,
                                 _replace(line.number, end, 0, char + "".join("]" if o == "[" else "}"
                                                                              for o in reversed(opened))))
                return
            i = close + 1
            continue
        if char in "[{":
            opened.append(char)
        elif char in "]}" and opened:
            opened.pop()
        elif char == "#" and text[i - 1] in " \t":
            break
        i += 1
    if opened:
        end = len(text[:i].rstrip(" \t"))
        closers = "".join("]" if o == "[" else "}" for o in reversed(opened))
        column = text.rfind(opened[-1], at, end) + 1
        yield _Candidate(Mark(line.number, end + 1),
                         Message("syntax.unclosed_bracket", open=opened[-1], close=closers[0], column=column),
                         _replace(line.number, end, 0, closers))


def _closing_quote(text: str, start: int) -> int | None:
    """Where the quote opened at ``start`` closes on this line (``''`` is an escaped ``'``,
    ``\\"`` an escaped ``"``), or None."""
    quote, i = text[start], start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _misaligned(line: _Line, above: _Line) -> Iterator[_Candidate]:
    """A line indented otherwise than the line above, where the line above opens nothing."""
    if line.indent in (above.indent, above.body_at):  # a sibling, or the next field of a list item
        return
    opens = re.split(r"[ \t]#", above.text, maxsplit=1)[0].rstrip().endswith((":", "-"))
    if line.indent > above.indent and opens:
        return
    yield _Candidate(Mark(line.number, line.indent + 1),
                     Message("syntax.misaligned", indent=line.indent, above=above.indent, line=above.number),
                     _reindent(line.number, line.indent, above.indent))


def _replace(number: int, at: int, length: int, new: str) -> Callable[[list[str]], list[str]]:
    def fix(lines: list[str]) -> list[str]:
        text = lines[number - 1]
        lines[number - 1] = text[:at] + new + text[at + length:]
        return lines
    return fix


def _reindent(number: int, old: int, new: int) -> Callable[[list[str]], list[str]]:
    def fix(lines: list[str]) -> list[str]:
        lines[number - 1] = " " * new + lines[number - 1][old:]
        return lines
    return fix


# --- libyaml's own words, explained -----------------------------------------------------------------
EXPLAINED = (
    ("mapping values are not allowed", "syntax.mapping_values"),
    ("could not find expected ':'", "syntax.missing_colon"),
    ("did not find expected key", "syntax.indentation"),
    ("did not find expected ',' or ']'", "syntax.list_end"),
    ("did not find expected ',' or '}'", "syntax.mapping_end"),
    ("did not find expected node content", "syntax.missing_value"),
    ("did not find expected '-' indicator", "syntax.list_indentation"),
    ("found unexpected end of stream", "syntax.unexpected_end"),
    ("found undefined alias", "syntax.undefined_alias"),
    ("found unknown escape character", "syntax.bad_escape"),
    ("did not find expected hexdecimal number", "syntax.bad_escape"),
    ("found invalid Unicode character escape code", "syntax.bad_escape"),
    ("found character that cannot start any token", "syntax.bad_start"),
    ("block sequence entries are not allowed", "syntax.list_not_allowed"),
    ("mapping keys are not allowed", "syntax.bad_start"),
    ("expected <block end>", "syntax.indentation"),
    ("did not find expected <document start>", "syntax.document_start"),
    ("found unexpected document indicator", "syntax.document_start"),
    ("did not find expected comment or line break", "syntax.after_value"),
    ("did not find expected whitespace or line break", "syntax.after_value"),
    ("did not find expected alphabetic or numeric character", "syntax.anchor"),
    ("second occurrence", "syntax.anchor"),
    ("tag", "syntax.tag"),
)
# The contexts whose mark is where the clerk must type (the quote or bracket left open).
_CONTEXT_FIRST = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping",
                  "while scanning an anchor", "while scanning an alias")


def _as_libyaml_says(error: yaml.MarkedYAMLError) -> Diagnosis:
    problem = error.problem or ""
    key = next((key for words, key in EXPLAINED if words in problem), None)
    detail = Message(key) if key else Message("syntax.libyaml", text=problem or str(error.context or ""))
    at = error.problem_mark
    if error.context in _CONTEXT_FIRST and error.context_mark is not None:
        at = error.context_mark
    return Diagnosis(Mark(at.line + 1, at.column + 1) if at is not None else Mark(1, 1), detail)
