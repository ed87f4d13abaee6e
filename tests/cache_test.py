"""The cache (in the user's cache directory, one folder per root) never serves a stale result:
whatever changed, a run with the cache says exactly what a run without it says; a hit does not
parse (neither the plan nor a submission); the date checks always run."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from papi_cli import yamlsafe
from papi_cli.cache import Store
from papi_cli.cli import main
from papi_cli.load import plan_entry
from papi_cli.submissions import checks_entry
from tests.conftest import REPO

FILE_Q2 = "submissions/2020-Q2/so-ldtbxh.yaml"
EVERY_FILE = 2 + 108  # the plan, its units file and the sample's submissions


@pytest.fixture
def sample(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the repository's plan and its 108 sample submissions, checked as of 2020-12-31."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "submissions", tmp_path / "submissions")
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    monkeypatch.delenv("PAPI_NO_CACHE", raising=False)
    return tmp_path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The labels of the files parsed (plan files included), in order: a spy on the YAML loader."""
    seen: list[str] = []
    real = yamlsafe.load

    def spy(label: str, raw: bytes):
        seen.append(label)
        return real(label, raw)

    monkeypatch.setattr(yamlsafe, "load", spy)
    return seen


def run(capsys, root: Path, *args: str) -> tuple[int, str]:
    code = main([*args, "--root", str(root)])
    return code, capsys.readouterr().out


def validate(capsys, root: Path, *extra: str) -> tuple[int, dict]:
    code, out = run(capsys, root, "validate", "--format", "json", *extra)
    return code, json.loads(out)


def cold(capsys, root: Path) -> tuple[int, dict]:
    return validate(capsys, root, "--no-cache")


def store(root: Path) -> Store:
    found = Store.for_root(root)
    assert found is not None
    return found


def cache_file(root: Path) -> Path:
    return store(root).folder / checks_entry(2020)


def plan_file(root: Path) -> Path:
    return store(root).folder / plan_entry("plan/2020.yaml")


def test_a_second_run_reads_the_cache_and_parses_nothing(sample, capsys, parses):
    first = validate(capsys, sample)
    assert len(parses) == EVERY_FILE and cache_file(sample).is_file()
    parses.clear()
    assert validate(capsys, sample) == first
    assert parses == []
    assert cold(capsys, sample) == first


def test_a_hit_never_calls_the_parser(sample, capsys, monkeypatch):
    expected = validate(capsys, sample)

    def broken(label: str, raw: bytes):
        raise AssertionError(f"parsed {label}")

    monkeypatch.setattr(yamlsafe, "load", broken)
    assert validate(capsys, sample) == expected
    assert run(capsys, sample, "status", "--format", "json")[0] == 0


def test_an_edit_of_the_same_size_and_time_is_seen(sample, capsys, parses):
    path = sample / FILE_Q2
    code, _ = validate(capsys, sample)
    assert code == 0
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    edited = text.replace("  III.2:\n    numerator: 3\n", "  III.2:\n    numerator: 5\n")  # 5 of 4
    assert edited != text and len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    parses.clear()

    code, warm = validate(capsys, sample)
    assert parses == [FILE_Q2]  # the other 107 came from the cache
    assert code == 1 and [(p["file"], p["code"]) for p in warm["problems"] if p["severity"] == "error"] == [
        (FILE_Q2, "numerator-exceeds-denominator")]
    assert (code, warm) == cold(capsys, sample)


def test_a_changed_plan_checks_everything_again(sample, capsys, parses):
    """Even when the plan file keeps its size and modification time."""
    validate(capsys, sample)
    plan = sample / "plan" / "2020.yaml"
    before = os.stat(plan)
    text = plan.read_text(encoding="utf-8")
    # so-noi-vu leads II.1 instead of so-ldtbxh: so-ldtbxh's reports of II.1 become unauthorised
    changed = text.replace("    lead: [so-ldtbxh]\n    implementers_text: UBND cấp huyện; UBND cấp xã.\n",
                           "    lead: [so-noi-vu]\n    implementers_text: UBND cấp huyện; UBND cấp xã.\n", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    plan.write_text(changed, encoding="utf-8")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    parses.clear()
    code, warm = validate(capsys, sample)
    assert len(parses) == EVERY_FILE
    assert code == 1 and "not-authorised" in {p["code"] for p in warm["problems"]}
    assert (code, warm) == cold(capsys, sample)


def test_a_changed_units_file_checks_everything_again(sample, capsys, parses):
    validate(capsys, sample)
    units = sample / "plan" / "units-2020.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    parses.clear()
    assert validate(capsys, sample) == cold(capsys, sample)
    assert len(parses) == 2 * EVERY_FILE


def test_another_papi_version_checks_everything_again(sample, capsys, parses, monkeypatch):
    first = validate(capsys, sample)
    monkeypatch.setattr("papi_cli.__version__", "99.0.0")
    parses.clear()
    assert validate(capsys, sample) == first
    assert len(parses) == EVERY_FILE
    parses.clear()
    assert validate(capsys, sample) == first == cold(capsys, sample)
    assert len(parses) == EVERY_FILE  # the --no-cache run only


def test_an_edit_of_papi_itself_checks_everything_again(sample, capsys, parses, monkeypatch):
    """During development the version stays the same while the code changes."""
    from papi_cli import fingerprint

    validate(capsys, sample)
    monkeypatch.setattr(fingerprint, "sources", lambda: "edited")
    parses.clear()
    validate(capsys, sample)
    assert len(parses) == EVERY_FILE


def test_a_deleted_cache_is_rebuilt(sample, capsys, parses):
    first = validate(capsys, sample)
    shutil.rmtree(store(sample).folder)
    parses.clear()
    assert validate(capsys, sample) == first == cold(capsys, sample)
    assert cache_file(sample).is_file()


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = data.index(b'"numerator-') if b'"numerator-' in data else len(data) // 2
    data[at + 1] ^= 0x01
    path.write_bytes(bytes(data))


def _forge(path: Path, change_entries, change=None) -> None:
    """Rewrite an entry, authenticated with the real key, around a changed body: what only a bug
    in papi could do."""
    entries = Store(path.parent, (path.parent.parent / "key").read_bytes())
    body = json.loads(entries.get(path.name))
    if change_entries is not None:
        change_entries(body["entries"])
    if change is not None:
        change(body)
    entries.put(path.name, json.dumps(body).encode())


@pytest.mark.parametrize("corrupt", [
    lambda path: path.write_bytes(b"\x00\xff garbage"),
    lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
    _flip_a_byte,
    lambda path: path.write_text(""),
    lambda path: (path.unlink(), path.mkdir()),
    lambda path: _forge(path, lambda entries: entries[FILE_Q2]["check"].update(problems=[[1, 1, "x", "fatal", {}]])),
    lambda path: _forge(path, lambda entries: entries[FILE_Q2]["check"].pop("results")),
    lambda path: _forge(path, lambda entries: entries.update({FILE_Q2: "not an entry"})),
], ids=["garbage", "truncated", "flipped-byte", "empty", "a-folder", "bad-problem", "missing-field", "bad-entry"])
def test_a_corrupt_cache_is_ignored(sample, capsys, corrupt):
    path = sample / FILE_Q2
    path.write_text(path.read_text(encoding="utf-8").replace("numerator: 3\n    denominator: 4", "numerator: 5\n    denominator: 4", 1),
                    encoding="utf-8")  # one error, so that a cache that lost it would show
    first = validate(capsys, sample)
    assert first[0] == 1
    corrupt(cache_file(sample))
    assert validate(capsys, sample) == first == cold(capsys, sample)
    assert validate(capsys, sample) == first  # and the next run, after rewriting it


def test_a_cache_that_cannot_be_written_is_no_error(sample, capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("PAPI_CACHE_DIR", str(blocker))
    assert validate(capsys, sample) == cold(capsys, sample)
    assert blocker.read_text() == "a file where the cache folder would be"


def test_today_dependent_problems_appear_on_a_warm_run(sample, capsys, monkeypatch, parses):
    assert validate(capsys, sample)[0] == 0
    monkeypatch.setenv("PAPI_TODAY", "2020-06-17")  # so-ldtbxh's Q2 report is dated 2020-06-18
    parses.clear()
    code, warm = validate(capsys, sample)
    assert parses == []
    future = [p for p in warm["problems"] if p["code"] == "submitted-in-future"]
    assert (FILE_Q2, 6) in {(p["file"], p["line"]) for p in future}
    assert code == 1 and (code, warm) == cold(capsys, sample)
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    assert validate(capsys, sample) == cold(capsys, sample)
    assert validate(capsys, sample)[0] == 0


def test_status_and_report_give_the_same_from_the_cache(sample, capsys, parses, tmp_path):
    cold_status = run(capsys, sample, "status", "--format", "json", "--no-cache")
    assert not cache_file(sample).exists()  # --no-cache neither reads nor writes it
    run(capsys, sample, "validate")
    parses.clear()
    assert run(capsys, sample, "status", "--format", "json") == cold_status
    assert parses == []
    for cache in (["--no-cache"], []):
        out = tmp_path / "out" / ("cold" if cache else "warm")
        assert run(capsys, sample, "report", "--period", "2020", "--format", "json", "--out", str(out), *cache)[0] == 0
    assert len(parses) == EVERY_FILE  # the --no-cache report only
    cold_report, warm_report = (json.loads(next((tmp_path / "out" / kind).iterdir()).read_text(encoding="utf-8"))
                                for kind in ("cold", "warm"))
    assert warm_report == cold_report


def test_papi_no_cache_in_the_environment_turns_it_off(sample, capsys, monkeypatch, parses):
    monkeypatch.setenv("PAPI_NO_CACHE", "1")
    validate(capsys, sample)
    validate(capsys, sample)
    assert len(parses) == 2 * EVERY_FILE and not cache_file(sample).exists()


def test_checking_some_files_keeps_the_others_entries(sample, capsys, parses):
    validate(capsys, sample)
    code, _ = run(capsys, sample, "validate", str(sample / FILE_Q2))
    assert code == 0
    parses.clear()
    validate(capsys, sample)
    assert parses == []


def test_the_cache_is_never_inside_the_repository(sample, capsys, parses, monkeypatch):
    """A cache directory inside the checkout (which a pull request controls) is not used."""
    monkeypatch.setenv("PAPI_CACHE_DIR", str(sample / "submissions" / ".cache"))
    first = validate(capsys, sample)
    assert validate(capsys, sample) == first
    assert len(parses) == 2 * EVERY_FILE
    assert not (sample / "submissions" / ".cache").exists()


def test_a_corrupt_plan_cache_is_ignored(sample, capsys, parses):
    first = validate(capsys, sample)
    plan_cache = plan_file(sample)
    assert plan_cache.is_file()
    _forge(plan_cache, None, lambda data: data.update(plan_file="{}"))
    parses.clear()
    assert validate(capsys, sample) == first
    assert parses == ["plan/2020.yaml", "plan/units-2020.yaml"]
    plan_cache.write_bytes(b"garbage")
    assert validate(capsys, sample) == first


def test_a_plan_with_problems_is_never_kept(sample, capsys, parses):
    plan = sample / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [so-ldtbxh]", "lead: [so-khong-co]", 1),
                    encoding="utf-8")
    first = validate(capsys, sample)
    assert first[0] == 1 and "unknown-agency" in {p["code"] for p in first[1]["problems"]}
    assert not plan_file(sample).exists()
    parses.clear()
    assert validate(capsys, sample) == first
    assert parses == ["plan/2020.yaml", "plan/units-2020.yaml"]


def test_dates_compared_within_a_file_do_not_depend_on_today(sample, capsys, monkeypatch, plan):
    """A document dated after the report that cites it is an error on any day, fresh or cached,
    also while the report's own date is still in the future."""
    from papi_cli.filecheck import check_file

    path = sample / FILE_Q2
    text = path.read_text(encoding="utf-8").replace(
        "submitted_on: 2020-06-18\n", "submitted_on: 2020-06-18\nimplementation_document: {number: 1/KH, date: 2020-06-20}\n")
    path.write_text(text, encoding="utf-8")
    for today in ("2020-06-17", "2020-12-31", "2020-06-17"):
        monkeypatch.setenv("PAPI_TODAY", today)
        code, report = validate(capsys, sample)
        assert (code, report) == cold(capsys, sample)
        assert "implementation-document-after-submission" in {p["code"] for p in report["problems"]}
    _, problems = check_file(FILE_Q2, "2020-Q2", "so-ldtbxh", text.encode("utf-8"), plan, dt.date(2020, 6, 17))
    assert {"submitted-in-future", "implementation-document-after-submission"} <= {p.code for p in problems}


def test_warnings_with_numbers_are_kept_and_given_back(tmp_path, capsys):
    """A problem whose arguments hold Numbers (percent-as-fraction) reads back from the cache as it was."""
    import shutil
    from fractions import Fraction

    from papi_cli.message import Message, Number, Percent, from_json, to_json

    message = Message("x", a=Number(0.965), b=Number(Fraction(193, 2)), c=Percent(Fraction(1, 3), Fraction(95)),
                      d=Percent(None), e=(Message("y", n=Number(3)),))
    assert from_json(to_json(message)) == message

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    folder = tmp_path / "submissions" / "2020-Q2"
    folder.mkdir(parents=True)
    (folder / "vp-ubnd-tinh.yaml").write_text("agency: vp-ubnd-tinh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\n"
                                              "results:\n  III.4:\n    percent: 0.965\n", encoding="utf-8")
    outputs = []
    for _ in range(2):
        assert main(["validate", "--root", str(tmp_path)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "96,5?" in outputs[0]
