"""``papi remind``: write a reminder letter (công văn đôn đốc) to each agency whose report for a
quarter is missing, ``don-doc-<agency>-<P>.<md|html|docx>``, into ``--out``.

The as-of date is ``--as-of``, else today in Vietnam; the letters are dated that day. Before the
quarter's deadline (and on it) nothing can be missing, so no letter is due and the command says
so. After it, the evaluation at the as-of date (as ``papi status --period P --as-of DATE``)
names the agencies whose report is ``missing`` (docs/rules.md, "Reminder letters"). The date
asked for is ``--by``, else the fifth working day after the as-of date. Each file is written
atomically (a letter of the same name, from an earlier run, is replaced, as ``papi report``
replaces its report); the letters are all rendered before the first is written.

Exit 0 when the letters are written or none is due; 1 when the plan or a template has
problems; 2 for a bad option value (a period that is not a quarter, ``--by`` not after the
as-of date, an ``--out`` that cannot be written).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.commands.common import evaluate_period, output_folder, usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message
from papi_cli.periods import Period

if TYPE_CHECKING:
    from papi_cli.remind.view import LetterView


def run(ctx: Context, *, period: Period, fmt: str, out: Path | None, as_of: dt.date | None,
        by: dt.date | None) -> int:
    from papi_cli.remind.letter import due_letters, reply_date, report_deadline
    from papi_cli.render.labels import date_label

    plan = usable_plan(ctx, period=period)
    day = as_of if as_of is not None else ctx.today
    if by is not None and by <= day:
        raise UsageError(Message("usage.by_not_after", option="--by", by=by.isoformat(), as_of=day.isoformat()))
    folder, named = output_folder(ctx, out)  # --out, or reports/ beside plan/ and submissions/
    deadline = report_deadline(plan, period)
    evaluation = None
    if day > deadline:
        checked, evaluation = evaluate_period(ctx, plan, period, day)
        if checked.skipped:
            ctx.err.write(ctx.say("status_skipped", n=len(checked.skipped), files=", ".join(checked.skipped)) + "\n")
    due = due_letters(plan, evaluation, period, day, by if by is not None else reply_date(plan, day))

    from papi_cli.remind.view import build, quarter_label

    if not due.letters:
        key = "remind.none_before_deadline" if due.before_deadline else "remind.none_missing"
        ctx.out.write(ctx.say(key, period=quarter_label(period.code, ctx.lang),
                              deadline=date_label(deadline, ctx.lang), as_of=date_label(day, ctx.lang)) + "\n")
        return 0
    views = [build(plan, letter, ctx.lang) for letter in due.letters]
    for view, data in zip(views, _render(ctx, views, fmt), strict=True):
        target = folder / f"{view.file_stem}.{fmt}"
        try:
            files.write_atomic(target, data)
        except OSError as error:  # not writable, a full disk, the target is a folder…
            raise UsageError(Message("usage.cannot_write", option=named, target=str(target),
                                     reason=files.os_reason(error))) from None
        ctx.out.write(ctx.say("remind.written", file=str(target), agency=view.agency_name) + "\n")
    return 0


def _render(ctx: Context, views: list[LetterView], fmt: str) -> list[bytes]:
    """Every letter's file, all made before any is written."""
    from papi_cli.remind import render

    if fmt == "docx":  # the data the letters were drafted from, in the documents' properties
        from papi_cli.commands.report import data_version

        version = data_version(ctx)
        return [render.docx(view, version=version.text(ctx.lang), identifier=version.commit or "") for view in views]
    from papi_cli.report.templates import search_path

    texts, problems = render.texts(views, fmt, search_path(ctx.paths.root), ctx.paths.label)
    if texts is None:
        raise DataError(problems)
    return [text.encode("utf-8") for text in texts]
