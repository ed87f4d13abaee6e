"""The safe YAML loader refuses PyYAML's traps with located problems, and keeps every value as written."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
import unicodedata

import pytest

from papi_cli.words import CATALOGUE, say
from papi_cli.yamlsafe import ALIAS_BOUND, MAX_BYTES, MAX_DEPTH, load


def problems(raw: bytes) -> list[tuple[str, int | None, int | None]]:
    _, found = load("f.yaml", raw)
    return [(p.code, p.line, p.column) for p in found]


def test_a_plain_document_loads_with_marks():
    doc, found = load("f.yaml", b"agency: so-y-te\nresults:\n  II.3:\n    units: [a, 24612]\n")
    assert found == []
    assert doc.data == {"agency": "so-y-te", "results": {"II.3": {"units": ["a", 24612]}}}
    assert (doc.mark(("results", "II.3", "units", 1)).line, doc.mark(("results", "II.3", "units", 1)).column) == (4, 16)
    assert doc.key_mark(("results", "II.3")).line == 3


def test_duplicate_key_is_refused_where_it_repeats():
    assert problems(b"a: 1\nb:\n  c: 1\n  c: 2\n") == [("duplicate-key", 4, 3)]
    _, found = load("f.yaml", b"a: 1\na: 2\n")
    assert found[0].args == {"key": "a", "first_line": 1}


@pytest.mark.parametrize("text", [
    b"a: !!python/object/apply:os.system [echo]\n",
    b"a: !!python/name:os.system\n",
    b"a: !custom x\n",
    b"a: !!binary aGk=\n",
    b"a: !!set {x}\n",
    b"a: !!omap [x: 1]\n",
])
def test_non_standard_tags_are_refused(text):
    assert [code for code, *_ in problems(text)] == ["yaml-tag"]


@pytest.mark.parametrize("text", [b"a: !!str 12\n", b"a: !!int 3\n", b"a: !!float 1\n", b"a: !!int 1.5\n",
                                  b"a: !!bool maybe\n", b'a: !!null "x"\n', b"a: &x !!str 12\nb: *x\n",
                                  b"a: !!map {b: 1}\n", b"!!str k: v\n"])
def test_any_explicit_tag_is_a_tag_problem(text):
    """A tag says how to read a value; papi reads values one way only, so a tag, even a standard
    one, is named as what it is (not as an ambiguity), and no value is dropped without a word."""
    _, found = load("f.yaml", text)
    assert [p.code for p in found][:1] == ["yaml-tag"] and found[0].line == 1, found
    assert "!!" in say(found[0].message, "en")


def test_alias_bomb_stops_at_the_bound_in_little_time_and_memory():
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    levels += [f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    raw = ("\n".join(levels) + "\n").encode()  # 9**9 ≈ 387 million strings if expanded
    tracemalloc.start()
    started = time.perf_counter()
    try:
        found = problems(raw)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [code for code, *_ in found] == ["yaml-alias-bomb"]
    assert elapsed < 2.0
    assert peak < 20 * 1024 * 1024


def test_a_few_aliases_are_fine():
    doc, found = load("f.yaml", b"a: &x [1, 2]\nb: *x\n")
    assert found == [] and doc.data == {"a": [1, 2], "b": [1, 2]}
    assert ALIAS_BOUND >= 10


def test_merge_keys_are_refused():
    assert [c for c, *_ in problems(b"a: &x {k: 1}\nb:\n  <<: *x\n")] == ["yaml-merge-key"]


def test_files_over_one_mebibyte_are_refused_before_parsing():
    raw = b"a: 1\n#" + b" " * MAX_BYTES
    assert problems(raw) == [("file-too-large", None, None)]
    assert problems(b"a: 1\n#" + b" " * (MAX_BYTES - 8)) == []


def test_bytes_that_are_not_utf8_are_located():
    assert problems("a: 1\nb: Kế hoạch\n".encode().replace("ế".encode(), b"\xea")) == [("not-utf8", 2, 5)]
    assert problems("a: café\n".encode("latin-1")) == [("not-utf8", 1, 7)]


def test_a_nul_byte_means_a_binary_file():
    assert problems(b"a: 1\n\x00\x01") == [("binary-file", 2, 1)]


def test_a_utf8_bom_is_accepted():
    doc, found = load("f.yaml", b"\xef\xbb\xbfagency: so-y-te\n")
    assert found == [] and doc.data == {"agency": "so-y-te"}


def test_nfd_text_keys_included_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Nghĩa Đức")
    doc, found = load("f.yaml", f"{nfd}: {nfd}\n".encode())
    assert found == []
    assert doc.data == {"Nghĩa Đức": "Nghĩa Đức"}
    assert all(unicodedata.is_normalized("NFC", s) for s in [*doc.data, *doc.data.values()])


@pytest.mark.parametrize("raw, line", [(b"a:\n\tb: 1\n", 2), (b"a:\n  b: 1\n\tc: 2\n", 3), (b"a:\n  - 1\n\t- 2\n", 3)])
def test_tab_indentation_has_its_own_code(raw, line):
    assert [(c, ln) for c, ln, _ in problems(raw)] == [("tab-indent", line)]


def test_a_tab_inside_a_value_is_just_text():
    doc, found = load("f.yaml", b"a: b\tc\n")
    assert found == [] and doc.data == {"a": "b\tc"}


@pytest.mark.parametrize("raw", [b"1: x\n", b"1.5: x\n", b"true: x\n", b"2020-01-01: x\n", b"[a]: x\n"])
def test_keys_must_be_text(raw):
    assert [c for c, *_ in problems(raw)] == ["key-not-text"]


def test_quoted_numeric_keys_are_text():
    doc, found = load("f.yaml", b"'1': x\n")
    assert found == [] and doc.data == {"1": "x"}


@pytest.mark.parametrize("raw, line, column", [
    (b"a: [1, 2\nb: 3\n", 1, 9),  # where the ']' goes, not where libyaml gave up
    (b"a: 'unclosed\n", 1, 13),  # where the closing quote goes
    (b"a: b: c\n", 1, 5),
    (b"- a\nb: c\n", 2, 1),
])
def test_syntax_errors_are_located(raw, line, column):
    found = problems(raw)
    assert len(found) == 1 and found[0][0] == "yaml-syntax"
    assert found[0][1:] == (line, column)


def test_more_than_one_document_is_refused():
    assert [c for c, *_ in problems(b"a: 1\n---\nb: 2\n")] == ["multiple-documents"]


@pytest.mark.parametrize("raw", [b"", b"   \n", b"# only a comment\n"])
def test_empty_documents_are_refused(raw):
    assert [c for c, *_ in problems(raw)] == ["empty-file"]


@pytest.mark.parametrize("value", [b"yes", b"No", b"on", b"OFF", b"010", b"0x1F", b"1:30", b".inf", b".NaN"])
def test_yaml_1_1_retyping_is_refused(value):
    """Plain scalars PyYAML would turn into booleans, octal, hex or sexagesimal numbers."""
    _doc, found = load("f.yaml", b"a: " + value + b"\n")
    assert [(p.code, p.line, p.column) for p in found] == [("yaml-ambiguous", 1, 4)]


def test_the_same_words_quoted_are_text():
    doc, found = load("f.yaml", b"a: 'yes'\nb: \"010\"\nc: true\nd: 10\ne: 1.5\n")
    assert found == []
    assert doc.data == {"a": "yes", "b": "010", "c": True, "d": 10, "e": 1.5}


def test_dates_are_dates_and_impossible_dates_are_located():
    doc, found = load("f.yaml", b"a: 2020-06-18\n")
    assert found == [] and doc.data == {"a": dt.date(2020, 6, 18)}
    assert problems(b"a: 2020-02-30\n") == [("bad-date", 1, 4)]


def test_nesting_is_bounded():
    raw = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    assert [c for c, *_ in problems(raw)] == ["yaml-too-deep"]


def test_aliases_to_a_long_string_count_toward_the_bound():
    """`evidence: [*x, *x, …]` repeating a 2,000-character note 150,000 times is refused quickly."""
    raw = b"note: &x " + b"y" * 2000 + b"\nevidence: [" + b", ".join([b"*x"] * 150_000) + b"]\n"
    doc, problems = load("f.yaml", raw)
    assert doc is None and [(p.code, p.line) for p in problems] == [("yaml-alias-bomb", 1)]


def test_a_few_scalar_aliases_are_fine():
    doc, problems = load("f.yaml", b"a: &s hello\nb: *s\nc: [*s, *s]\n")
    assert problems == [] and doc.data == {"a": "hello", "b": "hello", "c": ["hello", "hello"]}


@pytest.mark.parametrize("number", [b"9" * 5001, b"1234567890123456", b"94.99999999999999999"])
def test_numbers_beyond_15_digits_are_refused_not_rounded(number):
    """A percent of 94.99999999999999999 must not become 95.0 and meet "≥ 95 %"; a 5,001-digit
    integer is a located problem, not a crash."""
    _doc, problems = load("f.yaml", b"percent: " + number + b"\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("number-too-long", 1, 10)]
    assert len(say(problems[0].message)) < 200


def test_trailing_zeros_of_a_fraction_do_not_count_as_digits():
    doc, problems = load("f.yaml", b"a: 95.000000000000000000\nb: 100000000000000\n")
    assert problems == [] and doc.data == {"a": 95.0, "b": 100000000000000}


def test_a_tag_is_shown_as_typed():
    _, problems = load("f.yaml", b"x: !!python/object:os.system ls\n")
    assert "!!python/object:os.system" in say(problems[0].message)


@pytest.mark.parametrize(("source", "line", "words"), [
    (b"a: b: c\n", 1, "dấu ': '"),
    (b"a:\n  b: 1\n c: 2\n", 3, "thụt lề"),
    (b'a: "x\n', 1, "chưa được đóng"),
    (b"a:\n  - x\n b: 1\n", 3, "thụt lề"),
])
def test_syntax_errors_in_a_clerks_words(source, line, words):
    """Both languages explain what is wrong; neither falls back to libyaml's words."""
    _, problems = load("f.yaml", source)
    assert [(p.code, p.line) for p in problems] == [("yaml-syntax", line)]
    assert words in say(problems[0].message, "vi") and "mapping" not in say(problems[0].message, "vi")
    english = say(problems[0].message, "en")
    assert english.startswith("YAML syntax error: ") and "libyaml" not in english


FORM = """agency: so-y-te
period: 2020-Q2
submitted_on: 2020-06-18
results:
  IV.6:
    numerator: 12
    denominator: 20
    status: in_progress
    evidence: ["Kế hoạch số 12/KH-SYT"]
    note: Đang làm
  VI.2:
    status: done
    evidence: ["Quyết định số 5/QĐ-SYT"]
"""


@pytest.mark.parametrize(("old", "new", "line", "column", "words"), [
    # libyaml: line 7 col 16, under the next field
    ("numerator: 12", "numerator:12", 6, 15, "a space is missing after the ':' of 'numerator'"),
    ("note: Đang làm", "note:Đang làm", 10, 10, "type one just before 'Đang làm'"),
    # libyaml: line 8, the line after the one moved
    ("    denominator: 20", "  denominator: 20", 7, 3, "indented 2 spaces while line 6 above has 4"),
    ("    denominator: 20", "      denominator: 20", 7, 7, "indent this line 4 spaces"),
    # libyaml: line 10 or 13, "did not find expected key"
    ('["Kế hoạch số 12/KH-SYT"]', '["Kế hoạch số 12/KH-SYT"', 9, 39, "the '[' opened at column 15 is not closed"),
    ('["Kế hoạch số 12/KH-SYT"]', '["Kế hoạch số 12/KH-SYT]', 9, 38, 'the quote " opened at column 16'),  # before ]
    ("note: Đang làm", 'note: "Đang làm', 10, 20, 'the quote " opened at column 11'),
    ("note: Đang làm", "note: 'Đang làm", 10, 20, "the quote ' opened at column 11"),
    ("note: Đang làm", 'note: "Đang làm" thêm', 10, 22, "but 'thêm' does"),
    ("note: Đang làm", "note: Tờ trình: số 5", 10, 19, 'double quotes: "Tờ trình: số 5"'),
    # a no-break space pasted from Word, in the indentation and after a colon
    ("    denominator: 20", "\u00a0   denominator: 20", 7, 1, "U+00A0 (NO-BREAK SPACE)"),
    ("denominator: 20", "denominator:\u00a020", 7, 17, "U+00A0 (NO-BREAK SPACE)"),
])
def test_a_syntax_error_is_reported_where_the_clerk_must_type(old, new, line, column, words):
    assert old in FORM
    _, found = load("f.yaml", FORM.replace(old, new, 1).encode())
    assert [(p.code, p.line, p.column) for p in found] == [("yaml-syntax", line, column)]
    assert words in say(found[0].message, "en")
    assert "libyaml" not in say(found[0].message, "vi")


def test_a_diagnosis_is_offered_only_when_its_fix_works():
    """A multi-line quoted text earlier in the file is legal YAML: it is not blamed for an error
    further down, which is reported where libyaml finds it."""
    raw = b'a: "one\n  two"\nb:\n  c: 1\n d: 2\n'
    _, found = load("f.yaml", raw)
    assert [(p.code, p.line, p.column) for p in found] == [("yaml-syntax", 5, 2)]


def test_libyaml_complaints_without_a_diagnosis_are_explained_in_both_languages():
    from papi_cli.yamlsyntax import EXPLAINED

    for _, key in EXPLAINED:
        vi, en = CATALOGUE[key]
        assert vi and en and "libyaml" not in vi + en
