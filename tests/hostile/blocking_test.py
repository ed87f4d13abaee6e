"""Nothing blocks: a FIFO wherever papi reads (the plan, the units file, a submission, a template,
a scores file, a narrative file, the cache) is a located problem, or for the cache no cache, never a hang. papi
runs as a process with a timeout here: a hang fails the test instead of the suite."""

from __future__ import annotations

import os
from pathlib import Path

from papi_cli.load import plan_entry
from papi_cli.submissions import checks_entry
from tests.hostile.conftest import run

CHECKS, PLAN = checks_entry(2020), plan_entry("plan/2020.yaml")  # the cache's entries of the 2020 project


def fifo(path: Path) -> None:
    if path.exists():
        path.unlink()
    os.mkfifo(path)


def test_a_fifo_as_the_units_file(root):
    fifo(root / "plan" / "units-2020.yaml")
    done = run("validate", "--root", str(root), "--lang", "en", timeout=30)
    assert done.returncode == 1 and b"plan/units-2020.yaml: error[unreadable]" in done.stdout
    assert b"not a regular file" in done.stdout


def test_a_fifo_as_the_plan_file(root):
    fifo(root / "plan" / "2020.yaml")
    done = run("status", "--root", str(root), timeout=30)
    assert done.returncode == 1 and b"plan/2020.yaml" in done.stderr


def test_a_fifo_as_a_submission(root):
    fifo(root / "submissions" / "2020-Q2" / "so-y-te.yaml")
    done = run("validate", "--root", str(root), timeout=30)
    assert done.returncode == 1 and b"so-y-te.yaml: error[not-a-file]" in done.stdout
    done = run("validate", "--root", str(root), str(root / "submissions/2020-Q2/so-y-te.yaml"), timeout=30)
    assert done.returncode == 1 and b"error[not-a-file]" in done.stdout


def test_a_fifo_as_a_template(root, tmp_path):
    (root / "templates").mkdir()
    fifo(root / "templates" / "report.css")
    done = run("report", "--root", str(root), "--period", "2020-Q2", "--format", "html", timeout=30)
    assert done.returncode == 1 and b"templates/report.css: error[unreadable]" in done.stderr
    assert not (root / "reports").exists()


def test_a_fifo_as_the_narrative_file(root):
    (root / "narrative").mkdir()
    fifo(root / "narrative" / "2020-Q2.md")
    done = run("report", "--root", str(root), "--period", "2020-Q2", timeout=30)
    assert done.returncode == 1 and b"narrative/2020-Q2.md: error[unreadable]" in done.stderr
    assert not (root / "reports").exists()


def test_a_fifo_as_the_scores_file(root):
    fifo(root / "plan" / "papi-scores-2020.csv")
    done = run("outcome", "--root", str(root), "--year", "2020", timeout=30)
    assert done.returncode == 1 and b"papi-scores-2020.csv" in done.stderr


def test_a_fifo_as_the_cache_is_no_cache(root):
    from papi_cli.cache import folder_for

    assert run("validate", "--root", str(root), timeout=60).returncode == 0
    folder = folder_for(root)
    assert folder is not None
    for name in (CHECKS, PLAN):
        fifo(folder / name)
    done = run("validate", "--root", str(root), timeout=30)
    assert done.returncode == 0 and done.stderr == b""
