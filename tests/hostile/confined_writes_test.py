"""Writes stay where they belong: reports never among the data, papi new never through a link
out of the repository, templates never read from outside their folders, and a killed run's
temporary files never taken for data. Messages name the real cause."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.hostile.conftest import papi, validate_json


def report(capsys, root: Path, *extra: str) -> tuple[int, str, str]:
    return papi(capsys, "report", "--period", "2020-Q2", "--root", str(root), *extra)


def test_a_report_is_never_written_into_the_submissions_folder(root, capsys):
    before = sorted(p.name for p in (root / "submissions" / "2020-Q2").iterdir())
    code, _, err = report(capsys, root, "--out", str(root / "submissions" / "2020-Q2"))
    assert code == 2 and "--out" in err
    assert sorted(p.name for p in (root / "submissions" / "2020-Q2").iterdir()) == before
    code, _, err = report(capsys, root, "--out", str(root / "plan"))
    assert code == 2 and not list((root / "plan").glob("bao-cao-*"))


def test_nor_into_a_submissions_tree_taken_for_the_root(root, capsys):
    """--root submissions: the reports would land in submissions/reports, among the data."""
    code, _, _ = papi(capsys, "report", "--period", "2020-Q2", "--root", str(root / "submissions"),
                        "--plan", str(root / "plan" / "2020.yaml"))
    assert code == 2 and not (root / "submissions" / "reports").exists()


def test_out_that_is_a_file_says_so(root, capsys):
    blocker = root / "out"
    blocker.write_text("a file")
    code, _, err = report(capsys, root, "--out", str(blocker), "--lang", "en")
    assert code == 2 and "is a file" in err and "File exists" not in err and blocker.read_text() == "a file"


def test_a_failure_in_the_default_folder_does_not_blame_out(root, capsys):
    (root / "reports").write_text("a file where the folder would be")
    code, _, err = report(capsys, root, "--lang", "en")
    assert code == 2 and "--out" not in err and "reports" in err


def test_new_never_writes_through_a_link_out_of_the_repository(root, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside, root / "submissions" / "2020-Q3")
    code, _, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--root", str(root))
    assert code == 1 and list(outside.iterdir()) == [] and "so-y-te.yaml" in err


@pytest.mark.parametrize("attack", ["symlink", "include"])
def test_templates_never_read_outside_their_folder(root, capsys, tmp_path_factory, attack):
    secret = tmp_path_factory.mktemp("secret") / "secret.txt"
    secret.write_text("TOP SECRET\n")
    templates = root / "templates"
    templates.mkdir()
    if attack == "symlink":
        os.symlink(secret, templates / "report.css")
    else:
        (templates / "report.md.j2").write_text("{% include '../../" + str(secret) + "' %}\n{% include 'x/../../x' %}\n")
    fmt = "html" if attack == "symlink" else "md"
    code, _, err = report(capsys, root, "--format", fmt, "--out", str(root / "out"))
    assert code == 1 and "TOP SECRET" not in err
    assert not (root / "out").exists() or "TOP SECRET" not in "".join(p.read_text() for p in (root / "out").iterdir())


def test_the_templates_folder_itself_may_not_lead_out(root, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "report.css").write_text("body { color: #654321; }\n")
    os.symlink(elsewhere, root / "templates")
    code, _, _ = report(capsys, root, "--format", "html", "--out", str(root / "out"))
    assert code == 1 and not (root / "out").exists()


def test_a_killed_runs_temporary_file_is_never_data_and_is_cleaned_up(root, capsys):
    folder = root / "submissions" / "2020-Q3"
    folder.mkdir()
    stale = folder / ".so-y-te.yaml.abcd1234.tmp"
    stale.write_text("agency: so-y-te\nperiod: 2020-Q3\n")  # half a file, as a killed run leaves it
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    code, report_json = validate_json(capsys, root)
    assert code == 0 and report_json["checked"]["submissions"] == 1  # hidden: not a submission
    code, _, _ = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--root", str(root))
    assert code == 0 and not stale.exists() and (folder / "so-y-te.yaml").is_file()
