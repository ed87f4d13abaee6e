"""The file-system layer: regular files only, the size bound before reading, atomic writes."""

from __future__ import annotations

import os

import pytest

from papi_cli import files


def test_write_atomic_leaves_nothing_behind_when_the_rename_fails(tmp_path, monkeypatch):
    def refuse(*_):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        files.write_atomic(tmp_path / "bao-cao.md", b"text")
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_without_replace_never_overwrites(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        files.write_atomic(target, b"theirs", replace=False)
    assert target.read_text() == "mine" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    files.write_atomic(tmp_path / "b.yaml", b"new", replace=False)
    assert (tmp_path / "b.yaml").read_bytes() == b"new"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "units.yaml"
    os.mkfifo(fifo)
    raw, problems = files.read_bytes(fifo, "units.yaml")
    assert raw is None and [p.code for p in problems] == ["unreadable"]
    assert problems[0].args["detail"].key == "detail.not_regular"


def test_the_size_bound_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (files.MAX_BYTES + 1))
    raw, problems = files.read_bytes(big, "big.yaml")
    assert raw is None and problems[0].code == "file-too-large"
