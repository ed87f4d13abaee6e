"""`papi report`: every period and format, the Decree 30 layout, the annex, reporting compliance,
escaping, atomic writes and template failures.

The fixed input is tests/report-fixture/submissions (5 files, 2020-Q1 and Q2):
so-ldtbxh reports II.3 (2 communes in Q1, 3 more in Q2) and IX.2; vp-ubnd-tinh reports III.4 and
V.1 (done in Q2) and its Q1 report is late (2020-03-24, deadline 2020-03-20), with a note holding
``<script>``; ubnd-cu-jut's Q2 report is late (2020-06-26, deadline 2020-06-22 after the weekend);
so-noi-vu's Q4 report meets V.4 (due 2020-09-30) late.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from papi_cli.cli import main
from papi_cli.report.templates import PACKAGED, css_string, md_escape
from papi_cli.report.view import date_line
from papi_cli.words import CATALOGUE
from tests.conftest import REPO, REPORT_FIXTURE, report_project

FIXTURE = REPORT_FIXTURE
PERIODS = ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2020-H1", "2020-9M", "2020"]
COLUMNS = ["STT", "Nhiệm vụ trọng tâm", "Chỉ tiêu", "Đầu mối chủ trì", "Đơn vị thực hiện",
           "Thời gian thực hiện", "Kết quả thực hiện"]
ISSUED = "2021-01-05"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", ISSUED)


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    """The bundled plan (with the PAPI scores) and the fixed submissions."""
    root = tmp_path / "project"
    report_project(root)
    return root


def report(capsys, root: Path, period: str, fmt: str, out: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["report", "--period", period, "--format", fmt, "--out", str(out), "--root", str(root), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(capsys, root: Path, period: str, fmt: str, out: Path, *extra: str) -> str:
    code, stdout, err = report(capsys, root, period, fmt, out, *extra)
    assert code == 0, err
    path = out / f"bao-cao-papi-{period}.{fmt}"
    assert str(path) in stdout
    return path.read_text(encoding="utf-8")


def sample_root() -> Path:
    """The repository's sample data when it is there, else the fixed fixture."""
    return REPO if any((REPO / "submissions").glob("2020-Q*/*.yaml")) else FIXTURE


class _Annex(HTMLParser):
    """The header cells and the task rows of the HTML annex table."""

    def __init__(self) -> None:
        super().__init__()
        self.in_annex = self.in_th = False
        self.headers: list[str] = []
        self.rows: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("class") == "annex":
            self.in_annex = True
        elif self.in_annex and tag == "th":
            self.in_th = True
            self.headers.append("")
        elif self.in_annex and tag == "tr" and (attrs.get("id") or "").startswith("task-"):
            self.rows.append(attrs["id"][5:])

    def handle_endtag(self, tag):
        if tag == "th":
            self.in_th = False
        elif tag == "table":
            self.in_annex = False

    def handle_data(self, data):
        if self.in_th:
            self.headers[-1] += data


def annex_of(text: str, fmt: str) -> tuple[list[str], list[str]]:
    """(column headers, task codes of the rows) of a report's annex."""
    if fmt == "html":
        parser = _Annex()
        parser.feed(text)
        return parser.headers, parser.rows
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| STT | Nhiệm vụ trọng tâm"))
    headers = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = [line.split("|")[1].strip() for line in lines[start + 2:] if line.startswith("| ") and not line.startswith("| **")]
    return headers, rows


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
@pytest.mark.parametrize("period", PERIODS)
def test_every_period_and_format_renders_all_41_tasks(capsys, tmp_path, plan, period, fmt):
    root = sample_root()
    text = written(capsys, root, period, fmt, tmp_path)
    codes = [task.code for task in plan.tasks]
    assert len(codes) == 41
    if fmt == "json":
        data = json.loads(text)
        assert [row["code"] for section in data["annex"] for row in section["rows"]] == codes
        assert data["period"] == period and sum(data["overall"]["counts"].values()) == 44
        return
    headers, rows = annex_of(text, fmt)
    assert headers == COLUMNS
    assert rows == codes


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_header_block_follows_decree_30(capsys, tmp_path, fixture_root, fmt):
    text = written(capsys, fixture_root, "2020-Q2", fmt, tmp_path)
    body = max(text.find("<body"), 0)  # past the HTML <title>
    head = text[body: text.index("BÁO CÁO", body) + 400]
    for part in ("UBND TỈNH ĐẮK NÔNG", "SỞ NỘI VỤ", "Số: …/BC-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Đắk Nông, ngày 05 tháng 01 năm 2021", "BÁO CÁO",
                 "Kết quả thực hiện Kế hoạch cải thiện và nâng cao Chỉ số hiệu quả quản trị và hành chính công "
                 "(Chỉ số PAPI) tỉnh Đắk Nông quý II năm 2020"):
        assert part in head, part
    assert "Kỳ số liệu: từ 15/03/2020 đến 14/06/2020; tính đến ngày:" in text
    assert "30/06/2020" in text
    # the data version is not in the signed body: the Markdown's last line, the HTML's page footer
    version = "phiên bản dữ liệu không xác định (không phải kho git)"
    if fmt == "md":
        last = text.rstrip("\n").split("\n")
        assert version in last[-1] and last[-3] == "---" and text.count("không phải kho git") == 1
    else:
        main_part = text[text.index("<main>"):text.index("</main>")]
        assert "kho git" not in main_part and "Phiên bản dữ liệu" not in main_part
        footer = text[text.index("@bottom-center"):text.index("</style>")]
        assert css_string("Phiên bản dữ liệu không xác định (không phải kho git)")[1:-1] in footer
    for part in ("Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT, CCHC.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Họ và tên)"):
        assert part in text, part


@pytest.mark.parametrize("day, expected", [
    (dt.date(2021, 1, 5), "Đắk Nông, ngày 05 tháng 01 năm 2021"),
    (dt.date(2020, 2, 10), "Đắk Nông, ngày 10 tháng 02 năm 2020"),
    (dt.date(2020, 3, 9), "Đắk Nông, ngày 09 tháng 3 năm 2020"),
    (dt.date(2020, 12, 25), "Đắk Nông, ngày 25 tháng 12 năm 2020"),
])
def test_date_line_has_leading_zeros_for_days_below_10_and_january_february(day, expected):
    assert date_line("Đắk Nông", day, "vi") == expected


def test_reporting_table_lists_late_and_missing_reports(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020-Q2", "md", tmp_path)
    assert "| Văn phòng UBND tỉnh | Quý I/2020 | 20/03/2020 | 24/03/2020 | nộp muộn |" in text
    assert "| UBND huyện Cư Jút | Quý II/2020 | 22/06/2020 | 26/06/2020 | nộp muộn |" in text
    assert "| Sở Y tế | Quý I/2020 | 20/03/2020 | — | chưa nộp |" in text
    assert "| Sở Lao động - Thương binh và Xã hội | Quý I/2020 |" not in text  # on time
    assert "| Sở Lao động - Thương binh và Xã hội | Quý III/2020 |" not in text  # not yet due
    assert "| Văn phòng UBND tỉnh | 07/KH-VPUBND | 14/02/2020 | ban hành muộn |" in text
    assert "| Sở Y tế | — | — | chưa có |" in text

    data = json.loads(written(capsys, fixture_root, "2020-Q2", "json", tmp_path))
    states = {(line["agency"], line["period"]): line["state"] for line in data["reporting"]["lines"]}
    assert states[("vp-ubnd-tinh", "2020-Q1")] == "late" and states[("ubnd-cu-jut", "2020-Q2")] == "late"
    assert states[("so-y-te", "2020-Q2")] == "missing" and ("so-ldtbxh", "2020-Q1") not in states
    counts = data["reporting"]["counts"]
    assert counts["on_time"] == 3  # so-ldtbxh Q1 and Q2, vp-ubnd-tinh Q2
    # Q3 and Q4 are after the report's quarter: not counted, not even as not yet due
    assert main(["status", "--period", "2020-Q2", "--format", "json", "--root", str(fixture_root)]) == 0
    owed = [e for e in json.loads(capsys.readouterr().out)["reporting"] if e["period"] in ("2020-Q1", "2020-Q2")]
    missing = sum(e["state"] == "missing" for e in owed)
    assert counts["pending"] == 0 and sum(counts.values()) == len(owed) and counts["missing"] == missing
    assert data["reporting"]["counts_text"] == f"Báo cáo định kỳ: 3 đúng hạn, 2 nộp muộn, {missing} chưa nộp, 0 chưa đến hạn."


def test_values_are_cumulative_and_show_what_the_period_added(capsys, tmp_path, fixture_root):
    data = json.loads(written(capsys, fixture_root, "2020-Q2", "json", tmp_path))
    lines = {i["code"]: i for s in data["annex"] for r in s["rows"] for i in r["indicators"]}
    assert lines["II.3"]["value_text"] == "5/71 xã · 7,0 %"  # 2 communes in Q1, 3 in Q2
    assert lines["II.3"]["in_period_text"] == "3/71 xã · 4,2 %"
    assert lines["IX.2"]["value_text"] == "23/25 · 92 %" and lines["IX.2"]["in_period_text"] == "9/10 · 90 %"
    assert lines["V.1"]["status"] == "met" and lines["V.1"]["late"] is False
    assert lines["III.1a"]["in_period_text"] == "không có số liệu mới"
    q1 = json.loads(written(capsys, fixture_root, "2020-Q1", "json", tmp_path))
    assert q1["shows_in_period"] is False and q1["annex"][0]["rows"][0]["indicators"][0]["in_period_text"] is None


def test_met_after_the_due_date_is_shown_late(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020", "md", tmp_path)
    assert "**đạt (chậm)**: 40/100 · 40 % (chỉ tiêu ≥ 30 %; hạn 30/09/2020)" in text
    data = json.loads(written(capsys, fixture_root, "2020", "json", tmp_path))
    v4 = next(i for s in data["annex"] for r in s["rows"] for i in r["indicators"] if i["code"] == "V.4")
    assert (v4["status"], v4["late"], v4["status_label"]) == ("met", True, "đạt (chậm)")
    assert "đạt (chậm)" in written(capsys, fixture_root, "2020", "html", tmp_path)


def test_next_period_lists_what_falls_due(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020-Q2", "md", tmp_path)
    assert "Kỳ tới: Quý III/2020 (kỳ số liệu từ 15/06/2020 đến 14/09/2020); hạn nộp báo cáo: 21/09/2020." in text
    assert re.search(r"^\| V\.4 \| .* \| ≥ 30 % \| 30/09/2020 \| — \| chưa có số liệu \|$", text, re.M)
    text = written(capsys, fixture_root, "2020-Q4", "md", tmp_path)
    assert "Kế hoạch năm 2020 kết thúc ngày 31/12/2020; không còn kỳ báo cáo nào của Kế hoạch." in text


def test_annual_report_has_the_papi_results_with_the_share_of_indicators_met(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020", "md", tmp_path)
    assert "## IV. Kết quả Chỉ số PAPI năm 2020" in text
    assert "4/8 lĩnh vực đạt trung bình cao trở lên: mục tiêu 1.3 chưa đạt." in text
    # I.1 (3/71 communes at the year's end) is missed: 0 of dimension I's 1 indicator met
    assert "| I. Tham gia của người dân ở cấp cơ sở (D1) | 4,9243 | 29/63 | trung bình cao | có | 0/1 (0 %) |" in text
    # V.1 met (done in Q2) and V.4 met late (Q4), the 5 others missed: 2 of dimension V's 7 indicators
    assert "| V. Thủ tục hành chính công (D5) | 7,4418 | 24/63 | trung bình cao | có | 2/7 (28,6 %) |" in text
    assert "| **Chỉ số tổng hợp** | **41,6305** | 47/63 | trung bình thấp | | |" in text
    quarterly = written(capsys, fixture_root, "2020-Q4", "md", tmp_path)
    assert "Kết quả Chỉ số PAPI" not in quarterly
    (fixture_root / "plan" / "papi-scores-2020.csv").unlink()
    assert "Kết quả Chỉ số PAPI" not in written(capsys, fixture_root, "2020", "md", tmp_path)


def test_a_broken_scores_file_stops_the_annual_report(capsys, tmp_path, fixture_root):
    (fixture_root / "plan" / "papi-scores-2020.csv").write_text("province,dimension,score\nDak Nong,E-Governance,x\n")
    code, _, err = report(capsys, fixture_root, "2020", "md", tmp_path / "out")
    assert code == 1 and "plan/papi-scores-2020.csv:2:23" in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_from_submissions_is_escaped(capsys, tmp_path, fixture_root, fmt):
    text = written(capsys, fixture_root, "2020-Q1", fmt, tmp_path)
    assert re.search(r"(?<!\\)<script", text, re.I) is None  # no tag (Markdown keeps an escaped one)
    if fmt == "html":
        assert "Khảo sát &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | A &amp; B" in text
    else:  # literal in Markdown: no tag, and the pipe does not split the table cell
        assert r"Khảo sát \<script\>alert('x')\</script\> \| A & B" in text


def test_markdown_escaping():
    assert md_escape("a|b *c* <d> [e](f) `g` \\ &amp; A & B") == r"a\|b \*c\* \<d\> \[e\](f) \`g\` \\ \&amp; A & B"
    assert md_escape("- one\n- two") == "- one<br>- two"
    assert md_escape(None) == ""


def test_html_is_self_contained(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020", "html", tmp_path)
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in text and "@import" not in text and "<link" not in text and " src=" not in text
    assert "<svg" in text and "@page" in text and "Times New Roman" in text and 'class="bar"' in text


def test_a_template_error_writes_nothing_and_says_where(capsys, tmp_path, fixture_root):
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-cao-papi-2020-Q2.md").write_text("the previous report\n")
    broken = tmp_path / "mine"
    broken.mkdir()
    (broken / "report.md.j2").write_text("# {{ v.title }}\n\n{% for x in %}\n")
    code, stdout, err = report(capsys, fixture_root, "2020-Q2", "md", out, "--templates", str(broken))
    assert code == 1 and stdout == ""
    assert "report.md.j2:3:1: error[template-error]" in err and "Chưa ghi tệp báo cáo nào" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["bao-cao-papi-2020-Q2.md"]
    assert (out / "bao-cao-papi-2020-Q2.md").read_text() == "the previous report\n"


def test_an_error_while_rendering_is_located_too(capsys, tmp_path, fixture_root):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.html.j2").write_text("<p>{{ v.title }}</p>\n<p>{{ v.no_such_field }}</p>\n")
    code, _, err = report(capsys, fixture_root, "2020-Q2", "html", tmp_path / "out", "--templates", str(mine),
                          "--lang", "en")
    assert code == 1 and "report.html.j2:2:1: error[template-error]" in err and "no_such_field" in err
    assert "No report file was written" in err and not (tmp_path / "out").exists()


def test_templates_are_found_file_by_file(capsys, tmp_path, fixture_root):
    """--templates DIR first, then ROOT/templates, then the packaged defaults."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.css").write_text("body { color: #123456; }\n")
    text = written(capsys, fixture_root, "2020-Q2", "html", tmp_path, "--templates", str(mine))
    assert "#123456" in text and "<table class=\"annex\">" in text  # the default HTML, the province's CSS
    (fixture_root / "templates").mkdir()
    (fixture_root / "templates" / "report.md.j2").write_text("Báo cáo {{ v.period_label }}\n")
    assert written(capsys, fixture_root, "2020-Q2", "md", tmp_path) == "Báo cáo Quý II/2020\n"
    assert "#123456" not in written(capsys, fixture_root, "2020-Q2", "html", tmp_path)


def test_packaged_defaults_are_the_one_copy_in_the_package():
    """The defaults live in papi_cli/templates (the wheel ships them there); the project's own
    templates/ holds no copy of them, only what a province overrides."""
    assert sorted(p.name for p in PACKAGED.iterdir()) == ["letter.html.j2", "letter.md.j2", "report.css", "report.html.j2",
                                                          "report.md.j2"]
    assert PACKAGED == REPO / "papi_cli" / "templates"
    assert sorted(p.name for p in (REPO / "templates").iterdir()) == ["README.md"]


def test_every_label_the_templates_use_exists():
    used = set()
    for path in PACKAGED.glob("*.j2"):
        used |= set(re.findall(r"""\bt\("([^"]+)"[,)]""", path.read_text(encoding="utf-8")))
        for prefix in re.findall(r"""\bt\("([^"]+\.)" ~""", path.read_text(encoding="utf-8")):
            used |= {key for key in CATALOGUE if key.startswith(prefix)}
    assert len(used) > 40
    assert sorted(key for key in used if key not in CATALOGUE) == []


def test_english_labels(capsys, tmp_path, fixture_root):
    text = written(capsys, fixture_root, "2020-Q2", "html", tmp_path, "--lang", "en")
    headers, rows = annex_of(text, "html")
    assert headers == ["No.", "Key task", "Target", "Lead", "Implementers", "Timeframe", "Results"]
    assert len(rows) == 41 and "REPORT" in text and "Đắk Nông, 5 January 2021" in text


def test_data_version_is_the_git_commit_with_a_dirty_flag(capsys, tmp_path, fixture_root):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", "-C", str(fixture_root), *args], check=True, env=env)
    head = subprocess.run(["git", "-C", str(fixture_root), "rev-parse", "--short", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    data = json.loads(written(capsys, fixture_root, "2020-Q2", "json", tmp_path))
    assert (data["commit"], data["dirty"], data["data_version"]) == (head, False, head)
    with open(fixture_root / "submissions" / "2020-Q2" / "ubnd-cu-jut.yaml", "a", encoding="utf-8") as handle:
        handle.write("# edited\n")
    data = json.loads(written(capsys, fixture_root, "2020-Q2", "json", tmp_path))
    assert data["dirty"] is True and data["data_version"] == f"{head} (có thay đổi chưa commit)"


def test_skipped_files_are_named_in_the_report(capsys, tmp_path, fixture_root):
    (fixture_root / "submissions" / "2020-Q2" / "so-y-te.yaml").write_text("agency: so-y-te\nperiod: 2020-Q2\n")
    code, _, err = report(capsys, fixture_root, "2020-Q2", "md", tmp_path)
    text = (tmp_path / "bao-cao-papi-2020-Q2.md").read_text(encoding="utf-8")
    assert code == 0 and "submissions/2020-Q2/so-y-te.yaml" in err
    assert "Bỏ qua 1 tệp báo cáo không hợp lệ" in text and "so-y-te.yaml" in text


@pytest.mark.parametrize("args, message", [
    (["--period", "2020-Q5"], "--period"),
    (["--period", "2021-Q1"], "--period"),
    (["--period", "2020", "--as-of", "31/12/2020"], "--as-of"),
    (["--period", "2020", "--templates", "/no/such/folder"], "--templates"),
])
def test_bad_options_exit_2(capsys, tmp_path, fixture_root, args, message):
    code = main(["report", "--root", str(fixture_root), "--out", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err and not (tmp_path / "out").exists()


def test_json_shape_is_documented_in_the_readme(capsys, tmp_path, fixture_root):
    data = json.loads(written(capsys, fixture_root, "2020", "json", tmp_path))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = readme[readme.index("## Reports"):]
    row = data["annex"][0]["rows"][0]
    keys = {*data, *data["header"], *data["overall"], *row, *row["indicators"][0], *data["reporting"],
            *data["reporting"]["lines"][0], *data["documents"], *data["documents"]["lines"][0],
            *data["next_period"], *data["outcome"], *data["outcome"]["rows"][0], *data["signer"]}
    assert sorted(key for key in keys if f'"{key}"' not in documented) == []


def test_summary_line_names_the_period_once(capsys, tmp_path, fixture_root):
    """The plan's title ends "năm 2020": the annual report does not add "Năm 2020" again,
    a quarterly one names its quarter."""
    annual = written(capsys, fixture_root, "2020", "md", tmp_path)
    assert "tỉnh Đắk Nông năm 2020</b>" in annual and "năm 2020, Năm 2020" not in annual
    quarterly = written(capsys, fixture_root, "2020-Q2", "md", tmp_path)
    line = re.search(r'<p align="center"><b>(.*?)</b>', quarterly).group(1)
    assert line.endswith("tỉnh Đắk Nông quý II năm 2020") and line.count("2020") == 1 and "Quý" not in line
    for period, ending in (("2020-H1", "tỉnh Đắk Nông 6 tháng đầu năm 2020"),
                           ("2020-9M", "tỉnh Đắk Nông 9 tháng năm 2020")):
        text = written(capsys, fixture_root, period, "md", tmp_path)
        assert f"{ending}</b>" in text
        # one name for the period in the whole report: the line of the period, the summary, the annex
        name = ending.removeprefix("tỉnh Đắk Nông ")
        assert f"Kỳ báo cáo: **{name}**" in text and f"CỦA KẾ HOẠCH, {name.upper()}</b>" in text
    english = json.loads(written(capsys, fixture_root, "2020-Q3", "json", tmp_path, "--lang", "en"))
    assert english["summary_line"].endswith("tỉnh Đắk Nông: Q3 2020") and english["summary_line"].count("2020") == 1


def test_the_default_folder_is_reports_under_the_root(capsys, tmp_path, fixture_root, monkeypatch):
    """`papi report --root DIR` writes into DIR/reports, wherever it is run from."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["report", "--period", "2020-Q1", "--root", str(fixture_root)]) == 0
    capsys.readouterr()
    assert (fixture_root / "reports" / "bao-cao-papi-2020-Q1.md").is_file()
    assert not (elsewhere / "reports").exists()
