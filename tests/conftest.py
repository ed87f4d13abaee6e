"""Shared fixtures: the repository's own plan, and a scratch project copied from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTRACT = REPO / "tests" / "contract"
REPORT_FIXTURE = REPO / "tests" / "report-fixture"


def report_project(root: Path) -> Path:
    """A project at ``root``: the bundled plan (with the PAPI scores) and the report fixture's
    fixed submissions, which the report, Word and browser tests read."""
    shutil.copytree(REPO / "plan", root / "plan")
    shutil.copytree(REPORT_FIXTURE / "submissions", root / "submissions")
    return root


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def plan():
    """The bundled plan/2020.yaml, loaded and checked once per session."""
    from papi_cli.layout import Paths
    from papi_cli.load import load_plan

    result = load_plan(Paths.resolve(REPO))
    assert result.value is not None and not result.problems, result.problems
    return result.value


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project with the bundled plan and an empty submissions/ folder."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    (tmp_path / "submissions").mkdir()
    return tmp_path


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own cache directory: none shares entries, none touches ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PAPI_CACHE_DIR", str(folder))
    return folder
