"""Hostile command lines and environments: a clear one-line message and the right exit code,
never an internal error (exit 3)."""

from __future__ import annotations

import subprocess
import sys

from papi_cli.cli import main
from papi_cli.render.problems import printable


def test_a_missing_submissions_folder_is_a_usage_error(project, capsys):
    assert main(["validate", "--root", str(project), "--submissions", str(project / "nope")]) == 2
    assert "--submissions" in capsys.readouterr().err


def test_a_missing_root_is_a_usage_error(tmp_path, capsys):
    assert main(["status", "--root", str(tmp_path / "nope")]) == 2
    assert "--root" in capsys.readouterr().err


def test_a_bad_papi_today_is_a_usage_error(project, capsys, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "garbage")
    assert main(["validate", "--root", str(project)]) == 2
    assert "PAPI_TODAY" in capsys.readouterr().err


def test_report_into_a_file_instead_of_a_folder(project, capsys):
    blocker = project / "out"
    blocker.write_text("not a folder")
    assert main(["report", "--period", "2020-Q1", "--root", str(project), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("papi: --out") and len(err.strip().splitlines()) == 1
    assert blocker.read_text() == "not a folder"


def test_a_plan_year_out_of_range_is_a_located_plan_problem(project, capsys):
    plan = project / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\nyear: 2020\n", "\nyear: 1\n"), encoding="utf-8")
    assert main(["validate", "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert "plan/2020.yaml:" in out + err and "year" in out + err


def test_values_cannot_split_a_problem_line_or_drive_the_terminal():
    assert printable("nghia-duc\nxx") == "nghia-duc\\nxx"
    assert printable("a\x1b[31mb") == "a\\u001b[31mb"
    assert printable("nghia-duc\u200b") == "nghia-duc\\u200b"
    assert printable("Đắk Nông 30 %") == "Đắk Nông 30 %"


def test_a_newline_in_a_value_stays_on_one_problem_line(project, capsys):
    folder = project / "submissions" / "2020-Q2"
    folder.mkdir()
    (folder / "so-ldtbxh.yaml").write_text(
        'agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  II.3:\n    units: ["a\\nb"]\n',
        encoding="utf-8")
    assert main(["validate", "--root", str(project)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("submissions/2020-Q2/so-ldtbxh.yaml:6:") and "a\\nb" in first


def test_output_into_a_closed_pipe_ends_quietly(repo_root):
    """`papi tasks | head -1` ends like other Unix tools (SIGPIPE), not with the data-error code 1."""
    result = subprocess.run(
        f"{sys.executable} -m papi_cli tasks --format json --root {repo_root} | head -c 1",
        shell=True, capture_output=True, text=True, executable="/bin/bash")
    assert result.stdout == "{" and "Traceback" not in result.stderr and "internal" not in result.stderr


def test_usage_errors_speak_the_chosen_language(capsys, repo_root, monkeypatch):
    assert main(["tasks", "--agency", "x", "--lang", "en", "--root", str(repo_root)]) == 2
    assert capsys.readouterr().err.strip() == "papi: --agency: there is no agency 'x' in the plan. Every agency's code: papi agencies"
    assert main(["status", "--period", "2020-Q7", "--root", str(repo_root)]) == 2
    assert "không phải kỳ báo cáo" in capsys.readouterr().err
    monkeypatch.setenv("PAPI_LANG", "en")
    assert main(["tasks", "--bogus"]) == 2
    assert "(see 'papi tasks --help')" in capsys.readouterr().err


def test_each_run_builds_only_what_it_needs_and_the_help_still_lists_every_command(capsys):
    """``cli._command_for`` builds the named command alone, or names only for the top-level help:
    the listing still holds every command, in order, and the app is left whole after each run."""
    import typer

    from papi_cli import cli

    before = list(cli.app.registered_commands), list(cli.app.registered_groups)
    full = typer.main.get_command(cli.app)
    for args in (["--help"], ["--lang", "en", "--help"], ["status", "--help"], ["statuss"]):
        cli.main(args)
        assert (cli.app.registered_commands, cli.app.registered_groups) == before
    capsys.readouterr()
    cli.main(["--lang", "en", "--help"])
    listed = capsys.readouterr().out.split("Commands:")[1]
    names = [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    assert names == list(full.commands)  # type: ignore[attr-defined]
