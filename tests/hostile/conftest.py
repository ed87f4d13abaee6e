"""Helpers of the hostile suite: a project in tmp_path, papi run in-process or as a process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from papi_cli.cli import main
from tests.conftest import REPO

GOOD = ("agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
        "  II.3:\n    units: [nghia-duc, 24612]\n  III.2:\n    numerator: 3\n    denominator: 4\n")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project: the bundled plan, one valid submission, today 2020-12-31."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    folder = tmp_path / "submissions" / "2020-Q2"
    folder.mkdir(parents=True)
    (folder / "so-ldtbxh.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    monkeypatch.delenv("PAPI_LANG", raising=False)
    monkeypatch.delenv("PAPI_NO_CACHE", raising=False)
    return tmp_path


def papi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def validate_json(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, dict]:
    code, out, _ = papi(capsys, "validate", "--root", str(root), "--format", "json", *extra)
    return code, json.loads(out)


def codes(report: dict) -> list[str]:
    return [p["code"] for p in report["problems"]]


def run(*args: str, cwd: Path | None = None, timeout: float = 60, stdin: int | None = None,
        env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    """papi as a process (what a terminal or CI runs), from this checkout's sources; a timeout
    means papi hung."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "papi_cli", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=environment, stdin=stdin, check=False, **kwargs)
