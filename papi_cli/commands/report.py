"""``papi report``: write the report of a period, ``bao-cao-papi-<P>.<md|html|json|docx|xlsx>``, into ``--out``.

The evaluation is that of ``papi status --period P`` (the quarters up to and including P, as of
the last day of P's last month, or ``--as-of``); for a quarter after the first, the period's own
quarter is evaluated too, to show what it added. The annual report adds the PAPI results when
``plan/papi-scores-<year>.csv`` exists. The department's own sections come from
``narrative/<P>.md`` when it exists (``report/narrative.py``); the charts' series are the year
evaluated at the end of each quarter so far. The file is written atomically, so a failed run
leaves nothing behind.

Exit 0 when written; 1 when the plan, the scores file, the narrative file or a template has
problems, or with ``--require-narrative`` while a section is not written; 2 for a bad option value.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from papi_cli import files
from papi_cli.commands.common import evaluate_period, output_folder, usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message
from papi_cli.periods import Period
from papi_cli.problems import Problem
from papi_cli.report.model import Block, DataVersion


def run(ctx: Context, *, period: Period, fmt: str, out: Path | None, as_of: dt.date | None,
        templates: Path | None, issued_on: dt.date | None = None, number: str | None = None,
        require_narrative: bool = False) -> int:
    plan = usable_plan(ctx, period=period)
    checked, evaluation = evaluate_period(ctx, plan, period, as_of)

    from papi_cli.evaluate import evaluate
    from papi_cli.load import default_scores, load_outcome
    from papi_cli.periods import quarter
    from papi_cli.report import view as report_view

    narrative = report_view.written_narrative(plan, period, read_narrative(ctx, period), ctx.lang)
    if require_narrative and narrative.missing:
        raise DataError([], Message("narrative.required", coordinator=report_view.coordinator_name(plan),
                                    n=len(narrative.missing),
                                    sections=tuple(Message("narrative.quoted", title=t) for t in narrative.missing),
                                    file=ctx.paths.label(ctx.paths.root / narrative.file), period=period.code))
    # The charts: the year as of the end of each quarter before the period's last (what `papi status
    # --period 2020-Qn` gives), then the report's own evaluation; the submissions already loaded.
    earlier = [q for q in (quarter(period.year, n) for n in range(1, period.quarters[-1])) if q.end < evaluation.as_of]
    trend = [(q, evaluate(plan, checked.submissions, q.end, q)) for q in earlier]
    trend.append((quarter(period.year, period.quarters[-1]), evaluation))

    in_period = None
    if period.quarters[0] > 1:  # earlier quarters exist: show what this period's own reports gave
        own = [s for s in checked.submissions if s.period in period.quarter_codes]
        in_period = evaluate(plan, own, evaluation.as_of, period)
    outcome = None
    scores = default_scores(ctx.paths, plan.year)
    if period.kind == "year" and files.is_file(scores):
        result = load_outcome(plan, ctx.paths, scores, plan.year)
        if result.value is None:
            raise DataError(result.problems, sources=result.sources)
        outcome = result.value
    view = report_view.build(plan, evaluation, period, issued_on=issued_on or ctx.today,
                             data_version=data_version(ctx), in_period=in_period, outcome=outcome,
                             narrative=narrative, lang=ctx.lang, number=number, trend=trend)
    if fmt == "json":
        data = (json.dumps(report_view.as_json(view), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif fmt == "docx":
        from papi_cli.render import report_docx

        data = report_docx.render(view)
    elif fmt == "xlsx":
        from papi_cli.render import report_xlsx

        data = report_xlsx.render(view, evaluation, plan)
    else:
        from papi_cli.report.templates import render, search_path

        rendered, problems = render(view, fmt, search_path(ctx.paths.root, templates), ctx.paths.label)
        if rendered is None:
            raise DataError(problems)
        data = rendered.encode("utf-8")
    folder, named = output_folder(ctx, out)  # --out, or reports/ beside plan/ and submissions/
    target = folder / f"bao-cao-papi-{period.code}.{fmt}"
    try:
        files.write_atomic(target, data)
    except OSError as error:  # not writable, a full disk, the target is a folder…
        raise UsageError(Message("usage.cannot_write", option=named, target=str(target),
                                 reason=files.os_reason(error))) from None
    if checked.skipped:
        ctx.err.write(ctx.say("status_skipped", n=len(checked.skipped), files=", ".join(checked.skipped)) + "\n")
    ctx.out.write(ctx.say("report.written", file=str(target)) + "\n")
    return 0


def read_narrative(ctx: Context, period: Period) -> dict[str, tuple[Block, ...]] | None:
    """The sections of ``<root>/narrative/<period>.md`` (None when there is no such file). Its
    warnings (text not placed) go to standard error; its errors stop the report."""
    from papi_cli.render.problems import text_lines
    from papi_cli.report import narrative

    path = ctx.paths.root / narrative.narrative_file(period)
    if not files.lexists(path):
        return None
    label = ctx.paths.label(path)
    if not files.inside(path, ctx.paths.root):  # a link out of the project: not read
        raise DataError([Problem.at(label, None, "symlink-outside", target=files.realpath(path))])
    parsed, problems, text = narrative.read(path, label)
    sources = {label: text} if text is not None else {}
    if parsed is None:
        raise DataError(problems, Message("narrative.invalid", file=label), sources)
    for line in text_lines(problems, ctx.lang, sources):
        ctx.err.write(line + "\n")
    return parsed.sections


def data_version(ctx: Context) -> DataVersion:
    """The git commit of the root (short hash) and whether the plan or submissions have
    uncommitted changes; unknown when the root is not a git checkout or git is missing."""
    paths = ctx.paths

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-c", "core.fsmonitor=false", "-C", str(paths.root), *args],
                              capture_output=True, text=True, timeout=30, check=False)

    try:
        head = git("rev-parse", "--short", "HEAD")
        if head.returncode != 0:
            return DataVersion()
        changes = git("status", "--porcelain", "--", files.realpath(paths.plan.parent),
                      files.realpath(paths.submissions))
    except (OSError, subprocess.SubprocessError):
        return DataVersion()
    if changes.returncode != 0:
        return DataVersion()
    return DataVersion(head.stdout.strip(), dirty=bool(changes.stdout.strip()))
