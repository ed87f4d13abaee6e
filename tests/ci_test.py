"""What clerks and CI run: the guide's example files are valid, its sample error is what papi prints,
and the pre-commit hook and the workflow call papi validate the way it works."""

from __future__ import annotations

import re

import pytest
import yaml

from papi_cli.cli import main
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


def test_the_guides_sample_error_is_what_papi_prints(project, capsys):
    sample = re.search(r"```text\n(submissions/\S+:6:24: error\[unknown-unit\].*?)```", GUIDE, re.S)[1]
    path = project / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
                    "  II.3:\n    units: [nghia-duc, nghia-duk]\n", encoding="utf-8")
    main(["validate", "--root", str(project)])
    assert capsys.readouterr().out.startswith(sample)


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
