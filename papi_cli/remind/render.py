"""A reminder letter's file: Markdown or HTML from the Jinja2 templates ``letter.md.j2`` and
``letter.html.j2`` (looked up, confined and sandboxed as the report's are:
``papi_cli/report/templates.py``), or Word through ``render/docx_common.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli.problems import Problem

if TYPE_CHECKING:
    from papi_cli.remind.view import LetterView

NAMES = {"md": "letter.md.j2", "html": "letter.html.j2"}


def texts(views: Sequence[LetterView], fmt: str, places: list[tuple[Path, Path]],
          label: Callable[[Path], str]) -> tuple[list[str] | None, list[Problem]]:
    """The letters in ``fmt`` (md or html), the template read once; or None with its problem."""
    from papi_cli.report import templates

    return templates.render_each(views, fmt, places, label, NAMES[fmt])


def docx(view: LetterView, *, version: str, identifier: str) -> bytes:
    """The letter as a .docx: one A4 page in Decree 30's layout (header block with the subject
    under the number, "Kính gửi", the body, "Nơi nhận" and the signature)."""
    from papi_cli.render import docx_common as d

    doc = d.new_document(view.lang)
    section = doc.sections[0]
    d.page_numbers(section)
    d.header_block(doc, view.header, view.lang, under_number=view.subject)
    to = d.paragraph(doc, view.to, size=14, align="center", before=12, after=6)
    to.paragraph_format.keep_with_next = True
    for text_ in view.paragraphs:
        para = d.paragraph(doc, text_, size=14, align="justify", indent=True, after=6)
        para.paragraph_format.line_spacing = 1.15
    d.keep_with_closing(doc, 2)
    d.closing(doc, view.recipients, view.signer, view.lang)
    d.properties(doc, title=view.title, subject=view.subject, author=view.header.issuing_body, version=version,
                 identifier=identifier, keywords=view.period, comments=view.to, lang=view.lang, when=view.issued_on)
    return d.to_bytes(doc, view.issued_on)
