"""`papi codeowners`: each agency's files to its review team, general lines first (the last match wins)."""

from __future__ import annotations

from papi_cli.cli import main
from tests.conftest import REPO


def run(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["codeowners", *args])
    return code, capsys.readouterr().out.splitlines()


def test_every_agency_gets_the_default_team(capsys, plan):
    code, lines = run(capsys, "--root", str(REPO))
    assert code == 0
    assert lines[0].startswith("# ")
    assert lines[1:3] == ["/plan/ @dak-nong-papi/so-noi-vu", "/submissions/ @dak-nong-papi/so-noi-vu"]
    assert "/submissions/*/so-ldtbxh.yaml @dak-nong-papi/so-ldtbxh" in lines
    assert "/submissions/*/so-ldtbxh.yml @dak-nong-papi/so-ldtbxh" in lines
    assert "/submissions/*/ubnd-nghia-duc.yaml @dak-nong-papi/ubnd-nghia-duc" in lines
    assert len([line for line in lines if line.endswith(".yaml") or ".yaml " in line]) == len(plan.agencies)


def test_an_agencys_own_owners_replace_the_default(capsys, project):
    plan_file = project / "plan" / "2020.yaml"
    text = plan_file.read_text(encoding="utf-8")
    old = "  - code: so-y-te\n    name: Sở Y tế\n"
    assert old in text
    plan_file.write_text(text.replace(old, old + "    owners: ['@dak-nong-papi/syt-van-thu', nguyen.van.a@example.vn]\n"),
                         encoding="utf-8")
    code, lines = run(capsys, "--root", str(project))
    assert code == 0
    assert "/submissions/*/so-y-te.yaml @dak-nong-papi/syt-van-thu nguyen.van.a@example.vn" in lines
    assert "/submissions/*/so-tnmt.yaml @dak-nong-papi/so-tnmt" in lines


def test_without_a_pattern_agencies_without_owners_are_listed_as_such(capsys, project):
    plan_file = project / "plan" / "2020.yaml"
    text = plan_file.read_text(encoding="utf-8")
    line = '  owners_pattern: "@dak-nong-papi/{agency}"\n'
    assert line in text
    plan_file.write_text(text.replace(line, ""), encoding="utf-8")
    code, lines = run(capsys, "--root", str(project), "--lang", "en")
    assert code == 0
    assert not any(line.startswith("/") for line in lines)
    assert lines[-1].startswith("# No owners for: ") and "so-ldtbxh" in lines[-1]


def test_a_broken_plan_exits_1(capsys, project):
    plan_file = project / "plan" / "2020.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("coordinator: so-noi-vu", "coordinator: x"),
                         encoding="utf-8")
    assert main(["codeowners", "--root", str(project)]) == 1
