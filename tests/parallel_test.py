"""Work shared among forked processes gives exactly the results, in the order, of doing it in one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys

import pytest

from papi_cli import parallel
from papi_cli.layout import Paths
from papi_cli.load import load_plan
from papi_cli.parallel import MIN_ITEMS, map_in_order, workers_for
from tests.conftest import REPO

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def test_few_items_or_one_core_stay_in_this_process():
    assert workers_for(MIN_ITEMS - 1, cores=8) == 1
    assert workers_for(10_000, cores=1) == 1


@linux_only
def test_enough_items_are_shared_among_the_cores():
    assert workers_for(MIN_ITEMS, cores=2) == 2
    assert workers_for(10_000, cores=4) == 4


@linux_only
def test_results_come_back_in_the_order_of_the_items():
    items = list(range(1000))
    parent = os.getpid()
    pids = map_in_order(lambda i: (i * i, os.getpid()), items, workers=3)
    assert [square for square, _ in pids] == [i * i for i in items]
    assert len({pid for _, pid in pids}) == 3 and pids[0][1] == parent


@linux_only
def test_a_failing_worker_share_is_computed_here():
    parent = os.getpid()

    def only_here(i: int) -> int:
        if os.getpid() != parent and i == 700:
            raise RuntimeError("a worker fails")
        return -i

    assert map_in_order(only_here, list(range(1000)), workers=2) == [-i for i in range(1000)]


@linux_only
def test_a_worker_killed_by_a_signal_is_not_trusted():
    parent = os.getpid()

    def dies(i: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), 9)
        return i + 1

    assert map_in_order(dies, list(range(10)), workers=2) == list(range(1, 11))


@linux_only
def test_submissions_checked_in_parallel_are_those_checked_in_one_process(tmp_path, monkeypatch):
    from papi_cli.submissions import load_submissions

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "submissions", tmp_path / "submissions")
    (tmp_path / "submissions" / "2020-Q3" / "so-y-te.yaml").write_text("agency: so-y-te\nperiod: 2020-Q1\n")
    paths = Paths.resolve(tmp_path)
    plan = load_plan(paths).value
    day = dt.date(2020, 9, 1)
    serial = load_submissions(plan, paths, today=day)
    monkeypatch.setattr(parallel, "workers_for", lambda count, cores=None: 3)
    shared = load_submissions(plan, paths, today=day)
    assert [(p, p.args) for p in shared.problems] == [(p, p.args) for p in serial.problems]
    assert shared.value.submissions == serial.value.submissions
    assert shared.value.results_checked == serial.value.results_checked
    assert shared.value.skipped == serial.value.skipped and "submitted-in-future" in {p.code for p in serial.problems}
