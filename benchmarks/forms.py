#!/usr/bin/env python3
"""Build the Excel-form benchmark: a form of at least 100 indicators, filled, and the YAML it makes.

The bundled plan gives one agency at most 33 indicators, so the plan here is the 2020 plan with
the tasks UBND huyện Cư Jút reports copied, each under a new number in its own dimension (its
indicators renumbered with it), until the district reports at least ``INDICATORS``. The form
is made by ``papi new --format xlsx`` and every open cell filled as a clerk would (figures,
status, one document of evidence, units marked); ``papi import`` writes the YAML into a second
root, which ``papi validate`` then checks. The rows compare ``papi import --dry-run`` of the form
with ``papi validate`` of that YAML (docs/performance.md: at most 2×).

    python benchmarks/forms.py [--out DIR]     # writes DIR/import and DIR/validate (default benchmarks/.work/forms)
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "benchmarks" / ".work" / "forms"
MARKER = ".papi-bench-forms"  # written into every built root; only such a folder is ever replaced
AGENCY, PERIOD = "ubnd-cu-jut", "2020-Q2"
INDICATORS = 100


@dataclass
class Built:
    form: Path  # the filled form, in the import root
    import_root: Path  # plan only: papi import --dry-run FORM
    validate_root: Path  # plan and the YAML the form makes: papi validate
    indicators: int


def big_plan(plan_dir: Path) -> int:
    """Rewrite ``plan_dir/2020.yaml`` with copies of the agency's tasks; the indicators it reports."""
    import yaml

    from papi_cli.authority import reportable
    from papi_cli.layout import Paths
    from papi_cli.load import load_plan

    source = plan_dir / "2020.yaml"
    data = yaml.safe_load(source.read_text("utf-8"))
    plan = load_plan(Paths.resolve(plan_dir.parent)).value
    assert plan is not None
    mine = {task.code for task, _ in plan.tasks_of(AGENCY)}
    count = len(reportable(plan, AGENCY))
    tasks = data["tasks"]
    originals = [t for t in tasks if t["code"] in mine]
    stt = {t["dimension"]: max(x["stt"] for x in tasks if x["dimension"] == t["dimension"]) for t in tasks}
    while count < INDICATORS:
        for task in originals:
            new = copy.deepcopy(task)
            stt[task["dimension"]] += 1
            new["stt"] = stt[task["dimension"]]
            new["code"] = f"{task['dimension']}.{new['stt']}"
            for indicator in new["indicators"]:
                indicator["code"] = new["code"] + indicator["code"][len(task["code"]):]
            tasks.append(new)
            count += len(new["indicators"])
            if count >= INDICATORS:
                break
    tasks.sort(key=lambda t: ([x["code"] for x in data["dimensions"]].index(t["dimension"]), t["stt"]))
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), "utf-8")
    return count


def fill(form: Path) -> None:
    """Every open cell of the form, filled with values that pass the checks."""
    from openpyxl import load_workbook

    book = load_workbook(form)
    results = next(s for s in book.worksheets if s["A1"].value == "papi-form:results")
    keys = {c.value: c.row for c in results["A"] if isinstance(c.value, str)}
    columns = {c.value: c.column for c in results[keys["columns"]] if isinstance(c.value, str)}
    results.cell(keys["submitted_on"], columns["target"], dt.date(2020, 6, 18))
    for cell in results["B"]:
        row = cell.row
        if cell.row <= keys["columns"] or not isinstance(cell.value, str):
            continue
        for name, value in (("numerator", 9), ("denominator", 10), ("percent", 87.5), ("count", 2),
                            ("status", "đang thực hiện"), ("evidence", "Báo cáo số 12/BC-UBND ngày 10/6/2020"),
                            ("note", "Số liệu đến ngày 14/6/2020")):
            target = results.cell(row, columns[name])
            if not target.protection.locked:
                target.value = value
    units = next((s for s in book.worksheets if s["A1"].value == "papi-form:units"), None)
    if units is not None:
        for row in units.iter_rows(min_row=4):
            for cell in row[3:]:
                if not cell.protection.locked:
                    cell.value = "x"
    book.save(form)


def build(out: Path = DEFAULT_OUT) -> Built:
    from papi_cli.cli import main

    if out.exists():
        if not (out / MARKER).is_file():
            raise SystemExit(f"{out} exists and was not made by benchmarks/forms.py: not replacing it")
        shutil.rmtree(out)
    roots = [out / "import", out / "validate"]
    for root in roots:
        shutil.copytree(REPO / "plan", root / "plan")
        (root / "submissions").mkdir()
        indicators = big_plan(root / "plan")
    (out / MARKER).write_text("", "utf-8")
    form = roots[0] / f"{AGENCY}-{PERIOD}.xlsx"
    assert main(["new", "--agency", AGENCY, "--period", PERIOD, "--format", "xlsx", "--out", str(roots[0]),
                 "--root", str(roots[0]), "--no-cache"]) == 0
    fill(form)
    assert main(["import", str(form), "--root", str(roots[1]), "--no-cache"]) == 0
    return Built(form, roots[0], roots[1], indicators)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    built = build(args.out)
    print(f"{built.form}: {built.indicators} indicators; YAML in {built.validate_root / 'submissions'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
