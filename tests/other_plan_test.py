"""A second plan, written as another province would (tests/plans/tinh-mau/, a fictional province):
every command works on it end to end, and every figure is what its files say.

It differs from the 2020 plan in all the format allows (its README lists how), so a passing run
shows that nothing in papi is tied to Đắk Nông or to 2020."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from papi_cli.cli import main
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "plans" / "tinh-mau"


@pytest.fixture
def mau(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "tinh-mau"
    shutil.copytree(FIXTURE, root)
    monkeypatch.setenv("PAPI_TODAY", "2022-12-31")
    monkeypatch.delenv("COLUMNS", raising=False)
    return root


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_plan_and_its_files_validate_clean(mau, capsys):
    code, out, _ = run(capsys, "validate", "--root", mau, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["problems"] == []
    assert data["checked"]["submissions"] == 7
    assert run(capsys, "plan", "check", mau / "plan" / "2022.yaml")[0] == 0


def test_status_gives_what_the_files_say(mau, capsys):
    code, out, _ = run(capsys, "status", "--root", mau, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["plan"] == "88/KH-UBND" and data["year"] == 2022 and data["as_of"] == "2022-12-31"
    by_code = {i["code"]: i for i in data["indicators"]}
    assert list(by_code) == ["1.1", "1.2", "2.1", "2.2a", "2.2b", "3.1", "3.2"]
    # 1.1: Phường Một, Hòa An (now part of Xã Hòa Bình), Phường Hai, and all 3 of Sông Xanh: 6 of 6
    assert (by_code["1.1"]["numerator"], by_code["1.1"]["denominator"]) == (6, 6)
    assert by_code["1.1"]["status"] == "met" and by_code["1.1"]["late"] is False
    # 1.2: one district of two inspected is 50 %, and the target is more than 50 %
    assert (by_code["1.2"]["numerator"], by_code["1.2"]["denominator"], by_code["1.2"]["status"]) == (1, 2, "missed")
    assert by_code["2.1"]["percent"] == 92.5 and by_code["2.1"]["status"] == "met"
    # a flow ratio sums every report: 40/41 + 20/20 + 300/305
    flow = by_code["2.2a"]
    assert (flow["numerator"], flow["denominator"]) == (360, 366) and flow["status"] == "met"
    assert flow["percent"] == float(round(Fraction(36000, 366), 2))
    # a stock ratio sums each agency's latest: 10/50 + 12/40 + 20/100
    assert (by_code["2.2b"]["numerator"], by_code["2.2b"]["denominator"]) == (42, 190)
    assert by_code["2.2b"]["status"] == "missed"
    assert by_code["3.1"]["count"] == 3 and by_code["3.1"]["status"] == "missed"  # 3 of at least 4
    assert by_code["3.2"]["done"] is True and by_code["3.2"]["status"] == "met"
    assert [d["agency"] for d in data["implementation_documents"] if d["on_time"]] == ["ubnd-tp-mau"]


def test_its_own_deadline_day_and_agencies_owe_reports(mau, capsys):
    data = json.loads(run(capsys, "status", "--root", mau, "--format", "json")[1])
    owing = sorted({r["agency"] for r in data["reporting"]})
    assert owing == ["snv", "stttt", "ttpvhcc", "ubnd-song-xanh", "ubnd-tp-mau", "vp"]
    deadlines = {r["period"]: r["deadline"] for r in data["reporting"]}
    assert deadlines == {"2022-Q1": "2022-03-15", "2022-Q2": "2022-06-15", "2022-Q3": "2022-09-15",
                         "2022-Q4": "2022-12-15"}
    states = {(r["agency"], r["period"]): r["state"] for r in data["reporting"]}
    assert states[("ubnd-tp-mau", "2022-Q1")] == "on_time" and states[("ubnd-song-xanh", "2022-Q2")] == "late"
    assert states[("stttt", "2022-Q3")] == "late" and states[("vp", "2022-Q2")] == "on_time"


def test_a_holiday_of_its_own_moves_a_deadline(mau, capsys):
    """Make the 15th of June 2022 a holiday: the Q2 deadline moves to the next working day."""
    plan = mau / "plan" / "2022.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    - 2022-09-01\n", "    - 2022-06-15\n    - 2022-09-01\n"),
                    encoding="utf-8")
    data = json.loads(run(capsys, "status", "--root", mau, "--format", "json")[1])
    assert {r["deadline"] for r in data["reporting"] if r["period"] == "2022-Q2"} == {"2022-06-16"}


def test_the_merged_communes_former_names_are_understood(mau, capsys):
    submission = mau / "submissions" / "2022-Q1" / "ubnd-tp-mau.yaml"
    submission.write_text(submission.read_text(encoding="utf-8").replace("Hòa An]", "Bình Minh, Hòa Bình]"),
                          encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--root", mau, "--format", "json")
    assert code == 1 and [p["code"] for p in json.loads(out)["problems"]] == ["duplicate-unit"]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_reports_of_its_periods(mau, capsys, tmp_path, fmt):
    for period in ("2022-Q2", "2022"):
        code, _, err = run(capsys, "report", "--root", mau, "--period", period, "--format", fmt, "--out", tmp_path)
        assert code == 0, err
        text = (tmp_path / f"bao-cao-papi-{period}.{fmt}").read_text(encoding="utf-8")
        assert "88/KH-UBND" in text and "Đắk Nông" not in text and "46/QĐ-UBND" not in text
        assert "SỞ NỘI VỤ" in text or fmt == "json"


def test_the_other_commands(mau, capsys, tmp_path):
    tasks = json.loads(run(capsys, "tasks", "--root", mau, "--format", "json")[1])
    assert [t["code"] for t in tasks["tasks"]] == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]
    assert run(capsys, "tasks", "--root", mau, "--dimension", "D6", "--format", "json")[0] == 0
    lines = run(capsys, "codeowners", "--root", mau)[1].splitlines()
    assert "/submissions/*/stttt.yaml @tinh-mau/cntt" in lines and "/submissions/*/snv.yaml @tinh-mau/snv" in lines
    code, out, _ = run(capsys, "new", "--root", mau, "--agency", "Trung tâm Phục vụ hành chính công", "--period", "2022-Q4")
    assert code == 0
    written = (mau / "submissions" / "2022-Q4" / "ttpvhcc.yaml").read_text(encoding="utf-8")
    assert "88/KH-UBND" in written and '\n  "2.1":\n' in written  # quoted: unquoted, YAML reads 2.1 as a number
    code, out, _ = run(capsys, "validate", "--root", mau, "--format", "json")
    assert {p["code"] for p in json.loads(out)["problems"]} == {"field-not-filled-in", "result-not-filled-in"}
    schema = json.loads(run(capsys, "schema", "--root", mau)[1])
    assert schema["properties"]["period"]["pattern"] == "^2022-Q[1-4]$"
    assert "Hòa An" in schema["$defs"]["unit-communes"]["enum"]
