"""A cell's value as the YAML value it stands for, whichever program saved the workbook.

Excel and LibreOffice Calc give the same figure in several shapes: a number typed into a text
cell (``"14"``), a whole number stored as a float (``14.0``), a percent cell holding a
fraction (0.965 shown as ``96,5 %``), a date as a date, a serial number or a text
(``18/06/2020``). Each function returns the value papi's checks expect, or the cell's own value
unchanged when it is no such thing, so that the YAML checks say what is wrong with it (at the
cell, ``located``). Pure: no openpyxl.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from fractions import Fraction
from typing import Any

_WHOLE_TEXT = re.compile(r"[+]?\d+\Z")
_DECIMAL_TEXT = re.compile(r"[+-]?\d+([.,]\d+)?\Z")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
SERIAL_EPOCH = dt.date(1899, 12, 30)  # day 0 of the 1900 date system (with Lotus's 1900-02-29)
SERIALS = range(1, 2958466)  # 1900-01-01 … 9999-12-31
MARKS = frozenset(("x", "✓", "✔", "1"))
UNMARKS = frozenset(("", "0"))


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value))


def text(value: Any) -> Any:
    """A text field (note, a document's number): text as typed, trimmed; a number as it shows."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def whole(value: Any) -> Any:
    """A whole number: ``14``, ``14.0``, ``"14"``, ``" 14 "``; anything else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        stripped = _SPACES.sub("", value)
        if _WHOLE_TEXT.match(stripped):
            return int(stripped)
        return value.strip()
    return value


def percent(value: Any, number_format: str) -> Any:
    """A percent from 0 to 100: a cell formatted as percent holds a fraction (0.965 → 96.5);
    text ``96,5`` or ``96,5 %`` is read as written; a whole float becomes an int."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return value  # 1E400 in the XML: the YAML checks say it is no percent
    if isinstance(value, (int, float)):
        if "%" in number_format:
            value = float(round(Fraction(value) * 100, 9))
        return int(value) if float(value).is_integer() else value
    if isinstance(value, str):
        stripped = _SPACES.sub("", value).rstrip("%")
        if _DECIMAL_TEXT.match(stripped):
            number = float(stripped.replace(",", "."))
            return int(number) if number.is_integer() else number
        return value.strip()
    return value


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\Z")
_YEAR_FIRST = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\Z")


def date(value: Any) -> dt.date | Any:
    """A day: a date or date-time cell (its day: the form's date cells show only the day), a
    serial number (with a time, its day too), or text ``18/06/2020`` (day first, as Vietnamese
    writes it) or ``2020-06-18``; anything else unchanged."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and int(value) in SERIALS:  # a fraction of a day is its time
            return SERIAL_EPOCH + dt.timedelta(days=int(value))
        return value
    if isinstance(value, str):
        stripped = _SPACES.sub("", value)
        for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
            found = pattern.match(stripped)
            if found:
                try:
                    return dt.date(*(int(found[i]) for i in order))
                except ValueError:
                    return value.strip()
        return value.strip()
    return value


def status(value: Any, labels: dict[str, str]) -> Any:
    """A status code from its label (with or without its diacritics, or without the ``đã`` of
    ``đã hoàn thành``) or the code itself; else unchanged."""
    if not isinstance(value, str):
        return value
    folded = _folded(value)
    for code, label in labels.items():
        label = _folded(label)
        if folded in (code, label, code.replace("_", " ")) or (label.startswith("da ") and folded == label[3:]):
            return code
    return value.strip()


def _folded(text: str) -> str:
    """``text`` as a clerk may type it on a keyboard without Vietnamese input: spaces collapsed,
    no case, no diacritics (``Đã hoàn thành`` → ``da hoan thanh``)."""
    text = " ".join(text.split()).casefold().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def evidence(value: Any) -> Any:
    """One document a line: a list of texts (empty lines dropped)."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    shown = text(value)
    return [shown] if isinstance(shown, str) else shown


def mark(value: Any) -> bool | None:
    """Whether a cell of the units sheet marks its unit: True, False, or None for a value that
    is neither (the reader says so at the cell)."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, (int, float)):
        return True if value == 1 else False if value == 0 else None
    folded = " ".join(str(value).split()).casefold()
    if folded in MARKS:
        return True
    if folded in UNMARKS:
        return False
    return None
