"""The Word report as people open it: LibreOffice converts each document to PDF once (module
fixture), and poppler reads the PDF; python-docx reads the file back for what a PDF cannot show
(the PAGE field, the repeated header row, the properties).

Three documents: the fixture's 2020-Q2 report with the officer's sections written (bold and
italic runs, lists, a ``<script>`` literal that must stay text) and two quarters of trends; the
annual 2020 report of the sample data (the longest, without a narrative: placeholders); and the
2020-Q2 report in English. Trends are taken from the view when it has them; otherwise two
quarters are made up from its own figures, so the charts are drawn either way.

Needs LibreOffice and poppler (tests/office.py): skipped outside CI when missing, failed in CI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from papi_cli.cli import main
from papi_cli.words import say
from tests.conftest import REPO, report_project
from tests.office import convert, pdf_fonts, pdf_page_texts, pdf_pages, pdf_text, require_office
from tests.report_browser_test import check_rules, pdf_words

MM = 72 / 25.4
A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # millimetres (papi_cli/render/docx_common.py)
SCRIPT = "<script>alert('x')</script> **không đậm** [liên kết](http://example.invalid)"


def _narrative(view):
    """The view with the assessment and the proposals written (next tasks left unwritten)."""
    from papi_cli.report.model import Block, Run

    n = view.narrative
    assessment = dataclasses.replace(n.assessment, written=True, placeholder="", blocks=(
        Block("paragraph", ((Run("Nhìn chung các cơ quan "), Run("đã triển khai kịp thời", bold=True),
                             Run("; "), Run("một số đơn vị còn chậm", italic=True), Run(". "), Run(SCRIPT)),)),
        Block("bullets", ((Run("Ưu điểm: báo cáo đúng mẫu."),), (Run("Hạn chế: "), Run("số liệu cấp xã", bold=True)))),
    ))
    proposals = dataclasses.replace(n.proposals, written=True, placeholder="", blocks=(
        Block("numbers", ((Run("Đề nghị UBND tỉnh chỉ đạo các huyện."),), (Run("Bổ sung kinh phí tuyên truyền."),)),
              start=1),
    ))
    return dataclasses.replace(view, narrative=dataclasses.replace(
        n, assessment=assessment, proposals=proposals, missing=(n.next_tasks.title,)))


def _with_trends(view):
    """The view's own trends, or two quarters made up from its figures when it has none."""
    from papi_cli.report.model import TrendPeriod, TrendPoint

    if view.trend_periods:
        return view
    q1 = TrendPeriod("2020-Q1", "Quý I" if view.lang == "vi" else "Q1", dt.date(2020, 3, 31), "31/03/2020")
    last = TrendPeriod(view.period, "Quý II" if view.lang == "vi" else "Q2", view.as_of, view.as_of_text)

    def line(i):
        target = 100.0 if i.unit == "percent" else 1.0 if i.unit == "milestone" else 10.0
        value = i.percent if i.unit == "percent" else (1.0 if i.status == "met" else 0.0) if i.unit == "milestone" \
            else 4.0
        first = TrendPoint(q1.code, q1.label, None if value is None else value / 2, "—", "no_data", "")
        now = TrendPoint(last.code, last.label, value, i.value_text, i.status, i.status_label)
        return dataclasses.replace(i, target_value=target, trend=(first, now))

    annex = tuple(dataclasses.replace(s, rows=tuple(dataclasses.replace(r, indicators=tuple(map(line, r.indicators)))
                                                    for r in s.rows)) for s in view.annex)
    dims = tuple(dataclasses.replace(d, trend=(d.summary, d.summary)) for d in view.dimensions)
    return dataclasses.replace(view, trend_periods=(q1, last), dimensions=dims, annex=annex)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """name → {"docx", "pdf", "view" (what was rendered), "json" (``--format json``), "pages"}."""
    require_office()
    from papi_cli.report import view as report_view

    work = tmp_path_factory.mktemp("docx")
    fixture = work / "fixture"
    report_project(fixture)
    sample = REPO if any((REPO / "submissions").glob("2020-Q*/*.yaml")) else fixture
    original = report_view.build
    result = {}
    for name, root, period, lang, written in (("quarter", fixture, "2020-Q2", "vi", True),
                                               ("annual", sample, "2020", "vi", False),
                                               ("english", fixture, "2020-Q2", "en", False)):
        built = []

        def build(*args, _written=written, _built=built, **kwargs):
            view = _with_trends(original(*args, **kwargs))
            view = _narrative(view) if _written else view
            _built.append(view)
            return view

        out = work / name
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PAPI_TODAY", "2021-01-05")
            patch.setattr(report_view, "build", build)
            for fmt in ("docx", "json"):
                assert main(["report", "--period", period, "--format", fmt, "--out", str(out), "--root", str(root),
                             "--lang", lang]) == 0
        docx = out / f"bao-cao-papi-{period}.docx"
        pdf = convert(docx, "pdf", work / f"pdf-{name}")
        result[name] = {"docx": docx, "pdf": pdf, "view": built[0], "pages": pdf_page_texts(pdf),
                        "json": json.loads((out / f"bao-cao-papi-{period}.json").read_text(encoding="utf-8"))}
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def annex_start(doc) -> int:
    return next(i for i, page in enumerate(doc["pages"]) if say("report.annex_title", doc["view"].lang) in page)


# --- what LibreOffice prints ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["quarter", "annual", "english"])
def test_body_on_a4_portrait_annex_on_a4_landscape(docs, name):
    doc = docs[name]
    sizes = [(round(w), round(h)) for w, h in pdf_pages(doc["pdf"])]
    start = annex_start(doc)
    assert len(sizes) == len(doc["pages"]) and 2 <= start < len(sizes) <= 60
    assert sizes[:start] == [A4_PORTRAIT] * start
    assert sizes[start:] == [A4_LANDSCAPE] * (len(sizes) - start)


@pytest.mark.parametrize("name", ["quarter", "annual", "english"])
def test_one_font_a_times_metric_family(docs, name):
    families = pdf_fonts(docs[name]["pdf"])
    assert len(families) == 1 and families <= {"TimesNewRoman", "TimesNewRomanPSMT", "LiberationSerif", "Tinos"}, \
        families


@pytest.mark.parametrize("name", ["quarter", "annual", "english"])
def test_page_1_holds_the_header_block_title_and_summary_line(docs, name):
    doc = docs[name]
    header = doc["json"]["header"]
    first = flat(doc["pages"][0])
    for line in (header["parent_body"].upper(), header["issuing_body"].upper(), header["republic"].upper(),
                 header["motto"], header["date_line"], doc["json"]["title"], doc["json"]["summary_line"]):
        assert flat(line) in first, line
    assert f"{say('report.number_prefix', doc['view'].lang)} {header['number']}" in first
    # the two columns: the issuing body and the national title on one printed line
    layout = pdf_text(doc["pdf"], layout=True).split("\f")[0]
    assert any(header["parent_body"].upper() in line and header["republic"].upper() in line
               for line in layout.splitlines())


@pytest.mark.parametrize("name", ["quarter", "english"])
def test_the_data_window_and_the_files_counted_are_two_sentences(docs, name):
    """As in the HTML report: "…; tính đến ngày: 30/06/2020." then "Đã tính 53 tệp …", never a
    capital letter after a semicolon ("…; Đã tính")."""
    doc = docs[name]
    view, lang = doc["view"], doc["view"].lang
    first = flat(doc["pages"][0])
    assert f"{say('report.as_of', lang)}: {view.as_of_text}. {flat(view.files_text)}" in first
    assert f"; {flat(view.files_text)}" not in first


@pytest.mark.parametrize("name", ["quarter", "annual"])
def test_page_numbers_centred_at_the_top_from_page_2(docs, name):
    pdf = docs[name]["pdf"]
    sizes = pdf_pages(pdf)
    for number, (words, (width, _)) in enumerate(zip(pdf_words(pdf), sizes, strict=True), start=1):
        top = [w for w in words if w[4] <= MARGINS["top"] * MM]
        if number == 1:
            assert top == [], "no page number on page 1"
            continue
        assert [w[0] for w in top] == [str(number)], f"page {number}: {top}"
        middle = (top[0][1] + top[0][3]) / 2
        assert abs(middle - (MARGINS["left"] + (width / MM - MARGINS["right"])) / 2 * MM) < 3 * MM


def test_the_numbers_are_those_of_the_json_report(docs):
    for name in ("quarter", "annual"):
        doc = docs[name]
        data, lang = doc["json"], doc["view"].lang
        body = flat(" ".join(doc["pages"][:annex_start(doc)]))
        overall = data["overall"]
        assert say("report.overall_text", lang, met=overall["counts"]["met"], total=overall["total"],
                   share=overall["met_share_text"]) in body
        assert flat(data["reporting"]["counts_text"]) in body
        assert flat(data["documents"]["counts_text"]) in body
        for dim in data["dimensions"]:  # the bar's tail and the table's share
            assert f"{dim['summary']['counts']['met']}/{dim['summary']['total']}" in body
            assert dim["summary"]["met_share_text"] in body
        assert f"{overall['counts']['met']}/{overall['total']}" in body
        for line in data["reporting"]["lines"]:
            assert flat(line["agency_name"]) in body


def test_the_annual_report_has_no_git_hash_in_its_body(docs):
    doc = docs["annual"]
    commit = doc["json"]["commit"]
    if commit is None:
        pytest.skip("the sample data is not in a git checkout")
    text = pdf_text(doc["pdf"])
    # only in the footer: once on each page, and never above the footer
    assert text.count(commit) == len(doc["pages"])
    for page in doc["pages"]:
        assert flat(doc["view"].footer_text) in flat(page)


@pytest.mark.parametrize("name", ["quarter", "annual"])
def test_a_sentence_announcing_a_table_is_on_the_tables_page(docs, name):
    """The counts of the reports and of the implementation documents stand on the page of their
    table's first row: a page never ends with a sentence whose table starts on the next."""
    doc = docs[name]
    data = doc["json"]
    checked = 0
    for part in ("reporting", "documents"):
        if not data[part]["lines"]:
            continue
        sentence, first_row = flat(data[part]["counts_text"]), flat(data[part]["lines"][0]["agency_name"])
        page = next(flat(p) for p in doc["pages"] if sentence in flat(p))
        assert first_row in page[page.index(sentence):], (part, page[-300:])
        checked += 1
    assert checked


@pytest.mark.parametrize("name", ["quarter", "annual", "english"])
def test_the_signature_is_never_alone_on_a_page(docs, name):
    doc = docs[name]
    label = say("report.recipients", doc["view"].lang)
    closing = [page for page in doc["pages"] if label in page]
    assert len(closing) == 1
    above = [line for line in closing[0].split(label)[0].splitlines() if line.strip() and not line.strip().isdigit()]
    assert above, "the page holds only the recipients and the signature"
    assert flat(doc["view"].signer.title.upper()) in flat(closing[0])


def test_the_officers_sections_in_their_places_as_text(docs):
    doc = docs["quarter"]
    view = doc["view"]
    body = flat(" ".join(doc["pages"][:annex_start(doc)]))
    assert SCRIPT in body  # never interpreted: the tag, the asterisks and the link stay as written
    written = ("Nhìn chung các cơ quan đã triển khai kịp thời; một số đơn vị còn chậm.", "- Ưu điểm: báo cáo đúng mẫu.",
               "1. Đề nghị UBND tỉnh chỉ đạo các huyện.", "2. Bổ sung kinh phí tuyên truyền.")
    for text in written:
        assert text in body, text
    n = view.narrative
    order = [say("report.reporting_title", "vi").upper(), n.assessment.title.upper(), written[0],
             n.next_tasks.title.upper(), flat(n.next_tasks.placeholder), say("report.next_title", "vi"),
             n.proposals.title.upper(), written[2], say("report.recipients", "vi")]
    places = [body.find(text) for text in order]
    assert -1 not in places and places == sorted(places), list(zip(order, places, strict=True))


@pytest.mark.parametrize("name", ["annual", "english"])
def test_unwritten_sections_say_so(docs, name):
    doc = docs[name]
    body = flat(" ".join(doc["pages"][:annex_start(doc)]))
    n = doc["view"].narrative
    for section in (n.assessment, n.next_tasks, n.proposals):
        assert not section.written and section.title.upper() in body and flat(section.placeholder) in body


@pytest.mark.parametrize("name", ["quarter", "annual"])
def test_annex_header_row_on_every_annex_page_and_every_task(docs, plan, name):
    doc = docs[name]
    annex = doc["pages"][annex_start(doc):]
    laid_out = pdf_text(doc["pdf"], layout=True).split("\f")[annex_start(doc):len(doc["pages"])]
    columns = [say(f"report.col.{c}", "vi") for c in ("stt", "task", "target", "lead", "implementers", "result")]
    for number, page in enumerate(laid_out, start=1):
        header = next((line for line in page.splitlines() if line.strip().startswith(columns[0])), "")
        assert all(c in header for c in columns[1:]), f"annex page {number}: {page[:400]}"
    codes = set(re.findall(r"(?<![\w.])((?:IX|VII|VI|V|IV|III|II|I)\.\d+)", "\n".join(annex)))
    assert [task.code for task in plan.tasks if task.code not in codes] == []


def test_the_trend_charts_are_drawn(docs):
    doc = docs["quarter"]
    view = doc["view"]
    chart_page = next(page for page in doc["pages"] if say("docx.trend_chart_title", "vi") in flat(page))
    for period in view.trend_periods:
        assert chart_page.count(period.label) >= len(view.dimensions)  # one bar per quarter per dimension
    annex = flat(" ".join(doc["pages"][annex_start(doc):]))
    lines = [i for s in view.annex for r in s.rows for i in r.indicators if i.trend and i.target_value is not None]
    caption = say("docx.trend_caption", "vi", target="").split("(")[0].strip()  # "Kết quả sau từng quý"
    assert lines and annex.count(caption) == len(lines)


# --- what the file holds (python-docx) --------------------------------------------------------------

def test_structure_page_field_first_page_header_repeated_header_properties(docs):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    for name in ("quarter", "annual"):
        doc = docs[name]
        word = Document(str(doc["docx"]))
        body, annex = word.sections[0], word.sections[-1]
        assert body.different_first_page_header_footer
        assert "PAGE" in "".join(t.text for t in body.header._element.iter(qn("w:instrText")))
        assert [c.get(qn("w:fldCharType")) for c in body.header._element.iter(qn("w:fldChar"))] == \
            ["begin", "separate", "end"]
        assert not list(body.first_page_header._element.iter(qn("w:instrText")))
        assert body.orientation == WD_ORIENT.PORTRAIT and annex.orientation == WD_ORIENT.LANDSCAPE
        assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
        for section in (body, annex):  # Decree 30's ranges, in whole millimetres (EMUs round)
            assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
            assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
        last_table = word.tables[-1]
        assert last_table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert flat(last_table.rows[0].cells[0].text) == say("report.col.stt", "vi")
        core = word.core_properties
        assert core.version == doc["json"]["data_version"]
        assert core.identifier == (doc["json"]["commit"] or "")
        fonts = {f.get(qn("w:ascii")) for f in word.element.iter(qn("w:rFonts"))}
        assert fonts == {"Times New Roman"}
        with zipfile.ZipFile(doc["docx"]) as archive:
            document = archive.read("word/document.xml").decode("utf-8")
        if doc["json"]["commit"]:
            assert doc["json"]["commit"] not in document  # the body never holds the data version


def test_narrative_runs_keep_bold_and_italic(docs):
    from docx import Document

    word = Document(str(docs["quarter"]["docx"]))
    runs = {r.text: r for p in word.paragraphs for r in p.runs}
    assert runs["đã triển khai kịp thời"].bold and not runs["đã triển khai kịp thời"].italic
    assert runs["một số đơn vị còn chậm"].italic and not runs["một số đơn vị còn chậm"].bold
    assert not runs[SCRIPT].bold and not runs[SCRIPT].italic
    with zipfile.ZipFile(docs["quarter"]["docx"]) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;" in document and "<script" not in document


def test_the_same_view_gives_the_same_bytes(docs):
    from papi_cli.render import report_docx

    view = docs["quarter"]["view"]
    assert report_docx.render(view) == report_docx.render(view)


def test_the_english_report_is_in_english(docs):
    doc = docs["english"]
    first = flat(doc["pages"][0])
    assert say("report.republic", "en") in first and say("report.title", "en") in first
    body = flat(" ".join(doc["pages"][:annex_start(doc)]))
    assert say("report.overall_title", "en").upper() in body and "Nơi nhận" not in body
    assert say("report.recipients", "en") in body


def test_characters_xml_cannot_hold_do_not_break_the_document(docs):
    """A name or a narrative with a control character still makes a document; the character is
    shown as U+FFFD, never dropped in silence, never a traceback."""
    from docx import Document

    from papi_cli.render import report_docx
    from papi_cli.report.model import Block, Run

    view = docs["quarter"]["view"]
    n = view.narrative
    odd = dataclasses.replace(n.assessment, blocks=(Block("paragraph", ((Run("trước\x01giữa\x0bsau"),),)),))
    view = dataclasses.replace(view, narrative=dataclasses.replace(n, assessment=odd))
    out = docs["quarter"]["docx"].parent / "odd.docx"
    out.write_bytes(report_docx.render(view))
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "trước\ufffdgiữa\ufffdsau" in texts


# --- the XML Word reads: elements in the schema's order ---------------------------------------------

# ECMA-376 Part 1 (§17.3, §17.4): the children of these property elements, in the order the schema
# requires. Word may report a file whose properties are out of order as damaged; LibreOffice is lenient.
ORDER = {
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden "
            "ins del trPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
            "headers cellIns cellDel cellMerge tcPrChange",
    "tblCellMar": "top start left bottom end right",
    "tblBorders": "top start left bottom end right insideH insideV",
    "pBdr": "top left bottom right between bar",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
           "em lang eastAsianLayout specVanish oMath",
}


@pytest.fixture(scope="module")
def plain_docx(tmp_path_factory):
    """The fixture's 2020-Q2 Word report (no LibreOffice needed)."""
    work = tmp_path_factory.mktemp("plain-docx")
    report_project(work)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PAPI_TODAY", "2021-01-05")
        assert main(["report", "--period", "2020-Q2", "--format", "docx", "--out", str(work / "out"),
                     "--root", str(work)]) == 0
    return work / "out" / "bao-cao-papi-2020-Q2.docx"


def test_properties_are_in_the_schemas_order(plain_docx):
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    wrong = []
    with zipfile.ZipFile(plain_docx) as archive:
        parts = [n for n in archive.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        for part in parts:
            root = etree.fromstring(archive.read(part))
            for tag, sequence in ORDER.items():
                names = sequence.split()
                for node in root.iter(w + tag):
                    if tag == "rPr" and node.getparent().tag == w + "pPr":
                        continue  # a paragraph mark's run properties: the same order, checked as rPr anyway
                    children = [etree.QName(c).localname for c in node if etree.QName(c).namespace == w[1:-1]]
                    unknown = [c for c in children if c not in names]
                    places = [names.index(c) for c in children if c in names]
                    if unknown or places != sorted(places) or len(set(places)) != len(places):
                        wrong.append((part, tag, children))
    assert parts and wrong[:5] == []


def _pixels(pdf: Path, page: int, dpi: int = 40, *, grey: bool = False) -> bytes:
    """One page as raw RGB pixels (poppler's PPM output: a text header, then the bytes), or, with
    ``grey``, as a black-and-white printer's grey levels (poppler's PGM), one byte a pixel."""
    import subprocess

    ppm = subprocess.run(["pdftoppm", "-r", str(dpi), *(["-gray"] if grey else []), "-f", str(page), "-l",
                          str(page), str(pdf)], check=True, capture_output=True).stdout
    magic, width, height, depth, data = ppm.split(maxsplit=4)
    assert magic == (b"P5" if grey else b"P6") and depth == b"255"
    assert len(data) == int(width) * int(height) * (1 if grey else 3)
    return data


def _chart_page(doc) -> int:
    return next(i for i, page in enumerate(doc["pages"], start=1) if say("docx.trend_chart_title", "vi") in flat(page))


def _shown_statuses(view) -> set[str]:
    summaries = [view.overall, *(s for d in view.dimensions for s in (d.summary, *d.trend))]
    return {status for summary in summaries for status, count in summary.counts.items() if count}


def test_the_status_bars_print_in_their_colours(docs):
    """LibreOffice paints the shaded cells: the chart's page holds each present status's colour."""
    from papi_cli.render.docx_common import STATUS_FILLS

    doc = docs["quarter"]
    view = doc["view"]
    data = _pixels(doc["pdf"], _chart_page(doc))
    counts = {}
    for status, colour in STATUS_FILLS.items():
        rgb = bytes.fromhex(colour)
        counts[status] = sum(1 for i in range(0, len(data) - 2, 3)
                             if all(abs(data[i + k] - rgb[k]) <= 12 for k in range(3)))
    # A legend swatch (3.5 × 4.5 mm) is about 40 pixels at 40 dpi; one indicator's segment of a
    # dimension's bar (at most 9 indicators: 1/9 of 115 mm × 4.5 mm) well over 100.
    shown = _shown_statuses(view)
    assert shown and all(counts[s] > 100 for s in shown), counts
    # a status no bar has is only in the legend (grey aside: anti-aliased black text has greys too)
    assert all(counts[s] < 100 for s in STATUS_FILLS if s not in shown and s != "no_data"), counts


def test_the_status_bars_tell_the_statuses_apart_in_black_and_white(docs):
    """Printed in grey, each status's fill is its own shade: the chart's page rendered in colour
    finds each fill's pixels, the same page rendered in grey gives their level, and any two
    statuses are at least 30 levels (of 255) apart."""
    from itertools import pairwise
    from statistics import median

    from papi_cli.render.docx_common import STATUS_FILLS

    doc = docs["quarter"]
    number = _chart_page(doc)
    colour, grey = _pixels(doc["pdf"], number), _pixels(doc["pdf"], number, grey=True)
    levels = {}
    for status in STATUS_FILLS:  # the legend shows every status, whether a bar has it or not
        rgb = bytes.fromhex(STATUS_FILLS[status])
        found = [grey[i // 3] for i in range(0, len(colour) - 2, 3)
                 if all(abs(colour[i + k] - rgb[k]) <= 6 for k in range(3))]
        assert len(found) > 20, status
        levels[status] = median(found)
    ordered = sorted(levels.values())
    assert min(b - a for a, b in pairwise(ordered)) >= 30, levels


# --- hostile text: the file is always made, and Word can read it -----------------------------------

@pytest.fixture(scope="module")
def plain_view(tmp_path_factory):
    """The fixture's 2020-Q2 report view, as ``papi report`` builds it (no LibreOffice needed)."""
    from papi_cli.report import view as report_view

    work = tmp_path_factory.mktemp("plain-view")
    report_project(work)
    built = []
    original = report_view.build

    def build(*args, **kwargs):
        built.append(original(*args, **kwargs))
        return built[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PAPI_TODAY", "2021-01-05")
        patch.setattr(report_view, "build", build)
        assert main(["report", "--period", "2020-Q2", "--format", "docx", "--out", str(work / "out"),
                     "--root", str(work)]) == 0
    return built[0]


def test_a_long_plan_name_or_odd_characters_still_make_the_document(plain_view, tmp_path):
    """The core properties hold at most 255 characters and only what XML can: a plan whose name
    makes a 400-character summary line, or with a control character, still gets its report, the
    whole text in the body, the property cut with "…"."""
    from docx import Document

    from papi_cli.render import report_docx

    long = "Kết quả thực hiện Kế hoạch cải thiện <Chỉ số> & \"PAPI\" " * 8 + "hết\x01"
    view = dataclasses.replace(plain_view, summary_line=long, title=long, plan=long)
    out = tmp_path / "long.docx"
    out.write_bytes(report_docx.render(view))
    word = Document(str(out))
    core = word.core_properties
    for value in (core.title, core.subject, core.keywords):
        assert 200 < len(value) <= 255 and value.endswith("…") and "\x01" not in value, value
    assert core.subject.startswith("Kết quả thực hiện Kế hoạch cải thiện <Chỉ số> & \"PAPI\"")
    assert any(p.text == long.replace("\x01", "\ufffd") for p in word.paragraphs)


# --- Decree 30's rules, measured on the printed page ------------------------------------------------

@pytest.mark.parametrize("name", ["quarter", "english"])
def test_the_rules_are_as_long_as_decree_30_sets(docs, name):
    """Under the issuing body and under the summary line, a rule 1/3 to 1/2 as long as the line
    of text; under the motto, one as long as the motto (measured in pixels, words by their boxes)."""
    doc = docs[name]
    data = doc["json"]
    check_rules(doc["pdf"], data["header"], f"{say('report.number_prefix', doc['view'].lang)} {data['header']['number']}",
                data["summary_line"], data["basis_line"], left_mm=64)

def test_every_table_is_one_word_can_open(plain_docx):
    """What Word requires of a table and LibreOffice forgives: at least one row, each row's cells
    spanning exactly the table's grid, every cell ending with a paragraph (a nested chart table is
    followed by one), and the body ending with its section properties."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(plain_docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    wrong, nested = [], 0
    for table in root.iter(w + "tbl"):
        nested += table.getparent().tag == w + "tc"
        columns = len(table.findall(f"{w}tblGrid/{w}gridCol"))
        rows = table.findall(w + "tr")
        if not rows or not columns:
            wrong.append(("empty table", columns, len(rows)))
        for row in rows:
            spans = 0
            for cell in row.findall(w + "tc"):
                span = cell.find(f"{w}tcPr/{w}gridSpan")
                spans += 1 if span is None else int(span.get(w + "val"))
                content = [child.tag for child in cell if child.tag != w + "tcPr"]
                if not content or content[-1] != w + "p":
                    wrong.append(("cell not ending with a paragraph", content[-1:]))
            if spans != columns:
                wrong.append(("row spans", spans, "of", columns))
    assert nested > 0 and wrong[:5] == []
    assert root.find(w + "body")[-1].tag == w + "sectPr"


def test_a_row_made_taller_than_a_page_by_a_long_name_may_break(plain_view, tmp_path):
    """Word cuts off a table row that may not break across pages and does not fit on one: a row
    of the reporting table whose agency name runs to thousands of characters is allowed to break;
    the others stay whole."""
    from docx import Document
    from docx.oxml.ns import qn

    from papi_cli.render import report_docx

    lines = plain_view.reporting.lines
    assert len(lines) >= 2
    long = dataclasses.replace(lines[0], agency_name="Sở" + "Rấtdài" * 600)
    view = dataclasses.replace(plain_view, reporting=dataclasses.replace(plain_view.reporting,
                                                                         lines=(long, *lines[1:])))
    out = tmp_path / "long-row.docx"
    out.write_bytes(report_docx.render(view))
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == say("report.col.stt", "vi")
                 and len(t.rows) == len(lines) + 1)
    kept = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows]
    assert kept == [True, False, *([True] * (len(lines) - 1))]
