"""What the Word report and the reminder letters share: the page, the fonts, the header block, the
closing (recipients and signature), page numbers and the document's properties.

The layout is that of an administrative document under Decree 30/2020/NĐ-CP, Appendix I
(docs/rules.md, "The report's layout"): A4, margins 20 mm top and bottom, 30 mm left, 15 mm
right; Times New Roman, 13 pt in the body and 12–13 pt in the header block; page numbers centred
in the top margin from page 2 (a PAGE field in the header of every page but the first). Every
font is named in all four slots of ``w:rFonts`` (ascii, hAnsi, eastAsia, cs) and no slot points
at the template's theme (Calibri, Cambria), so Word and LibreOffice set Vietnamese in Times New
Roman, or in its metric twin (Liberation Serif, Tinos) where it is not installed.

python-docx is imported by the functions that need it (``new_document`` first), so importing
this module costs nothing. Texts from the plan and the submissions go into the document as
text runs: python-docx escapes them for XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.report.model import Header, Signer

FONT = "Times New Roman"
BODY_PT = 13.0
HEADER_PT = 12.0  # parent body, issuing body and national title (the motto, the number and the date at 13)
A4 = (210, 297)  # millimetres, portrait
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # millimetres
HEADER_COLUMNS = (64, 101)  # the header block's two columns in millimetres (the text width is 165)
INDENT_MM = 12.7  # a body paragraph's first line (Decree 30: 1–1.27 cm)
STATUS_COLOURS = {"met": "2E7D32", "on_track": "1565C0", "at_risk": "E65100", "missed": "C62828",
                  "no_data": "757575"}
# The charts' fills: the statuses' hues, each at its own lightness (grey 38, 93, 146, 190, 238), so that
# a black-and-white print still tells them apart (the text colours above all print as one dark grey);
# the figures on a fill are written in the ink that reads on it.
STATUS_FILLS = {"missed": "7F0000", "met": "2E7D32", "at_risk": "F57C00", "on_track": "90CAF9",
                "no_data": "EEEEEE"}
STATUS_INKS = {"missed": "FFFFFF", "met": "FFFFFF", "at_risk": "000000", "on_track": "000000",
               "no_data": "000000"}
# Estimates of the width of bold Times New Roman per character, in em, mixed case and capitals (spaces
# included): Decree 30 sets the rules' lengths against their lines of text (the motto's as long as the
# motto, the issuing body's and the summary line's 1/3 to 1/2 of theirs), and python-docx cannot measure.
BOLD_EM_PER_CHAR = 0.47
CAPS_EM_PER_CHAR = 0.6
SHORT_RULE = 0.42  # a short rule's share of its line (Decree 30: 1/3 to 1/2; the estimate errs by < 15 %)


def text_mm(text: str, size: float, *, caps: bool = False, room_mm: float | None = None) -> float:
    """An estimate of the printed width of ``text`` in bold at ``size`` points, in millimetres; no
    more than ``room_mm`` (the longest line of a text that wraps)."""
    width = len(text) * (CAPS_EM_PER_CHAR if caps else BOLD_EM_PER_CHAR) * size * 25.4 / 72
    return width if room_mm is None else min(width, room_mm)


# --- the document and its fonts ----------------------------------------------------------------------

def new_document(lang: Lang) -> Any:
    """An empty A4 portrait document whose every style sets Times New Roman, 13 pt, single spacing."""
    from docx import Document

    doc = Document()
    _default_fonts(doc, lang)
    for name in ("Heading 1", "Heading 2", "Heading 3"):  # the outline Word shows; black, Times, 13 pt bold
        style = doc.styles[name]
        style.font.size = _pt(BODY_PT)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = _rgb("000000")
        style.paragraph_format.space_before = _pt(6)
        style.paragraph_format.space_after = _pt(3)
        style.paragraph_format.keep_with_next = True
    page(doc.sections[0], landscape=False)
    return doc


def _default_fonts(doc: Any, lang: Lang) -> None:
    """Times New Roman in every slot of every ``w:rFonts`` of the styles, theme references removed;
    13 pt and the document's language in the defaults; no spacing after paragraphs by default."""
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.find(qn("w:sz")).set(qn("w:val"), str(int(BODY_PT * 2)))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(int(BODY_PT * 2)))
    language = rpr.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    language.set(qn("w:eastAsia"), "vi-VN" if lang == "vi" else "en-GB")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    for fonts in styles.iter(qn("w:rFonts")):
        _times(fonts)


def _times(fonts: Any) -> None:
    from docx.oxml.ns import qn

    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _pt(size: float) -> Any:
    from docx.shared import Pt

    return Pt(size)


def _mm(size: float) -> Any:
    from docx.shared import Mm

    return Mm(size)


def _rgb(hex_colour: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_colour)


def page(section: Any, *, landscape: bool) -> None:
    """A4 in the orientation, with Decree 30's margins; the header 10 mm from the top edge."""
    from docx.enum.section import WD_ORIENT

    short, long = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (_mm(long), _mm(short)) if landscape else (_mm(short), _mm(long))
    section.top_margin, section.bottom_margin = _mm(MARGINS["top"]), _mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = _mm(MARGINS["left"]), _mm(MARGINS["right"])
    section.header_distance = section.footer_distance = _mm(10)
    section.gutter = 0


def text_width(landscape: bool = False) -> float:
    """The width between the margins, in millimetres (165 portrait, 252 landscape)."""
    return (A4[1] if landscape else A4[0]) - MARGINS["left"] - MARGINS["right"]


# --- paragraphs and runs -----------------------------------------------------------------------------

def run(paragraph: Any, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False,
        colour: str | None = None, caps: bool = False) -> Any:
    """A run of ``text`` (line breaks kept) in Times New Roman, all four font slots set. The text
    is only text: characters XML cannot hold (C0 controls, lone surrogates) become U+FFFD."""
    from docx.oxml.ns import qn

    piece = paragraph.add_run(xml_safe(text.upper() if caps else text))
    font = piece.font
    font.name = FONT
    _times(piece._element.get_or_add_rPr().get_or_add_rFonts())
    if size is not None:
        font.size = _pt(size)
        rpr = piece._element.get_or_add_rPr()
        size_cs = rpr.find(qn("w:szCs"))
        if size_cs is None:
            size_cs = _element("w:szCs")
            rpr.append(size_cs)
        size_cs.set(qn("w:val"), str(round(size * 2)))
    if bold:
        font.bold = True
        font.cs_bold = True
    if italic:
        font.italic = True
        font.cs_italic = True
    if colour is not None:
        font.color.rgb = _rgb(colour)
    return piece


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD (lxml would refuse it)."""
    return _NOT_XML.sub("\ufffd", text)


def paragraph(container: Any, text: str = "", *, size: float | None = None, bold: bool = False,
              italic: bool = False, align: str = "left", indent: bool = False, before: float = 0,
              after: float = 0, keep: bool = False, caps: bool = False, colour: str | None = None,
              style: str | None = None) -> Any:
    """A paragraph of one run; ``align`` left, center, right or justify; ``indent`` the first line."""
    para = container.add_paragraph(style=style) if style else container.add_paragraph()
    _align(para, align)
    layout = para.paragraph_format
    layout.space_before, layout.space_after = _pt(before), _pt(after)
    if indent:
        layout.first_line_indent = _mm(INDENT_MM)
    if keep:
        layout.keep_with_next = True
    if text:
        run(para, text, size=size, bold=bold, italic=italic, caps=caps, colour=colour)
    return para


def first_paragraph(cell: Any) -> Any:
    """A table cell's own (empty) first paragraph, reused for its first line."""
    return cell.paragraphs[0]


def cell_text(cell: Any, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False,
              align: str = "left", colour: str | None = None) -> Any:
    """``text`` in a cell's first paragraph."""
    para = first_paragraph(cell)
    _align(para, align)
    if text:
        run(para, text, size=size, bold=bold, italic=italic, colour=colour)
    return para


def _align(para: Any, align: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                      "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]


def rule(container: Any, width_mm: float, space_mm: float, *, before: float = 0, after: float = 2) -> Any:
    """A short centred horizontal line ``width_mm`` long in a space ``space_mm`` wide: an empty
    paragraph, indented on both sides, with a top border (Decree 30's line under the issuing body,
    the motto and the summary line)."""
    para = paragraph(container, before=before, after=after)
    side = max((space_mm - width_mm) / 2, 0)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = _mm(side)
    _border(para, "top", size=6)
    para.paragraph_format.line_spacing = _pt(2)
    return para


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def _border(para: Any, edge: str, *, size: int, style: str = "single") -> None:
    from docx.oxml.ns import qn

    ppr = para._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = _element("w:pBdr")
        ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                                  "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                                  "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
                                  "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    borders.append(_element(f"w:{edge}", val=style, sz=str(size), space="1", color="000000"))


def dotted_top(para: Any) -> None:
    """A dotted line above a paragraph (between two indicators of one task)."""
    _border(para, "top", size=4, style="dotted")


# --- tables ------------------------------------------------------------------------------------------

# The elements that follow, in the schema's order (ECMA-376 Part 1, §17.4): Word may refuse a file whose
# table, row or cell properties are out of order, where LibreOffice is lenient.
_AFTER_TBLW = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
               "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TR_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")



def table(container: Any, widths_mm: Sequence[float], *, rows: int = 1, grid: bool = True,
          padding_mm: float = 1.2) -> Any:
    """A table of fixed column widths; ``grid``: thin black borders (else none at all)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if grid:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    _cell_margins(table, padding_mm)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = _mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = _mm(width)
    _table_width(table, sum(widths_mm))
    return table


def add_row(table: Any, widths_mm: Sequence[float]) -> Any:
    row = table.add_row()
    for cell, width in zip(row.cells, widths_mm, strict=True):
        cell.width = _mm(width)
    return row


def _table_width(table: Any, width_mm: float) -> None:
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    width = tblpr.find(qn("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        tblpr.insert_element_before(width, *_AFTER_TBLW)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(width_mm / 25.4 * 1440)))


def _no_borders(table: Any) -> None:
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="nil"))
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBLW[_AFTER_TBLW.index("w:shd"):])


def _cell_margins(table: Any, padding_mm: float) -> None:
    margins = _element("w:tblCellMar")
    twips = str(round(padding_mm / 25.4 * 1440))
    for edge in ("top", "left", "bottom", "right"):  # the schema's order
        margins.append(_element(f"w:{edge}", w="0" if edge in ("top", "bottom") else twips, type="dxa"))
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_TBLW[_AFTER_TBLW.index("w:tblLook"):])


def shade(cell: Any, fill: str) -> None:
    """A cell's background colour (``F2F2F2``)."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill), *_AFTER_SHD)


_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
              "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def cell_border(cell: Any, edge: str, *, size: int = 12, colour: str = "000000") -> None:
    """A line on one edge of a cell (``left``, ``right``, ``top``, ``bottom``), ``size`` in eighths
    of a point: the target line of a chart bar."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _element("w:tcBorders")
    borders.append(_element(f"w:{edge}", val="single", sz=str(size), space="0", color=colour))
    tcpr.insert_element_before(borders, "w:shd", *_AFTER_SHD)


def repeat_header(row: Any) -> None:
    """The row is repeated at the top of every page the table runs onto (``w:tblHeader``), and is
    never split."""
    from docx.oxml.ns import qn

    keep_row(row)
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:tblHeader")) is None:
        trpr.insert_element_before(_element("w:tblHeader"), *_AFTER_TR_HEADER)


def keep_row_with_next(row: Any) -> None:
    """Every paragraph of ``row`` kept with the next one: the row stays on the next row's page."""
    for cell in row.cells:
        for para in cell.paragraphs:
            para.paragraph_format.keep_with_next = True


def keep_row(row: Any) -> None:
    """The row is never split across two pages."""
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert_element_before(_element("w:cantSplit"), "w:trHeight", "w:tblHeader", *_AFTER_TR_HEADER)


def keep_table_together(table: Any) -> None:
    """Every row kept whole and with the next (a small table is never cut in two)."""
    for index, row in enumerate(table.rows):
        keep_row(row)
        if index < len(table.rows) - 1:
            keep_row_with_next(row)


def header_row(table: Any, labels: Iterable[str], *, size: float) -> None:
    """The first row: bold centred labels, repeated on every page."""
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        cell_text(cell, label, size=size, bold=True, align="center")
    repeat_header(row)


# --- the header block --------------------------------------------------------------------------------

def header_block(doc: Any, header: Header, lang: Lang, *, under_number: str | None = None) -> Any:
    """The two columns of Decree 30's header, without borders: on the left the parent body, the
    issuing body (upper case, bold) with a short rule under it, ``Số: …`` (and, for a letter, its
    ``V/v …`` line); on the right the national title, the motto with a rule as long as it, and the
    place-and-date line in italics."""
    left_mm, right_mm = HEADER_COLUMNS
    block = table(doc, HEADER_COLUMNS, grid=False, padding_mm=0)
    left, right = block.rows[0].cells
    cell_text(left, header.parent_body.upper(), size=HEADER_PT, align="center")
    issuing = paragraph(left, header.issuing_body.upper(), size=HEADER_PT, bold=True, align="center")
    issuing.paragraph_format.keep_with_next = True
    rule(left, SHORT_RULE * text_mm(header.issuing_body, HEADER_PT, caps=True, room_mm=left_mm), left_mm, before=1)
    paragraph(left, f"{say('report.number_prefix', lang)} {header.number}", size=BODY_PT, align="center", before=2)
    if under_number:
        paragraph(left, under_number, size=HEADER_PT, align="center", before=2)
    cell_text(right, header.republic.upper(), size=HEADER_PT, bold=True, align="center")
    paragraph(right, header.motto, size=BODY_PT, bold=True, align="center")
    rule(right, text_mm(header.motto, BODY_PT, room_mm=right_mm - 4), right_mm, before=1)
    paragraph(right, header.date_line, size=BODY_PT, italic=True, align="center", before=4)
    keep_row(block.rows[0])
    return block


# --- the closing: recipients and signature ---------------------------------------------------------

def closing(doc: Any, recipients: Sequence[str], signer: Signer, lang: Lang) -> Any:
    """"Nơi nhận" (bold italic, 12 pt) with its list (11 pt) on the left; the signature on the
    right: the authority line, the title, room to sign, the name. One row, never split."""
    width = text_width()
    block = table(doc, (width * 0.5, width * 0.5), grid=False, padding_mm=0)
    left, right = block.rows[0].cells
    label = cell_text(left, say("report.recipients", lang), size=12, bold=True, italic=True)
    label.paragraph_format.space_before = _pt(6)
    for index, recipient in enumerate(recipients):
        mark = "." if index == len(recipients) - 1 else ";"
        paragraph(left, f"- {recipient}{mark}", size=11)
    first = True
    for line in (signer.on_behalf, signer.title):
        if not line:
            continue
        para = cell_text(right, line.upper(), size=BODY_PT, bold=True, align="center") if first else \
            paragraph(right, line.upper(), size=BODY_PT, bold=True, align="center")
        if first:
            para.paragraph_format.space_before = _pt(6)
        first = False
    space = paragraph(right, "", align="center")
    space.paragraph_format.space_before = _mm(24)
    paragraph(right, signer.name, size=BODY_PT, bold=True, align="center")
    keep_row(block.rows[0])
    return block


def keep_last_paragraph_with_next(doc: Any) -> None:
    """The body's last block, when a paragraph, stays on the page of what is added next."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    blocks = [child for child in doc.element.body.iterchildren() if child.tag in (qn("w:p"), qn("w:tbl"))]
    if blocks and blocks[-1].tag == qn("w:p"):
        Paragraph(blocks[-1], doc).paragraph_format.keep_with_next = True


def keep_with_closing(doc: Any, count: int = 2) -> None:
    """The body's last ``count`` paragraphs, or the last ``count`` rows of a table that ends it,
    stay on the page of what follows, the closing (Decree 30: the signature page carries some of
    the text, never the signature alone)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = doc.element.body
    blocks = [child for child in body.iterchildren() if child.tag in (qn("w:p"), qn("w:tbl"))]
    if not blocks:
        return
    last = blocks[-1]
    if last.tag == qn("w:tbl"):
        table = Table(last, doc)
        for row in table.rows[-count:]:
            keep_row(row)
            keep_row_with_next(row)
        before = blocks[-2] if len(blocks) > 1 else None
        if before is not None and before.tag == qn("w:p"):  # the sentence introducing the table
            Paragraph(before, doc).paragraph_format.keep_with_next = True
        return
    for element in blocks[-count:]:
        if element.tag == qn("w:p"):
            Paragraph(element, doc).paragraph_format.keep_with_next = True


# --- page numbers, footer, properties ---------------------------------------------------------------

def page_numbers(section: Any) -> None:
    """A PAGE field centred in the header of every page but the first (``w:titlePg``, with an
    empty first-page header)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(para, "PAGE", "2", size=BODY_PT)


def field(para: Any, instruction: str, shown: str, *, size: float) -> None:
    """A complex field (``w:fldChar`` begin, ``w:instrText``, separate, its last value, end)."""
    from docx.oxml.ns import qn

    def piece(*children: Any) -> None:
        r = run(para, "", size=size)
        for child in children:
            r._element.append(child)

    piece(_element("w:fldChar", fldCharType="begin"))
    instr = _element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    piece(instr)
    piece(_element("w:fldChar", fldCharType="separate"))
    run(para, shown, size=size)
    piece(_element("w:fldChar", fldCharType="end"))


def footer_line(section: Any, text: str) -> None:
    """A small centred line at the foot of every page of the section (the first page's too)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(para, text, size=8)


def properties(doc: Any, *, title: str, subject: str, author: str, version: str, identifier: str,
               keywords: str, comments: str, lang: Lang, when: dt.date) -> None:
    """The document's core properties (File › Properties): the data version is kept here. Each is
    cut to the 255 characters the format allows (a plan's long name never stops the report)."""
    core = doc.core_properties
    moment = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
    title, subject, author, version, identifier, keywords, comments = (
        _property(text) for text in (title, subject, author, version, identifier, keywords, comments))
    core.title, core.subject, core.author, core.last_modified_by = title, subject, author, author
    core.version, core.identifier, core.keywords, core.comments = version, identifier, keywords, comments
    core.language = "vi-VN" if lang == "vi" else "en-GB"
    core.category, core.content_status = "", ""
    core.created = core.modified = moment.replace(tzinfo=None)
    # lastPrinted is left unset (python-docx refuses None)
    core.revision = 1


PROPERTY_CHARS = 255  # the longest text python-docx (and Word's File › Properties) takes


def _property(text: str) -> str:
    """``text`` fit for a core property: XML-safe, on one line, at most 255 characters (cut with "…")."""
    text = " ".join(xml_safe(text).split())
    return text if len(text) <= PROPERTY_CHARS else text[:PROPERTY_CHARS - 1].rstrip() + "…"


def section_break_paragraph(doc: Any) -> None:
    """The paragraph python-docx adds to hold a section break: made 1 pt high so that it never
    pushes the signature onto a page of its own."""
    para = doc.paragraphs[-1]
    para.paragraph_format.space_before = para.paragraph_format.space_after = _pt(0)
    para.paragraph_format.line_spacing = _pt(1)


def to_bytes(doc: Any, when: dt.date) -> bytes:
    """The ``.docx`` file: the same bytes for the same document (every zip entry dated ``when``)."""
    raw = io.BytesIO()
    doc.save(raw)
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(fixed, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return fixed.getvalue()
