"""``papi validate``: check the plans and the submission files, and say what was checked.

Every plan of the plan folder is checked, and every submission against the plan of its year
(the year of its period folder; for a file received from elsewhere, of the period it states).
A year's submissions are checked only against a plan without errors (a broken plan would make
every answer doubtful); the plan's own problems are reported either way. A period folder whose
year has no plan is one error. Given files, only those (and the plans of their years) are
checked; a given plan file is checked alone. Exit 1 when any error is found, 0 otherwise
(warnings do not fail). Nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli.commands.common import plan_year
from papi_cli.commands.context import Context
from papi_cli.files import is_file, realpath
from papi_cli.layout import Found, Paths
from papi_cli.load import Loaded, load_plan
from papi_cli.problems import Problem, problem_count
from papi_cli.render.problems import as_json, github_line, shown_name, text_lines
from papi_cli.submissions import CheckedSubmissions, check_found, find

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan

# A file with thousands of problems (one duplicated unit pasted 90,000 times) must not flood a
# terminal or a CI log: the first ones show where to look, a last line counts the rest.
SHOWN_PER_FILE = 50


def run(ctx: Context, *, files: list[Path], fmt: str) -> int:
    ctx.today  # noqa: B018 - a bad PAPI_TODAY is a usage error even where no file needs the date
    if ctx.paths.plan_given:
        return _write(ctx, _against_given_plan(ctx, files), fmt)
    plan_files = [path for path in files if _is_plan_file(ctx, path)]
    if plan_files and len(plan_files) == len(files):  # papi validate plan/2021.yaml: the plan alone
        years = [int(path.name[:4]) for path in plan_files]
        found: list[Found] = []
        layout: list[Problem] = []
    else:
        found, layout = find(ctx.paths, [p for p in files if p not in plan_files] or None)
        plans = set(ctx.paths.plan_years()) if not files else {int(p.name[:4]) for p in plan_files}
        years = sorted(plans | {item.year for item in found if item.year is not None})
    result = _Result()
    result.problems += layout
    for year in years:
        paths = ctx.paths.for_year(year)
        if not ctx.paths.plan_given and not is_file(paths.plan):
            _no_plan(ctx, paths, year, [item for item in found if item.year == year], result)
            continue
        planned = load_plan(paths, cache=ctx.cache)
        result.add_plan(planned)
        of_year = [item for item in found if item.year == year]
        if not of_year:
            continue
        if not planned.usable or planned.value is None:
            result.plans_unusable = True
            continue
        checked = check_found(planned.value, paths, of_year, [], today=ctx.today, cache=ctx.cache,
                              complete=not files, build=False)
        result.add_submissions(checked)
    result.add_unplaced([item for item in found if item.year is None], ctx)
    return _write(ctx, result, fmt)


def _against_given_plan(ctx: Context, files: list[Path]) -> _Result:
    """``--plan FILE``: that plan, and the submissions of its year (or the files given, whatever
    their year: each is checked against it, and one of another year says so)."""
    result = _Result()
    planned = load_plan(ctx.paths, cache=ctx.cache)
    result.add_plan(planned)
    chosen = [p for p in files if not (is_file(p) and realpath(p) == realpath(ctx.paths.plan))]
    if files and not chosen:
        return result
    if not planned.usable or planned.value is None:
        result.plans_unusable = True
        return result
    plan = planned.value
    found, layout = find(ctx.paths, chosen or None, None if chosen else plan.year)
    result.problems += layout
    result.add_submissions(check_found(plan, ctx.paths, found, [], today=ctx.today, cache=ctx.cache,
                                       complete=not chosen, build=False))
    return result


def _is_plan_file(ctx: Context, path: Path) -> bool:
    """A file of the plan folder named as a plan (``plan/2021.yaml``)."""
    from papi_cli.layout import PLAN_NAME

    return bool(PLAN_NAME.match(path.name)) and is_file(path) and realpath(path.parent) == realpath(ctx.paths.plan_dir)


def _no_plan(ctx: Context, paths: Paths, year: int, found: list[Found], result: _Result) -> None:
    """The period folders (or given files) of a year without a plan: one error each."""
    plan = paths.label(paths.plan)
    places = sorted({paths.label(item.path.parent) if not item.received else item.label for item in found})
    for place in places:
        count = sum(1 for item in found if (item.label if item.received else paths.label(item.path.parent)) == place)
        result.problems.append(Problem.at(place, None, "plan-year-missing", year=year, plan=plan, files=count))
    result.submission_files += [item.label for item in found]


class _Result:
    """What the years' checks found, summed."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.plan_files: list[str] = []
        self.submission_files: list[str] = []
        self.sources: dict[str, str] = {}
        self.results = 0
        self.skipped: list[str] = []
        self.plans_unusable = False

    def add_plan(self, planned: Loaded[Plan]) -> None:
        self.problems += sorted(planned.problems, key=Problem.sort_key)
        self.plan_files += planned.files
        self.sources.update(planned.sources)

    def add_submissions(self, checked: Loaded[CheckedSubmissions]) -> None:
        self.problems += checked.problems
        self.submission_files += checked.files
        self.sources.update(checked.sources)
        if checked.value is not None:
            self.results += checked.value.results_checked
            self.skipped += checked.value.skipped

    def add_unplaced(self, found: list[Found], ctx: Context) -> None:
        """Received files that state no usable period: checked as far as they can be, by the
        plan of the year in question (their period's problem says what is wrong)."""
        if not found:
            return
        paths = ctx.paths.for_year(plan_year(ctx) or 0)
        planned = load_plan(paths, cache=ctx.cache)
        if planned.value is not None and planned.usable:
            self.add_submissions(check_found(planned.value, paths, found, [], today=ctx.today, cache=False,
                                             complete=False, build=False))
        else:
            self.submission_files += [item.label for item in found]


def _write(ctx: Context, result: _Result, fmt: str) -> int:
    problems = result.problems
    errors = problem_count(problems, "error")
    counts = {"files": len(result.plan_files) + len(result.submission_files), "plan": len(result.plan_files),
              "submissions": len(result.submission_files), "results": result.results, "errors": errors,
              "warnings": problem_count(problems, "warning")}
    shown = capped(problems)
    if fmt == "json":
        data = {"ok": errors == 0, "files": counts["files"], "problems": [as_json(p, ctx.lang) for p in shown],
                "checked": counts, "skipped_files": [shown_name(name) for name in sorted(result.skipped)],
                "plan_checked_only": result.plans_unusable}
        json.dump(data, ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 1 if errors else 0
    if fmt == "github":
        lines = [github_line(p, ctx.lang) for p in shown]
    else:
        lines = text_lines(shown, ctx.lang, result.sources)
    if result.plans_unusable:
        lines.append(ctx.say("submissions_not_checked"))
    lines.append(ctx.say("checked", **counts))
    ctx.out.write("\n".join(lines) + "\n")
    return 1 if errors else 0


def capped(problems: list[Problem]) -> list[Problem]:
    """The first ``SHOWN_PER_FILE`` problems of each file, then one line counting the rest (those
    the checks only counted included)."""
    shown: list[Problem] = []
    per_file: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        if problem.code == "problems-not-listed":
            hidden[problem.file] = hidden.get(problem.file, 0) + int(problem.args["count"])
            continue
        count = per_file[problem.file] = per_file.get(problem.file, 0) + 1
        if count <= SHOWN_PER_FILE:
            shown.append(problem)
        else:
            hidden[problem.file] = hidden.get(problem.file, 0) + 1
    for file, count in hidden.items():
        shown.append(Problem.at(file, None, "more-problems", severity="warning", count=count))
    return shown
