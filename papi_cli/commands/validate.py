"""``papi validate``: check the plan and the submission files, and say what was checked.

Submissions are checked only against a plan without errors (a broken plan would make every
answer doubtful); the plan's own problems are reported either way. Exit 1 when any error is
found, 0 otherwise (warnings do not fail). Nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from papi_cli.commands.context import Context
from papi_cli.load import load_plan
from papi_cli.problems import Problem, problem_count
from papi_cli.render.problems import as_json, github_line, shown_name, text_lines

# A file with thousands of problems (one duplicated unit pasted 90,000 times) must not flood a
# terminal or a CI log: the first ones show where to look, a last line counts the rest.
SHOWN_PER_FILE = 50


def run(ctx: Context, *, files: list[Path], fmt: str) -> int:
    from papi_cli.load import Loaded
    from papi_cli.submissions import CheckedSubmissions, load_submissions

    planned = load_plan(ctx.paths, cache=ctx.cache)
    checked: Loaded[CheckedSubmissions] = Loaded(CheckedSubmissions())
    if planned.usable and planned.value is not None:
        checked = load_submissions(planned.value, ctx.paths, files or None, today=ctx.today, cache=ctx.cache,
                                   build=False)
    problems = sorted(planned.problems, key=Problem.sort_key) + checked.problems
    errors = problem_count(problems, "error")
    result = checked.value or CheckedSubmissions()
    counts = {"files": len(planned.files) + len(checked.files), "plan": len(planned.files),
              "submissions": len(checked.files), "results": result.results_checked, "errors": errors,
              "warnings": problem_count(problems, "warning")}
    shown = capped(problems)
    if fmt == "json":
        data = {"ok": errors == 0, "files": counts["files"], "problems": [as_json(p, ctx.lang) for p in shown],
                "checked": counts, "skipped_files": [shown_name(name) for name in result.skipped],
                "plan_checked_only": not planned.usable}
        json.dump(data, ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return 1 if errors else 0
    if fmt == "github":
        lines = [github_line(p, ctx.lang) for p in shown]
    else:
        lines = text_lines(shown, ctx.lang, {**planned.sources, **checked.sources})
    if not planned.usable:
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
