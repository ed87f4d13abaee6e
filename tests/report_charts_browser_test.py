"""The HTML report's charts and the officer's sections as Chromium prints them.

One report (the fixture's 2020-Q3, with a narrative file) printed once to PDF; poppler reads it
back. Checked: the charts' labels are real text in the PDF, in the report's one font; the
narrative's text is on the page, its HTML shown as written; the data version is in the page
footer, not in the body. Needs chromium and poppler-utils (skipped elsewhere, failed under CI).
"""

from __future__ import annotations

import pytest

from papi_cli.cli import main
from tests.conftest import report_project
from tests.office import pdf_fonts, pdf_page_texts, pdf_text
from tests.report_browser_test import _require_tools, print_to_pdf

NARRATIVE = """# Đánh giá chung
## 1. Kết quả đạt được
Các cơ quan đã **cơ bản hoàn thành** nhiệm vụ; <b>không</b> phải thẻ HTML.

# Kiến nghị, đề xuất
- Đề nghị UBND tỉnh chỉ đạo các huyện nộp báo cáo đúng hạn.
"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    _require_tools()
    work = tmp_path_factory.mktemp("charts")
    root = work / "project"
    report_project(root)
    (root / "narrative").mkdir()
    (root / "narrative" / "2020-Q3.md").write_text(NARRATIVE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PAPI_TODAY", "2021-01-05")
        assert main(["report", "--period", "2020-Q3", "--format", "html", "--out", str(work / "out"),
                     "--root", str(root)]) == 0
    pdf = work / "report.pdf"
    print_to_pdf(work / "out" / "bao-cao-papi-2020-Q3.html", pdf, work / "profile")
    return pdf


def test_chart_labels_are_real_text_in_the_one_font(printed):
    text = pdf_text(printed)
    for label in ("Quý I (31/03/2020)", "Quý II (30/06/2020)", "Quý III (30/09/2020)",  # the dimensions' chart
                  "có nguy cơ không đạt", "chưa có số liệu",  # its legend
                  "chỉ tiêu ≥ 95 %", "93,5 %"):  # III.4's chart in the annex
        assert label in text, label
    assert len(pdf_fonts(printed)) == 1, pdf_fonts(printed)


def test_the_narrative_is_printed_in_its_place_with_its_html_as_written(printed):
    text = " ".join(pdf_text(printed).split())
    assessment = text.index("IV. ĐÁNH GIÁ CHUNG")
    assert assessment < text.index("1. Kết quả đạt được") < text.index("cơ bản hoàn thành")  # its subheading
    assert text.index("cơ bản hoàn thành") < text.index("V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")
    assert "<b>không</b> phải thẻ HTML" in text
    assert text.index("VI. KIẾN NGHỊ, ĐỀ XUẤT") < text.index("Đề nghị UBND tỉnh chỉ đạo") < text.index("Nơi nhận")


def test_the_data_version_is_only_in_the_page_footers(printed):
    pages = pdf_page_texts(printed)
    assert all("Phiên bản dữ liệu" in page for page in pages if page.strip())
    body = pages[0][:pages[0].index("Phiên bản dữ liệu")]
    assert "không phải kho git" not in body
