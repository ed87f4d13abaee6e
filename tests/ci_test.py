"""What clerks and CI run: the guide's example files are valid, its sample error is what papi prints,
and the pre-commit hook and the workflow call papi validate the way it works."""

from __future__ import annotations

import re

import pytest
import yaml

from papi_cli.cli import main
from tests import guide
from tests.conftest import REPO

GUIDE = (REPO / "docs" / "huong-dan-nop-bao-cao.md").read_text(encoding="utf-8")
EXAMPLE_FILES = [block for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
                 if block.startswith("agency:") and "results:" in block]


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    monkeypatch.delenv("PAPI_LANG", raising=False)


def test_the_guide_has_one_example_per_indicator_kind():
    fields = "\n".join(EXAMPLE_FILES)
    for field in ("units:", "numerator:", "denominator:", "percent:", "count:", "status: done"):
        assert field in fields


def test_the_guides_example_files_are_valid(project, capsys):
    for block in EXAMPLE_FILES:
        data = yaml.safe_load(block)
        path = project / "submissions" / data["period"] / f"{data['agency']}.yaml"
        assert not path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block, encoding="utf-8")
    code = main(["validate", "--root", str(project)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"{len(EXAMPLE_FILES)} tệp báo cáo" in out and "0 lỗi, 0 cảnh báo" in out


SESSIONS = guide.sessions(GUIDE)


def test_the_guide_shows_every_message_of_the_clerks_route():
    """The guide walks through papi agencies, new, validate (its typical mistakes) and the e-mail
    route with add (tests/guide.py says how a session is written)."""
    commands = [c.line.split()[:2] for s in SESSIONS for c in s.commands]
    for verb in (["papi", "agencies"], ["papi", "new"], ["papi", "validate"], ["papi", "add"], ["cd", "submissions/2020-Q2"]):
        assert verb in commands, verb
    shown = "\n".join(line for s in SESSIONS for c in s.commands for line in c.expected)
    for code in ("comment-cuts-text", "placeholder", "date-day-first", "unknown-status", "misspelled-field",
                 "thousands-separator", "percent-as-fraction", "yaml-syntax", "lookalike-space", "not-utf8-wide",
                 "unknown-unit", "layout-not-checked"):
        assert f"[{code}]" in shown, code
    assert "papi agencies" in shown  # an unknown agency points to the list


@pytest.mark.parametrize("session", SESSIONS, ids=[s.commands[0].line for s in SESSIONS])
def test_the_guide_shows_what_papi_prints(session, tmp_path, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    for command, printed in guide.replay(session, REPO / "plan", tmp_path):
        assert guide.matches(command, printed), (command.line, "\n".join(printed))


def test_the_pre_commit_hook_checks_the_changed_files(project, capsys, monkeypatch):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "papi-validate")
    assert hook["require_serial"] is True and re.match(hook["files"], "submissions/2020-Q2/so-y-te.yaml")
    assert not re.match(hook["files"], "plan/2020.yaml")
    command = hook["entry"].split()
    assert command[0] == "papi"
    good = project / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    good.parent.mkdir(parents=True)
    good.write_text(EXAMPLE_FILES[0], encoding="utf-8")
    bad = project / "submissions" / "2020-Q2" / "so-y-te.yaml"
    bad.write_text("agency: so-y-te\n", encoding="utf-8")
    monkeypatch.chdir(project)  # pre-commit runs from the repository root with relative names
    assert main([*command[1:], "submissions/2020-Q2/so-ldtbxh.yaml"]) == 0
    assert main([*command[1:], "submissions/2020-Q2/so-ldtbxh.yaml", "submissions/2020-Q2/so-y-te.yaml"]) == 1
    capsys.readouterr()


def test_the_workflow_runs_validate_with_annotations():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["validate"]["steps"]]
    assert "papi validate --format github" in steps
    assert workflow[True]["pull_request"]["paths"][0] == "submissions/**"  # YAML 1.1 reads `on:` as True
