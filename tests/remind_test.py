"""`papi remind`: who gets a reminder letter at several as-of dates, what a letter says, its
files, escaping in Markdown and HTML, the Word letter as LibreOffice prints it (converted once),
exit codes and an --out that cannot be written.

The input is tests/report-fixture/submissions (so-ldtbxh and vp-ubnd-tinh report Q2 on time,
ubnd-cu-jut late on 2020-06-26; the Q2 deadline is 2020-06-22, the 20th being a Saturday), plus
a Q1 report of so-tttt carrying its implementation document: so-tttt owes Q2 but its document is
on file, while every other agency that owes Q2 has sent no document (due 2020-02-10).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from papi_cli.cli import main
from papi_cli.evaluate import owing_agencies
from papi_cli.remind.letter import working_days_after
from papi_cli.render.markdown import escape as md_escape
from tests.conftest import REPO, report_project
from tests.office import convert, pdf_fonts, pdf_pages, pdf_text

DEADLINE = "22/06/2020"
TTTT_Q1 = """agency: so-tttt
period: 2020-Q1
submitted_on: 2020-03-18
implementation_document:
  number: "11/KH-STTTT"
  date: 2020-01-21
results:
  IX.1:
    status: in_progress
"""
HOSTILE_NAME = "Sở <b>Thông tin</b> & *Truyền* | thông [x](http://e.example)"
TIMES_METRIC = {"LiberationSerif", "Tinos", "TimesNewRoman", "TimesNewRomanPSMT"}


def make_root(folder: Path, *, hostile_name: bool = False) -> Path:
    root = folder / "project"
    report_project(root)
    (root / "submissions" / "2020-Q1" / "so-tttt.yaml").write_text(TTTT_Q1, encoding="utf-8")
    if hostile_name:
        plan = root / "plan" / "2020.yaml"
        text = plan.read_text(encoding="utf-8")
        text, n = re.subn(r"(  - code: so-tttt\n    name: )[^\n]+", rf'\g<1>"{HOSTILE_NAME}"', text)
        assert n == 1
        plan.write_text(text, encoding="utf-8")
    return root


def remind(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["remind", "--root", str(root), "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(out: str) -> dict[str, Path]:
    """The letters stdout names, by agency code."""
    found = [re.search(r"^(?:Đã ghi|Wrote) (\S*/don-doc-(\S+)-2020-Q\d\.\w+) ", line) for line in out.splitlines()]
    return {match[2]: Path(match[1]) for match in found if match}


def reported_by(root: Path, quarter: str, day: dt.date) -> set[str]:
    """The agencies with a file for the quarter submitted by ``day``, read from the files."""
    found = set()
    for path in (root / "submissions" / quarter).glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["submitted_on"] <= day:
            found.add(data["agency"])
    return found


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


@pytest.mark.parametrize("as_of", ["2020-05-01", "2020-06-01", "2020-06-22"])
def test_no_letter_before_or_on_the_deadline(capsys, root, tmp_path, as_of):
    out_dir = tmp_path / "letters"
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", as_of, "--out", str(out_dir))
    assert code == 0, err
    assert written(out) == {} and not out_dir.exists()
    assert out.strip().startswith("Không có công văn đôn đốc nào") and DEADLINE in out


@pytest.mark.parametrize("as_of", ["2020-06-23", "2020-06-30", "2020-12-31"])
def test_letters_go_exactly_to_the_agencies_whose_report_is_missing(capsys, root, tmp_path, plan, as_of):
    day = dt.date.fromisoformat(as_of)
    out_dir = tmp_path / "letters"
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", as_of, "--out", str(out_dir))
    assert code == 0, err
    expected = set(owing_agencies(plan)) - reported_by(root, "2020-Q2", day)
    assert set(written(out)) == expected
    assert {p.name for p in out_dir.iterdir()} == {f"don-doc-{a}-2020-Q2.md" for a in expected}
    assert len(out.splitlines()) == len(expected)  # one line per letter, nothing else
    assert "so-ldtbxh" not in expected and "vp-ubnd-tinh" not in expected  # reported on time
    assert "mttq-tinh" not in expected  # owes no quarterly report
    assert not any(code.startswith("ubnd-") and plan.agencies[code].level == "commune" for code in expected)
    # ubnd-cu-jut reported late, on 2020-06-26: missing before, no letter after
    assert ("ubnd-cu-jut" in expected) == (day < dt.date(2020, 6, 26))


def test_no_letter_when_everyone_has_reported(capsys, root, tmp_path, plan):
    for agency in owing_agencies(plan):  # each a valid late report: a sample file of the agency, moved to Q2
        path = root / "submissions" / "2020-Q2" / f"{agency}.yaml"
        if not path.exists():
            sample = sorted((REPO / "submissions").glob(f"2020-Q*/{agency}.yaml"))[0].read_text(encoding="utf-8")
            sample = re.sub(r"(?m)^period: .*$", "period: 2020-Q2", sample)
            sample = re.sub(r"(?m)^submitted_on: .*$", "submitted_on: 2020-07-01", sample)
            path.write_text(re.sub(r"(?ms)^implementation_document:\n(  .*?\n)+", "", sample), encoding="utf-8")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-07-02", "--out", str(tmp_path / "o"))
    assert code == 0, err
    assert written(out) == {}, out
    assert out.startswith("Không có công văn đôn đốc nào: đến ngày 02/07/2020")


def test_a_letter_says_what_is_owed_since_when_and_by_when(capsys, root, tmp_path):
    out_dir = tmp_path / "letters"
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(out_dir))
    assert code == 0, err
    letters = written(out)
    with_document = letters["so-gtvt"].read_text(encoding="utf-8")
    assert "Kính gửi: Sở Giao thông vận tải" in with_document
    assert "Số: …/SNV-CCHC" in with_document
    subject = "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch cải thiện và nâng cao Chỉ số hiệu quả quản trị"
    assert subject in with_document
    assert with_document.index("Số: …/SNV-CCHC") < with_document.index(subject)  # under the number
    assert "Đắk Nông, ngày 30 tháng 6 năm 2020" in with_document
    assert f"quá hạn từ ngày {DEADLINE}" in with_document and "quý II năm 2020" in with_document
    assert "chậm nhất ngày 07/07/2020" in with_document  # Tuesday + 5 working days
    assert "submissions/2020-Q2/so-gtvt.yaml" in with_document
    assert "văn bản triển khai Kế hoạch (hạn gửi ngày 10/02/2020)" in with_document
    assert "- Sở Giao thông vận tải;" in with_document and "- Lưu: VT, CCHC." in with_document
    assert "KT. GIÁM ĐỐC" in with_document and "(Họ và tên)" in with_document
    # so-tttt's document is on file: its letter asks for the report alone
    without = letters["so-tttt"].read_text(encoding="utf-8")
    assert "Kính gửi: Sở Thông tin và Truyền thông" in without
    assert "văn bản triển khai" not in without and "chậm nhất ngày 07/07/2020" in without


def test_a_peoples_committee_is_named_with_its_unit_type_in_lower_case(capsys, root, tmp_path):
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-23", "--out", str(tmp_path / "l"))
    assert code == 0, err
    letter = written(out)["ubnd-cu-jut"].read_text(encoding="utf-8")
    assert "Kính gửi: UBND huyện Cư Jút" in letter and "- UBND huyện Cư Jút;" in letter
    assert "đề nghị UBND huyện Cư Jút khẩn trương" in letter
    assert "UBND Huyện" not in letter and "UBND Huyện" not in out and "(gửi UBND huyện Cư Jút)" in out


def test_by_sets_the_date_asked_for_and_must_follow_the_as_of_date(capsys, root, tmp_path):
    out_dir = tmp_path / "letters"
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--by", "2020-07-15",
                            "--out", str(out_dir))
    assert code == 0, err
    assert "chậm nhất ngày 15/07/2020" in written(out)["so-gtvt"].read_text(encoding="utf-8")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--by", "2020-06-30",
                            "--out", str(tmp_path / "other"))
    assert code == 2 and out == "" and "--by" in err
    assert not (tmp_path / "other").exists()


def test_working_days_skip_weekends_and_the_plans_holidays(plan):
    holidays = plan.file.reporting.holidays
    assert working_days_after(dt.date(2020, 6, 30), 5, holidays) == dt.date(2020, 7, 7)
    assert working_days_after(dt.date(2020, 7, 10), 5, holidays) == dt.date(2020, 7, 17)  # a Friday
    # 30/04 and 01/05 are holidays, 02-03/05 a weekend
    assert working_days_after(dt.date(2020, 4, 28), 5, holidays) == dt.date(2020, 5, 7)


def test_english_letters(capsys, root, tmp_path):
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out",
                            str(tmp_path / "en"), "--lang", "en")
    assert code == 0, err
    letter = written(out)["so-gtvt"].read_text(encoding="utf-8")
    assert "To: Department of Transport" in letter and "Re: reminder to report" in letter
    assert "overdue since 2020-06-22" in letter and "by 2020-07-07 at the latest" in letter
    assert "the Department of Home Affairs has not received the report of the Department of Transport" in letter
    assert "The Department of Transport is kindly asked" in letter
    assert "Kính gửi" not in letter


def test_names_are_escaped_in_markdown_and_html(capsys, tmp_path):
    root = make_root(tmp_path, hostile_name=True)
    for fmt in ("md", "html"):
        code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--format", fmt,
                                "--out", str(tmp_path / fmt))
        assert code == 0, err
        text = written(out)["so-tttt"].read_text(encoding="utf-8")
        assert "<b>Thông tin</b>" not in text
        if fmt == "html":
            assert "Sở &lt;b&gt;Thông tin&lt;/b&gt; &amp; *Truyền* | thông" in text
            assert "<script" not in text and "src=" not in text and "<link" not in text  # self-contained
            assert "size: A4" in text
        else:
            assert md_escape(HOSTILE_NAME) in text


def test_a_period_that_is_not_a_quarter_is_a_usage_error(capsys, root):
    for period in ("2020-H1", "2020-9M", "2020"):
        code, out, err = remind(capsys, root, "--period", period)
        assert code == 2 and out == ""
        assert f"'{period}' không phải một quý" in err


def test_plan_errors_exit_1(capsys, root, tmp_path):
    plan = root / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("deadline_day: 20", "deadline_day: 40"), encoding="utf-8")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(tmp_path / "o"))
    assert code == 1 and out == "" and "2020.yaml" in err
    assert not (tmp_path / "o").exists()


def test_an_out_that_cannot_be_written_is_a_usage_error(capsys, root, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for out_dir in (blocker, blocker / "letters", root / "submissions" / "2020-Q2", root / "plan",
                    root / "narrative", root / "narrative" / "letters"):
        code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(out_dir))
        assert code == 2 and out == "" and "--out" in err, err
    assert blocker.read_text(encoding="utf-8") == "x"
    if os.geteuid() != 0:  # root writes into a read-only folder anyway
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(locked))
        assert code == 2 and out == "" and "--out" in err and not list(locked.iterdir())
    assert not list((root / "submissions").rglob("don-doc-*")) and not list((root / "plan").glob("don-doc-*"))
    assert not (root / "narrative").exists()


def test_default_folder_is_reports_and_as_of_is_today(capsys, root, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-06-25")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--format", "html")
    assert code == 0, err
    letters = written(out)
    assert letters and all(p.parent == root / "reports" for p in letters.values())
    assert "ubnd-cu-jut" in letters  # its late report came on the 26th
    assert "ngày 25 tháng 6 năm 2020" in letters["so-gtvt"].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_follows_the_language(capsys, monkeypatch, lang):
    monkeypatch.setenv("PAPI_LANG", lang)
    code = main(["remind", "--help"])
    shown = capsys.readouterr().out
    assert code == 0
    for flag in ("--period", "--as-of", "--by", "--format", "--out", "--root", "--plan", "--submissions", "--lang",
                 "--no-cache"):
        assert flag in shown
    assert ("md, html, docx" in shown) and (("Cách dùng: papi remind" if lang == "vi" else "Usage: papi remind") in shown)
    main(["--help"])
    assert "remind" in capsys.readouterr().out


# --- the Word letter, as LibreOffice prints it -------------------------------------------------------

@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    folder = tmp_path_factory.mktemp("remind-docx")
    root = make_root(folder)
    code = main(["remind", "--root", str(root), "--no-cache", "--period", "2020-Q2", "--as-of", "2020-06-30",
                 "--format", "docx", "--out", str(folder / "letters")])
    assert code == 0
    docx = folder / "letters" / "don-doc-so-gtvt-2020-Q2.docx"
    pdf = convert(docx, "pdf", folder / "pdf")
    return pdf, pdf_text(pdf), docx


def test_the_word_letter_prints_on_one_a4_page_in_times(word):
    pdf, _, _ = word
    pages = pdf_pages(pdf)
    assert len(pages) == 1 and all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pages)
    assert pdf_fonts(pdf) <= TIMES_METRIC and pdf_fonts(pdf)


def test_the_word_letter_holds_the_decree_30_parts_in_order(word):
    _, text, _ = word
    flat = " ".join(text.split())
    parts = ["UBND TỈNH ĐẮK NÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc",
             "Số: …/SNV-CCHC", "Đắk Nông, ngày 30 tháng 6 năm 2020", "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch",
             "Kính gửi: Sở Giao thông vận tải", "quá hạn từ ngày 22/06/2020", "hạn gửi ngày 10/02/2020",
             "chậm nhất ngày 07/07/2020", "submissions/2020-Q2/so-gtvt.yaml", "thực hiện./.", "Nơi nhận:",
             "KT. GIÁM ĐỐC", "Lưu: VT, CCHC.", "(Họ và tên)"]
    positions = [flat.find(part) for part in parts]
    assert -1 not in positions, [p for p, at in zip(parts, positions, strict=True) if at == -1]
    assert positions[4] < positions[6] < positions[7]  # the subject under the number, before "Kính gửi"


def test_the_letters_facts_are_pure():
    """``remind/letter.py`` decides who gets a letter without words or files, as the core does."""
    from tests.architecture_test import LANGUAGE, reachable

    assert sorted(m for m in reachable("papi_cli.remind.letter") if m.startswith((*LANGUAGE, "papi_cli.files"))) == []


# --- the HTML letter, as Chromium prints it ----------------------------------------------------------

@pytest.fixture(scope="module")
def printed_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.report_browser_test import _require_tools, print_to_pdf

    _require_tools()
    folder = tmp_path_factory.mktemp("remind-html")
    root = make_root(folder)
    code = main(["remind", "--root", str(root), "--no-cache", "--period", "2020-Q2", "--as-of", "2020-06-30",
                 "--format", "html", "--out", str(folder / "letters")])
    assert code == 0
    pdf = folder / "letter.pdf"
    print_to_pdf(folder / "letters" / "don-doc-so-gtvt-2020-Q2.html", pdf, folder / "profile")
    return pdf


def test_the_html_letter_prints_on_one_a4_page_in_one_times_font(printed_html):
    pages = pdf_pages(printed_html)
    assert len(pages) == 1 and all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pages)
    assert len(pdf_fonts(printed_html)) == 1 and pdf_fonts(printed_html) <= TIMES_METRIC
    flat = " ".join(pdf_text(printed_html).split())
    for part in ("Số: …/SNV-CCHC", "V/v đôn đốc báo cáo", "Kính gửi: Sở Giao thông vận tải", "Nơi nhận:",
                 "chậm nhất ngày 07/07/2020", "(Họ và tên)"):
        assert part in flat, part


def test_the_html_letter_rules_are_as_long_as_decree_30_sets(printed_html):
    """Under the issuing body 1/3 to 1/2 of its line (it was 30 % of the column), under the motto
    as long as the motto (it was 60 % of the column)."""
    from papi_cli.words import say
    from tests.report_browser_test import check_rules

    header = {"issuing_body": "Sở Nội vụ", "motto": say("report.motto", "vi"),
              "date_line": "Đắk Nông, ngày 30 tháng 6 năm 2020"}
    check_rules(printed_html, header, "Số: …/SNV-CCHC", None, None, left_mm=0.39 * 165)


def test_a_province_template_is_used_and_a_broken_one_exits_1(capsys, root, tmp_path):
    (root / "templates").mkdir()
    (root / "templates" / "letter.md.j2").write_text("{{ v.to }} / {{ v.header.number }}\n", encoding="utf-8")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(tmp_path / "a"))
    assert code == 0, err
    assert written(out)["so-gtvt"].read_text(encoding="utf-8") == "Kính gửi: Sở Giao thông vận tải / …/SNV-CCHC\n"
    (root / "templates" / "letter.md.j2").write_text("{{ v.to }}\n{{ v.no_such_field }}\n", encoding="utf-8")
    code, out, err = remind(capsys, root, "--period", "2020-Q2", "--as-of", "2020-06-30", "--out", str(tmp_path / "b"))
    assert code == 1 and out == ""
    assert "templates/letter.md.j2:2" in err and "template-error" in err
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())


def test_the_word_letter_records_its_data_version(word):
    import docx

    from papi_cli.words import say

    core = docx.Document(str(word[2])).core_properties
    assert core.version == say("report.version_unknown", "vi")  # the project copy is no git checkout
    assert core.title == "Công văn đôn đốc báo cáo quý II năm 2020: Sở Giao thông vận tải"
    assert core.language == "vi-VN"
