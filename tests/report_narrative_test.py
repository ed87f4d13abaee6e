"""`papi report` with the officer's own sections (narrative/<period>.md), `papi new --narrative`,
`--require-narrative`, `--issued-on` and `--number`, the quarter-by-quarter trends and the HTML
charts, and the wording of what the report counts.

The fixed input is tests/report-fixture/submissions (see tests/report_test.py's docstring).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from papi_cli.cli import main
from tests.conftest import report_project

TITLES = ("Đánh giá chung", "Phương hướng, nhiệm vụ kỳ tới", "Kiến nghị, đề xuất")

NARRATIVE = """<!-- gợi ý: không đưa vào báo cáo -->
# I. Đánh giá chung

Các cơ quan đã **cơ bản hoàn thành** nhiệm vụ quý II; *một số* đơn vị còn chậm.
Nguyên nhân: <script>alert(1)</script> và [liên kết](javascript:alert(1)).

- Ưu điểm thứ nhất
- 1984. không phải danh sách lồng

## III. Kiến nghị, đề xuất

1. Đề nghị UBND tỉnh chỉ đạo các huyện nộp báo cáo đúng hạn.
2. Đề nghị <img src=x onerror=alert(1)> bổ sung kinh phí.
"""


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2021-01-05")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    report_project(root)
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def report(capsys, root: Path, period: str, fmt: str, *extra: str) -> str:
    out = root.parent / "out"
    code, _, err = run(capsys, "report", "--period", period, "--format", fmt, "--out", str(out), "--root", str(root),
                       *extra)
    assert code == 0, err
    return (out / f"bao-cao-papi-{period}.{fmt}").read_text(encoding="utf-8")


def write_narrative(root: Path, period: str = "2020-Q2", text: str = NARRATIVE) -> Path:
    path = root / "narrative" / f"{period}.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def in_order(text: str, *parts: str) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing or out of order"
        at = found + len(part)


# --- the officer's sections --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["md", "html"])
def test_without_a_narrative_file_every_section_says_it_is_not_written(capsys, root, fmt):
    text = report(capsys, root, "2020-Q2", fmt)
    for title in TITLES:
        assert f"Sở Nội vụ chưa viết phần này; nội dung ghi vào tệp narrative/2020-Q2.md, mục \u201c{title}\u201d" in text
    in_order(text, "Tình hình báo cáo của các cơ quan", "Đánh giá chung", "Phương hướng, nhiệm vụ kỳ tới",
             "Nhiệm vụ đến hạn trong kỳ tới", "Kiến nghị, đề xuất", "Nơi nhận", "PHỤ LỤC")


def test_json_says_which_sections_are_missing(capsys, root):
    data = json.loads(report(capsys, root, "2020-Q2", "json"))
    assert data["narrative"]["found"] is False and data["narrative"]["missing"] == list(TITLES)
    write_narrative(root)
    narrative = json.loads(report(capsys, root, "2020-Q2", "json"))["narrative"]
    assert narrative["found"] is True and narrative["missing"] == ["Phương hướng, nhiệm vụ kỳ tới"]
    assert narrative["assessment"]["written"] is True and narrative["assessment"]["placeholder"] == ""
    assert [b["kind"] for b in narrative["assessment"]["blocks"]] == ["paragraph", "bullets"]
    assert narrative["proposals"]["blocks"][0]["kind"] == "numbers"


def test_markdown_places_the_sections_and_escapes_them(capsys, root):
    write_narrative(root)
    text = report(capsys, root, "2020-Q2", "md")
    in_order(text, "## III. Tình hình báo cáo", "## IV. Đánh giá chung",
             "Các cơ quan đã **cơ bản hoàn thành** nhiệm vụ quý II; *một số* đơn vị còn chậm. Nguyên nhân:",
             "- Ưu điểm thứ nhất\n- 1984\\. không phải danh sách lồng",
             "## V. Phương hướng, nhiệm vụ kỳ tới", "chưa viết phần này", "### Nhiệm vụ đến hạn trong kỳ tới",
             "## VI. Kiến nghị, đề xuất", "1. Đề nghị UBND tỉnh", "2. Đề nghị", "Nơi nhận", "PHỤ LỤC")
    assert "\\<script\\>alert(1)\\</script\\>" in text and "\\[liên kết\\](javascript:alert(1))" in text
    assert not re.search(r"(?<!\\)<(script|img)", text) and "gợi ý" not in text


def test_html_places_the_sections_and_escapes_them(capsys, root):
    write_narrative(root)
    text = report(capsys, root, "2020-Q2", "html")
    in_order(text, "III. Tình hình báo cáo", '<section class="narrative" id="narrative-assessment">',
             "<h2>IV. Đánh giá chung</h2>", "<b>cơ bản hoàn thành</b>", "<i>một số</i>",
             "&lt;script&gt;alert(1)&lt;/script&gt;", '<ul class="narrative"><li>Ưu điểm thứ nhất</li>',
             "<h2>V. Phương hướng, nhiệm vụ kỳ tới</h2>", "chưa viết phần này", "Nhiệm vụ đến hạn trong kỳ tới",
             "<h2>VI. Kiến nghị, đề xuất</h2>", '<ol class="narrative" start="1">', "&lt;img src=x",
             "Nơi nhận", "PHỤ LỤC")
    assert "<script" not in text and "<img" not in text and "gợi ý" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_subheadings_an_officer_writes_under_a_section_are_in_the_report(capsys, root, fmt):
    write_narrative(root, text="# I. ĐÁNH GIÁ CHUNG\n\n## 1. Kết quả đạt được\n\nCác chỉ tiêu cơ bản đạt.\n\n"
                               "## 2. Tồn tại, hạn chế và nguyên nhân\n\n- Một số đơn vị chậm báo cáo.\n")
    text = report(capsys, root, "2020-Q2", fmt)
    bold = ("**{}**" if fmt == "md" else "<b>{}</b>").format
    in_order(text, "Đánh giá chung", bold("1. Kết quả đạt được"), "Các chỉ tiêu cơ bản đạt.",
             bold("2. Tồn tại, hạn chế và nguyên nhân"), "Một số đơn vị chậm báo cáo.", "Phương hướng")
    assert "mục \u201cĐánh giá chung\u201d" not in text  # the section is written


def test_the_annual_report_puts_the_papi_results_before_the_sections(capsys, root):
    write_narrative(root, "2020", "# Đánh giá chung\nNăm 2020.\n")
    text = report(capsys, root, "2020", "md")
    in_order(text, "## IV. Kết quả Chỉ số PAPI năm 2020", "## V. Đánh giá chung", "Năm 2020.",
             "## VI. Phương hướng, nhiệm vụ kỳ tới", "Kế hoạch năm 2020 kết thúc", "## VII. Kiến nghị, đề xuất")


def test_text_outside_the_sections_is_a_located_warning_and_the_report_is_still_written(capsys, root):
    write_narrative(root, text="Mở đầu\n# Đánh giá chung\nA\n# Tình hình khác\nB\n")
    out = root.parent / "out"
    code, _, err = run(capsys, "report", "--period", "2020-Q2", "--out", str(out), "--root", str(root))
    assert code == 0
    assert "narrative/2020-Q2.md:1:1: warning[narrative-outside-section]" in err
    assert "narrative/2020-Q2.md:4:1: warning[narrative-unknown-heading]" in err and "'Tình hình khác'" in err
    assert "Các phần: “Đánh giá chung”, “Phương hướng, nhiệm vụ kỳ tới”, “Kiến nghị, đề xuất”." in err
    assert "Traceback" not in err and (out / "bao-cao-papi-2020-Q2.md").is_file()


@pytest.mark.parametrize("raw, code, where", [
    ("# Đánh giá chung\nĐã xong\u202e cv.exe\n".encode(), "hidden-character", ":2:8:"),
    (b"# Danh gia chung\nA\xff\n", "not-utf8", ":2:2:"),
])
def test_a_hostile_narrative_file_stops_the_report_with_its_place(capsys, root, raw, code, where):
    (root / "narrative").mkdir()
    (root / "narrative" / "2020-Q2.md").write_bytes(raw)
    out = root.parent / "out"
    status, _, err = run(capsys, "report", "--period", "2020-Q2", "--out", str(out), "--root", str(root))
    assert status == 1 and f"narrative/2020-Q2.md{where} error[{code}]" in err
    assert "Traceback" not in err and not (out / "bao-cao-papi-2020-Q2.md").exists()


def test_a_narrative_link_out_of_the_project_is_not_read(capsys, root, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# Đánh giá chung\nbí mật\n", encoding="utf-8")
    (root / "narrative").mkdir()
    (root / "narrative" / "2020-Q2.md").symlink_to(secret)
    out = root.parent / "out"
    status, _, err = run(capsys, "report", "--period", "2020-Q2", "--out", str(out), "--root", str(root))
    assert status == 1 and "symlink-outside" in err and not out.exists()


def test_require_narrative_exits_1_naming_the_missing_sections_and_the_file(capsys, root):
    out = root.parent / "out"
    args = ("report", "--period", "2020-Q2", "--out", str(out), "--root", str(root), "--require-narrative")
    code, _, err = run(capsys, *args)
    assert code == 1 and not out.exists()
    # each title quoted: they hold commas themselves
    assert "3 phần (“Đánh giá chung”, “Phương hướng, nhiệm vụ kỳ tới”, “Kiến nghị, đề xuất”)" in err
    assert "narrative/2020-Q2.md" in err and "papi new --narrative --period 2020-Q2" in err
    write_narrative(root)
    code, _, err = run(capsys, *args)
    assert code == 1 and "1 phần (“Phương hướng, nhiệm vụ kỳ tới”)" in err and not out.exists()
    write_narrative(root, text=NARRATIVE + "\n# Phương hướng, nhiệm vụ kỳ tới\nTiếp tục.\n")
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert "Tiếp tục." in (out / "bao-cao-papi-2020-Q2.md").read_text(encoding="utf-8")


# --- papi new --narrative --------------------------------------------------------------------------------

def test_new_narrative_writes_the_skeleton_which_the_report_reads_as_not_written(capsys, root):
    code, out, err = run(capsys, "new", "--narrative", "--period", "2020-Q2", "--root", str(root))
    assert code == 0, err
    path = root / "narrative" / "2020-Q2.md"
    text = path.read_text(encoding="utf-8")
    assert "narrative/2020-Q2.md" in out
    assert [line for line in text.splitlines() if line.startswith("#")] == [f"# {t}" for t in TITLES]
    assert text.count("<!--") == 4 and "tồn tại, hạn chế và nguyên nhân" in text
    data = json.loads(report(capsys, root, "2020-Q2", "json"))
    assert data["narrative"]["found"] is True and data["narrative"]["missing"] == list(TITLES)
    assert capsys.readouterr().err == ""  # the skeleton gives no warning


def test_new_narrative_never_overwrites(capsys, root):
    path = write_narrative(root)
    code, _, err = run(capsys, "new", "--narrative", "--period", "2020-Q2", "--root", str(root))
    assert code == 1 and "narrative/2020-Q2.md" in err and "không ghi đè" in err
    assert path.read_text(encoding="utf-8") == NARRATIVE


def test_new_narrative_in_english_for_any_period(capsys, root):
    code, _, err = run(capsys, "new", "--narrative", "--period", "2020-H1", "--root", str(root), "--lang", "en")
    assert code == 0, err
    text = (root / "narrative" / "2020-H1.md").read_text(encoding="utf-8")
    assert "# Overall assessment" in text and "# Recommendations and proposals" in text
    filled = text.replace("# Overall assessment\n", "# Overall assessment\nWell done.\n")
    (root / "narrative" / "2020-H1.md").write_text(filled, encoding="utf-8")
    data = json.loads(report(capsys, root, "2020-H1", "json", "--lang", "en"))
    assert data["narrative"]["assessment"]["blocks"][0]["items"][0][0]["text"] == "Well done."


def test_new_narrative_does_not_write_through_a_link_out_of_the_project_or_over_a_file(capsys, root, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "narrative").symlink_to(elsewhere)
    code, _, err = run(capsys, "new", "--narrative", "--period", "2020-Q2", "--root", str(root))
    assert code == 1 and str(elsewhere) in err and list(elsewhere.iterdir()) == []
    (root / "narrative").unlink()
    (root / "narrative").write_text("", encoding="utf-8")  # a file where the folder should be
    code, _, err = run(capsys, "new", "--narrative", "--period", "2020-Q2", "--root", str(root))
    assert code == 1 and "Không ghi được narrative/2020-Q2.md" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [
    ["new", "--period", "2020-Q2"],
    ["new", "--period", "2020-Q2", "--agency", "so-y-te", "--narrative"],
])
def test_new_takes_an_agency_or_narrative(capsys, root, args):
    code, _, err = run(capsys, *args, "--root", str(root))
    assert code == 2 and "--agency" in err and "--narrative" in err
    assert not (root / "narrative").exists()


# --- the date and number of the signed copy ------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["md", "html"])
def test_issued_on_and_number_set_the_header_and_the_annex(capsys, root, fmt):
    text = report(capsys, root, "2020-Q2", fmt, "--issued-on", "2020-07-03", "--number", "45/BC-SNV")
    assert "Số: 45/BC-SNV" in text and "Đắk Nông, ngày 03 tháng 7 năm 2020" in text
    assert "(Kèm theo Báo cáo số 45/BC-SNV ngày 03/07/2020 của Sở Nội vụ)" in text
    default = report(capsys, root, "2020-Q2", fmt)
    assert "Số: …/BC-SNV" in default and "ngày 05 tháng 01 năm 2021" in default  # the plan's number, today


def test_issued_on_in_json(capsys, root):
    data = json.loads(report(capsys, root, "2020-Q2", "json", "--issued-on", "2020-07-03", "--number", "45/BC-SNV"))
    assert data["issued_on"] == "2020-07-03" and data["header"]["number"] == "45/BC-SNV"
    assert data["header"]["date_line"] == "Đắk Nông, ngày 03 tháng 7 năm 2020"


@pytest.mark.parametrize("args, option", [
    (["--issued-on", "03/07/2020"], "--issued-on"),
    (["--number", ""], "--number"),
    (["--number", "45/BC\x1b[31m"], "--number"),
])
def test_bad_issued_on_or_number_exit_2(capsys, root, args, option):
    out = root.parent / "out"
    code, _, err = run(capsys, "report", "--period", "2020-Q2", "--out", str(out), "--root", str(root), *args)
    assert code == 2 and option in err and not out.exists()


# --- wording ---------------------------------------------------------------------------------------------

def test_files_text_says_what_was_counted(capsys, root):
    data = json.loads(report(capsys, root, "2020-Q2", "json"))
    assert data["files_text"] == ("Đã tính 5 tệp báo cáo của các quý từ đầu năm đến hết kỳ, nộp đến ngày 30/06/2020"
                                  " (trong tổng số 6 tệp hợp lệ).")
    english = json.loads(report(capsys, root, "2020-Q2", "json", "--lang", "en"))
    assert english["files_text"].startswith("Counted: 5 submission files") and "6 valid files in all" in english["files_text"]


def test_unit_type_words_are_lower_case_in_running_text(capsys, root):
    text = report(capsys, root, "2020-Q2", "md")
    assert "UBND huyện Cư Jút" in text and "UBND thành phố Gia Nghĩa" in text and "xã Đắk Nia" in text
    assert "UBND Huyện" not in text and "UBND Thành phố" not in text and "Xã Đắk Nia" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_annex_result_shows_the_expected_outputs_then_what_was_achieved(capsys, root, fmt):
    text = report(capsys, root, "2020-Q2", fmt)
    row = text[text.index("III.4"):]
    row = row[:row.index("III.5")]
    in_order(row, "Sản phẩm", "Báo cáo kết quả hàng quý, 6 tháng, năm", "Kết quả đạt được", "đạt", "96 %")


def test_a_first_quarter_report_counts_only_first_quarter_reports(capsys, root):
    data = json.loads(report(capsys, root, "2020-Q1", "json"))
    assert main(["status", "--period", "2020-Q1", "--format", "json", "--root", str(root)]) == 0
    owed = [e for e in json.loads(capsys.readouterr().out)["reporting"] if e["period"] == "2020-Q1"]
    assert sum(data["reporting"]["counts"].values()) == len(owed) and data["reporting"]["counts"]["pending"] == 0
    assert {line["period"] for line in data["reporting"]["lines"]} == {"2020-Q1"}


# --- trends ------------------------------------------------------------------------------------------------

def status_of(capsys, root: Path, period: str) -> dict:
    assert main(["status", "--period", period, "--format", "json", "--root", str(root)]) == 0
    return json.loads(capsys.readouterr().out)


def status_value(indicator: dict) -> float | None:
    if indicator["kind"] == "milestone":
        if indicator["reported_status"] is None and not indicator["done"]:
            return None  # nothing reported
        return 1.0 if indicator["done"] else 0.0
    return indicator.get("percent", indicator.get("count"))


@pytest.mark.parametrize("period, quarters", [("2020-Q1", 1), ("2020-H1", 2), ("2020-Q3", 3), ("2020", 4)])
def test_trends_are_the_status_of_each_quarter(capsys, root, period, quarters):
    data = json.loads(report(capsys, root, period, "json"))
    codes = [f"2020-Q{n}" for n in range(1, quarters + 1)]
    assert [p["code"] for p in data["trend_periods"]] == codes
    assert [p["label"] for p in data["trend_periods"]] == ["Quý I", "Quý II", "Quý III", "Quý IV"][:quarters]
    lines = {i["code"]: i for s in data["annex"] for r in s["rows"] for i in r["indicators"]}
    for n, code in enumerate(codes):
        status = status_of(capsys, root, code)
        assert data["trend_periods"][n]["as_of"] == status["as_of"]
        for indicator in status["indicators"]:
            point = lines[indicator["code"]]["trend"][n]
            assert (point["period"], point["status"]) == (code, indicator["status"]), indicator["code"]
            assert point["value"] == status_value(indicator), indicator["code"]
        for dimension in data["dimensions"]:
            assert dimension["trend"][n]["counts"] == status["summary"]["by_dimension"][dimension["code"]]
    for line in lines.values():  # the last point is the report's own figure
        last = line["trend"][-1]
        assert last["status"] == line["status"] and (last["value"] is None or last["value_text"] == line["value_text"])


def test_target_values_are_the_thresholds(capsys, root):
    data = json.loads(report(capsys, root, "2020-Q2", "json"))
    status = {i["code"]: i for i in status_of(capsys, root, "2020-Q2")["indicators"]}
    for line in (i for s in data["annex"] for r in s["rows"] for i in r["indicators"]):
        target = status[line["code"]]["target"]
        expected = 1.0 if line["kind"] == "milestone" else target.get("percent", target.get("count"))
        assert line["target_value"] == expected and line["unit"] in ("percent", "count", "milestone")


# --- the HTML charts ---------------------------------------------------------------------------------------

def test_the_html_charts_are_inline_svg_with_labels_and_patterns(capsys, root):
    text = report(capsys, root, "2020-Q3", "html")
    assert "<script" not in text
    chart = text[text.index('<figure class="chart dimension-chart">'):text.index("</figure>")]
    for label in ("Quý I (31/03/2020)", "Quý II (30/06/2020)", "Quý III (30/09/2020)"):
        assert f'class="axis">{label}</text>' in chart
    # the count beside each bar is said in the caption: met/all
    assert "số bên phải mỗi thanh: số chỉ tiêu đạt/tổng số chỉ tiêu</figcaption>" in chart
    assert re.findall(r'class="count">([^<]*)</text>', chart)[:3] == ["0/1"] * 3  # D1: 0 of 1 met, each quarter
    groups = re.findall(r"<g><title>([^<]*)</title>", chart)
    assert len(groups) == 8 * 3  # each dimension after each quarter
    assert "Công khai, minh bạch, Quý II: có nguy cơ không đạt 1, chưa có số liệu 6" in groups
    for status in ("on_track", "at_risk", "missed", "no_data"):  # black and white: a pattern over each colour
        assert f'<pattern id="pat-{status}"' in text and f'fill="url(#pat-{status})"' in text
    for label in ("đạt", "đúng tiến độ", "có nguy cơ không đạt", "không đạt", "chưa có số liệu"):
        assert f">{label}</text>" in chart  # the legend is text
    row = text[text.index('id="task-III.4"'):text.index('id="task-III.5"')]
    indicator = row[row.index('<svg class="chart indicator-chart"'):row.index("</svg>")]
    assert 'class="target">chỉ tiêu ≥ 95 %</text>' in indicator and "stroke-dasharray" in indicator
    assert re.findall(r'class="value">([^<]*)</text>', indicator) == ["93,5 %", "96 %", "96 %"]
    assert 'class="axis">Quý III</text>' in indicator
    # paint order: the labels come after the bars and the target's line, so a value near its
    # target is drawn over the dashed line, never struck through by it
    for chart in re.findall(r'<svg class="chart indicator-chart".*?</svg>', text, re.S):
        line, labels = chart.find('class="target"/>'), [m.start() for m in re.finditer('class="value"', chart)]
        bars = [m.start() for m in re.finditer(r'<rect [^>]*class="f-', chart)]
        grounds = [m.start() for m in re.finditer(r'<rect [^>]*class="ground"', chart)]
        assert labels and (line < 0 or max(bars, default=-1) < line < min(grounds, default=len(chart)))
        assert max(grounds, default=-1) < min(labels), chart  # each value on a white ground, over the line
        assert len(grounds) == len(re.findall(r'class="value">[^—<]', chart))
    no_figures = text[text.index('id="task-II.1"'):text.index('id="task-II.2"')]
    assert "indicator-chart" not in no_figures  # no chart where no quarter has figures
