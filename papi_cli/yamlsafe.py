"""Safe YAML with positions: bytes in, plain Python values and a map of marks out.

PyYAML's own loaders drop duplicate keys silently, construct arbitrary objects from tags,
expand aliases without bound and retype YAML 1.1 plain scalars (``NO`` → False, ``010`` → 8).
Here libyaml (PyYAML's C parser, where available) only *composes* the node graph; this module
then builds the values itself and refuses every one of those traps with a located Problem:

* files over 1 MiB, bytes that are not UTF-8 (a BOM is fine), NUL bytes, empty documents;
* syntax errors (tab indentation gets its own code), more than one document;
* tags other than YAML's standard scalar/collection tags, merge keys (``<<``);
* alias expansion beyond ``ALIAS_BOUND`` nodes, nesting beyond ``MAX_DEPTH``;
* duplicate keys, keys that are not text;
* plain scalars YAML 1.1 would retype silently: ``yes``/``no``/``on``/``off`` and numbers
  with leading zeros, octal, hex, sexagesimal, ``.inf``/``.nan``.

Every string (keys included) is normalised to Unicode NFC. Nothing here reads a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from papi_cli.problems import Mark, Problem

try:  # the libyaml C loader when available, else the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
ALIAS_BOUND = 1_000
MAX_DEPTH = 50

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _SEQ, _MAP, _MERGE = _T + "timestamp", _T + "seq", _T + "map", _T + "merge"
_STANDARD = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}

_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_TIMESTAMPS = yaml.constructor.SafeConstructor()

Path = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML file: its values, and where each value and key stood in the source."""

    file: str
    data: Any
    text: str
    marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)

    def mark(self, path: Path) -> Mark:
        """The mark of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1))

    def key_mark(self, path: Path) -> Mark:
        """The mark of the key that holds ``path`` (falls back to the value's mark)."""
        return self.key_marks.get(tuple(path)) or self.mark(path)

    def line(self, number: int) -> str:
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _mark(m: yaml.Mark | None) -> Mark:
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


def decode(file: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: the size bound, NUL bytes, UTF-8 (BOM stripped)."""
    if len(raw) > MAX_BYTES:
        return None, [Problem.at(file, None, "file-too-large", size=len(raw), limit=MAX_BYTES)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [Problem.at(file, _byte_mark(raw, nul), "binary-file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem.at(file, _byte_mark(raw, err.start), "not-utf8", byte=f"0x{raw[err.start]:02X}")]
    return text, []


def _byte_mark(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Mark(raw.count(b"\n", 0, offset) + 1, column)


def load(file: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. Returns (None, problems) when nothing usable could be built."""
    text, problems = decode(file, raw)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem.at(file, Mark(1, 1), "empty-file")]
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(file, err, text)]
    except yaml.YAMLError as err:  # a reader error: control characters and the like
        return None, [Problem.at(file, _reader_mark(err), "yaml-syntax", detail=str(err).splitlines()[0])]
    if node is None:
        return None, [Problem.at(file, Mark(1, 1), "empty-file")]
    builder = _Builder(file)
    try:
        data = builder.build(node, (), 0, False)
    except _Abort as abort:
        return None, [abort.problem]
    doc = Document(file, data, text, builder.marks, builder.key_marks)
    return doc, builder.problems


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
    return Problem.at(file, mark, "yaml-syntax", detail=detail)


class _Builder:
    """Builds values from composed nodes, recording marks and collecting problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, Mark] = {}
        self.key_marks: dict[Path, Mark] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._expanded = 0

    def build(self, node: yaml.Node, path: Path, depth: int, aliased: bool) -> Any:
        mark = _mark(node.start_mark)
        self.marks[path] = mark
        if depth > MAX_DEPTH:
            raise _Abort(Problem.at(self.file, mark, "yaml-too-deep", limit=MAX_DEPTH))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, mark)
        # A collection reached a second time is an alias being expanded.
        if id(node) in self._seen:
            aliased = True
        self._seen.add(id(node))
        if aliased:
            self._expanded += 1
            if self._expanded > ALIAS_BOUND:
                raise _Abort(Problem.at(self.file, mark, "yaml-alias-bomb", limit=ALIAS_BOUND))
        if node.tag not in _STANDARD:
            raise _Abort(Problem.at(self.file, mark, "yaml-tag", tag=node.tag))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1, aliased) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth, aliased)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int, aliased: bool) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node.start_mark)
            if key_node.tag == _MERGE:
                raise _Abort(Problem.at(self.file, key_mark, "yaml-merge-key"))
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem.at(self.file, key_mark, "key-not-text", key="…"))
                continue
            key = self._scalar(key_node, key_mark)
            if not isinstance(key, str):
                self.problems.append(Problem.at(self.file, key_mark, "key-not-text", key=key_node.value))
                continue
            if key in first_seen:
                self.problems.append(
                    Problem.at(self.file, key_mark, "duplicate-key", key=key, first_line=first_seen[key].line)
                )
                continue
            first_seen[key] = key_mark
            self.key_marks[path + (key,)] = key_mark
            result[key] = self.build(value_node, path + (key,), depth + 1, aliased)
        return result

    def _scalar(self, node: yaml.ScalarNode, mark: Mark) -> Any:
        tag, value = node.tag, node.value
        if tag not in _STANDARD:
            raise _Abort(Problem.at(self.file, mark, "yaml-tag", tag=tag))
        if tag == _STR:
            return unicodedata.normalize("NFC", value)
        if tag == _NULL:
            return None
        plain = not node.style  # None from the Python parser, "" from libyaml
        if tag == _BOOL:
            if plain and value not in ("true", "false", "True", "False", "TRUE", "FALSE"):
                self.problems.append(Problem.at(self.file, mark, "yaml-ambiguous", value=value))
                return unicodedata.normalize("NFC", value)
            return value.lower() == "true"
        if tag == _INT:
            if not _PLAIN_INT.match(value):
                self.problems.append(Problem.at(self.file, mark, "yaml-ambiguous", value=value))
                return value
            return int(value)
        if tag == _FLOAT:
            if not _PLAIN_FLOAT.match(value):
                self.problems.append(Problem.at(self.file, mark, "yaml-ambiguous", value=value))
                return value
            return float(value)
        if tag == _TIMESTAMP:
            try:
                return _TIMESTAMPS.construct_yaml_timestamp(node)
            except ValueError:
                self.problems.append(Problem.at(self.file, mark, "bad-date", value=value))
                return value
        raise _Abort(Problem.at(self.file, mark, "yaml-tag", tag=tag))  # seq/map tag on a scalar
