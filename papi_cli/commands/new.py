"""``papi new --agency A --period P [--format yaml|xlsx] [--out DIR]``: write a skeleton
submission (or, with ``--format xlsx``, the Excel form of docs/forms.md), never over an existing file.

The skeleton lists every indicator the agency may report, those of the tasks it leads first,
each with the task, target and measure as comments and its fields left empty. As written it
gives only "not filled in" problems (the date and each indicator), so ``papi validate`` tells
the clerk exactly what is left to fill. The first line points editors at the JSON Schema
(``submission.schema.json`` at the repository root, written by ``papi schema``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files, periods
from papi_cli.authority import reportable
from papi_cli.commands.common import find_agency, usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message
from papi_cli.render.submission_yaml import skeleton

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan

SCHEMA_FILE = "submission.schema.json"


def run(ctx: Context, *, agency: str, period: periods.Period, fmt: str = "yaml", out: Path | None = None) -> int:
    plan = usable_plan(ctx, period=period)
    agency = find_agency(plan, agency) or agency
    if not reportable(plan, agency):
        raise UsageError(Message("usage.leads_nothing", option="--agency", value=agency))
    if fmt == "xlsx":
        return _form(ctx, plan, agency, period, out)
    if out is not None:
        raise UsageError(Message("usage.out_needs_xlsx", option="--out"))
    target = ctx.paths.submissions / period.code / f"{agency}.yaml"
    label = ctx.paths.label(target)
    existing = [p for p in (target, target.with_suffix(".yml")) if files.lexists(p)]
    if existing:
        raise DataError([], Message("new.exists", file=ctx.paths.label(existing[0])))
    if files.lexists(ctx.paths.submissions) and not files.is_dir(ctx.paths.submissions):
        raise UsageError(Message("usage.not_a_folder", option="--submissions", value=str(ctx.paths.submissions)))
    if not files.inside(target.parent, ctx.paths.root) and not files.inside(target.parent, ctx.paths.submissions):
        raise DataError([], Message("new.outside", file=label, target=files.realpath(target.parent)))
    schema = Path(os.path.relpath(ctx.paths.root / SCHEMA_FILE, target.parent)).as_posix()
    text = skeleton(plan, plan.agencies[agency], period, schema=schema, label=label, lang=ctx.lang)
    try:
        files.write_atomic(target, text.encode("utf-8"), replace=False)  # never over a file made meanwhile
    except FileExistsError:
        raise DataError([], Message("new.exists", file=label)) from None
    except OSError as error:  # a read-only folder, a full disk
        raise DataError([], Message("new.cannot_write", file=label, reason=files.os_reason(error))) from None
    rows = reportable(plan, agency)
    leads = sum(1 for *_, lead in rows if lead)
    created = ctx.say("new.created", file=label, indicators=len(rows), leads=leads, others=len(rows) - leads)
    ctx.out.write(created + "\n")
    return 0


def _form(ctx: Context, plan: Plan, agency: str, period: periods.Period, out: Path | None) -> int:
    from papi_cli.commands.form_files import write_form

    target = write_form(ctx, plan, agency, period, out)
    rows = reportable(plan, agency)
    leads = sum(1 for *_, lead in rows if lead)
    shown = str(target) if out is not None else target.name
    ctx.out.write(ctx.say("form.created", file=shown, indicators=len(rows), leads=leads, others=len(rows) - leads)
                  + "\n")
    return 0
