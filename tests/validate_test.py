"""`papi validate`: its three formats, exit codes, the summary of what was checked, a broken plan,
and that it never writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from papi_cli.cli import main
from tests.conftest import CONTRACT

GOOD = """\
agency: so-ldtbxh
period: 2020-Q2
submitted_on: 2020-06-18
results:
  II.3:
    units: [nghia-duc, 24612]
    evidence: ["Kế hoạch kiểm tra số 12/KH-SLĐTBXH ngày 02/4/2020"]
  IX.2:
    numerator: 14
    denominator: 15
"""
BAD = GOOD.replace("units: [nghia-duc, 24612]", "units: [nghia-duc, nghia-duk]")  # line 6, column 24


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    monkeypatch.delenv("PAPI_LANG", raising=False)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def put(project: Path, text: str, rel: str = "submissions/2020-Q2/so-ldtbxh.yaml") -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_project_says_what_it_checked(project, capsys):
    put(project, GOOD)
    code, out, _ = run(capsys, "--root", str(project))
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        "Đã kiểm tra 3 tệp (2 tệp kế hoạch, 1 tệp báo cáo, 2 kết quả): 0 lỗi, 0 cảnh báo.")
    code, out, _ = run(capsys, "--root", str(project), "--lang", "en")
    assert out.strip() == "Checked 3 files (2 plan files, 1 submission, 2 results): 0 errors, 0 warnings."


def test_text_gives_file_line_column_code_message_source_and_caret(project, capsys):
    put(project, BAD)
    code, out, _ = run(capsys, "--root", str(project), "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("submissions/2020-Q2/so-ldtbxh.yaml:6:24: error[unknown-unit]: There is no unit 'nghia-duk'")
    assert "the closest are: nghia-duc (Phường Nghĩa Đức)" in lines[0]  # the closest names
    assert lines[1] == "        units: [nghia-duc, nghia-duk]"
    assert lines[2] == "    " + " " * 23 + "^"
    assert lines[-1] == "Checked 3 files (2 plan files, 1 submission, 2 results): 1 error, 0 warnings."
    code, out, _ = run(capsys, "--root", str(project))
    assert out.splitlines()[0].startswith("submissions/2020-Q2/so-ldtbxh.yaml:6:24: error[unknown-unit]: Không có đơn vị 'nghia-duk'")


def test_json_follows_the_contract(project, capsys):
    put(project, BAD)
    put(project, "agency: so-y-te\n", "submissions/2020-Q3/so-y-te.yaml")
    code, out, _ = run(capsys, "--root", str(project), "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, json.loads((CONTRACT / "validate.schema.json").read_text()))
    assert code == 1 and data["ok"] is False and data["files"] == 4
    assert [(p["file"], p["line"], p["column"], p["code"]) for p in data["problems"]] == [
        ("submissions/2020-Q2/so-ldtbxh.yaml", 6, 24, "unknown-unit"),
        ("submissions/2020-Q3/so-y-te.yaml", 1, 1, "missing-field"),
        ("submissions/2020-Q3/so-y-te.yaml", 1, 1, "missing-field"),
        ("submissions/2020-Q3/so-y-te.yaml", 1, 1, "missing-field"),
    ]
    assert data["skipped_files"] == ["submissions/2020-Q2/so-ldtbxh.yaml", "submissions/2020-Q3/so-y-te.yaml"]
    assert data["checked"] == {"files": 4, "plan": 2, "submissions": 2, "results": 2, "errors": 4, "warnings": 0}


def test_github_prints_annotations_and_the_summary(project, capsys):
    put(project, BAD.replace("submitted_on: 2020-06-18", "submitted_on: 2020-06-18\nimplementation_document:\n"
                             "  number: 1/KH\n  date: 2020-03-01"))
    code, out, _ = run(capsys, "--root", str(project), "--format", "github", "--lang", "en")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("::warning file=submissions/2020-Q2/so-ldtbxh.yaml,line=6,col=9,"
                               "title=papi implementation-document-late::")
    assert lines[1].startswith("::error file=submissions/2020-Q2/so-ldtbxh.yaml,line=9,col=24,"
                               "title=papi unknown-unit::There is no unit 'nghia-duk'")
    assert lines[2] == "Checked 3 files (2 plan files, 1 submission, 2 results): 1 error, 1 warning."


def test_warnings_alone_exit_0(project, capsys):
    put(project, GOOD.replace("submitted_on: 2020-06-18", "submitted_on: 2020-06-18\nimplementation_document:\n"
                              "  number: 1/KH\n  date: 2020-03-01"))
    code, out, _ = run(capsys, "--root", str(project))
    assert code == 0 and "warning[implementation-document-late]" in out and "0 lỗi, 1 cảnh báo" in out


def test_given_files_only_are_checked(project, capsys):
    good = put(project, GOOD)
    put(project, BAD, "submissions/2020-Q3/so-ldtbxh.yaml")
    code, out, _ = run(capsys, "--root", str(project), str(good))
    assert code == 0 and "1 tệp báo cáo" in out


def test_usage_errors_exit_2(project, capsys):
    code, _, err = run(capsys, "--root", str(project), "--format", "xml")
    assert code == 2 and "Traceback" not in err
    code, _, err = run(capsys, "--root", str(project), str(project / "submissions/2020-Q2/none.yaml"))
    assert code == 2 and "none.yaml" in err and "Traceback" not in err


def test_an_internal_error_exits_3_with_a_short_message(project, capsys, monkeypatch):
    import papi_cli.commands.validate

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(papi_cli.commands.validate, "load_plan", broken)
    monkeypatch.setattr("tempfile.tempdir", str(project))
    code, out, err = run(capsys, "--root", str(project))
    assert code == 3 and "Traceback" not in out + err and "papi-crash-" in err


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_validate_never_writes_to_submissions(project, capsys):
    put(project, GOOD)
    put(project, BAD, "submissions/2020-Q3/so-ldtbxh.yaml")
    put(project, "\ufeffagency: x\n", "submissions/2020-Q4/x.yaml")
    before = _snapshot(project / "submissions")
    names = sorted(os.listdir(project / "submissions"))
    for fmt in ("text", "json", "github"):
        run(capsys, "--root", str(project), "--format", fmt)
    assert _snapshot(project / "submissions") == before
    assert sorted(os.listdir(project / "submissions")) == names


# --- a broken plan is rejected like a submission ----------------------------------------------------
BREAKS = {
    "unknown agency": ("    lead: [so-ldtbxh]\n", "    lead: [so-lao-dong]\n", "unknown-agency"),
    "duplicate task code": ("  - code: II.2\n", "  - code: II.1\n", "duplicate-code"),
    "threshold 150": ("        threshold: 100\n", "        threshold: 150\n", "threshold-out-of-range"),
    "coverage without population": ("        population: communes\n", "", "indicator-field-missing"),
    "unknown population": ("        population: communes\n", "        population: villages\n", "wrong-type"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_plan_gives_exit_1_with_file_and_line(project, capsys, name):
    old, new, expected_code = BREAKS[name]
    plan_file = project / "plan" / "2020.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    plan_file.write_text(text.replace(old, new, 1), encoding="utf-8")
    put(project, GOOD)
    code, out, err = run(capsys, "--root", str(project), "--format", "json")
    assert code == 1 and "Traceback" not in out + err
    problems = json.loads(out)["problems"]
    assert expected_code in {p["code"] for p in problems}
    located = [p for p in problems if p["code"] == expected_code]
    assert all(p["file"] == "plan/2020.yaml" and p["line"] and p["column"] for p in located)
    assert any(abs(p["line"] - line) <= 8 for p in located), (line, located)
    code, out, _ = run(capsys, "--root", str(project))
    assert code == 1 and "plan/2020.yaml:" in out and "Chưa kiểm tra các tệp báo cáo" in out


def test_the_installed_entry_point(project):
    put(project, BAD)
    papi = Path(sys.executable).parent / "papi"
    env = {**os.environ, "PAPI_TODAY": "2020-12-31", "PAPI_LANG": "en"}
    done = subprocess.run([str(papi), "validate", "--root", str(project)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 1
    assert "submissions/2020-Q2/so-ldtbxh.yaml:6:24: error[unknown-unit]" in done.stdout
    assert done.stdout.strip().endswith("1 error, 0 warnings.") and done.stderr == ""


def test_thousands_of_problems_in_one_file_are_capped(project, capsys):
    """One unit pasted 5,000 times: the first 50 problems, then one line counting the rest;
    the summary still counts every error."""
    folder = project / "submissions" / "2020-Q2"
    folder.mkdir()
    units = ", ".join(["nghia-duc"] * 5001)
    (folder / "so-ldtbxh.yaml").write_text(
        f"agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  II.3:\n    units: [{units}]\n",
        encoding="utf-8")
    assert main(["validate", "--root", str(project), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("::error") for line in lines) == 50
    assert "4950" in lines[-2] and "5000" in lines[-1]
