"""Working from where the clerk stands: the project found from any folder inside it, a file
received by e-mail checked as what it says it is (`papi validate FILE`), and `papi add`, which
puts it in its place without ever replacing a submission unasked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from papi_cli.cli import main
from tests.conftest import REPO

GOOD = ("agency: so-y-te\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
        "  IV.6:\n    numerator: 120\n    denominator: 200\n    note: Bản gửi qua thư điện tử\n")


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(REPO / "plan", tmp_path / "project" / "plan")
    (tmp_path / "project" / "submissions" / "2020-Q2").mkdir(parents=True)
    return tmp_path / "project"


@pytest.fixture
def received(tmp_path) -> Path:
    """A file from the clerk's mail, outside the repository."""
    path = tmp_path / "Downloads" / "Bao cao quy 2 - So Y te.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- the project from any folder inside it ------------------------------------------------------------
def test_papi_finds_the_project_from_a_period_folder(project, capsys, monkeypatch):
    (project / "submissions" / "2020-Q2" / "so-y-te.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(project / "submissions" / "2020-Q2")
    code, out, _ = run(capsys, "validate", "so-y-te.yaml")
    assert code == 0 and "0 lỗi" in out and "không tìm thấy" not in out
    code, out, _ = run(capsys, "validate", "so-y-te.yaml", "--format", "json")
    assert json.loads(out)["checked"]["submissions"] == 1
    code, out, _ = run(capsys, "status", "--format", "json")
    assert code == 0 and json.loads(out)["counted_files"] == 1


def test_outside_any_project_papi_says_so_and_names_root(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "status")
    assert code == 2 and "plan/" in err and "--root" in err and str(tmp_path) in err
    code, _, err = run(capsys, "validate", "--lang", "en")
    assert code == 2 and "no project found" in err


# --- a file received by e-mail ---------------------------------------------------------------------
def test_validate_checks_a_received_file_by_what_it_says(project, received, capsys):
    code, out, _ = run(capsys, "validate", received, "--root", project, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["checked"]["submissions"] == 1
    assert [p["code"] for p in data["problems"]] == ["layout-not-checked"]
    assert "so-y-te" in data["problems"][0]["message"] and "2020-Q2" in data["problems"][0]["message"]
    assert not (project / "submissions" / "2020-Q2" / "so-y-te.yaml").exists()  # validate writes nothing


def test_validate_finds_the_errors_of_a_received_file(project, received, capsys):
    received.write_text(GOOD.replace("numerator: 120", "numerator: 1,340"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", received, "--root", project)
    assert code == 1 and "thousands-separator" in out and f"{received}:6:16" in out


def test_add_places_a_received_file_byte_for_byte(project, received, capsys):
    code, out, _ = run(capsys, "add", received, "--root", project)
    target = project / "submissions" / "2020-Q2" / "so-y-te.yaml"
    assert code == 0 and target.read_bytes() == received.read_bytes()
    assert "submissions/2020-Q2/so-y-te.yaml" in out
    assert [p.name for p in target.parent.iterdir()] == ["so-y-te.yaml"]  # no temporary file left
    code, out, _ = run(capsys, "validate", "--root", project)
    assert code == 0 and "0 lỗi, 0 cảnh báo" in out


def test_add_never_replaces_unasked(project, received, capsys):
    target = project / "submissions" / "2020-Q2" / "so-y-te.yaml"
    target.write_text(GOOD.replace("120", "100"), encoding="utf-8")
    before = target.read_bytes()
    code, out, _ = run(capsys, "add", received, "--root", project)
    assert code == 1 and target.read_bytes() == before and "--replace" in out
    code, out, _ = run(capsys, "add", received, "--root", project, "--replace", "--lang", "en")
    assert code == 0 and target.read_bytes() == received.read_bytes() and "Replaced" in out


def test_add_replaces_the_yml_spelling_rather_than_adding_a_second_file(project, received, capsys):
    other = project / "submissions" / "2020-Q2" / "so-y-te.yml"
    other.write_text(GOOD.replace("120", "100"), encoding="utf-8")
    assert run(capsys, "add", received, "--root", project, "--replace")[0] == 0
    assert [p.name for p in other.parent.iterdir()] == ["so-y-te.yml"] and other.read_bytes() == received.read_bytes()


def test_add_places_the_good_files_and_refuses_the_others(project, received, capsys, tmp_path):
    bad = tmp_path / "Downloads" / "ubnd-cu-jut.yaml"
    bad.write_text("agency: ubnd-cu-jut\nperiod: 2020-Q2\nsubmitted_on: 18/06/2020\nresults:\n"
                   "  II.4:\n    units: [Ea T'Ling]\n", encoding="utf-8")
    code, out, _ = run(capsys, "add", bad, received, "--root", project)
    assert code == 1 and "date-day-first" in out and "2020-06-18" in out
    assert (project / "submissions" / "2020-Q2" / "so-y-te.yaml").exists()
    assert not (project / "submissions" / "2020-Q2" / "ubnd-cu-jut.yaml").exists()
    assert "1/2" in out


def test_add_refuses_a_file_for_another_year_or_agency(project, received, capsys):
    for old, new in (("period: 2020-Q2", "period: 2021-Q2"), ("agency: so-y-te", "agency: ../../etc")):
        received.write_text(GOOD.replace(old, new), encoding="utf-8")
        code, out, _ = run(capsys, "add", received, "--root", project)
        assert code == 1 and "error[" in out
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()
                  and "plan" not in p.parts) == []


def test_add_without_files_is_a_usage_error(project, capsys):
    code, _, err = run(capsys, "add", "--root", project)
    assert code == 2 and "papi add" in err


# --- a spreadsheet where a submission is expected ----------------------------------------------------
@pytest.mark.parametrize("where", ["received", "period folder"])
def test_a_spreadsheet_is_sent_to_papi_import(project, tmp_path, capsys, where):
    """A clerk's Excel form handed to validate or add is named for what it is, with the command
    that reads it, and is neither placed nor changed."""
    form = (tmp_path / "Downloads" if where == "received" else project / "submissions" / "2020-Q2") / "so-y-te.xlsx"
    form.parent.mkdir(exist_ok=True)
    form.write_bytes(b"PK\x03\x04 not really a workbook")
    code, out, _ = run(capsys, "validate", "--root", project, "--lang", "en", *([form] if where == "received" else []))
    assert code == 1 and "error[spreadsheet-not-submission]" in out and "papi import" in out
    if where == "received":
        code, out, _ = run(capsys, "add", "--root", project, form)
        assert code == 1 and "error[spreadsheet-not-submission]" in out
        assert list((project / "submissions" / "2020-Q2").iterdir()) == []
    assert form.read_bytes() == b"PK\x03\x04 not really a workbook"
