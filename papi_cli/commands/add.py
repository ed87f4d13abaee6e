"""``papi add FILE… [--replace]``: put submissions received from elsewhere in their place.

Each file is checked as what it says it is (its own ``agency`` and ``period``, ``received.py``)
against the plan, as ``papi validate`` would check it there; a file without errors is copied,
byte for byte, to ``submissions/<period>/<agency>.yaml`` in one atomic step. An existing
submission is never replaced unless ``--replace`` is given (then the file of that agency and
period is replaced, whichever of ``.yaml``/``.yml`` it is). A file with errors is not placed;
the others still are. Exit 1 when any file was not placed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import UsageError
from papi_cli.filecheck import check_file
from papi_cli.layout import is_spreadsheet
from papi_cli.message import Message
from papi_cli.problems import Problem, has_errors
from papi_cli.received import declared
from papi_cli.render.problems import text_lines

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan


def run(ctx: Context, *, files: list[Path], replace: bool) -> int:
    if not files:
        raise UsageError(Message("usage.add_nothing"))
    plan = usable_plan(ctx)
    placed = 0
    for path in files:
        if _add(ctx, plan, path, replace):
            placed += 1
    ctx.out.write(ctx.say("add.summary", placed=placed, files=len(files)) + "\n")
    return 0 if placed == len(files) else 1


def _add(ctx: Context, plan: Plan, path: Path, replace: bool) -> bool:
    label = str(path)
    if not files.lexists(path):
        raise UsageError(Message("usage.no_path", path=label))
    if is_spreadsheet(path):  # a clerk's form: papi import turns it into a submission
        return _refused(ctx, label, [Problem.at(label, None, "spreadsheet-not-submission", file=label)], {})
    raw, problems = files.read_bytes(path, label)
    if raw is None:
        return _refused(ctx, label, problems, {})
    period, agency = declared(raw)
    _, problems = check_file(label, period, agency, raw, plan, ctx.today)
    sources = {label: files.shown_text(raw)}
    if has_errors(problems):
        return _refused(ctx, label, problems, sources)
    folder = ctx.paths.submissions / period
    target = folder / f"{agency}.yaml"
    existing = [p for p in (target, target.with_suffix(".yml")) if files.lexists(p)]
    if existing and files.realpath(existing[0]) == files.realpath(path):
        _show(ctx, problems, sources)
        ctx.out.write(ctx.say("add.in_place", file=ctx.paths.label(existing[0])) + "\n")
        return True
    if existing and not replace:
        return _refused(ctx, label, problems, sources, Message("add.exists", file=ctx.paths.label(existing[0])))
    if existing:
        target = existing[0]
    if files.lexists(ctx.paths.submissions) and not files.is_dir(ctx.paths.submissions):
        raise UsageError(Message("usage.not_a_folder", option="--submissions", value=str(ctx.paths.submissions)))
    if not files.inside(folder, ctx.paths.root) and not files.inside(folder, ctx.paths.submissions):
        return _refused(ctx, label, problems, sources,
                        Message("new.outside", file=ctx.paths.label(target), target=files.realpath(folder)))
    try:
        files.write_atomic(target, raw, replace=bool(existing))
    except FileExistsError:  # made meanwhile by someone else
        return _refused(ctx, label, problems, sources, Message("add.exists", file=ctx.paths.label(target)))
    except OSError as error:
        return _refused(ctx, label, problems, sources,
                        Message("new.cannot_write", file=ctx.paths.label(target), reason=files.os_reason(error)))
    _show(ctx, problems, sources)
    key = "add.replaced" if existing else "add.placed"
    ctx.out.write(ctx.say(key, source=label, file=ctx.paths.label(target)) + "\n")
    return True


def _show(ctx: Context, problems: list[Problem], sources: dict[str, str]) -> None:
    for line in text_lines(sorted(problems, key=Problem.sort_key), ctx.lang, sources):
        ctx.out.write(line + "\n")


def _refused(ctx: Context, label: str, problems: list[Problem], sources: dict[str, str],
             reason: Message | None = None) -> bool:
    _show(ctx, problems, sources)
    ctx.out.write(ctx.say("add.not_placed", source=label, reason=reason or Message("add.has_errors")) + "\n")
    return False
