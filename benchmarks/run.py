#!/usr/bin/env python3
"""Time papi as whole processes against its floors and peers; print one table and the targets.

Run it with the Python of an *installed* (not editable) papi, as ``make bench`` does
(``benchmarks/.venv``): every command is taken from the folder of ``sys.executable``.

Each row is a command run as a fresh child process, several times (``--runs``, default 7),
in rounds (every row once per round) so that a slow spell of a shared machine hits all rows
alike. A row reports the median wall time with min–max, the median CPU time (user + system,
from ``os.wait4``) and the peak resident memory of the child (GNU time's ``%M``, see
``run_once``), with the exit codes seen. Before the timed rounds every row runs once untimed, so
the files are in the OS page cache for all of them. The targets are those of
docs/performance.md ("The targets"), computed under the table.

papi keeps its cache in the user's cache directory, so every papi process measured here is
given its own ``PAPI_CACHE_DIR`` under ``benchmarks/.work/cache/`` and nothing of the user's
(``~/.cache/papi``, ``$XDG_CACHE_HOME``) is read or written; every other ``PAPI_*`` variable of
the caller's environment is removed, so it cannot change what is measured. A "cold" row's
directory is emptied before each run (papi makes its key and entries as on first use); a
"warm" row's directory is filled by one unmeasured run of the same command, and checked after
each run: a run that changed it is reported and the directory restored, so every warm run
starts from the same entries. The adversarial rows (``adversarial.py``: one hostile file each,
under the 1 MiB cap) run ``papi validate --no-cache`` in an empty directory, which must stay
empty, and exit 1 by design. The floors print their own in-process work time as well ("work").

    benchmarks/.venv/bin/python benchmarks/run.py [--runs N] [--quick] [--write] [--only forms]

``--only forms`` runs only the Excel-form rows (``forms.py``), printing their table and target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import adversarial  # benchmarks/adversarial.py, beside this file
import forms  # benchmarks/forms.py, beside this file
import generate  # benchmarks/generate.py, beside this file

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = HERE / "corpus"
WORK = HERE / ".work"
RESULTS = HERE / "results.md"
BIN = Path(sys.executable).parent
CACHES = WORK / "cache"  # one PAPI_CACHE_DIR per measured papi row (never inside a measured root)

# The environment of every child: the caller's, without the variables papi reads (PAPI_NO_CACHE,
# PAPI_CACHE_DIR, PAPI_TODAY, PAPI_LANG, …); a papi row adds its own PAPI_CACHE_DIR.
BASE_ENV = {name: value for name, value in os.environ.items() if not name.startswith("PAPI_")}

# A minimal typer app with one command, configured like papi (plain help, no rich markup), so
# that the ratio to it measures papi's own start-up.
MINIMAL_TYPER = '''
import typer
app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")
app()
'''
# The same with typer's defaults (rich help, when rich is installed): for information only.
DEFAULT_TYPER = MINIMAL_TYPER.replace(", rich_markup_mode=None, pretty_exceptions_enable=False", "")

# The floors: the least any tool reading these files must do, in one process. They read the
# files papi validate reads (the plan, its units file and every submission) and print the wall
# and CPU time of the work itself, the import of PyYAML included.
FLOOR = '''
import sys, time
from pathlib import Path
mode, root = sys.argv[1], Path(sys.argv[2])
files = sorted(root.glob("plan/*.yaml")) + sorted(root.glob("submissions/*/*.yaml"))
start, cpu = time.perf_counter(), time.process_time()
if mode == "read":
    for path in files:
        path.read_bytes()
else:
    import yaml
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start, time.process_time() - cpu)
'''
# yamllint's default rules, less those that papi's own files break by design: no `---`
# document start, long Vietnamese notes, lists written flush with their key.
YAMLLINT_CONFIG = ("{extends: default, rules: {document-start: disable, line-length: disable, "
                   "indentation: {indent-sequences: whatever}}}")


# --- measuring --------------------------------------------------------------------------------
@dataclass
class Sample:
    wall: float
    cpu: float
    rss_kib: int | None  # None: GNU time is not installed
    code: int
    work: float | None  # the floors' own wall time of their work
    work_cpu: float | None  # … and CPU time


@dataclass
class Case:
    key: str
    label: str
    argv: list[str] | None  # None: not measured (see ``why``)
    why: str = ""
    cache: str = ""  # papi rows: "cold" (emptied before each run), "warm" (primed once), "off" (--no-cache: stays empty)
    work: bool = False  # prints its own work time on its last line
    expect: tuple[int, ...] = (0,)  # the exit codes that are this row's normal outcome
    note: str = ""
    scratch: Path | None = None  # an output folder, removed before each run
    samples: list[Sample] = field(default_factory=list)
    failure: str = ""  # the end of stderr of the first run with an unexpected exit code
    leaks: list[str] = field(default_factory=list)  # what a run left in its cache that it should not have
    primed: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # a warm row's cache as primed

    @property
    def cache_dir(self) -> Path:
        return CACHES / self.key

    @property
    def pristine(self) -> Path:
        """A warm row's primed directory, kept as it was; ``cache_dir`` is restored from it."""
        return CACHES / f"{self.key}.primed"

    @property
    def measured(self) -> bool:
        return self.argv is not None and bool(self.samples)

    def median(self, what: str = "wall") -> float:
        return statistics.median(getattr(s, what) for s in self.samples)


def gnu_time() -> str | None:
    """GNU time, which reports the peak RSS of exactly its child (``%M``), or None."""
    path = shutil.which("time", path="/usr/bin:/bin")
    if path is None:
        return None
    WORK.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run([path, "-f", "%M", "-o", str(WORK / "time.probe"), "true"], capture_output=True)
    ok = probe.returncode == 0 and (WORK / "time.probe").read_text().strip().isdigit()
    return path if ok else None


TIME = gnu_time()


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under ``folder`` by relative name: size, mtime and inode (an atomic rewrite
    changes the inode, an edit the mtime)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_dir():
            info = path.lstat()
            found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return found


def fresh_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700, parents=True)


def prepare(case: Case) -> None:
    """The state a run of ``case`` starts from, whatever the previous run left."""
    if case.scratch is not None:
        shutil.rmtree(case.scratch, ignore_errors=True)
    if case.cache in ("cold", "off"):
        fresh_folder(case.cache_dir)
    elif case.cache == "warm" and case.primed != snapshot(case.cache_dir):
        fresh_folder(case.cache_dir)  # the last run changed it (reported): start again from the primed copy
        shutil.copytree(case.pristine, case.cache_dir, dirs_exist_ok=True)
        case.primed = snapshot(case.cache_dir)


def after(case: Case) -> None:
    """Note what a run did to its cache that it should not have."""
    if case.cache == "off" and any(case.cache_dir.iterdir()):
        case.leaks.append("a run with --no-cache wrote to its cache directory")
    elif case.cache == "warm" and case.primed != snapshot(case.cache_dir):
        case.leaks.append("a warm run changed its primed cache (restored before the next run)")


def environment(case: Case) -> dict[str, str]:
    return {**BASE_ENV, "PAPI_CACHE_DIR": str(case.cache_dir)} if case.cache else BASE_ENV


def run_once(case: Case) -> Sample:
    """Run the case's command once as a fresh child; its wall time, CPU time and peak RSS.

    Peak RSS is GNU time's ``%M``: Linux keeps a process's memory high-water mark across
    ``exec``, so a child forked from this (larger) Python would report this process's size
    as its own floor. GNU time, a small C program, forks the command itself. CPU time is the
    rusage of the reaped child (GNU time's own, negligible, included). The cache directory is
    set up before the clock starts and checked after it stops.
    """
    prepare(case)
    out_path, err_path, rss_path = WORK / "last.out", WORK / "last.err", WORK / "last.rss"
    argv = [TIME, "-f", "%M", "-o", str(rss_path), *case.argv] if TIME else case.argv
    env = environment(case)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=WORK, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = code = os.waitstatus_to_exitcode(status)
    after(case)
    rss = None
    if TIME:  # GNU time writes "Command exited with non-zero status N" before the figure
        rss = int(rss_path.read_text().split()[-1])
    work = work_cpu = None
    if case.work and code == 0:
        work, work_cpu = map(float, out_path.read_text().split()[-2:])
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, code, work, work_cpu)


def measure(cases: list[Case], runs: int, warm_up: bool) -> None:
    active = [c for c in cases if c.argv is not None]
    if warm_up:
        for case in active:
            run_once(case)
    for round_ in range(runs):
        print(f"\r  round {round_ + 1}/{runs} …", end="", file=sys.stderr, flush=True)
        for case in active:
            sample = run_once(case)
            case.samples.append(sample)
            if sample.code not in case.expect and not case.failure:
                tail = (WORK / "last.err").read_text(errors="replace").strip().splitlines()[-3:]
                case.failure = f"{case.label}: exit {sample.code}: " + " / ".join(tail)
    print("\r" + " " * 30 + "\r", end="", file=sys.stderr, flush=True)


# --- what is measured -------------------------------------------------------------------------
def has_command(verb: str) -> bool:
    return importlib.util.find_spec(f"papi_cli.commands.{verb}") is not None


def tool(name: str) -> str | None:
    path = BIN / name
    return str(path) if path.exists() else None


def startup_cases() -> list[Case]:
    python, papi = str(BIN / "python"), str(BIN / "papi")
    return [
        Case("python", "python -c pass", [python, "-c", "pass"]),
        Case("typer_help", "minimal typer app --help", [python, "-c", MINIMAL_TYPER, "--help"]),
        Case("typer_run", "minimal typer app (its command)", [python, "-c", MINIMAL_TYPER]),
        Case("typer_default_help", "  (same, typer's default rich help) --help", [python, "-c", DEFAULT_TYPER, "--help"]),
        Case("papi_version", "papi --version", [papi, "--version"]),
        Case("papi_help", "papi --help", [papi, "--help"]),
    ]


def corpus_cases(name: str, root: Path, schema: Path | None) -> list[Case]:
    """papi's commands, the floors and the peers on one corpus."""
    python, papi = str(BIN / "python"), str(BIN / "papi")
    reports = WORK / "reports"
    commands = {
        "validate": ("papi validate", ["validate"], None),
        "status": ("papi status --format json", ["status", "--format", "json"], None),
        "report": ("papi report --period 2020 --format html",
                   ["report", "--period", "2020", "--format", "html", "--out", str(reports)], reports),
    }
    cases: list[Case] = []
    for verb, (label, args, scratch) in commands.items():
        if not has_command(verb):
            cases.append(Case(f"{name}.{verb}", f"{label} (cold)", None, why=f"papi {verb} does not exist yet"))
            continue
        argv = [papi, *args, "--root", str(root)]
        cases.append(Case(f"{name}.{verb}", f"{label} (cold)", argv, cache="cold", scratch=scratch))
        if verb != "report":
            cases.append(Case(f"{name}.{verb}_warm", f"{label} (warm)", argv, cache="warm", scratch=scratch))
    submissions = sorted(str(p) for p in (root / "submissions").glob("*/*.yaml"))
    yamllint, checker = tool("yamllint"), tool("check-jsonschema")
    cases += [
        Case(f"{name}.read", "floor: read all bytes", [python, "-c", FLOOR, "read", str(root)], work=True),
        Case(f"{name}.csafe", "floor: PyYAML CSafeLoader, all files", [python, "-c", FLOOR, "csafe", str(root)], work=True),
        Case(f"{name}.yamllint", "yamllint (submissions)",
             [yamllint, "-f", "parsable", "-d", YAMLLINT_CONFIG, str(root / "submissions")] if yamllint else None,
             why="yamllint is not installed (pip install '.[bench]')"),
        Case(f"{name}.cjs", "check-jsonschema, papi schema (submissions)",
             [checker, "--schemafile", str(schema), *submissions] if checker and schema else None,
             why="check-jsonschema is not installed" if not checker else "papi schema does not exist yet"),
    ]
    return cases


YEARS = (2016, 2017, 2018, 2019)  # the other years of the five-year repository, beside 2020


def five_years(full: Path, out: Path) -> Path:
    """The full corpus with four more years beside 2020: each a copy of the 2020 plan and of its
    submissions moved to that year (same units file). A year's status must cost what it costs in
    a one-year repository."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(full, out)
    plan = (full / "plan" / "2020.yaml").read_text(encoding="utf-8")
    for year in YEARS:
        (out / "plan" / f"{year}.yaml").write_text(
            plan.replace("2020-", f"{year}-").replace("year: 2020", f"year: {year}"), encoding="utf-8")
        for folder in sorted((full / "submissions").glob("2020-Q*")):
            target = out / "submissions" / folder.name.replace("2020", str(year))
            target.mkdir(parents=True)
            for source in folder.glob("*.yaml"):
                (target / source.name).write_text(source.read_text(encoding="utf-8").replace("2020-", f"{year}-"),
                                                  encoding="utf-8")
    return out


def years_cases(root: Path) -> list[Case]:
    """status of one year in the five-year repository, cold and warm."""
    argv = [str(BIN / "papi"), "status", "--format", "json", "--year", "2020", "--root", str(root)]
    label = "papi status --year 2020 --format json"
    return [Case("years.status", f"{label} (cold)", argv, cache="cold"),
            Case("years.status_warm", f"{label} (warm)", argv, cache="warm")]


NOUNS = {"unknown-keys": "unknown keys", "duplicate-keys": "× note: a",
         "100k-units": "× unit 24611", "unknown-indicators": "unknown indicators"}


def adversarial_cases(built: list[adversarial.Built]) -> list[Case]:
    """For each hostile file: papi validate at full size and at half, and the CSafeLoader floor."""
    python, papi = str(BIN / "python"), str(BIN / "papi")
    by = {(b.case, b.size): b for b in built}
    cases: list[Case] = []
    for name in adversarial.CASES:
        for size, suffix in (("full", ""), ("half", "_half")):
            b = by[name, size]
            what = f"{b.items:,} {NOUNS[name]}, {b.bytes / 1024:.0f} KiB"
            cases.append(Case(f"adv.{name}.validate{suffix}", f"{name}: papi validate --no-cache ({what})",
                              [papi, "validate", "--no-cache", "--root", str(b.root)], cache="off", expect=(1,)))
        b = by[name, "full"]
        cases.append(Case(f"adv.{name}.csafe", f"{name}: floor: PyYAML CSafeLoader, plan + that file",
                          [python, "-c", FLOOR, "csafe", str(b.root)], work=True))
    return cases


def forms_cases(built: forms.Built) -> list[Case]:
    """papi import --dry-run of a filled form, and papi validate of the YAML it makes; both cold."""
    papi = str(BIN / "papi")
    return [
        Case("forms.import", f"papi import --dry-run (a form of {built.indicators} indicators)",
             [papi, "import", str(built.form), "--dry-run", "--root", str(built.import_root)], cache="cold"),
        Case("forms.validate", "papi validate (the YAML that form makes)",
             [papi, "validate", "--root", str(built.validate_root)], cache="cold"),
    ]


def describe_adversarial(cases: list[Case]) -> None:
    """Run each adversarial validate once with --format json (unmeasured), to say in its note what
    papi found: the file must be parsed and checked, not refused (over the cap) or accepted."""
    for case in cases:
        if case.cache != "off" or case.argv is None:
            continue
        fresh_folder(case.cache_dir)
        done = subprocess.run([*case.argv, "--format", "json"], capture_output=True, env=environment(case), cwd=WORK)
        try:
            report = json.loads(done.stdout)
            problems = report["problems"]
            kinds = sorted({p["code"] for p in problems} - {"more-problems", "problems-not-listed"})
            case.note = f"exit {done.returncode} expected: {report['checked']['errors']:,} errors ({', '.join(kinds)})"
        except (ValueError, KeyError, TypeError):
            case.note = f"exit {done.returncode}: no JSON report"
        if done.returncode not in case.expect:
            case.note += " (UNEXPECTED)"


def prime_warm(cases: list[Case]) -> None:
    """Fill each warm case's cache by one unmeasured run; keep a copy of it as primed. Without
    entries afterwards there is nothing warm to measure."""
    for case in cases:
        if case.cache != "warm" or case.argv is None:
            continue
        fresh_folder(case.cache_dir)
        if case.scratch is not None:
            shutil.rmtree(case.scratch, ignore_errors=True)
        subprocess.run(case.argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=environment(case), cwd=WORK)
        case.primed = snapshot(case.cache_dir)
        if not any("/" in name for name in case.primed):  # the key alone is not a cache
            case.argv, case.why = None, "no cache written by a first run"
            continue
        shutil.rmtree(case.pristine, ignore_errors=True)
        shutil.copytree(case.cache_dir, case.pristine)


def papi_schema(root: Path) -> Path | None:
    if not has_command("schema"):
        return None
    path = WORK / "schema.json"
    env = {**BASE_ENV, "PAPI_NO_CACHE": "1"}  # unmeasured: it must leave no cache anywhere
    with open(path, "wb") as out:
        done = subprocess.run([str(BIN / "papi"), "schema", "--root", str(root)], stdout=out, env=env)
    return path if done.returncode == 0 else None


# --- the targets (docs/performance.md, "The targets") -----------------------------------------
@dataclass
class Ratio:
    """A target of docs/performance.md: the ratio of wall-time medians (the verdict), and of
    CPU-time medians beside it, which a busy shared machine disturbs less; or an absolute
    figure (``unit``). Without a limit it is reported for information."""

    label: str
    value: float | None  # None: n/a
    limit: float | None  # None: no limit of its own
    cpu: float | None = None
    strict: bool = False  # "<" rather than "≤"
    unit: str = ""

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if self.limit is None:
            return "info"
        ok = self.value < self.limit if self.strict else self.value <= self.limit
        return "PASS" if ok else "FAIL"

    @property
    def target(self) -> str:
        return "—" if self.limit is None else f"{'<' if self.strict else '≤'} {self.limit:g}{self.unit}"

    def shown(self, which: str = "wall") -> str:
        value = self.value if which == "wall" else self.cpu
        return "n/a" if value is None else f"{value:.2f}{self.unit}"


# A ratio's numerator and denominator: sums of (row key, measure); measure is "wall" or "work"
# (the floors' in-process time), read as CPU time for the CPU ratio.
TYPER_AND_FLOOR = (("typer_run", "wall"), ("full.csafe", "work"))
TARGETS: list[tuple[str, tuple, tuple, float | None, bool]] = [
    ("papi --help / minimal typer --help", (("papi_help", "wall"),), (("typer_help", "wall"),), 1.15, False),
    ("validate cold / (typer start-up + CSafeLoader work), full", (("full.validate", "wall"),), TYPER_AND_FLOOR, 1.5, False),
    ("status cold / (typer start-up + CSafeLoader work), full", (("full.status", "wall"),), TYPER_AND_FLOOR, 1.5, False),
    ("validate warm / typer start-up, full", (("full.validate_warm", "wall"),), (("typer_run", "wall"),), 2, False),
    ("status warm / typer start-up, full", (("full.status_warm", "wall"),), (("typer_run", "wall"),), 2, False),
    ("validate cold / yamllint, full", (("full.validate", "wall"),), (("full.yamllint", "wall"),), 1, True),
    ("validate cold / check-jsonschema, full", (("full.validate", "wall"),), (("full.cjs", "wall"),), 1, True),
    ("validate cold: stress / full", (("stress.validate", "wall"),), (("full.validate", "wall"),), 10.5, False),
    ("status cold: stress / full", (("stress.status", "wall"),), (("full.status", "wall"),), 10.5, False),
    ("report cold: stress / full", (("stress.report", "wall"),), (("full.report", "wall"),), 10.5, False),
    ("status cold of 2020: five years / one year", (("years.status", "wall"),), (("full.status", "wall"),),
     1.15, False),
    ("status warm of 2020: five years / one year", (("years.status_warm", "wall"),),
     (("full.status_warm", "wall"),), 1.15, False),
]
TARGETS.append(("import of a 100-indicator form / validate of its YAML, cold", (("forms.import", "wall"),),
                (("forms.validate", "wall"),), 2, False))
for _case in adversarial.CASES:
    TARGETS += [
        (f"validate / CSafeLoader floor, {_case}", ((f"adv.{_case}.validate", "wall"),),
         ((f"adv.{_case}.csafe", "wall"),), None, False),
        (f"validate full / half size, {_case}", ((f"adv.{_case}.validate", "wall"),),
         ((f"adv.{_case}.validate_half", "wall"),), 2.5, False),
    ]
ADVERSARIAL_SECONDS, MEMORY_MIB = 2, 250


def ratios(by_key: dict[str, Case]) -> list[Ratio]:
    def total(terms: tuple, cpu: bool) -> float | None:
        values = []
        for key, measure in terms:
            case = by_key.get(key)
            if case is None or not case.measured:
                return None
            values.append(case.median({("wall", False): "wall", ("wall", True): "cpu",
                                       ("work", False): "work", ("work", True): "work_cpu"}[measure, cpu]))
        return sum(values)

    def ratio(top: tuple, bottom: tuple, cpu: bool) -> float | None:
        a, b = total(top, cpu), total(bottom, cpu)
        return None if a is None or not b else a / b

    def peak(cases: list[Case]) -> float | None:
        peaks = [s.rss_kib for c in cases for s in c.samples]
        return None if not peaks or None in peaks else max(peaks) / 1024

    checks = [Ratio(label, ratio(top, bottom, False), limit, ratio(top, bottom, True), strict)
              for label, top, bottom, limit, strict in TARGETS]
    papi_rows = [c for c in by_key.values() if c.measured and c.argv[0] == str(BIN / "papi")]
    years = [c for c in papi_rows if not c.key.startswith("adv.")]  # start-up, the corpora, five years
    hostile = [c for c in papi_rows if c.key.startswith("adv.")]
    expected = sum(1 for c in by_key.values() if c.key.startswith("adv.") and c.cache == "off")
    slowest = (None, None) if not hostile or len(hostile) < expected else \
        (max(c.median() for c in hostile), max(c.median("cpu") for c in hostile))
    checks += [
        Ratio("peak RSS of any papi run, start-up and both years", peak(years), MEMORY_MIB, strict=True, unit=" MiB"),
        Ratio("slowest adversarial validate (median wall)", slowest[0], ADVERSARIAL_SECONDS, slowest[1],
              strict=True, unit=" s"),
        Ratio("peak RSS of any adversarial validate", peak(hostile) if len(hostile) == expected else None,
              MEMORY_MIB, strict=True, unit=" MiB"),
    ]
    return checks


# --- presenting -------------------------------------------------------------------------------
def commit() -> str:
    """The repository's commit, with "-dirty" when the working tree has changes."""
    return subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                          capture_output=True, text=True).stdout.strip() or "?"


def sources_digest(package: Path) -> str:
    """A hash of the names and bytes of a papi_cli folder's files (Python sources and templates)."""
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".css") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def machine(measured_commit: str) -> dict[str, str]:
    """The machine's details; ``measured_commit`` is the repository's commit when the run began."""
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor() or platform.machine())
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    from papi_cli import __version__

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu}, {os.cpu_count()} logical cores ({usable} usable)",
        "load": "{:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()),
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "os": platform.platform(),
        "papi": f"{__version__}, commit {measured_commit} (at the start of the run)",
        "env": f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '(unset)')}",
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def rows(sections: list[tuple[str, list[Case]]]) -> list[tuple[str, ...] | str]:
    """The table: a string is a section heading, a tuple a row."""
    out: list[tuple[str, ...] | str] = []
    for heading, cases in sections:
        out.append(heading)
        for c in cases:
            if not c.measured:
                out.append((c.label, "n/a", "", "", "", "", "", c.why))
                continue
            walls = [s.wall for s in c.samples]
            codes = sorted({s.code for s in c.samples})
            out.append((c.label, f"{c.median():.3f} s", f"{min(walls):.3f}–{max(walls):.3f}",
                        f"{c.median('cpu'):.3f} s", _rss(c),
                        f"{c.median('work'):.3f} s" if c.work and all(s.work is not None for s in c.samples) else "",
                        ",".join(map(str, codes)), c.note))
    return out


def _rss(case: Case) -> str:
    values = [s.rss_kib for s in case.samples]
    return "n/a" if None in values else f"{max(values) / 1024:.1f} MiB"


HEAD = ("what", "median", "min–max", "cpu", "peak RSS", "work", "exit", "")


def text_table(table: list[tuple[str, ...] | str], checks: list[Ratio]) -> str:
    widths = [max(len(r[i]) for r in [HEAD, *(r for r in table if isinstance(r, tuple))]) for i in range(len(HEAD))]
    align = ["<", ">", ">", ">", ">", ">", ">", "<"]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(f"{cell:{a}{w}}" for cell, a, w in zip(row, align, widths, strict=True)).rstrip()

    out = [line(HEAD), "-" * len(line(HEAD))]
    for row in table:
        out.append(f"{row}:" if isinstance(row, str) else line(row))
    label_width = max(len(r.label) for r in checks)
    out += ["", f"{'targets (docs/performance.md): ratios of medians, or absolute':<{label_width + 2}}  {'wall':>10}  {'target':<11} verdict  (cpu)"]
    for r in checks:
        out.append(f"  {r.label:<{label_width}}  {r.shown():>10}  {r.target:<11} {r.verdict:<7}  ({r.shown(which='cpu')})")
    return "\n".join(out)


def markdown(table: list[tuple[str, ...] | str], checks: list[Ratio], info: dict[str, str], header: str,
             warnings: list[str]) -> str:
    out = ["# papi benchmark results", "", "Written by `benchmarks/run.py --write` (see benchmarks/README.md).", "",
           header, ""]
    out += [f"- **{k}**: {v}" for k, v in info.items()]
    out += ["", "| " + " | ".join(HEAD[:-1]) + " | note |", "|---|" + "---:|" * 6 + "---|"]
    for row in table:
        out.append(f"| **{row}** |  |  |  |  |  |  |  |" if isinstance(row, str) else
                   "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    out += ["", "| target (docs/performance.md): ratio of medians, or absolute | wall | limit | verdict | cpu |",
            "|---|---:|---|---|---:|"]
    out += [f"| {r.label} | {r.shown()} | {r.target} | {r.verdict} | {r.shown(which='cpu')} |" for r in checks]
    if warnings:
        out += ["", *(f"- warning: {w}" for w in warnings)]
    return "\n".join(out) + "\n"


# --- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each row (default 7)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 1 run, one quarter, no warm-up round")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.relative_to(REPO)}")
    parser.add_argument("--only", choices=("forms",), help="run only these rows (no corpora, no --write)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")

    import papi_cli

    installed = Path(papi_cli.__file__).resolve().parent
    if installed.is_relative_to(REPO / "papi_cli"):
        print(f"warning: papi is imported from the source tree ({papi_cli.__file__}), not an installed build; "
              "start-up figures will not be what users get (use `make bench`)", file=sys.stderr)
    # The build measured is the one installed; say so if the working tree is not (or stops being) it.
    measured_commit, measured = commit(), sources_digest(installed)
    drift: list[str] = []
    if sources_digest(REPO / "papi_cli") != measured:
        drift.append("the installed papi differs from the working tree's papi_cli/ at the start of the run")
    WORK.mkdir(parents=True, exist_ok=True)
    if args.only == "forms":
        return only_forms(runs, args.quick)
    quarters = (1,) if args.quick else (1, 2, 3, 4)
    prefix = "quick-" if args.quick else ""
    print("generating corpora …", file=sys.stderr)
    full = generate.generate(CORPORA / f"{prefix}full", quarters=quarters)
    stress = generate.generate(CORPORA / f"{prefix}stress", quarters=quarters, stress=True)
    schema = papi_schema(full.root)

    print("building the adversarial files …", file=sys.stderr)
    hostile = adversarial.build_all(WORK / "adversarial")
    shutil.rmtree(CACHES, ignore_errors=True)

    sections: list[tuple[str, list[Case]]] = [("start-up", startup_cases())]
    for name, corpus in (("full", full), ("stress", stress)):
        cases = corpus_cases(name, corpus.root, schema)
        prime_warm(cases)
        title = f"{name} year: {corpus.files} submissions + 2 plan files, {corpus.bytes / 1e6:.2f} MB of submissions"
        if corpus is stress:
            title += f" ({stress.bytes / full.bytes:.1f}× the full year's)"
        sections.append((title, cases))
    years = years_cases(five_years(full.root, CORPORA / f"{prefix}five-years"))
    prime_warm(years)
    sections.append((f"five years: the full year's {full.files} submissions and plan, and four more years "
                     "like it (2016–2019)", years))
    print("building the Excel-form rows …", file=sys.stderr)
    sections.append(("Excel forms: papi import of a filled form against papi validate of its YAML",
                     forms_cases(forms.build(WORK / "forms"))))
    cases = adversarial_cases(hostile)
    describe_adversarial(cases)
    sections.append(("adversarial: one submission file each, under the 1 MiB cap, + 2 plan files; "
                     "invalid by design", cases))

    print(f"measuring: {runs} run(s) of each row …", file=sys.stderr)
    everything = [c for _, cases in sections for c in cases]
    measure(everything, runs, warm_up=not args.quick)

    by_key = {c.key: c for c in everything}
    checks = ratios(by_key)
    table = rows(sections)
    info = machine(measured_commit)
    if not drift and sources_digest(REPO / "papi_cli") != measured:
        drift.append("papi_cli/ changed in the working tree during the run: the figures are those of the build "
                     f"installed at the start (commit {measured_commit})")
    header = (f"{'QUICK SMOKE RUN (not for the targets): ' if args.quick else ''}{runs} timed run(s) per row, "
              "median and min–max of wall time; papi from an installed build.")
    print(header)
    print("; ".join(f"{k}: {v}" for k, v in info.items()))
    print()
    print(text_table(table, checks))
    warnings = [case.failure for case in everything if case.failure]
    warnings += [f"{case.label}: {leak}" for case in everything for leak in sorted(set(case.leaks))]
    warnings += drift
    for line in warnings:
        print(f"warning: {line}")
    if args.write:
        RESULTS.write_text(markdown(table, checks, info, header, warnings), encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(REPO)}")
    return 0


def only_forms(runs: int, quick: bool) -> int:
    """The Excel-form rows alone, with their target (``--only forms``)."""
    shutil.rmtree(CACHES, ignore_errors=True)
    cases = forms_cases(forms.build(WORK / "forms"))
    measure(cases, runs, warm_up=not quick)
    checks = [c for c in ratios({c.key: c for c in cases}) if c.label.startswith("import of a")]
    print(f"{runs} timed run(s) per row, median and min–max of wall time.")
    print(text_table(rows([("Excel forms", cases)]), checks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
