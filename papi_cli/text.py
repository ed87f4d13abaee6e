"""Bytes to text, as papi decodes every file it reads: the size bound, NUL bytes, UTF-8.

A UTF-8 byte-order mark is accepted and dropped. Each refusal is a located Problem. Kept apart
from ``yamlsafe`` so that reading a file does not import the YAML parser (a cached run never
parses; issue 6).
"""

from __future__ import annotations

from papi_cli.problems import Mark, Problem

MAX_BYTES = 1024 * 1024


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
