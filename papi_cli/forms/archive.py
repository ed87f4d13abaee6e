"""An ``.xlsx`` is a zip of XML parts: checked here, before any XML parser sees it.

The limits are those of a YAML submission and then some: the file is read under the same
1 MiB cap (``files.read_bytes``); the zip may hold at most ``MAX_PARTS`` parts of at most
``MAX_UNPACKED`` bytes together, none inflating more than ``MAX_RATIO`` times (a zip bomb);
no part may be a macro project or ActiveX control (nothing in a form is ever run), a link to
another workbook or a data connection (nothing is fetched); and no XML part (by its name or by
its first bytes: openpyxl finds parts by their relationships, not their names) may declare a
DTD or an entity (openpyxl's parser would expand them: the "billion laughs"), nor be in an
encoding other than UTF-8 (a byte-order mark, NULs, or its declaration), in which such a
declaration could hide. A zip's stated sizes bound
what Python's zipfile inflates, so the checks need not trust more than they read.
"""

from __future__ import annotations

import io
import re
import zipfile

from papi_cli.problems import Problem

MAX_PARTS = 1000
MAX_UNPACKED = 8 * 1024 * 1024  # 40 times a form of 100 indicators; openpyxl parses 8 MiB in about a second
MAX_RATIO = 200  # a sheet's XML inflates 10 to 30 times; a bomb thousands of times
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may inflate as they like
_MACROS = re.compile(r"(^|/)(vbaProject\.bin|vbaProjectSignature\.bin|activeX/)", re.IGNORECASE)
_LINKS = re.compile(r"^xl/(externalLinks/|connections\.xml$|queryTables/)", re.IGNORECASE)
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_MACRO_TYPES = re.compile(rb"macroEnabled|vbaProject", re.IGNORECASE)
_XML = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_DECLARED = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")
_UTF8 = frozenset((b"utf-8", b"utf8"))


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an .xls, or an .xlsx encrypted by Excel
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def check(label: str, raw: bytes) -> list[Problem]:
    """The problems that stop ``raw`` (the bytes of ``label``) from being opened as a form."""
    if raw.startswith(_OLE) and _ENCRYPTED in raw:  # Excel's "Encrypt with Password" is no zip
        return [Problem.at(label, None, "form-encrypted")]
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        return [Problem.at(label, None, "form-not-xlsx")]
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _check(label, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError,
            EOFError):
        return [Problem.at(label, None, "form-not-xlsx")]


def _check(label: str, archive: zipfile.ZipFile) -> list[Problem]:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return [Problem.at(label, None, "form-too-many-parts", count=len(parts), limit=MAX_PARTS)]
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        return [Problem.at(label, None, "form-zip-bomb", size=unpacked, limit=MAX_UNPACKED)]
    for part in parts:
        if part.flag_bits & 0x1:
            return [Problem.at(label, None, "form-encrypted")]
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            return [Problem.at(label, None, "form-zip-bomb", size=unpacked, limit=MAX_UNPACKED)]
    names = [part.filename for part in parts]
    if "[Content_Types].xml" not in names or not any(n.lower().startswith("xl/workbook") for n in names):
        return [Problem.at(label, None, "form-not-xlsx")]
    problems = []
    macro = next((n for n in names if _MACROS.search(n)), None)
    if macro is not None:
        problems.append(Problem.at(label, None, "form-macros", part=macro))
    link = next((n for n in names if _LINKS.search(n)), None)
    if link is not None:
        problems.append(Problem.at(label, None, "form-external-links", part=link))
    for part in parts:
        data = archive.read(part)
        if not (_XML.search(part.filename) or _looks_xml(data)):
            continue  # an image, a printer's settings: no XML parser reads it
        if part.filename == "[Content_Types].xml" and _MACRO_TYPES.search(data) and macro is None:
            problems.append(Problem.at(label, None, "form-macros", part=part.filename))
        declared = _DECLARED.match(data)
        if (data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f\xa7\x94")) or b"\x00" in data[:200]
                or (declared is not None and declared[1].strip().lower() not in _UTF8)):
            problems.append(Problem.at(label, None, "form-xml-encoding", part=part.filename))
        elif _DECLARATION.search(data):
            problems.append(Problem.at(label, None, "form-dtd", part=part.filename))
    return problems


def _looks_xml(data: bytes) -> bool:
    """Whether an XML parser would take ``data`` for a document, whatever the part's name
    (openpyxl finds a sheet by its relationship: ``sheet1.dat`` is parsed all the same): a
    byte-order mark, the EBCDIC ``<?xm``, or a ``<`` first, after spaces and the NULs of UTF-16
    and UTF-32."""
    return (data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x4c\x6f\xa7\x94"))
            or data[:64].lstrip(b" \t\r\n\x00").startswith(b"<"))
