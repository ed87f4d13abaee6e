"""`papi tasks` and the command line's behaviour on help and bad options."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from papi_cli.cli import main
from tests.conftest import CONTRACT, REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_tasks_json_matches_the_contract(capsys):
    code, out, _ = run(capsys, "tasks", "--format", "json", "--root", str(REPO))
    assert code == 0
    data = json.loads(out)
    schema = json.loads((CONTRACT / "tasks.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert len(data["tasks"]) == 41
    ii3 = next(t for t in data["tasks"] if t["code"] == "II.3")
    assert ii3["lead"] == ["so-ldtbxh"]
    assert len([a for a in ii3["implementers"] if a.startswith("ubnd-")]) == 8 + 71
    assert ii3["indicators"] == [
        {"code": "II.3", "name": ii3["indicators"][0]["name"], "kind": "coverage", "population": "communes",
         "op": ">=", "threshold": 30, "due": "2020-12-31", "ongoing": True}
    ]


def test_tasks_of_an_agency_marks_what_it_leads(capsys):
    code, out, _ = run(capsys, "tasks", "--agency", "so-ldtbxh", "--format", "json", "--root", str(REPO))
    assert code == 0
    roles = {t["code"]: t["role"] for t in json.loads(out)["tasks"]}
    assert roles["II.1"] == roles["II.2"] == roles["II.3"] == "lead"
    assert roles["IX.2"] == "implementer"  # one of "Các Sở, Ban, ngành"
    assert "III.3" not in roles


def test_tasks_of_a_district_committee_include_group_tasks(capsys):
    code, out, _ = run(capsys, "tasks", "--agency", "ubnd-cu-jut", "--format", "json", "--root", str(REPO))
    roles = {t["code"]: t["role"] for t in json.loads(out)["tasks"]}
    assert code == 0 and roles["I.1"] == "lead" and roles["II.1"] == "implementer"


def test_tasks_table_in_both_languages(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run(capsys, "tasks", "--dimension", "II", "--root", str(REPO))
    assert code == 0
    assert "Công khai, minh bạch" in out and "≥ 30 % xã" in out and "II.7" in out and "III.1" not in out
    code, out, _ = run(capsys, "tasks", "--dimension", "II", "--lang", "en", "--root", str(REPO))
    assert code == 0 and "Target" in out and "≥ 30% communes" in out


@pytest.mark.parametrize(
    "args",
    [
        ["tasks", "--bogus"],
        ["tasks", "--format", "xml"],
        ["tasks", "--agency", "so-khong-co"],
        ["tasks", "--dimension", "VIII"],
        ["no-such-command"],
    ],
)
def test_bad_usage_exits_2_with_one_line(capsys, args):
    code, out, err = run(capsys, *args, "--root", str(REPO)) if args[0] == "tasks" else run(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("papi: ")


def test_help_is_clear():
    result = subprocess.run([sys.executable, "-m", "papi_cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("validate", "status", "report", "new", "tasks", "codeowners", "schema", "outcome"):
        assert command in result.stdout
    result = subprocess.run([sys.executable, "-m", "papi_cli", "tasks", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "--agency" in result.stdout and "--format" in result.stdout and "Traceback" not in result.stderr


def test_version():
    result = subprocess.run([sys.executable, "-m", "papi_cli", "--version"], capture_output=True, text=True)
    from papi_cli import __version__

    assert result.returncode == 0 and result.stdout.strip() == f"papi {__version__}"


def test_missing_plan_is_a_data_error(capsys, tmp_path):
    code, _out, err = run(capsys, "tasks", "--root", str(tmp_path))
    assert code == 1
    assert "plan/2020.yaml" in err and "Traceback" not in err
