"""Safe YAML with positions: bytes in, plain Python values and a map of marks out.

PyYAML's own loaders drop duplicate keys silently, construct arbitrary objects from tags,
expand aliases without bound and retype YAML 1.1 plain scalars (``NO`` → False, ``010`` → 8).
Here libyaml (PyYAML's C parser, where available) only *composes* the node graph; this module
then builds the values itself and refuses every one of those traps with a located Problem:

* files over 1 MiB, bytes that are not UTF-8 (a BOM is fine), NUL bytes (``files.decode``),
  empty documents;
* syntax errors (tab indentation gets its own code), more than one document;
* tags other than YAML's standard scalar/collection tags, merge keys (``<<``);
* alias expansion beyond ``ALIAS_BOUND`` nodes, nesting beyond ``MAX_DEPTH``;
* duplicate keys, keys that are not text;
* plain scalars YAML 1.1 would retype silently: ``yes``/``no``/``on``/``off`` and numbers
  with leading zeros, octal, hex, sexagesimal, ``.inf``/``.nan``.

Every string (keys included) is normalised to Unicode NFC. Nothing here reads a file.

Speed (docs/performance.md): the values are built in one pass over the composed nodes without recording
positions; a Document keeps the node graph and finds the line and column of a path only when a
problem asks for one. PyYAML's tag resolver, called by libyaml for every plain scalar, is given
a fast path that applies exactly its rules (see ``_Loader.resolve``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from papi_cli.files import MAX_BYTES, decode  # noqa: F401 - MAX_BYTES: part of what this module promises
from papi_cli.message import Message
from papi_cli.problems import Kept, Mark, Problem, character_args
from papi_cli.yamlsyntax import SPACES, diagnose

try:  # the libyaml C loader when available, else the pure-Python one
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader

ALIAS_BOUND = 1_000
# Numbers carry at most 15 significant digits: a double holds them exactly (so a percent such as
# 94.99999999999999999 cannot silently become 95.0), and no count or dossier total needs more.
MAX_DIGITS = 15
MAX_DEPTH = 50

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _SEQ, _MAP, _MERGE = _T + "timestamp", _T + "seq", _T + "map", _T + "merge"
_STANDARD = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}

_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_TIMESTAMPS = yaml.constructor.SafeConstructor()
_TRUE_FALSE = frozenset({"true", "false", "True", "False", "TRUE", "FALSE"})

Path = tuple[Any, ...]


class _Loader(_BaseLoader):  # type: ignore[misc]
    """PyYAML's safe loader with a faster tag resolver and the very same typing rules.

    PyYAML resolves a plain scalar by trying the regular expressions registered for its first
    character. Most scalars start with a character that has none (``Sở``, ``so-y-te``…): those
    are text without trying anything; the others (numbers, dates, ``yes``, short codes) are
    resolved by PyYAML itself once per distinct value and remembered.
    """

    _first = frozenset(_BaseLoader.yaml_implicit_resolvers)
    _fast = None not in _first  # None would be a rule for any first character
    _seen: ClassVar[dict[str, str]] = {}  # shared by every load: values resolve the same in any file

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0] and self._fast:
            if value[:1] not in self._first:
                return _STR
            tag = self._seen.get(value)
            if tag is None:
                tag = str(super().resolve(kind, value, implicit))
                if len(value) <= 40 and len(self._seen) < 50_000:
                    self._seen[value] = tag
            return tag
        return str(super().resolve(kind, value, implicit))


@dataclass
class Document:
    """A parsed YAML file: its values, and the composed nodes that say where each value stood.

    Finding where a key stands is linear in its mapping the first time that mapping is asked, and
    immediate after (``_index``): a file with 20,000 flagged keys is not 20,000 scans."""

    file: str
    data: Any
    text: str
    root: Node | None = None
    _indexes: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    comment_after_text: bool = True  # False: no plain text value has a comment after it (the builder looked)

    def mark(self, path: Path) -> Mark:
        """The mark of the value at ``path``, or of its nearest ancestor that has one."""
        trail = self._trail(tuple(path))
        return _mark(trail[-1].start_mark) if trail else Mark(1, 1)

    def key_mark(self, path: Path) -> Mark:
        """The mark of the key that holds ``path`` (falls back to the value's mark)."""
        path = tuple(path)
        if path:
            trail = self._trail(path[:-1])
            if len(trail) == len(path) and isinstance(trail[-1], MappingNode):
                pair = self._entry(trail[-1], path[-1])
                if pair is not None:
                    return _mark(pair[0].start_mark)
        return self.mark(path)

    def scalar(self, path: Path) -> ScalarNode | None:
        """The scalar node at ``path`` itself (None when the path leads elsewhere or not that far)."""
        path = tuple(path)
        trail = self._trail(path)
        node = trail[-1] if len(trail) == len(path) + 1 else None
        return node if isinstance(node, ScalarNode) else None

    def source(self, path: Path) -> str | None:
        """The scalar at ``path`` as it is written, before YAML typed it (``1.340``, not 1.34)."""
        node = self.scalar(path)
        return node.value if node is not None and not node.style else None

    def comment_after(self, path: Path) -> tuple[Mark, str] | None:
        """Where a comment starts on the line of the unquoted text at ``path``, with the whole of
        what the line holds from the text on: YAML ends a plain scalar at `` #``, so the clerk's
        ``(Tờ trình #45)`` would be cut short without a word."""
        if not self.comment_after_text:
            return None
        node = self.scalar(path)
        if node is None or node.style or node.end_mark is None or node.start_mark is None:
            return None
        end = node.end_mark.index
        line_end = _BREAK.search(self.text, end)
        rest = self.text[end: line_end.start() if line_end else len(self.text)]
        found = _COMMENT.match(rest)
        if found is None:
            return None
        mark = Mark(node.end_mark.line + 1, node.end_mark.column + found.end())
        return mark, self.text[node.start_mark.index: end + len(rest)].rstrip()

    def _trail(self, path: Path) -> list[Node]:
        """The nodes from the root along ``path``, as far as the path leads in the values built."""
        if self.root is None:
            return []
        trail = [self.root]
        for part in path:
            node = trail[-1]
            if isinstance(node, SequenceNode):
                if not (isinstance(part, int) and 0 <= part < len(node.value)):
                    break
                trail.append(node.value[part])
            elif isinstance(node, MappingNode):
                pair = self._entry(node, part)
                if pair is None:
                    break
                trail.append(pair[1])
            else:
                break
        return trail

    def within(self, path: Path, offset: int, *, key: bool = False) -> Mark:
        """The mark of the character ``offset`` into the text at ``path`` (of its key with ``key``),
        past an opening quote; the start of the value where the text spans lines."""
        start = self.key_mark(path) if key else self.mark(path)
        row = self.line(start.line)
        quoted = start.column <= len(row) and row[start.column - 1] in "'\""
        return Mark(start.line, start.column + offset + (1 if quoted else 0))

    def line(self, number: int) -> str:
        """The text of line ``number`` (1-based; "" past the end), found through an index of the
        lines' starts built once."""
        if self._starts is None:
            self._starts = [0] + [found.end() for found in _BREAK.finditer(self.text)]
        if not 0 < number <= len(self._starts):
            return ""
        start = self._starts[number - 1]
        end = self._starts[number] if number < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def _entry(self, node: MappingNode, key: Any) -> tuple[Node, Node] | None:
        index = self._indexes.get(id(node))
        if index is None:
            index = self._indexes[id(node)] = _index(node)
        return index.get(key) if isinstance(key, str) else None


def _index(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    """The (key, value) pairs of a mapping by the text of their keys, each key's first pair: the one kept."""
    index: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE:
            value = _scalar_value(key_node)[0]
            if isinstance(value, str):
                index.setdefault(value, (key_node, value_node))
    return index


_COMMENT = re.compile(r"[ \t]+#")
_LOOKALIKE = frozenset(SPACES)
_BREAK = re.compile(r"\r\n|\r|\n")  # what YAML counts lines by (U+2028 and the like are refused)


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _mark(m: yaml.Mark | None) -> Mark:
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (ASCII, the common case, as it is)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def load(file: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. Returns (None, problems) when nothing usable could be built."""
    text, problems = decode(file, raw)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem.at(file, Mark(1, 1), "empty-file")]
    hidden = hidden_characters(file, text)
    if hidden:
        return None, hidden
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(file, err, text)]
    except yaml.YAMLError as err:  # a reader error: control characters and the like
        return None, [Problem.at(file, _reader_mark(err), "yaml-syntax", detail=_reader_detail(err))]
    if node is None:
        return None, [Problem.at(file, Mark(1, 1), "empty-file")]
    builder = _Builder(file, text)
    try:
        data = builder.build(node, 0, False)
    except _Abort as abort:
        return None, [abort.problem]
    return Document(file, data, text, node, comment_after_text=builder.comment_after_text), builder.kept.done()


# Characters that have no place in an official report and can hide what a text says: C0 controls
# but tab and line breaks, DEL, C1 controls, the line and paragraph separators (YAML counts lines
# by them, so every position after one would be off) and the bidirectional overrides.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
SHOWN_HIDDEN = 10


def hidden_characters(file: str, text: str) -> list[Problem]:
    """The characters no file papi reads may hold (below), each where it stands; [] for none.
    For the other text files of a project (the report's narrative file)."""
    return _hidden_characters(file, text) if _HIDDEN.search(text) else []


def _hidden_characters(file: str, text: str) -> list[Problem]:
    """Each such character where it stands (the first ``SHOWN_HIDDEN``), named."""
    problems = []
    for found in _HIDDEN.finditer(text):
        at = found.start()
        line_start = text.rfind("\n", 0, at) + 1
        mark = Mark(text.count("\n", 0, at) + 1, at - line_start + 1)
        problems.append(Problem.at(file, mark, "hidden-character", **character_args(found.group())))
        if len(problems) == SHOWN_HIDDEN:
            break
    return problems


def _reader_detail(err: yaml.YAMLError) -> Message:
    character = getattr(err, "character", None)
    if isinstance(character, str) and len(character) == 1:
        return Message("syntax.control_character", char=f"U+{ord(character):04X}")
    return Message("syntax.libyaml", text=str(err).splitlines()[0])


def _reader_mark(err: yaml.YAMLError) -> Mark | None:
    position = getattr(err, "position", None)
    return Mark(1, position + 1) if isinstance(position, int) else None


def _indentation(text: str, line: int) -> str:
    lines = text.splitlines()
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[: len(row) - len(row.lstrip())]


def _syntax_problem(file: str, err: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = _mark(err.problem_mark or err.context_mark)
    detail = " ".join(filter(None, [err.context, err.problem]))
    # libyaml does not name the Tab ("cannot start any token"): look at the line's indentation.
    if "'\\t'" in detail or "\\t" in detail or "\t" in _indentation(text, mark.line):
        return Problem.at(file, mark, "tab-indent")
    if "expected a single document" in detail:
        return Problem.at(file, mark, "multiple-documents")
    found = diagnose(text, err)
    return Problem.at(file, found.mark, "yaml-syntax", detail=found.detail)


def _scalar_value(node: ScalarNode) -> tuple[Any, str | None]:
    """The value of a scalar with a standard tag, and the code of its problem if it has one.

    Plain words and numbers that YAML 1.1 would retype (``yes``, ``010``, ``.inf``) stay text and
    are flagged ``yaml-ambiguous``; an impossible date stays text, flagged ``bad-date``.
    """
    tag, value = node.tag, node.value
    if tag == _STR:
        return nfc(value), None
    if tag == _NULL:
        return None, None
    plain = not node.style  # None from the Python parser, "" from libyaml
    if tag == _BOOL:
        if plain and value not in _TRUE_FALSE:
            return nfc(value), "yaml-ambiguous"
        return value.lower() == "true", None
    if tag == _INT:
        if not _PLAIN_INT.match(value):
            return value, "yaml-ambiguous"
        return (int(value), None) if _significant_digits(value) <= MAX_DIGITS else (value, "number-too-long")
    if tag == _FLOAT:
        if not _PLAIN_FLOAT.match(value):
            return value, "yaml-ambiguous"
        return (float(value), None) if _significant_digits(value) <= MAX_DIGITS else (value, "number-too-long")
    if tag == _TIMESTAMP:
        try:
            return _TIMESTAMPS.construct_yaml_timestamp(node), None
        except ValueError:
            return value, "bad-date"
    return value, "yaml-tag"


def _significant_digits(number: str) -> int:
    """``0.0450`` → 3, ``-120`` → 3 (trailing zeros of the fraction do not count; of the whole part they do)."""
    mantissa = number.lstrip("+-").split("e")[0].split("E")[0]
    if "." in mantissa:
        whole, fraction = mantissa.split(".", 1)
        mantissa = whole + fraction.rstrip("0")
    return len(mantissa.lstrip("0"))


def shown_tag(tag: str) -> str:
    """A tag as the clerk typed it: ``!!python/object``, not ``tag:yaml.org,2002:python/object``."""
    return "!!" + tag[len(_T):] if tag.startswith(_T) else tag


class _Builder:
    """Builds values from composed nodes, collecting problems (their marks only when one occurs)."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.kept = Kept(file)
        self.problems = self.kept.problems
        self._seen: set[int] = set()
        self._expanded = 0
        # Only a text with a '*' can hold an alias: then scalars are tracked too, so that a long
        # string repeated through aliases counts toward the bound like a collection does.
        self._aliases = "*" in text
        # Only a text with a '!' can hold a tag: then every node is asked whether it has one.
        self._tags = "!" in text
        # Only a text with a '#' can have a comment after a plain text value; once one is found,
        # Document.comment_after looks for the others where they are asked about.
        self._looking = "#" in text
        self.comment_after_text = False

    def abort(self, node: Node, code: str, **args: Any) -> _Abort:
        return _Abort(Problem.at(self.file, _mark(node.start_mark), code, **args))

    def flag(self, node: Node, code: str, **args: Any) -> None:
        if self.kept.room():
            self.problems.append(Problem.at(self.file, _mark(node.start_mark), code, **args))

    def build(self, node: Node, depth: int, aliased: bool) -> Any:
        if depth > MAX_DEPTH:
            raise self.abort(node, "yaml-too-deep", limit=MAX_DEPTH)
        if node.__class__ is ScalarNode:
            if self._aliases:
                self._count_expansion(node, aliased or id(node) in self._seen)
            return self.scalar(node)
        # A collection reached a second time is an alias being expanded.
        aliased = aliased or id(node) in self._seen
        self._count_expansion(node, aliased)
        if node.tag not in _STANDARD:
            raise self.abort(node, "yaml-tag", tag=shown_tag(node.tag))
        if self._tags and self._tagged(node):
            self.flag(node, "yaml-tag", tag=shown_tag(node.tag))
        if node.__class__ is SequenceNode:
            return [self.build(item, depth + 1, aliased) for item in node.value]
        return self.mapping(node, depth, aliased)

    def _count_expansion(self, node: Node, aliased: bool) -> None:
        self._seen.add(id(node))
        if aliased:
            self._expanded += 1
            if self._expanded > ALIAS_BOUND:
                raise self.abort(node, "yaml-alias-bomb", limit=ALIAS_BOUND)

    def _tagged(self, node: Node) -> bool:
        """True when the node carries an explicit tag (``!!str 12``, ``&a !!int 3``): where a node
        starts, after its anchor if it has one, a tag starts with '!'."""
        text, at = self.text, node.start_mark.index if node.start_mark is not None else -1
        if 0 <= at < len(text) and text[at] == "&":
            while at < len(text) and not text[at].isspace():
                at += 1
            while at < len(text) and text[at].isspace():
                at += 1
        return 0 <= at < len(text) and text[at] == "!"

    def mapping(self, node: MappingNode, depth: int, aliased: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        shallow = depth < MAX_DEPTH and not self._tags  # its values may be built here without the checks
        index: dict[str, tuple[Node, Node]] | None = None  # the first pair of each key, once one repeats
        for key_node, value_node in node.value:
            if key_node.__class__ is ScalarNode and key_node.tag == _STR and not self._tags:  # the common case
                key = nfc(key_node.value)
            else:
                if key_node.tag == _MERGE:
                    raise self.abort(key_node, "yaml-merge-key")
                if key_node.__class__ is not ScalarNode:
                    self.flag(key_node, "key-not-text", key="…")
                    continue
                key = self.scalar(key_node)
                if not isinstance(key, str):
                    self.flag(key_node, "key-not-text", key=key_node.value)
                    continue
            if not key.isascii() and not _LOOKALIKE.isdisjoint(key):
                self.lookalike(key_node, key)
            if key in result:
                index = index if index is not None else _index(node)
                first = index.get(key)
                first_line = _mark(first[0].start_mark).line if first else 1
                self.flag(key_node, "duplicate-key", key=key, first_line=first_line)
            elif shallow and not self._aliases and value_node.__class__ is ScalarNode and value_node.tag == _STR:
                if self._looking and not value_node.style:
                    self._note_comment(value_node)
                result[key] = nfc(value_node.value)
            else:
                result[key] = self.build(value_node, depth + 1, aliased)
        return result

    def lookalike(self, node: Node, key: str) -> NoReturn:
        """A key holding a look-alike space: a no-break space pasted from Word before
        ``denominator:`` makes a top-level key of it, not a syntax error. Named where it stands,
        and the only problem reported: what the structure would say after it is a follow-on."""
        at = next(i for i, char in enumerate(key) if char in _LOOKALIKE)
        clean = "".join(char for char in key if char not in _LOOKALIKE).strip()
        start = _mark(node.start_mark)
        raise _Abort(Problem.at(self.file, Mark(start.line, start.column + at), "lookalike-space",
                                key=clean, **character_args(key[at])))

    def _note_comment(self, node: ScalarNode) -> None:
        """Whether a comment follows this plain text on its line (``Document.comment_after``
        finds where, for the few documents that have one)."""
        end = node.end_mark.index
        text = self.text
        if text[end:end + 1] in (" ", "\t") and _COMMENT.match(text, end):
            self.comment_after_text = True
            self._looking = False

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR and not self._tags:  # the common case, first
            if self._looking and not node.style:
                self._note_comment(node)
            return nfc(node.value)
        if node.tag not in _STANDARD:
            raise self.abort(node, "yaml-tag", tag=shown_tag(node.tag))
        if self._tags and self._tagged(node):  # even a standard tag: what it says is not what papi reads
            self.flag(node, "yaml-tag", tag=shown_tag(node.tag))
            return nfc(node.value)
        if node.tag == _STR:
            return nfc(node.value)
        value, code = _scalar_value(node)
        if code == "yaml-tag":  # a collection's tag on a scalar
            raise self.abort(node, code, tag=shown_tag(node.tag))
        if code is not None:
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "…"
            self.flag(node, code, value=shown)
        return value
