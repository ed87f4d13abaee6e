"""How papi compares the names people type with the names it knows.

A clerk writes ``Ea T'ling``, ``xã Đắk Wil`` or ``Sở Y tế`` where papi has a slug or a code, and
``hoàn thành`` where it has ``done``. These functions give each such name a key that ignores
what a person does not mean to distinguish (case, diacritics, punctuation, the word "xã"), so
that what they wrote is understood when it names one thing, and the closest things are offered
when it names none. Pure: text in, text out.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from papi_cli.message import Message

# The words that say what kind of unit a name is ("Thị trấn Ea T'Ling"): not part of the name.
UNIT_TYPE_WORDS = ("thanh pho", "thi tran", "thi xa", "phuong", "huyen", "xa", "tinh")

# What clerks write for a result's status, folded: each means one of the three codes.
STATUS_WORDS = {
    "chua bat dau": "not_started", "chua thuc hien": "not_started", "chua trien khai": "not_started",
    "not started": "not_started", "notstarted": "not_started",
    "dang thuc hien": "in_progress", "dang trien khai": "in_progress", "dang lam": "in_progress",
    "in progress": "in_progress", "inprogress": "in_progress", "ongoing": "in_progress",
    "hoan thanh": "done", "da hoan thanh": "done", "xong": "done", "da xong": "done",
    "da thuc hien": "done", "completed": "done", "complete": "done", "finished": "done",
}


def fold(name: str) -> str:
    """A name compared without diacritics, case or punctuation: ``Đắk Nông`` → ``dak nong``."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def unit_key(name: str) -> str:
    """A unit's name without its type word, diacritics, case, spaces or apostrophes:
    ``Thị trấn Ea T'ling``, ``Ea T'Ling`` and ``ea-tling`` are all ``eatling``."""
    words = fold(name)
    for word in UNIT_TYPE_WORDS:
        if words.startswith(word + " "):
            words = words[len(word) + 1:]
            break
    return words.replace(" ", "")


def without_type_word(name: str) -> str:
    """``Thị trấn Ea T'Ling`` → ``Ea T'Ling``: the name as written, its type word dropped."""
    folded_words = fold(name).split()
    for word in UNIT_TYPE_WORDS:
        count = len(word.split())
        if folded_words[:count] == word.split() and len(name.split()) > count:
            return " ".join(name.split()[count:])
    return name


def status_meant(value: str) -> str | None:
    """The status code a clerk's words mean (``hoàn thành`` → ``done``), if they mean one."""
    folded = fold(value)
    return STATUS_WORDS.get(folded) or STATUS_WORDS.get(folded.replace(" ", ""))


def closest(value: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates closest to ``value``, compared folded (``so-yte`` finds ``so-y-te``)."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    found = difflib.get_close_matches(fold(value), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[key] for key in found]


def closest_agencies(names: Mapping[str, tuple[str, str]], value: str) -> Message | str:
    """Of ``names`` (code → its name in Vietnamese and in English), the agencies whose code or
    name is closest to ``value``, as the end of a sentence ("; the closest are: so-y-te (Sở Y
    tế)"), or "" when none is close."""
    by_text = {text: code for code, both in names.items() for text in (code, *both)}
    codes = list(dict.fromkeys(by_text[text] for text in closest(value, by_text, n=5)))[:3]
    if not codes:
        return ""
    return Message("closest", names=tuple(Message("closest.agency", code=code, name=names[code][0],
                                                  name_en=names[code][1]) for code in codes))


def running_name(name: str, kind: str) -> str:
    """A unit's name as in running text, its type word (``kind``: xa, thanh_pho…) in lower case:
    ``Thành phố Gia Nghĩa`` → ``thành phố Gia Nghĩa``, ``Xã Đắk Nia`` → ``xã Đắk Nia`` (Decree
    30/2020, Appendix II). A name that does not start with its type word is left as it is."""
    size = kind.count("_") + 1
    words = name.split(" ")
    if kind and len(words) > size and fold(" ".join(words[:size])) == kind.replace("_", " "):
        return " ".join([*(word.lower() for word in words[:size]), *words[size:]])
    return name
