"""Nothing crashes (exit 3 is for papi's own bugs): symlink loops, names that are not UTF-8,
standard output closed or full, odd terminal widths and encodings, papi new where it cannot
write."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from papi_cli import files
from tests.conftest import REPO
from tests.hostile.conftest import papi, run, validate_json


def test_symlink_loops_anywhere_under_submissions(root, capsys):
    folder = root / "submissions"
    os.symlink("loop-a", folder / "2020-Q2" / "loop-b.yaml")
    os.symlink("loop-b.yaml", folder / "2020-Q2" / "loop-a")
    os.symlink("2020-Q3", folder / "2020-Q3")  # a folder that is its own link
    code, report = validate_json(capsys, root)
    assert code == 1 and {"not-a-file", "outside-layout"} >= {p["code"] for p in report["problems"]} - {"symlink-outside"}
    assert run("status", "--root", str(root)).returncode == 0


def test_a_file_name_that_is_not_utf8(root):
    name = os.fsdecode(b"so-y-t\xff.yaml")
    (root / "submissions" / "2020-Q2" / name).write_text("agency: so-y-te\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        done = run("validate", "--root", str(root), "--format", fmt)
        assert done.returncode == 1 and done.stderr == b"", done.stderr
        done.stdout.decode("utf-8")  # valid UTF-8 in every format
        assert b"so-y-t\\xff" in done.stdout.replace(b"\\\\", b"\\")  # JSON writes the backslash twice
    report = json.loads(run("validate", "--root", str(root), "--format", "json").stdout)
    assert any(p["file"] == "submissions/2020-Q2/so-y-t\\xff.yaml" for p in report["problems"])
    assert run("status", "--root", str(root), "--format", "json").returncode == 0


def shell(command: str, root: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, shell=True, cwd=root, capture_output=True, timeout=60, executable="/bin/bash",
                          env={**os.environ, "PAPI": f"{sys.executable} -m papi_cli", "PYTHONPATH": str(REPO)})


@pytest.mark.parametrize("command", ["status", "tasks", "validate"])
def test_closed_standard_output_is_said_not_passed_over(root, command):
    done = shell(f"$PAPI {command} >&-", root)
    assert done.returncode == 1 and b"papi: " in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["status", "tasks --format json", "schema"])
def test_a_full_standard_output_is_one_line_and_exit_1(root, command):
    done = shell(f"$PAPI {command} > /dev/full", root)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("papi: ") and "Traceback" not in done.stderr.decode()


@pytest.mark.parametrize("columns", ["abc", "0", "-5", "99999999999999999999", ""])
def test_any_columns_value(root, columns):
    done = run("status", "--root", str(root), env={"COLUMNS": columns})
    assert done.returncode == 0 and done.stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_console_that_cannot_encode_vietnamese(root, encoding):
    for args in (["status"], ["tasks"], ["validate"], ["status", "--period", "x"]):
        done = run(*args, "--root", str(root), env={"PYTHONIOENCODING": encoding})
        assert done.returncode in (0, 2) and b"Traceback" not in done.stderr and b"internal" not in done.stderr


def test_new_with_submissions_naming_a_file(root, capsys):
    blocker = root / "blocker"
    blocker.write_text("a file")
    code, _, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--root", str(root),
                        "--submissions", str(blocker))
    assert code == 2 and "--submissions" in err and blocker.read_text() == "a file"


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_new_where_it_cannot_write_leaves_nothing_and_can_be_retried(root, capsys, monkeypatch, error):
    """A full disk once left a 0-byte file that then blocked every retry. (Simulated: a test run as
    root could write into a read-only folder.)"""
    real = files.os.fsync

    def failing(fd):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(files.os, "fsync", failing)
    code, out, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--root", str(root))
    assert code == 1 and out == "" and "so-y-te.yaml" in err and "Traceback" not in err
    folder = root / "submissions" / "2020-Q3"
    assert not folder.exists() or list(folder.iterdir()) == []
    monkeypatch.setattr(files.os, "fsync", real)
    code, out, _ = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--root", str(root))
    assert code == 0 and (folder / "so-y-te.yaml").stat().st_size > 0
