"""Files built to make the checks quadratic or to fill the memory: each check is linear in the
file and the problems a file keeps are bounded. Time is measured in benchmarks/ (make bench:
the adversarial rows); here the work is counted, so the proof does not depend on the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from papi_cli import yamlsafe
from tests.hostile.conftest import validate_json

HEAD = "agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"


@pytest.fixture
def scalar_reads(monkeypatch) -> list[int]:
    """How many times a key's text is read back from the node graph (a scan reads every key)."""
    count = [0]
    real = yamlsafe._scalar_value  # the one function that reads a scalar node's value

    def counted(node):
        count[0] += 1
        return real(node)

    monkeypatch.setattr(yamlsafe, "_scalar_value", counted)
    return count


def write(root: Path, text: str) -> None:
    (root / "submissions" / "2020-Q2" / "so-ldtbxh.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("n", [2_000, 8_000])
def test_unknown_keys_are_located_in_linear_work(root, capsys, scalar_reads, n):
    """Each flagged key once scanned its whole mapping: 20,000 keys took minutes."""
    write(root, HEAD + "  II.3:\n    units: [nghia-duc]\n" + "".join(f"    x{i}: 1\n" for i in range(n)))
    code, report = validate_json(capsys, root, "--no-cache")
    assert code == 1 and report["checked"]["errors"] == n
    assert scalar_reads[0] < 3 * n  # a scan per key would be n * n / 2


@pytest.mark.parametrize("n", [2_000, 8_000])
def test_duplicate_keys_find_their_first_line_in_linear_work(root, capsys, scalar_reads, n):
    """Every key written twice: finding where each first stood once scanned the mapping."""
    keys = "".join(f"    x{i}: 1\n" for i in range(n // 2))
    write(root, HEAD + "  II.3:\n    units: [nghia-duc]\n" + keys + keys)
    code, report = validate_json(capsys, root, "--no-cache")
    assert code == 1 and report["problems"][0]["code"] in ("duplicate-key", "unknown-field")
    assert scalar_reads[0] < 3 * n


def test_a_hundred_thousand_repeated_units_keep_a_bounded_number_of_problems(root, plan):
    """One unit pasted 100,000 times peaked at 342 MiB: every problem was kept, each with its
    position. Now a file keeps at most KEPT_PER_FILE of them and counts the rest."""
    import datetime as dt

    from papi_cli.layout import Paths
    from papi_cli.problems import KEPT_PER_FILE
    from papi_cli.submissions import load_submissions

    write(root, HEAD + "  II.3:\n    units: [" + ", ".join(["24611"] * 100_000) + "]\n")
    loaded = load_submissions(plan, Paths.resolve(root), today=dt.date(2020, 12, 31))
    assert len(loaded.problems) == KEPT_PER_FILE + 1
    (counted,) = [p for p in loaded.problems if p.code == "problems-not-listed"]
    assert counted.args["count"] == 100_000 - 1 - KEPT_PER_FILE


def test_the_summary_still_counts_every_problem(root, capsys):
    write(root, HEAD + "".join(f"  Z.{i}: {{count: 1}}\n" for i in range(5_000)))
    code, report = validate_json(capsys, root, "--no-cache")
    assert code == 1 and report["checked"]["errors"] == 5_000
    assert len(report["problems"]) == 51  # the first 50, and one line counting the rest
    assert report["problems"][-1]["code"] == "more-problems" and "4950" in report["problems"][-1]["message"]
