"""``papi validate``: check the plan and the submission files, and say what was checked.

Submissions are checked only against a plan without errors (a broken plan would make every
answer doubtful); the plan's own problems are reported either way. Exit 1 when any error is
found, 0 otherwise (warnings do not fail). Nothing is written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

from papi_cli.i18n import t
from papi_cli.load import Paths, load_plan
from papi_cli.problems import Problem, has_errors
from papi_cli.render.problems import as_json, github_line, text_lines
from papi_cli.text import MAX_BYTES


def run(paths: Paths, *, files: list[Path] | None = None, fmt: str = "text", lang: str = "vi", cache: bool = True,
        out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    from papi_cli.submissions import SubmissionSet, load_submissions

    out = out or sys.stdout
    planned = load_plan(paths, cache=cache)
    problems = list(planned.problems)
    plan_ok = planned.plan is not None and not has_errors(problems)
    checked = SubmissionSet()
    if plan_ok:
        checked = load_submissions(planned.plan, paths, files or None, cache=cache)  # type: ignore[arg-type]
    problems = sorted(problems, key=Problem.sort_key) + checked.problems
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    problems = capped(problems)
    counts = {
        "files": len(planned.files) + len(checked.files),
        "plan": len(planned.files),
        "submissions": len(checked.files),
        "results": checked.results,
        "errors": errors,
        "warnings": warnings,
    }
    if fmt == "json":
        data = {"ok": errors == 0, "files": counts["files"], "problems": [as_json(p, lang) for p in problems],
                "checked": counts, "skipped_files": checked.skipped, "plan_checked_only": not plan_ok}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        if fmt == "github":
            lines = [github_line(p, lang) for p in problems]
        else:
            lines = text_lines(problems, lang, {**_plan_sources(paths, problems), **checked.sources})
        if not plan_ok:
            lines.append(t("submissions_not_checked", lang))
        lines.append(t("checked", lang, **counts))
        out.write("\n".join(lines) + "\n")
    return 1 if errors else 0


# A file with thousands of problems (one duplicated unit pasted 90,000 times) must not flood a
# terminal or a CI log: the first ones show where to look, a last line counts the rest.
SHOWN_PER_FILE = 50


def capped(problems: list[Problem]) -> list[Problem]:
    shown: list[Problem] = []
    per_file: dict[str, int] = {}
    for problem in problems:
        count = per_file[problem.file] = per_file.get(problem.file, 0) + 1
        if count <= SHOWN_PER_FILE:
            shown.append(problem)
    for file, count in per_file.items():
        if count > SHOWN_PER_FILE:
            shown.append(Problem.at(file, None, "more-problems", severity="warning", count=count - SHOWN_PER_FILE))
    return shown


def _plan_sources(paths: Paths, problems: list[Problem]) -> dict[str, str]:
    """The text of the plan files that have problems, for the caret display."""
    sources: dict[str, str] = {}
    for label in {p.file for p in problems if p.line is not None}:
        path = Path(label) if os.path.isabs(label) else paths.root / label
        try:
            if path.stat().st_size <= MAX_BYTES:
                sources[label] = path.read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            continue
    return sources
