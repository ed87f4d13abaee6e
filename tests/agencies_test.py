"""`papi agencies`: every agency's code, so that a clerk finds their own; and the agency and
dimension options understood as a clerk gives them (a name, a PAPI code) with the closest codes
suggested when they name nothing."""

from __future__ import annotations

import json

import pytest

from papi_cli.cli import main
from tests.conftest import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--root", str(REPO)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_agency_is_listed_with_its_tasks_and_whether_it_reports(capsys, plan):
    code, out, _ = run(capsys, "agencies", "--format", "json")
    assert code == 0
    rows = {row["code"]: row for row in json.loads(out)["agencies"]}
    assert set(rows) == set(plan.agencies)  # the committees papi makes for each unit included
    health = rows["so-y-te"]
    assert health["name"] == "Sở Y tế" and health["level"] == "province"
    assert health["leads"] == ["IV.6", "VI.2", "VI.3", "VI.4"] and "III.1" in health["implements"]
    assert health["owes_quarterly_report"] and health["reports_to"] == "so-noi-vu"
    # those `papi tasks` never shows as a lead: an implementer only, a hospital
    assert rows["so-tu-phap"]["leads"] == [] and rows["so-tu-phap"]["implements"]
    assert not rows["so-tu-phap"]["owes_quarterly_report"]
    assert "benh-vien-tinh" in rows
    # a commune reports to its district, not to the province
    commune = rows["ubnd-ea-tling"]
    assert commune["level"] == "commune" and commune["reports_to"] == "ubnd-cu-jut"
    assert not commune["owes_quarterly_report"] and rows["ubnd-cu-jut"]["owes_quarterly_report"]
    assert not rows["mttq-tinh"]["owes_quarterly_report"]  # "requested", not ordered (evaluate.NOT_OWING)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_table_fits_80_columns_and_shows_every_code(capsys, plan, monkeypatch, lang):
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, _ = run(capsys, "agencies", "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80 and not any(line.endswith(" ") for line in lines)
    codes = {line.split()[0] for line in lines if line.strip()}
    assert set(plan.agencies) <= codes  # never wrapped or cut
    assert ("Huyện Cư Jút" in out) and ("so-tu-phap" in out)


@pytest.mark.parametrize("given", ["Sở Y tế", "sở y tế", "So Y te", "SO Y TE"])
def test_an_agency_given_by_its_name_is_understood(capsys, given):
    code, out, _ = run(capsys, "tasks", "--agency", given, "--format", "json")
    assert code == 0 and json.loads(out)["agency"] == "so-y-te"


@pytest.mark.parametrize(("given", "closest", "english"), [
    ("so-yte", "so-y-te (Sở Y tế)", "so-y-te (Department of Health)"),
    ("Sở Tư Pháp tỉnh", "so-tu-phap (Sở Tư pháp)", "so-tu-phap (Department of Justice)"),
    ("benh-vien", "benh-vien-tinh", "benh-vien-tinh"),
])
def test_an_unknown_agency_gets_the_closest_codes_and_names(capsys, given, closest, english):
    code, _, err = run(capsys, "status", "--agency", given)
    assert code == 2 and f"gần nhất là: {closest}" in err and "papi agencies" in err
    code, _, err = run(capsys, "new", "--agency", given, "--period", "2020-Q2", "--lang", "en")
    assert code == 2 and f"the closest are: {english}" in err and "papi agencies" in err


def test_a_file_of_an_unknown_agency_gets_the_closest_codes(capsys, tmp_path):
    import shutil

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    folder = tmp_path / "submissions" / "2020-Q2"
    folder.mkdir(parents=True)
    (folder / "so-yte.yaml").write_text("agency: so-yte\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\n"
                                        "results:\n  IV.6: {note: x}\n", encoding="utf-8")
    assert main(["validate", "--root", str(tmp_path)]) == 1
    assert "so-y-te (Sở Y tế)" in capsys.readouterr().out


@pytest.mark.parametrize("given", ["III", "D3", "d3"])
def test_a_dimension_by_the_plans_code_or_its_papi_code(capsys, given):
    code, out, _ = run(capsys, "status", "--dimension", given, "--format", "json")
    assert code == 0
    assert {row["dimension"] for row in json.loads(out)["indicators"]} == {"III"}
    code, out, _ = run(capsys, "tasks", "--dimension", given, "--format", "json")
    assert code == 0 and [d["code"] for d in json.loads(out)["dimensions"]] == ["III"]


def test_an_unknown_dimension_lists_both_codes(capsys):
    code, _, err = run(capsys, "status", "--dimension", "D9")
    assert code == 2 and "III (D3)" in err

