"""The narrative file's parser (papi_cli/report/narrative.py): headings, blocks, emphasis, what is
not read, the warnings for text it does not place, hostile files, and linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papi_cli.report.model import Block, Run
from papi_cli.report.narrative import parse, read, runs, section_of
from papi_cli.report.templates import md_runs


def sections(text: str) -> dict[str, tuple[Block, ...]]:
    parsed = parse("narrative/2020-Q2.md", text)
    assert [p for p in parsed.problems if p.severity == "error"] == []
    return parsed.sections


@pytest.mark.parametrize("heading, key", [
    ("Đánh giá chung", "assessment"),
    ("ĐÁNH GIÁ CHUNG", "assessment"),
    ("1. Đánh giá chung", "assessment"),
    ("I. Đánh giá chung:", "assessment"),
    ("Danh gia chung", "assessment"),
    ("Overall assessment", "assessment"),
    ("Phương hướng, nhiệm vụ kỳ tới", "next_tasks"),
    ("II. PHƯƠNG HƯỚNG NHIỆM VỤ KỲ TỚI.", "next_tasks"),
    ("Directions and tasks for the next period", "next_tasks"),
    ("3) Kiến nghị, đề xuất", "proposals"),
    ("Recommendations and proposals", "proposals"),
    ("Kết quả đạt được", None),
    ("", None),
])
def test_headings_name_the_sections_in_either_language_and_any_case_or_numbering(heading, key):
    assert section_of(heading) == key


def test_paragraphs_lists_and_emphasis():
    found = sections(
        "# Đánh giá chung\n"
        "Dòng một\n  dòng hai\n\n"
        "Có **đậm** và *nghiêng* và _nghiêng_.\n\n"
        "- một\n* hai\n  tiếp\n+ ba\n\n"
        "3. ba\n4) bốn\n"
        "## Kiến nghị, đề xuất ##\n"
        "Đề nghị.\n")
    blocks = found["assessment"]
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "bullets", "numbers"]
    assert blocks[0].items == ((Run("Dòng một dòng hai"),),)
    assert blocks[1].items[0] == (Run("Có "), Run("đậm", bold=True), Run(" và "), Run("nghiêng", italic=True),
                                  Run(" và "), Run("nghiêng", italic=True), Run("."))
    assert [item[0].text for item in blocks[2].items] == ["một", "hai tiếp", "ba"]
    assert blocks[3].start == 3 and [item[0].text for item in blocks[3].items] == ["ba", "bốn"]
    assert found["proposals"] == (Block("paragraph", ((Run("Đề nghị."),),)),)


def test_bold_runs_never_start_or_end_with_spaces():
    assert runs("**a *b* c**") == (Run("a", bold=True), Run(" "), Run("b", bold=True, italic=True), Run(" "),
                                   Run("c", bold=True))


def test_unmatched_or_spaced_delimiters_and_words_with_underscores_stay_literal():
    assert runs("2 * 3 * 4, snake_case_name, **không đóng") == (Run("2 * 3 * 4, snake_case_name, **không đóng"),)
    assert runs("** không **") == (Run("** không **"),)


def test_lettered_items_start_paragraphs_of_their_own():
    """"a) …", "b) …", "đ) …", as administrative texts number points, are not joined to the line
    above (they were one paragraph with it); the letter stays as written."""
    found = sections("# Đánh giá chung\nCác nội dung:\na) Công khai;\nb) Minh bạch\nvà tiếp tục;\nđ) Khác.\n")
    assert found["assessment"] == tuple(Block("paragraph", ((Run(text),),)) for text in (
        "Các nội dung:", "a) Công khai;", "b) Minh bạch và tiếp tục;", "đ) Khác."))


def test_a_backslash_keeps_a_delimiter_as_written():
    """``\\*`` is a star, as in Markdown (it printed as a backslash around italic text)."""
    assert runs(r"\*không nghiêng\* và **đậm**") == (Run("*không nghiêng* và "), Run("đậm", bold=True))
    assert runs(r"mã\_số, C:\\tệp, \x") == (Run(r"mã_số, C:\tệp, \x"),)
    assert md_runs(runs(r"\*sao\*")) == r"\*sao\*"  # escaped again for Markdown: a star, not italic


def test_links_images_html_code_and_quotes_are_not_read():
    text = "[liên kết](http://x) ![ảnh](a.png) <b>x</b> `mã` > trích &amp;"
    found = sections(f"# Đánh giá chung\n{text}\n")
    assert found["assessment"] == (Block("paragraph", ((Run(text),),)),)


def test_comments_are_dropped_and_a_section_of_hints_only_is_not_written():
    found = sections("# Đánh giá chung\n<!-- gợi ý\nnhiều dòng -->\n# Kiến nghị, đề xuất\nA <!-- x --> B\n")
    assert found["assessment"] == ()
    assert found["proposals"] == (Block("paragraph", ((Run("A B"),),)),)
    assert "next_tasks" not in found
    unclosed = sections("# Đánh giá chung\nA\n<!-- chưa đóng\n# Kiến nghị, đề xuất\nB\n")
    assert unclosed == {"assessment": (Block("paragraph", ((Run("A"),),)),)}  # an HTML comment runs to the end


def test_text_not_placed_is_a_located_warning():
    parsed = parse("narrative/2020-Q2.md", "Lời mở đầu\n## Đánh giá chung\nA\n   ## Khác\nB\n# Đánh giá chung\nC\n")
    codes = [(p.code, p.line, p.column, p.severity) for p in parsed.problems]
    assert codes == [("narrative-outside-section", 1, 1, "warning"), ("narrative-unknown-heading", 4, 4, "warning"),
                     ("narrative-repeated-section", 6, 1, "warning")]
    assert parsed.problems[1].args["heading"] == "Khác"
    assert [b.items[0][0].text for b in parsed.sections["assessment"]] == ["A", "C"]


def test_a_deeper_heading_inside_a_section_is_its_bold_subheading_not_dropped():
    parsed = parse("narrative/2020-Q2.md",
                   "# I. ĐÁNH GIÁ CHUNG\n\n## 1. Kết quả *đạt* được\n\nNhiều chỉ tiêu đạt.\n\n"
                   "### 2. Tồn tại, hạn chế và nguyên nhân\n- Chậm báo cáo.\n"
                   "# Ghi chú khác\nKhông đưa vào.\n"
                   "## II. Kiến nghị, đề xuất\n### a) Với UBND tỉnh\nĐề nghị.\n")
    assert [(p.code, p.line) for p in parsed.problems] == [("narrative-unknown-heading", 9)]  # same level: not placed
    blocks = parsed.sections["assessment"]
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "paragraph", "bullets"]
    assert blocks[0].items == ((Run("1. Kết quả", bold=True), Run(" "), Run("đạt", bold=True, italic=True),
                                Run(" "), Run("được", bold=True)),)
    assert blocks[1].items == ((Run("Nhiều chỉ tiêu đạt."),),)
    assert blocks[2].items == ((Run("2. Tồn tại, hạn chế và nguyên nhân", bold=True),),)
    assert parsed.sections["proposals"] == (Block("paragraph", ((Run("a) Với UBND tỉnh", bold=True),),)),
                                            Block("paragraph", ((Run("Đề nghị."),),)))


def test_a_hashtag_is_not_a_heading():
    found = sections("# Đánh giá chung\n#PAPI là chỉ số\n")
    assert found["assessment"] == (Block("paragraph", ((Run("#PAPI là chỉ số"),),)),)


@pytest.mark.parametrize("raw, code", [
    (b"# \xc4\x90\xc3\xa1nh gi\xc3\xa1 chung\n\xff\n", "not-utf8"),
    ("# Đánh giá chung\nA\u202eB\n".encode(), "hidden-character"),
    ("# Đánh giá chung\nA\x07B\n".encode(), "hidden-character"),
    (b"\x00\x01", "binary-file"),
])
def test_hostile_files_are_errors_with_their_place(tmp_path, raw, code):
    path = tmp_path / "2020-Q2.md"
    path.write_bytes(raw)
    parsed, problems, _ = read(path, "narrative/2020-Q2.md")
    assert parsed is None and problems[0].code == code and problems[0].severity == "error"
    if code == "hidden-character":
        assert (problems[0].line, problems[0].column) == (2, 2)


def test_a_file_over_the_size_bound_is_refused_before_reading(tmp_path):
    path = tmp_path / "2020-Q2.md"
    path.write_bytes(b"a" * (1024 * 1024 + 1))
    parsed, problems, _ = read(path, "narrative/2020-Q2.md")
    assert parsed is None and problems[0].code == "file-too-large"


def test_text_is_normalised_to_nfc(tmp_path):
    path = tmp_path / "2020-Q2.md"
    path.write_bytes("# Đánh giá chung\nTie\u0302\u0301ng Vie\u0323\u0302t\n".encode())  # decomposed
    parsed, _, _ = read(path, "narrative/2020-Q2.md")
    assert parsed is not None and parsed.sections["assessment"][0].items[0][0].text == "Tiếng Việt"


@pytest.mark.parametrize("text", [
    "# Đánh giá chung\n" + "**a " * 40000,
    "# Đánh giá chung\n" + "_a *b " * 30000,
    "# Đánh giá chung\n" + "a" + " " * 200000 + "b",
    "# a" + " " * 200000 + "b ##",
    "<!--" * 50000,
    "# Đánh giá chung\n" + "- x\n" * 50000,
])
def test_linear_time_on_adversarial_input(text):
    started = time.perf_counter()
    parse("narrative/2020-Q2.md", text)
    assert time.perf_counter() - started < 2.0


ALPHABET = st.sampled_from(list("ab Đế*_#-+1.)<>&!`[]()\n\t") + ["<!--", "-->", "**", "\r\n", "<script>", "  "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=200).map("".join))
def test_any_text_parses_and_its_markdown_never_holds_a_raw_angle_bracket(text):
    parsed = parse("narrative/2020-Q2.md", "# Đánh giá chung\n" + text)
    for blocks in parsed.sections.values():
        for block in blocks:
            assert block.kind in ("paragraph", "bullets", "numbers") and block.items
            for item in block.items:
                for run in item:
                    assert run.text and (not (run.bold or run.italic) or run.text == run.text.strip())
                rendered = str(md_runs(item))
                assert "<" not in rendered.replace("\\<", "") and ">" not in rendered.replace("\\>", "")
                assert "\n" not in rendered


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=3000))
def test_any_unicode_text_parses_in_time(text):
    started = time.perf_counter()
    parse("narrative/2020-Q2.md", text)
    assert time.perf_counter() - started < 1.0


def test_warnings_are_bounded_and_quote_headings_short():
    parsed = parse("narrative/2020-Q2.md", "".join(f"# Khác {n}\n" for n in range(1000)) + "# " + "x" * 500 + "\n")
    assert len(parsed.problems) == 201 and {p.severity for p in parsed.problems} == {"warning"}
    assert parsed.problems[-1].code == "problems-not-listed" and parsed.problems[-1].args["count"] == 801
    long = parse("narrative/2020-Q2.md", "# " + "x" * 500 + "\n").problems[0]
    assert len(long.args["heading"]) == 60
