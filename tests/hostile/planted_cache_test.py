"""A planted cache makes no bad file pass: nothing in the checkout is read as a cache, and an entry
is believed only when this user's papi wrote it (authenticated with the key kept in the cache
directory). An entry that authenticates but has the wrong shape is ignored, never a crash."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from papi_cli.load import plan_entry
from papi_cli.submissions import checks_entry
from tests.hostile.conftest import codes, validate_json

CHECKS, PLAN = checks_entry(2020), plan_entry("plan/2020.yaml")  # the cache's entries of the 2020 project

BAD = "agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  III.2:\n    numerator: 5\n    denominator: 4\n"
FILE = "submissions/2020-Q2/so-ldtbxh.yaml"


@pytest.fixture
def bad(root: Path) -> Path:
    (root / FILE).write_text(BAD, encoding="utf-8")
    return root


def _checksummed(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=20).hexdigest().encode() + b"\n" + body


def plant(folder: Path) -> None:
    """What fooled papi when it kept its cache in ROOT/.papi-cache: the checks entry of the file,
    made while the file was good, given the bad file's digest and no problem, its checksum
    recomputed (anyone can, it is a plain hash). Where there is no such cache, a forged one."""
    path = folder / CHECKS
    bad_digest = hashlib.blake2b(BAD.encode(), digest_size=20).hexdigest()
    if path.is_file():
        data = json.loads(path.read_bytes().partition(b"\n")[2])
        data["entries"][FILE].update(digest=bad_digest, problems=[])
    else:
        folder.mkdir(exist_ok=True)
        data = {"format": 1, "key": "x", "entries": {FILE: {"digest": bad_digest, "results": 1, "problems": [],
                                                            "dated": None, "submission": None}}}
    path.write_bytes(_checksummed(json.dumps(data).encode()))


def test_a_cache_committed_in_the_checkout_is_not_read(root, capsys):
    assert validate_json(capsys, root)[0] == 0  # the good file, checked (and cached) once
    (root / FILE).write_text(BAD, encoding="utf-8")
    plant(root / ".papi-cache")
    code, report = validate_json(capsys, root)
    assert code == 1 and "numerator-exceeds-denominator" in codes(report)


def test_a_symlink_named_like_a_cache_is_not_followed(root, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (root / ".papi-cache").mkdir(exist_ok=True)
    assert validate_json(capsys, root)[0] == 0
    folder = root / ".papi-cache"
    for child in folder.iterdir():
        child.rename(elsewhere / child.name)
    folder.rmdir()
    os.symlink(elsewhere, folder)  # not matched by a .gitignore line ".papi-cache/"
    (root / FILE).write_text(BAD, encoding="utf-8")
    plant(elsewhere)
    code, report = validate_json(capsys, root)
    assert code == 1 and "numerator-exceeds-denominator" in codes(report)


def test_a_cache_directory_inside_the_checkout_is_not_used(bad, capsys, monkeypatch):
    from papi_cli.cache import folder_for

    monkeypatch.setenv("PAPI_CACHE_DIR", str(bad / "cache"))
    assert validate_json(capsys, bad)[0] == 1
    assert not (bad / "cache").exists() and folder_for(bad) is None


def entries(root: Path) -> tuple[Any, dict]:
    from papi_cli.cache import Store

    store = Store.for_root(root)
    assert store is not None
    data = store.get_json(CHECKS)
    assert isinstance(data, dict)
    return store, data


def test_an_entry_forged_without_the_key_is_not_believed(bad, capsys):
    """A forger who knows the format but not the key: the bad file's problems emptied, the MAC
    made with a key of their own."""
    assert validate_json(capsys, bad)[0] == 1
    store, data = entries(bad)
    data["entries"][FILE]["check"]["problems"] = []
    forged = type(store)(store.folder, b"not the key" * 4)
    forged.put_json(CHECKS, data)
    code, report = validate_json(capsys, bad)
    assert code == 1 and "numerator-exceeds-denominator" in codes(report)


def test_an_entry_copied_from_another_cache_is_not_believed(bad, capsys, monkeypatch, tmp_path_factory):
    """A whole cache folder made elsewhere (another machine, another key) and copied in."""
    other = tmp_path_factory.mktemp("other-cache")
    monkeypatch.setenv("PAPI_CACHE_DIR", str(other))
    good = bad / FILE
    text = good.read_text(encoding="utf-8")
    good.write_text(text.replace("numerator: 5", "numerator: 3"), encoding="utf-8")
    assert validate_json(capsys, bad)[0] == 0
    mine = tmp_path_factory.mktemp("my-cache")
    monkeypatch.setenv("PAPI_CACHE_DIR", str(mine))
    assert validate_json(capsys, bad)[0] == 0  # my own key made
    from papi_cli.cache import folder_for

    own = folder_for(bad)
    assert own is not None
    for name in (CHECKS, PLAN):
        (own / name).write_bytes((other / own.name / name).read_bytes())  # the other key's entries
    good.write_text(text, encoding="utf-8")  # the bad figures again, with the copied "ok" entries
    code, report = validate_json(capsys, bad)
    assert code == 1 and "numerator-exceeds-denominator" in codes(report)


@pytest.mark.parametrize("payload", [
    {"key": "anything", "entries": {FILE: {"digest": 5, "check": []}}},
    {"key": ["x"], "entries": []},
    [1, 2, 3],
    "[" * 100_000 + "]" * 100_000,
], ids=["wrong-types", "entries-a-list", "a-list", "deep-brackets"])
def test_an_authenticated_entry_of_the_wrong_shape_is_ignored(bad, capsys, payload):
    assert validate_json(capsys, bad)[0] == 1
    store, _ = entries(bad)
    body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
    store.put(CHECKS, body)
    store.put(PLAN, body)
    code, report = validate_json(capsys, bad)
    assert code == 1 and "numerator-exceeds-denominator" in codes(report)


def test_a_key_others_can_read_is_not_trusted(bad, capsys, monkeypatch, tmp_path_factory):
    from papi_cli.cache import KEY_FILE, Store

    home = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PAPI_CACHE_DIR", str(home))
    assert validate_json(capsys, bad)[0] == 1
    key = home / KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o644)
    assert Store.for_root(bad) is None  # no cache rather than one anybody could forge
    assert validate_json(capsys, bad)[0] == 1
