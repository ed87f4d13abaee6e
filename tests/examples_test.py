"""Every case under tests/examples/{valid,invalid}/ (see its README): papi reports exactly the
expected problems, at the expected lines, and loads the valid files with the expected values."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from papi_cli.cli import main
from tests.conftest import REPO

EXAMPLES = REPO / "tests" / "examples"
CASES = sorted(p for p in EXAMPLES.glob("*/*") if p.is_dir())
DEFAULT_TODAY = "2020-12-31"


def _expected(case: Path) -> dict:
    return yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8")) or {}


def _project(case: Path, tmp_path: Path, expected: dict) -> Path:
    """A scratch project: the bundled plan, the case's submissions, its padding and symlinks."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(case / "submissions", tmp_path / "submissions", symlinks=True)
    for link, target in (expected.get("symlinks") or {}).items():
        os.symlink(target, tmp_path / link)
    if expected.get("pad"):
        path = tmp_path / expected["pad"]["file"]
        size = path.stat().st_size
        with open(path, "ab") as handle:
            handle.write(b"#" + b" " * (expected["pad"]["bytes"] - size - 2) + b"\n")
    return tmp_path


def _case_files(case: Path) -> list[str]:
    root = case / "submissions"
    return sorted(p.relative_to(case).as_posix() for p in root.rglob("*") if p.is_file() and p.name != ".gitkeep")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_example(case: Path, tmp_path: Path, capsys, monkeypatch):
    expected = _expected(case)
    project = _project(case, tmp_path, expected)
    monkeypatch.setenv("PAPI_TODAY", str(expected.get("today", DEFAULT_TODAY)))
    code = main(["validate", "--root", str(project), "--format", "json"])
    report = json.loads(capsys.readouterr().out)

    files = _case_files(case)
    default_file = files[0] if len(files) == 1 else None
    want = []
    for item in expected.get("problems") or []:
        want.append((item.get("file", default_file), item["line"], item.get("severity", "error"), item["code"]))
        if "column" in item:
            match = [p for p in report["problems"] if p["line"] == item["line"] and p["code"] == item["code"]]
            assert item["column"] in [p["column"] for p in match], (item, match)
    got = [(p["file"], p["line"], p["severity"], p["code"]) for p in report["problems"]]
    assert sorted(got, key=str) == sorted(want, key=str), json.dumps(report["problems"], ensure_ascii=False, indent=1)
    assert all(p["message"] for p in report["problems"])

    errors = [p for p in report["problems"] if p["severity"] == "error"]
    if case.parent.name == "valid":
        assert code == 0 and report["ok"] and not errors
        _check_loaded(project, expected)
    else:
        assert code == 1 and not report["ok"] and errors


def _check_loaded(project: Path, expected: dict) -> None:
    from papi_cli.layout import Paths
    from papi_cli.load import load_plan
    from papi_cli.submissions import load_submissions

    plan = load_plan(Paths.resolve(project)).value
    loaded = load_submissions(plan, Paths.resolve(project), today=dt.date.fromisoformat(str(expected.get("today", DEFAULT_TODAY)))).value
    assert len(loaded.submissions) == expected["submissions"]
    results = {code: result for s in loaded.submissions for code, result in s.results.items()}
    for code, fields in (expected.get("results") or {}).items():
        for name, value in fields.items():
            actual = getattr(results[code], name)
            assert (list(actual) if isinstance(actual, tuple) else actual) == value, (code, name)


def test_every_case_has_an_expectation_and_every_rejection_has_a_case():
    """The cases cover each problem code papi gives for a submission file (docs/authority.md, docs/rules.md)."""
    from papi_cli.words import CATALOGUE

    covered = set()
    for case in CASES:
        assert (case / "expected.yaml").is_file(), case
        covered |= {p["code"] for p in _expected(case).get("problems") or []}
    submission_codes = {
        "duplicate-key", "yaml-tag", "yaml-alias-bomb", "file-too-large", "not-utf8", "empty-file", "binary-file",
        "yaml-syntax", "tab-indent", "key-not-text", "yaml-ambiguous", "multiple-documents", "bad-date",
        "unknown-field", "missing-field", "wrong-type", "field-of-other-kind", "field-not-filled-in",
        "result-not-filled-in", "unknown-agency", "agency-mismatch", "unknown-indicator", "not-authorised",
        "unknown-unit", "wrong-unit-level", "duplicate-unit", "units-all-mixed", "bad-period", "period-mismatch",
        "plan-year-missing", "submitted-too-early", "submitted-in-future", "numerator-exceeds-denominator",
        "negative-number", "zero-denominator", "ratio-incomplete", "number-as-text", "percent-out-of-range",
        "done-without-evidence", "unit-outside-jurisdiction", "no-units-allowed", "inspection-own-unit",
        "duplicate-submission", "outside-layout", "not-a-file", "symlink-outside", "implementation-document-late",
        "comment-cuts-text", "placeholder", "date-day-first", "thousands-separator", "percent-as-fraction",
        "misspelled-field", "not-utf8-wide", "lookalike-space", "unknown-status",
    }
    assert submission_codes <= set(CATALOGUE)
    assert submission_codes - covered == set()
