"""Lookalike digits and letters count nowhere: every code is ASCII, and a character that only
looks like a letter or digit is an error that names it and where it stands, instead of a second
period counted beside the first or a suggestion that looks the same."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile.conftest import GOOD, codes, papi, validate_json


def status_json(capsys, root: Path) -> dict:
    code, out, _ = papi(capsys, "status", "--root", str(root), "--format", "json")
    assert code == 0
    return json.loads(out)


def test_a_fullwidth_period_folder_is_refused_and_not_counted(root, capsys):
    """submissions/２０２０-Q1/ with period: ２０２０-Q1 once passed and was counted beside 2020-Q1."""
    before = next(i for i in status_json(capsys, root)["indicators"] if i["code"] == "II.3")
    folder = root / "submissions" / "２０２０-Q1"
    folder.mkdir()
    (folder / "so-ldtbxh.yaml").write_text(
        "agency: so-ldtbxh\nperiod: ２０２０-Q1\nsubmitted_on: 2020-03-18\nresults:\n  II.3:\n    units: [dak-wil]\n",
        encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    assert code == 1
    problem = next(p for p in report["problems"] if p["code"] == "not-ascii-name")
    assert problem["file"] == "submissions/２０２０-Q1" and "U+FF12 (FULLWIDTH DIGIT TWO)" in problem["message"]
    after = next(i for i in status_json(capsys, root)["indicators"] if i["code"] == "II.3")
    assert after["numerator"] == before["numerator"]


def test_a_fullwidth_period_in_a_file_names_the_character(root, capsys):
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD.replace("period: 2020-Q2", "period: ２０２０-Q2"), encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    problem = report["problems"][0]
    assert code == 1 and (problem["code"], problem["line"], problem["column"]) == ("not-ascii", 2, 9)
    assert "U+FF12 (FULLWIDTH DIGIT TWO) at column 9" in problem["message"]


def test_a_cyrillic_letter_in_a_unit_is_named_not_suggested(root, capsys):
    """'nghia-duс' with a Cyrillic 'с': not "no unit 'nghia-duс', e.g. nghia-duc"."""
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD.replace("units: [nghia-duc, 24612]", "units: [nghia-duс, 24612]"), encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    assert code == 1 and codes(report) == ["not-ascii"]
    problem = report["problems"][0]
    assert (problem["line"], problem["column"]) == (6, 21)
    assert "U+0441 (CYRILLIC SMALL LETTER ES) at column 21" in problem["message"]
    assert "e.g." not in problem["message"]


def test_a_cyrillic_letter_in_an_agency_or_indicator_code(root, capsys):
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD.replace("agency: so-ldtbxh", "agency: sо-ldtbxh").replace("  III.2:", "  IIІ.2:"),
                    encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    found = {(p["line"], p["column"]) for p in report["problems"] if p["code"] == "not-ascii"}
    assert code == 1 and found == {(1, 10), (7, 5)}
    assert any("U+043E (CYRILLIC SMALL LETTER O) at column 10" in p["message"] for p in report["problems"])


def test_a_lookalike_file_name_is_refused(root, capsys):
    folder = root / "submissions" / "2020-Q2"
    (folder / "so-ldtbxh.yaml").rename(folder / "sо-ldtbxh.yaml")
    code, report = validate_json(capsys, root)
    assert code == 1 and codes(report) == ["not-ascii-name"]


def test_a_lookalike_code_in_the_plan_is_refused(root, capsys):
    plan = root / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  - code: II.3\n", "  - code: ІI.3\n", 1),
                    encoding="utf-8")
    code, report = validate_json(capsys, root)
    assert code == 1 and "not-ascii" in codes(report)
