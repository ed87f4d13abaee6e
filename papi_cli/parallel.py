"""Parsing and checking many files on more than one core, where that pays (docs/performance.md).

``map_in_order(function, items)`` returns ``[function(item) for item in items]``, computed by
this process and, above ``MIN_ITEMS`` items on Linux with more than one usable core, by forked
copies of it: each takes a contiguous share of the items and sends its results back pickled
through a pipe. The order of the results is the order of the items, whoever computed them.

A fork starts with everything this process has already loaded (the plan, the modules), so a
worker costs a few milliseconds, not a second start-up; that is why it pays far below the
~2,000 files separate processes would need. Parsing and checking the first N files of the
benchmark's province year, one process against two (medians of 7, 2 cores, as a cold run
does it): 40 files 0.010 s against 0.012 s, 80 files 0.026 s against 0.030 s, 120 files 0.037 s
against 0.030 s, 240 files 0.070 s against 0.050 s, 440 files 0.134 s against 0.084 s. Hence
``MIN_ITEMS``.

A worker that fails in any way (an exception, a signal, a short or unreadable answer) is not
trusted: this process computes that share itself, so the results never depend on the workers.
Other systems (macOS, where system libraries may not survive a fork, and Windows, which has
none) compute everything in this process.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 120  # fewer items than this are not worth a fork
MIN_SHARE = 60  # nor is a worker with fewer items than this


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_for(count: int, cores: int | None = None) -> int:
    """How many processes (this one included) should share ``count`` items."""
    if count < MIN_ITEMS or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    return max(1, min(cores or usable_cores(), count // MIN_SHARE))


def map_in_order(function: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[function(item) for item in items]``, shared among ``workers`` processes (default: what pays)."""
    processes = workers_for(len(items)) if workers is None else max(1, min(workers, len(items)))
    if processes == 1:
        return [function(item) for item in items]
    bounds = [len(items) * i // processes for i in range(processes + 1)]
    shares = [items[bounds[i]:bounds[i + 1]] for i in range(processes)]
    children = [_fork(function, share) for share in shares[1:]]
    results = [function(item) for item in shares[0]]
    for share, child in zip(shares[1:], children, strict=True):
        answer = _collect(child, len(share))
        results += answer if answer is not None else [function(item) for item in share]
    return results


def _fork(function: Callable[[T], R], share: Sequence[T]) -> tuple[int, int] | None:
    """Start a worker on ``share``: (its pid, the pipe to read from), or None if it could not start."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the worker: compute, answer, and leave without running anything of the parent's
        code = 1
        try:
            os.close(read_end)
            data = pickle.dumps([function(item) for item in share], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _collect(child: tuple[int, int] | None, expected: int) -> list[Any] | None:
    """A worker's results, or None when it did not deliver all of them."""
    if child is None:
        return None
    pid, read_end = child
    try:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
    except OSError:
        data = b""
    try:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        results = pickle.loads(data)
    except Exception:
        return None
    return results if isinstance(results, list) and len(results) == expected else None
