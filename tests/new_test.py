"""`papi new`: the skeleton lists what the agency must or may report, gives only "not filled in"
problems as written, validates once filled in, and never overwrites a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from papi_cli import periods
from papi_cli.authority import allowed_units, reportable
from papi_cli.cli import main
from papi_cli.filecheck import check_file
from papi_cli.render.submission_yaml import skeleton
from papi_cli.yamlsafe import load

TODAY = dt.date(2020, 12, 31)
NOT_FILLED_IN = {"field-not-filled-in", "result-not-filled-in"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["new", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def check(plan, text: str, agency: str, period: str = "2020-Q2"):
    return check_file(f"submissions/{period}/{agency}.yaml", period, agency, text.encode("utf-8"), plan, TODAY)


def test_new_writes_the_skeleton_with_the_schema_line(project, capsys, plan):
    code, out, err = run(capsys, "--agency", "so-ldtbxh", "--period", "2020-Q2", "--root", str(project))
    path = project / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    assert code == 0 and err == ""
    assert "submissions/2020-Q2/so-ldtbxh.yaml" in out and "papi validate" in out
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../submission.schema.json"
    doc, _ = load("x", text.encode())
    codes = list(doc.data["results"])
    rows = reportable(plan, "so-ldtbxh")
    assert codes == [indicator.code for _, indicator, _ in rows]
    assert codes[:3] == ["II.1", "II.2", "II.3"]  # the tasks it leads come first
    assert "IX.2" in codes and "III.3" not in codes
    # The task and target texts are there as comments.
    assert "# Chỉ tiêu: Tối thiểu 30% trên tổng số 71 xã phường được kiểm tra." in text
    assert "# II.3 — Tổ chức kiểm tra và xử lý nghiêm" in text


def test_the_fields_are_those_of_each_kind(plan):
    text = skeleton(plan, plan.agencies["ubnd-cu-jut"], periods.quarter(2020, 3), schema="s.json", label="f.yaml")
    doc, _ = load("x", text.encode())
    results = doc.data["results"]
    assert list(results["I.1"]) == ["units", "status", "evidence", "note"]
    assert list(results["II.6"]) == ["numerator", "denominator", "status", "evidence", "note"]
    assert list(results["VII.1"]) == ["percent", "status", "evidence", "note"]
    assert list(results["VI.1"]) == ["status", "evidence", "note"]
    assert list(results["V.3"]) == ["status", "evidence", "note"]  # an inspection of itself: no units to list
    assert all(value is None for result in results.values() for value in result.values())
    assert doc.data["agency"] == "ubnd-cu-jut" and doc.data["period"] == "2020-Q3"
    assert doc.data["submitted_on"] is None


def test_a_count_indicator_asks_for_a_count(plan):
    text = skeleton(plan, plan.agencies["so-gddt"], periods.quarter(2020, 4), schema="s.json", label="f.yaml")
    doc, _ = load("x", text.encode())
    assert list(doc.data["results"]["VI.5"]) == ["count", "status", "evidence", "note"]


@pytest.mark.parametrize("quarter", [1, 4])
def test_every_agencys_skeleton_gives_only_not_filled_in_problems(plan, quarter):
    period = f"2020-Q{quarter}"
    for agency in sorted(plan.agencies):
        if not reportable(plan, agency):
            continue
        text = skeleton(plan, plan.agencies[agency], periods.quarter(2020, quarter), schema="s.json", label="f.yaml")
        submission, problems = check(plan, text, agency, period)
        assert submission is None
        assert {p.code for p in problems} == NOT_FILLED_IN, (agency, problems)
        assert len(problems) == 1 + len(reportable(plan, agency))
        assert all(p.line for p in problems)


def _fill(plan, text: str, agency: str) -> str:
    """The skeleton with every empty field filled in the way a clerk would."""
    lines = []
    indicator = None
    for line in text.splitlines():
        stripped = line.split("#")[0].rstrip()
        if stripped.startswith("  ") and not stripped.startswith("    ") and stripped.endswith(":"):
            indicator = plan.indicator(stripped.strip()[:-1])
        key = stripped.strip()
        value = {
            "submitted_on:": "2020-06-18",
            "numerator:": "3",
            "denominator:": "4",
            "percent:": "96.5",
            "count:": "2",
            "status:": "done" if indicator is not None and indicator.kind == "milestone" else "in_progress",
            "evidence:": '["Báo cáo số 1/BC ngày 15/6/2020"]',
            "note:": "Đã thực hiện",
        }.get(key)
        if key == "units:":
            value = "[" + ", ".join(u.code for u in allowed_units(plan, plan.agencies[agency], indicator)[:2]) + "]"
        lines.append(f"{stripped} {value}" if value is not None else line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("agency", ["so-ldtbxh", "vp-ubnd-tinh", "so-gddt", "to-kiem-tra", "ubnd-cu-jut",
                                    "ubnd-nghia-duc", "ttyt-huyen", "mttq-tinh"])
def test_a_filled_skeleton_is_valid(plan, agency):
    text = skeleton(plan, plan.agencies[agency], periods.quarter(2020, 2), schema="s.json", label="f.yaml")
    submission, problems = check(plan, _fill(plan, text, agency), agency)
    assert problems == []
    assert submission is not None and set(submission.results) == {i.code for _, i, _ in reportable(plan, agency)}


def test_the_skeleton_in_english(plan):
    text = skeleton(plan, plan.agencies["so-ldtbxh"], periods.quarter(2020, 2), schema="s.json", label="f.yaml", lang="en")
    assert "# Report for Q2 2020 (2020-Q2) of Sở Lao động - Thương binh và Xã hội" in text
    assert "# Target: Tối thiểu 30%" in text


def test_new_never_overwrites(project, capsys):
    path = project / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("agency: so-ldtbxh  # my work\n", encoding="utf-8")
    code, out, err = run(capsys, "--agency", "so-ldtbxh", "--period", "2020-Q2", "--root", str(project))
    assert code == 1 and "không ghi đè" in err and out == ""
    assert path.read_text(encoding="utf-8") == "agency: so-ldtbxh  # my work\n"


def test_new_refuses_when_the_yml_twin_exists(project, capsys):
    twin = project / "submissions" / "2020-Q2" / "so-ldtbxh.yml"
    twin.parent.mkdir(parents=True)
    twin.write_text("x: 1\n")
    code, _, err = run(capsys, "--agency", "so-ldtbxh", "--period", "2020-Q2", "--root", str(project), "--lang", "en")
    assert code == 1 and "so-ldtbxh.yml already exists" in err
    assert not (project / "submissions" / "2020-Q2" / "so-ldtbxh.yaml").exists()


@pytest.mark.parametrize("args, words", [
    (["--agency", "so-lao-dong", "--period", "2020-Q2"], "so-lao-dong"),
    (["--agency", "so-ldtbxh", "--period", "2020-Q5"], "2020-Q5"),
    (["--agency", "so-ldtbxh", "--period", "2020-H1"], "2020-H1"),
    (["--agency", "so-ldtbxh", "--period", "2021-Q1"], "2021-Q1"),
])
def test_bad_options_are_usage_errors(project, capsys, args, words):
    code, _, err = run(capsys, *args, "--root", str(project))
    assert code == 2 and words in err and "Traceback" not in err
    assert list((project / "submissions").iterdir()) == []


def test_the_file_made_by_new_then_validate_tells_what_to_fill(project, capsys, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-06-30")
    run(capsys, "--agency", "ubnd-nghia-duc", "--period", "2020-Q2", "--root", str(project))
    code = main(["validate", "--root", str(project), "--format", "json", "--lang", "en"])
    import json

    problems = json.loads(capsys.readouterr().out)["problems"]
    assert code == 1 and {p["code"] for p in problems} == NOT_FILLED_IN
    assert problems[0]["message"].startswith("The field 'submitted_on' is not filled in: write a date YYYY-MM-DD")


def test_the_skeleton_points_at_the_schema_from_its_own_folder(tmp_path, capsys):
    import shutil

    from tests.conftest import REPO

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    elsewhere = tmp_path / "data" / "nop"
    code, _, _ = run(capsys, "--agency", "so-y-te", "--period", "2020-Q1", "--root", str(tmp_path),
                     "--submissions", str(elsewhere))
    first = (elsewhere / "2020-Q1" / "so-y-te.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert code == 0 and first == "# yaml-language-server: $schema=../../../submission.schema.json"
    assert Path(tmp_path / "data" / "nop" / "2020-Q1" / "../../../submission.schema.json").resolve() == (
        tmp_path / "submission.schema.json")
