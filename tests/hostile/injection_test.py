"""Output cannot be injected: whatever a file name or a value holds, it cannot plant a GitHub
workflow command, drive the terminal, or become Markdown or HTML markup; values with control or
bidirectional characters are refused where they stand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.hostile.conftest import GOOD, papi, validate_json

PLANTED = "x\n::error file=evil::pwned\x1b[31m"


def test_a_file_name_cannot_plant_a_workflow_command_or_a_terminal_escape(root, capsys):
    folder = root / "submissions" / "2020-Q2"
    (folder / f"{PLANTED}.yaml").write_text("agency: so-y-te\n", encoding="utf-8")
    for fmt in ("text", "github"):
        code, out, _ = papi(capsys, "validate", "--root", str(root), "--format", fmt)
        assert code == 1
        assert not any(line.startswith("::error file=evil") for line in out.splitlines())
        assert "\x1b" not in out
    code, out, _ = papi(capsys, "validate", "--root", str(root), "--format", "json")
    assert all("\n" not in p["file"] and "\x1b" not in p["file"] for p in json.loads(out)["problems"])


def plan_with(root: Path, old: str, new: str) -> None:
    path = root / "plan" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


HOSTILE_NAME = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b** `c` &amp; | # ~~s~~"


TITLE = "    title: Thực hiện công khai quy trình bình xét hộ nghèo đến từng hộ gia đình trên địa bàn quản lý.\n"


def test_markdown_of_status_and_report_shows_texts_as_written(root, capsys, tmp_path):
    plan_with(root, "    short: Công khai quy trình bình xét hộ nghèo\n", f"    short: {json.dumps(HOSTILE_NAME)}\n")
    plan_with(root, TITLE, f"    title: {json.dumps(HOSTILE_NAME)}\n")
    units = root / "plan" / "units-2020.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("name: Xã Đắk Wil", f"name: {json.dumps(HOSTILE_NAME)}", 1),
                     encoding="utf-8")
    code, out, _ = papi(capsys, "status", "--root", str(root), "--format", "md")
    assert code == 0
    code, _, _ = papi(capsys, "report", "--root", str(root), "--period", "2020-Q2", "--format", "md",
                      "--out", str(tmp_path / "out"))
    assert code == 0
    for text in (out, (tmp_path / "out" / "bao-cao-papi-2020-Q2.md").read_text(encoding="utf-8")):
        assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript|(?<!\\)\*\*b", text)
        assert "\\<img src=x onerror=alert(1)\\>" in text


def test_html_escapes_texts_from_the_files(root, capsys, tmp_path):
    plan_with(root, "    short: Công khai quy trình bình xét hộ nghèo\n", f"    short: {json.dumps(HOSTILE_NAME)}\n")
    plan_with(root, TITLE, "    title: '</style><script>alert(1)</script>'\n")
    code, _, err = papi(capsys, "report", "--root", str(root), "--period", "2020-Q2", "--format", "html",
                        "--out", str(tmp_path / "out"))
    assert code == 0, err
    text = (tmp_path / "out" / "bao-cao-papi-2020-Q2.html").read_text(encoding="utf-8")
    assert code == 0 and "<script>" not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize(("char", "name"), [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
                                            ("\x7f", "CONTROL CHARACTER"), ("\x85", "CONTROL CHARACTER"),
                                            ("\u2028", "LINE SEPARATOR"), ("\x1b", "CONTROL CHARACTER")])
def test_values_with_control_or_bidirectional_characters_are_refused_where_they_stand(root, capsys, char, name):
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD + f"    note: Đã kiểm tra{char} 2 xã\n", encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    problem = report["problems"][0]
    assert code == 1 and problem["code"] == "hidden-character"
    assert (problem["line"], problem["column"]) == (10, 22)
    assert f"U+{ord(char):04X} ({name})" in problem["message"]
