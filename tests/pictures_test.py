"""The pictures the README and the guides show: each one committed, small, and a real PNG."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LIMIT = 150 * 1024


def _pictures() -> list[tuple[Path, str]]:
    found = []
    for document in DOCUMENTS:
        for target in re.findall(r"!\[[^\]]*\]\(([^)\s]+\.png)\)", document.read_text(encoding="utf-8")):
            found.append((document, target))
    return found


def test_the_readme_shows_a_page_of_each_document():
    shown = {Path(target).name for _, target in _pictures()}
    for picture in ("bao-cao-papi-2020-Q2-docx-p1.png", "bao-cao-papi-2020-Q2-docx-annex.png",
                    "bao-cao-papi-2020-Q2-html-p1.png", "bao-cao-papi-2020-Q2-xlsx-p2.png",
                    "don-doc-so-gtvt-2020-Q2-docx-p1.png", "bieu-mau-excel.png"):
        assert picture in shown


@pytest.mark.parametrize(("document", "target"), _pictures(), ids=lambda v: str(v).rsplit("/", 1)[-1])
def test_every_picture_is_committed_and_small(document: Path, target: str):
    path = (document.parent / target).resolve()
    assert path.is_file(), f"{document.name} shows {target}, which is missing: run tools/pictures.py"
    assert path.stat().st_size <= LIMIT
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
