"""Explicit tags are named as tags: a tag, even one of YAML's standard ones, is a located yaml-tag
error (not "ambiguous"), and no value it changes is dropped in silence."""

from __future__ import annotations

import pytest

from tests.hostile.conftest import GOOD, validate_json


@pytest.mark.parametrize(("written", "tag"), [
    ("numerator: !!float 3", "!!float"),
    ("numerator: !!int 3.5", "!!int"),
    ("numerator: !!str 3", "!!str"),
    ("numerator: !!bool maybe", "!!bool"),
    ("numerator: !!python/object:os.system 3", "!!python/object:os.system"),
])
def test_an_explicit_tag_is_a_tag_error_where_it_stands(root, capsys, written, tag):
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD.replace("numerator: 3", written), encoding="utf-8")
    code, report = validate_json(capsys, root, "--lang", "en")
    problem = report["problems"][0]
    assert code == 1 and (problem["code"], problem["line"], problem["column"]) == ("yaml-tag", 8, 16)
    assert tag in problem["message"] and "ambiguous" not in problem["message"]


def test_a_null_tag_does_not_drop_a_note_in_silence(root, capsys):
    """note: !!null "x" once read as no note at all, with no problem."""
    path = root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml"
    path.write_text(GOOD + '    note: !!null "Đã trình UBND tỉnh"\n', encoding="utf-8")
    code, report = validate_json(capsys, root)
    assert code == 1 and [p["code"] for p in report["problems"]] == ["yaml-tag"]
