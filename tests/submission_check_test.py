"""The pure check of one submission, and its property: whatever the bytes or the YAML, the loader and
the validator never raise, and every problem is located (file-level ones aside)."""

from __future__ import annotations

import datetime as dt
from string import Formatter

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papi_cli.filecheck import check_file
from papi_cli.layout import Paths
from papi_cli.load import load_plan
from papi_cli.words import CATALOGUE, say
from tests.conftest import REPO

PLAN = load_plan(Paths.resolve(REPO)).value
TODAY = dt.date(2020, 12, 31)
FILE = "submissions/2020-Q2/so-ldtbxh.yaml"
FILE_LEVEL = {"file-too-large", "not-utf8-wide"}  # about the file as a whole: no line


def check_bytes(raw: bytes, agency: str = "so-ldtbxh", period: str = "2020-Q2"):
    """The loader then the checks, as load_submissions runs them; returns (submission, problems)."""
    return check_file(FILE, period, agency, raw, PLAN, TODAY)


def assert_located(problems) -> None:
    for problem in problems:
        assert problem.file == FILE
        if problem.code not in FILE_LEVEL:
            assert problem.line is not None and problem.line >= 1, problem
            assert problem.column is not None and problem.column >= 1, problem
        assert say(problem.message, "vi") and say(problem.message, "en")
        for template in CATALOGUE[problem.code]:  # every field of the message is given
            assert {name for _, name, _, _ in Formatter().parse(template) if name} <= set(problem.args), problem


def assert_consistent(submission, problems) -> None:
    """No error means a submission; a submission holds only codes and units of the plan."""
    if not any(p.severity == "error" for p in problems):
        assert submission is not None
    if submission is not None:
        for code, result in submission.results.items():
            assert PLAN.find_indicator(code) is not None
            assert all(unit in PLAN.units for unit in result.units or ())


# --- properties ------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(raw):
    submission, problems = check_bytes(raw)
    assert_located(problems)
    assert_consistent(submission, problems)


FIELDS = ["agency", "period", "submitted_on", "implementation_document", "results", "units", "numerator",
          "denominator", "percent", "count", "status", "evidence", "note", "number", "date", "all"]
CODES = [i.code for _, i in PLAN.indicators()] + ["III.1", "X.1"]
UNITS = ["nghia-duc", "cu-jut", "24611", "663", "all", "xyz"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(FIELDS + CODES + UNITS + ["done", "in_progress", "2020-Q2", "so-ldtbxh"]),
    st.dates(dt.date(2019, 1, 1), dt.date(2021, 12, 31)), st.integers(24611, 24620),
)
keys = st.one_of(st.sampled_from(FIELDS + CODES), st.text(max_size=8))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
                         max_leaves=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_documents_never_crash(data):
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    submission, problems = check_bytes(raw)
    assert_located(problems)
    assert_consistent(submission, problems)


values = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(keys, scalars, max_size=3))
results = st.dictionaries(st.sampled_from(CODES), st.one_of(st.none(), st.dictionaries(
    st.sampled_from(FIELDS[5:13] + ["x"]), values, max_size=4)), max_size=5)
submissions = st.fixed_dictionaries(
    {"agency": st.sampled_from(["so-ldtbxh", "ubnd-cu-jut", "ubnd-nghia-duc", "x"]),
     "period": st.sampled_from(["2020-Q2", "2020-Q3", "2020-2", "2019-Q4"]),
     "submitted_on": st.one_of(st.dates(dt.date(2020, 1, 1), dt.date(2021, 1, 31)), scalars),
     "results": results},
    optional={"implementation_document": st.one_of(values, st.fixed_dictionaries(
        {"number": values, "date": st.one_of(st.dates(), scalars)}))},
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(submissions, st.sampled_from(["so-ldtbxh", "ubnd-cu-jut", "ubnd-nghia-duc", "x"]))
def test_submission_shaped_documents_never_crash(data, agency):
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    submission, problems = check_bytes(raw, agency=agency)
    assert_located(problems)
    assert_consistent(submission, problems)


# --- the check itself -----------------------------------------------------------------------------
def test_a_valid_file_gives_checked_values():
    submission, problems = check_bytes(
        "agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: '2020-06-18'\nresults:\n"
        "  II.3: {units: all}\n  IX.2: {numerator: 0, denominator: 0}\n  V.1: {status: done, evidence: [QĐ 1]}\n".encode())
    assert problems == []
    assert submission.submitted_on == dt.date(2020, 6, 18)  # a quoted ISO date is a date
    assert len(submission.results["II.3"].units) == 71
    assert submission.results["IX.2"].numerator == 0 and not submission.results["V.1"].has_figures
    assert submission.results["V.1"].evidence == ("QĐ 1",)


def test_a_percent_may_be_whole_or_decimal():
    for text, value in (("96", 96.0), ("96.5", 96.5), ("0", 0.0), ("100", 100.0)):
        submission, problems = check_bytes(
            f"agency: vp-ubnd-tinh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  III.4:\n    percent: {text}\n"
            .encode(), agency="vp-ubnd-tinh")
        assert problems == [] and submission.results["III.4"].percent == value


def test_booleans_and_decimals_are_not_whole_numbers():
    for text in ("true", "14.0", "1e3"):
        _, problems = check_bytes(
            f"agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  IX.2:\n"
            f"    numerator: {text}\n    denominator: 20\n".encode())
        assert [p.code for p in problems] == ["wrong-type"] and problems[0].line == 6


def test_a_date_time_is_not_a_date():
    _, problems = check_bytes(b"agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18 10:00:00\n"
                              b"results:\n  II.3: {note: x}\n")
    assert [(p.code, p.line) for p in problems] == [("wrong-type", 3)]


def test_a_document_that_is_not_a_mapping():
    _, problems = check_bytes(b"- agency: so-ldtbxh\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("wrong-type", 1, 1)]


def test_messages_name_the_value_and_what_is_allowed():
    _, problems = check_bytes(b"agency: ubnd-cu-jut\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
                              b"  I.1:\n    units: [nghia-duc]\n  III.3:\n    note: x\n", agency="ubnd-cu-jut")
    outside, not_authorised = problems
    assert "'nghia-duc'" in say(outside.message, "vi") and "ea-tling, dak-wil" in say(outside.message, "vi")
    assert "III.3" in say(not_authorised.message, "en") and "may report: I.1, II.1" in say(not_authorised.message, "en")


# --- what a clerk naturally writes (issue 11) -----------------------------------------------------
def _plan_with(tmp_path, old: str, new: str):
    """The bundled plan with one edit to its units file."""
    import shutil

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    units = tmp_path / "plan" / "units-2020.yaml"
    text = units.read_text(encoding="utf-8")
    assert old in text
    units.write_text(text.replace(old, new, 1), encoding="utf-8")
    plan = load_plan(Paths.resolve(tmp_path)).value
    assert plan is not None
    return plan


def test_a_name_two_units_may_mean_lists_both(tmp_path):
    # Give Xã Ea Pô (Cư Jút) the alias "Nam Dong", the name of another of Cư Jút's communes.
    plan = _plan_with(tmp_path, "    name: Xã Ea Pô\n", "    name: Xã Ea Pô\n    aliases: [Nam Dong]\n")
    raw = ("agency: ubnd-cu-jut\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
           "  II.4:\n    units: [nam dong, Ea Pô]\n").encode()
    _, problems = check_file(FILE, "2020-Q2", "ubnd-cu-jut", raw, plan, TODAY)
    assert [(p.code, p.line, p.column) for p in problems] == [("ambiguous-unit", 6, 13)]
    text = say(problems[0].message, "en")
    assert "ea-po (Xã Ea Pô)" in text and "nam-dong (Xã Nam Dong)" in text and "slug" not in text


def test_a_name_is_understood_within_what_the_agency_may_report(tmp_path):
    # Two communes named alike in two districts: each district means its own.
    plan = _plan_with(tmp_path, "    name: Xã Ea Pô\n", "    name: Xã Ea Pô\n    aliases: [Quảng Sơn]\n")
    raw = ("agency: ubnd-cu-jut\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
           "  II.4:\n    units: [xã Quảng Sơn]\n").encode()
    submission, problems = check_file(FILE, "2020-Q2", "ubnd-cu-jut", raw, plan, TODAY)
    assert problems == [] and submission.results["II.4"].units == ("ea-po",)


def test_a_small_percent_is_no_fraction_where_the_target_is_small(tmp_path):
    import shutil

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    plan_file = tmp_path / "plan" / "2020.yaml"
    text = plan_file.read_text(encoding="utf-8")
    at = text.index("- code: III.4\n", text.index("- code: III.4\n") + 1)
    plan_file.write_text(text[:at] + text[at:].replace("threshold: 95", "threshold: 40", 1), encoding="utf-8")
    plan = load_plan(Paths.resolve(tmp_path)).value
    raw = (b"agency: vp-ubnd-tinh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  III.4:\n    percent: 0.965\n")
    assert check_file(FILE, "2020-Q2", "vp-ubnd-tinh", raw, plan, TODAY)[1] == []
    warned = check_file(FILE, "2020-Q2", "vp-ubnd-tinh", raw, PLAN, TODAY)[1]
    assert [(p.code, p.severity) for p in warned] == [("percent-as-fraction", "warning")]
    assert "96,5" in say(warned[0].message, "vi") and "96.5?" in say(warned[0].message, "en")


def test_a_comment_is_found_whatever_the_line_ends():
    for end in ("\n", "\r\n", "\r"):
        raw = end.join(["agency: so-ldtbxh", "period: 2020-Q2", "submitted_on: 2020-06-18", "results:",
                        "  II.3:", "    note: Tờ trình #45 đã gửi", ""]).encode()
        _, problems = check_bytes(raw)
        assert [(p.code, p.line, p.column) for p in problems] == [("comment-cuts-text", 6, 20)], end
        assert '"Tờ trình #45 đã gửi"' in say(problems[0].message, "en")


def test_placeholders_are_told_from_text():
    from papi_cli.submission_check import placeholder

    for text in ("", " ", "…", "...", "—", "Kế hoạch số …/KH-… ngày …", "Plan No. …/KH-… of …", "số ... ngày ..."):
        assert placeholder(text, reference=True), text
    for text in ("Báo cáo số 7/BC-SYT về việc…", "12/KH-SYT", "Kế hoạch 1...2"):
        assert not placeholder(text, reference=True), text
    assert not placeholder("Đang triển khai ...", reference=False)


def test_a_unit_name_is_understood_whatever_its_case_diacritics_or_type_word():
    raw = ("agency: ubnd-cu-jut\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
           "  II.4:\n    units: [xã đắk wil, EA TLING, nam dong, thi tran ea t'ling]\n").encode()
    submission, problems = check_bytes(raw, agency="ubnd-cu-jut")
    assert [p.code for p in problems] == ["duplicate-unit"]  # Ea T'Ling twice, by two spellings
    raw = raw.replace(b", thi tran ea t'ling", b"")
    submission, problems = check_bytes(raw, agency="ubnd-cu-jut")
    assert problems == [] and submission.results["II.4"].units == ("dak-wil", "ea-tling", "nam-dong")


def test_a_district_name_for_a_commune_indicator_is_its_commune_namesake():
    """"Đắk Mil" is both a district and the township of Đắk Mil: for communes it is the township."""
    raw = ("agency: ubnd-dak-mil\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
           "  II.4:\n    units: [Đắk Mil]\n").encode()
    submission, problems = check_bytes(raw, agency="ubnd-dak-mil")
    assert problems == [] and submission.results["II.4"].units == ("thi-tran-dak-mil",)
