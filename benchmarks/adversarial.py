#!/usr/bin/env python3
"""Build the adversarial projects of the benchmarks: one hostile submission file each, under the cap.

Each case is a project root (a copy of ``plan/``) holding one file,
``submissions/2020-Q2/so-ldtbxh.yaml``, built to make papi's checks slow or its memory large,
and invalid by design (``papi validate`` exits 1). A case is written at two sizes: ``full``,
just under papi's 1 MiB cap on a file (``papi_cli.files.MAX_BYTES``), and ``half``, the same
construction cut to half of it, so that time(full) / time(half) shows whether the cost is
linear in bytes (about 2) or quadratic (about 4):

* **unknown-keys**: a result with one unit, then lines ``    x<i>: 1``, as many as fit (20k unknown keys);
* **duplicate-keys**: the same head, then ``    note: a`` again and again (the same key, 87k times);
* **100k-units**: ``  II.3:\\n    units: [24611, 24611, …]``, 100,000 times one commune's code
  (about 700 kB; the half has 50,000);
* **unknown-indicators**: lines ``  Z.<i>: {count: 1}``, as many as fit (50k unknown indicators).

``tests/hostile/linear_test.py`` counts the work on smaller files of the same constructions.

    python benchmarks/adversarial.py [--out DIR]     # writes DIR/<case>-<size>/ (default benchmarks/.work/adversarial)
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "benchmarks" / ".work" / "adversarial"
MARKER = ".papi-bench-adversarial"  # written into every built root; only such a folder is ever replaced
CAP = 1024 * 1024  # papi_cli.files.MAX_BYTES: a larger file is refused unread
FILE = Path("submissions") / "2020-Q2" / "so-ldtbxh.yaml"

HEAD = "agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n"
ONE_UNIT = HEAD + "  II.3:\n    units: [nghia-duc]\n"
UNITS = 100_000


@dataclass(frozen=True)
class Built:
    case: str
    size: str  # "full" or "half"
    root: Path
    bytes: int
    items: int  # the keys, lines, units or indicators written


def _fill(head: str, lines: Callable[[], Iterator[str]], limit: int) -> tuple[str, int]:
    """``head`` and as many of ``lines`` as keep the text under ``limit`` bytes (ASCII only)."""
    parts, size, n = [head], len(head), 0
    for line in lines():
        if size + len(line) >= limit:
            break
        parts.append(line)
        size += len(line)
        n += 1
    return "".join(parts), n


def text(case: str, size: str) -> tuple[str, int]:
    """The file of ``case`` at ``size`` ("full": under the cap; "half": the same cut to half)."""
    limit = CAP if size == "full" else CAP // 2
    if case == "unknown-keys":
        return _fill(ONE_UNIT, lambda: (f"    x{i}: 1\n" for i in count()), limit)
    if case == "duplicate-keys":
        return _fill(ONE_UNIT, lambda: iter(lambda: "    note: a\n", None), limit)
    if case == "100k-units":
        n = UNITS if size == "full" else UNITS // 2
        return HEAD + "  II.3:\n    units: [" + ", ".join(["24611"] * n) + "]\n", n
    if case == "unknown-indicators":
        return _fill(HEAD, lambda: (f"  Z.{i}: {{count: 1}}\n" for i in count()), limit)
    raise ValueError(case)


CASES = ("unknown-keys", "duplicate-keys", "100k-units", "unknown-indicators")


def build(out: Path, case: str, size: str) -> Built:
    """Write the project ``out/<case>-<size>``: ``plan/`` copied and the one hostile file."""
    root = out / f"{case}-{size}"
    if root.exists():
        if not (root / MARKER).exists():
            raise SystemExit(f"{root} exists and was not made by {Path(__file__).name}; not replacing it")
        shutil.rmtree(root)
    shutil.copytree(REPO / "plan", root / "plan")
    (root / MARKER).write_text("built by benchmarks/adversarial.py\n", encoding="utf-8")
    body, items = text(case, size)
    raw = body.encode("utf-8")
    assert len(raw) < CAP, (case, size, len(raw))
    (root / FILE).parent.mkdir(parents=True)
    (root / FILE).write_bytes(raw)
    return Built(case, size, root, len(raw), items)


def build_all(out: Path = DEFAULT_OUT) -> list[Built]:
    out.mkdir(parents=True, exist_ok=True)
    return [build(out, case, size) for case in CASES for size in ("full", "half")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to build (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    for built in build_all(args.out):
        print(f"{built.root}: {built.bytes:,} bytes, {built.items:,} items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
