#!/usr/bin/env python3
"""Write the illustrative sample submissions of 2020 (``submissions/2020-Q1`` … ``2020-Q4``) from
the scenario in ``tools/sample-scenario.yaml``.

The scenario is data, and its comments say what it shows: a province year shaped so that
``papi status`` on a fresh clone has something meaningful to show. Most agencies report on time,
some late, a few not at all; about half the indicators are met by the end of the year, some
only just (II.3 at 22 of 71 communes), some only just not (VII.1 at exactly 90 %, IX.2 below
45 %); at the end of Q3 some indicators are on track and some at risk. The figures are
invented, and every file written says so in its first line.

For each agency and quarter the data file holds the day it submitted (or ``not submitted``),
its implementation document where it gives one, and each result with its values as the file
will hold them. This program adds nothing: it checks the data against the plan (each result is
of a task the agency leads or implements and has only the fields its indicator takes; no
submission falls on a weekend or a public holiday), builds each submission as a
``papi_cli.render.submission_yaml.Draft`` and writes it with ``submission_yaml.filled``, papi's
own writer of submission files, so the samples have the layout of every other submission. The
values themselves (a numerator above its denominator, a unit a district may not name) are
``papi validate``'s to check, as in any submission.

To change the scenario, edit the data file, run this program with ``--force`` and commit both
the data file and ``submissions/``. Existing files are never overwritten without ``--force``,
so hand edits are not lost by accident. ``--check`` writes nothing: it lists the files that
differ from what would be written (``differs:``, ``missing:``, and ``extra:`` for a file in one
of the scenario's quarter folders that the scenario does not hold) and exits 1 if there are
any. ``tests/sample_data_test.py`` runs it against the committed ``submissions/``, so the
samples cannot drift from the data file.

    .venv/bin/python tools/make_sample_submissions.py [--out DIR] [--scenario FILE] [--force | --check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout: the repository's own package
    sys.path.insert(0, str(ROOT))

from papi_cli import periods, yamlsafe  # noqa: E402
from papi_cli.authority import reportable_codes  # noqa: E402
from papi_cli.kinds import kind_of, result_fields  # noqa: E402
from papi_cli.layout import Paths  # noqa: E402
from papi_cli.load import load_plan  # noqa: E402
from papi_cli.render.problems import text_lines  # noqa: E402
from papi_cli.render.submission_yaml import Draft, filled  # noqa: E402

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan

SCENARIO = ROOT / "tools" / "sample-scenario.yaml"
NOT_SUBMITTED = "not submitted"
HEADER = (
    "DỮ LIỆU MẪU: minh họa, không phải số liệu thật. Sample data: illustrative, not real figures.",
    "Sinh bởi tools/make_sample_submissions.py (chạy lại với --force sẽ ghi đè các sửa tay).",
)
ROMAN = ("I", "II", "III", "IV")
ENTRY_FIELDS = ("submitted_on", "implementation_document", "results")


class ScenarioError(Exception):
    """The data file cannot be written as submissions; ``lines`` says why, one problem a line."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


# --- reading the scenario --------------------------------------------------------------------------
def read_scenario(plan: Plan, path: Path) -> list[Draft]:
    """Every submission of the data file at ``path``, checked against the plan."""
    label = shown(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ScenarioError([f"{label}: cannot be read ({err.strerror})"]) from err
    document, problems = yamlsafe.load(label, raw)
    if document is None or problems:
        raise ScenarioError(text_lines(problems, "en", {label: raw.decode("utf-8", "replace")}))
    reader = _Reader(plan, document)
    drafts = reader.drafts()
    if reader.errors:
        raise ScenarioError(reader.errors)
    return drafts


@dataclass
class _Reader:
    plan: Plan
    document: yamlsafe.Document
    errors: list[str] = field(default_factory=list)

    def fail(self, path: yamlsafe.Path, text: str) -> None:
        mark = self.document.key_mark(path)
        self.errors.append(f"{self.document.file}:{mark.line}:{mark.column}: {text}")

    def drafts(self) -> list[Draft]:
        data = self.document.data
        if not isinstance(data, dict) or list(data) != ["agencies"] or not isinstance(data["agencies"], dict):
            self.fail((), "expected one key, agencies: a mapping of agency codes to their quarters")
            return []
        drafts = []
        quarters = {quarter.code: quarter for quarter in periods.quarters_of(self.plan.year)}
        for agency, entries in data["agencies"].items():
            where = ("agencies", agency)
            if agency not in self.plan.agencies:
                self.fail(where, f"{agency}: not an agency of the plan")
            elif not isinstance(entries, dict):
                self.fail(where, f"{agency}: expected its quarters ({', '.join(quarters)})")
            else:
                for code, entry in entries.items():
                    if code not in quarters:
                        self.fail((*where, code), f"{agency} {code}: not a quarter of {self.plan.year}")
                    elif entry != NOT_SUBMITTED:
                        draft = self.draft(agency, quarters[code], entry, (*where, code))
                        if draft is not None:
                            drafts.append(draft)
        return drafts

    def draft(self, agency: str, quarter: periods.Period, entry: Any, where: yamlsafe.Path) -> Draft | None:
        """One submission, or None when the entry has problems (each one recorded)."""
        who = f"{agency} {quarter.code}"
        if not isinstance(entry, dict):
            self.fail(where, f"{who}: expected '{NOT_SUBMITTED}' or a mapping with {', '.join(ENTRY_FIELDS)}")
            return None
        before = len(self.errors)
        for name in entry:
            if name not in ENTRY_FIELDS:
                self.fail((*where, name), f"{who}: unknown field {name} (expected {', '.join(ENTRY_FIELDS)})")
        day = entry.get("submitted_on")
        if not _is_date(day):
            self.fail((*where, "submitted_on"), f"{who}: submitted_on needs a date (YYYY-MM-DD)")
        elif not periods.is_working_day(day, self.plan.file.reporting.holidays):
            self.fail((*where, "submitted_on"), f"{who}: submitted on {day:%A} {day.isoformat()}, "
                                                "not a working day (a weekend or a holiday of the plan)")
        document = self.implementation_document(entry.get("implementation_document"), who,
                                                (*where, "implementation_document"))
        results: Any = entry.get("results")
        if not isinstance(results, dict) or not results:
            self.fail((*where, "results"), f"{who}: results needs a mapping of indicator codes to their fields")
        else:
            self.check_results(agency, who, results, (*where, "results"))
        if len(self.errors) > before or not _is_date(day) or not isinstance(results, dict):
            return None
        return Draft(agency, quarter, day, document, results)

    def implementation_document(self, value: Any, who: str, where: yamlsafe.Path) -> tuple[str, dt.date] | None:
        if value is None:
            return None
        if isinstance(value, dict) and set(value) == {"number", "date"} and isinstance(value["number"], str) \
                and _is_date(value["date"]):
            return value["number"], value["date"]
        self.fail(where, f"{who}: implementation_document needs {{number: text, date: YYYY-MM-DD}}")
        return None

    def check_results(self, agency: str, who: str, results: dict[str, Any], where: yamlsafe.Path) -> None:
        """A guard against typos in the scenario: every result is of a task the agency leads or
        implements, and carries only the fields its indicator takes."""
        allowed = reportable_codes(self.plan, agency)
        for code, values in results.items():
            found = self.plan.find_indicator(code)
            if found is None:
                self.fail((*where, code), f"{who}: {code} is not an indicator of the plan")
            elif code not in allowed:
                self.fail((*where, code), f"{who}: not authorised for {code}: {agency} neither leads nor "
                                          f"implements task {found[0].code}")
            elif not isinstance(values, dict) or not values:
                self.fail((*where, code), f"{who} {code}: expected its fields, e.g. {{numerator: 3, denominator: 4}}")
            else:
                fields = result_fields(found[1])
                for name in values:
                    if name not in fields:
                        self.fail((*where, code, name), f"{who} {code}: a {kind_of(found[1]).name} result takes no "
                                                        f"{name} (it takes {', '.join(fields)})")


def _is_date(value: Any) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


# --- writing ---------------------------------------------------------------------------------------
def render(plan: Plan, drafts: list[Draft], out: Path) -> dict[Path, str]:
    """The text of every file, by its path under ``out``."""
    files = {}
    for draft in drafts:
        agency = plan.agencies[draft.agency]
        quarter = draft.period
        about = (f"{agency.name}: báo cáo quý {ROMAN[quarter.quarters[0] - 1]} năm {quarter.year} "
                 f"(Quyết định {plan.decision.number}).")
        text = filled(plan, draft, header=[*HEADER, about], comments=False)
        files[out / quarter.code / f"{draft.agency}.yaml"] = text
    return files


def extra_files(files: dict[Path, str]) -> list[Path]:
    """Submission files in the quarter folders written to that the scenario does not hold."""
    folders = sorted({path.parent for path in files})
    return [path for folder in folders if folder.is_dir() for path in sorted(folder.iterdir())
            if path.suffix in (".yaml", ".yml") and path not in files]


def shown(path: Path) -> str:
    """A path as printed: relative to the repository where it lies under it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "submissions",
                        help="folder to write into (default: submissions/)")
    parser.add_argument("--scenario", type=Path, default=SCENARIO,
                        help="the data file (default: tools/sample-scenario.yaml)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="overwrite files that already exist")
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 and list the files that differ from what would be written")
    args = parser.parse_args(argv)

    plan = load_plan(Paths.resolve(ROOT)).value
    if plan is None:
        print("the plan does not load; fix it first (papi validate)", file=sys.stderr)
        return 1
    try:
        files = render(plan, read_scenario(plan, args.scenario), args.out)
    except ScenarioError as err:
        print("\n".join(err.lines), file=sys.stderr)
        print(f"{shown(args.scenario)}: nothing written; fix the scenario first", file=sys.stderr)
        return 1
    extra = extra_files(files)

    if args.check:
        differ = 0
        for path, text in files.items():
            if not path.is_file():
                print(f"missing: {path}")
            elif path.read_text(encoding="utf-8") != text:
                print(f"differs: {path}")
            else:
                continue
            differ += 1
        for path in extra:
            print(f"extra: {path} (not in the scenario)")
        return 1 if differ or extra else 0
    existing = [path for path in files if path.exists()]
    if existing and not args.force:
        print(f"{len(existing)} file(s) already exist (e.g. {existing[0]}); nothing written. "
              "Use --force to overwrite them (hand edits would be lost).", file=sys.stderr)
        return 1
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files under {args.out}")
    for path in extra:
        print(f"left as it is, not in the scenario: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
