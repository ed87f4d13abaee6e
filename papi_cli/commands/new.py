"""``papi new --agency A --period P``: write a skeleton submission, never over an existing file.

The skeleton lists every indicator the agency may report, those of the tasks it leads first,
each with the task, target and measure as comments and its fields left empty. As written it
gives only "not filled in" problems (the date and each indicator), so ``papi validate`` tells
the clerk exactly what is left to fill. The first line points editors at the JSON Schema
(``submission.schema.json`` at the repository root, written by ``papi schema``).
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from papi_cli import files, periods
from papi_cli.authority import allowed_units, reportable
from papi_cli.commands.common import find_agency, in_year, usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message
from papi_cli.model.plan import Agency, Indicator, Plan, Task
from papi_cli.render.labels import date_label, due_label, target_label
from papi_cli.words import say

SCHEMA_FILE = "submission.schema.json"
WIDTH = 100
FIELD_COLUMN = 22  # where the hints after the empty fields start


def run(ctx: Context, *, agency: str, period: periods.Period) -> int:
    plan = usable_plan(ctx)
    find_agency(plan, agency)
    in_year(plan, period)
    if not reportable(plan, agency):
        raise UsageError(Message("usage.leads_nothing", option="--agency", value=agency))
    target = ctx.paths.submissions / period.code / f"{agency}.yaml"
    label = ctx.paths.label(target)
    existing = [p for p in (target, target.with_suffix(".yml")) if files.lexists(p)]
    if existing:
        raise DataError([], Message("new.exists", file=ctx.paths.label(existing[0])))
    schema = Path(os.path.relpath(ctx.paths.root / SCHEMA_FILE, target.parent)).as_posix()
    text = skeleton(plan, plan.agencies[agency], period, schema, label, ctx.lang)
    try:
        files.write_atomic(target, text.encode("utf-8"), replace=False)  # never over a file made meanwhile
    except FileExistsError:
        raise DataError([], Message("new.exists", file=label)) from None
    rows = reportable(plan, agency)
    leads = sum(1 for *_, lead in rows if lead)
    ctx.out.write(ctx.say("new.created", file=label, indicators=len(rows), leads=leads, others=len(rows) - leads) + "\n")
    return 0


def skeleton(plan: Plan, agency: Agency, quarter: periods.Period, schema: str, label: str, lang: str = "vi") -> str:
    """The text of a skeleton submission: valid YAML whose empty fields are to be filled."""
    start = quarter.data_window[0]
    due = plan.file.implementation_document.due
    lines = [
        f"# yaml-language-server: $schema={schema}",
        *_comment(say("new.header", lang, period=say(quarter.name, lang), code=quarter.code, agency=agency.name,
                    decision=plan.decision.number), ""),
        *_comment(say("new.howto", lang, file=label), ""),
        f"agency: {agency.code}",
        f"period: {quarter.code}",
        _field("submitted_on:", say("new.submitted_on", lang, start=start.isoformat())),
        "",
        *_comment(say("new.implementation_document", lang, due=date_label(due, lang)), ""),
        "# implementation_document:",
        '#   number: "…"',
        f"#   date: {due.isoformat()}",
        "",
        "results:",
    ]
    rows = reportable(plan, agency.code)
    for heading, lead in (("new.leads", True), ("new.implements", False)):
        block = [(task, indicator) for task, indicator, leads in rows if leads == lead]
        if block:
            lines += ["", f"  # ── {say(heading, lang)} ──"]
        for task, indicator in block:
            lines += ["", *_result(plan, agency, task, indicator, lang)]
    return "\n".join(lines) + "\n"


def _result(plan: Plan, agency: Agency, task: Task, indicator: Indicator, lang: str) -> list[str]:
    kind = say(f"kind.{indicator.kind}", lang)
    lines = [
        *_comment(f"{task.code} — {task.title}", "  "),
        *_comment(f"{say('target', lang)}: {task.target_text}", "  "),
        *_comment(f"{say('new.measure', lang)} {indicator.code}: {indicator.name} — {kind}, "
                  f"{target_label(indicator, lang)}, {say('due', lang).lower()} {due_label(indicator, lang)}", "  "),
        f"  {indicator.code}:",
    ]
    if indicator.kind == "coverage":
        units = allowed_units(plan, agency, indicator)
        if units:
            example = ", ".join([units[0].slug] + [u.code for u in units[1:2]])
            population = say(f"population.{indicator.population}", lang)
            lines.append(_field("    units:", say("new.units", lang, population=population, example=example)))
        else:
            lines.append("    " + _comment(say("new.no_units", lang), "")[0])
    elif indicator.kind == "ratio":
        window = say(f"new.{indicator.aggregate}", lang)
        lines.append(_field("    numerator:", f"{indicator.numerator or ''} ({window})"))
        lines.append(_field("    denominator:", f"{indicator.denominator or ''} ({window})"))
    elif indicator.kind == "percent":
        lines.append(_field("    percent:", say("new.percent", lang)))
    elif indicator.kind == "count":
        lines.append(_field("    count:", say("new.count", lang, counts=indicator.counts or indicator.name)))
    status_hint = "new.status_milestone" if indicator.kind == "milestone" else "new.status"
    lines += [
        _field("    status:", say(status_hint, lang)),
        _field("    evidence:", say("new.evidence", lang)),
        _field("    note:", say("new.note", lang)),
    ]
    return lines


def _field(key: str, hint: str) -> str:
    """An empty field with its hint as a comment on the same line."""
    return f"{key.ljust(FIELD_COLUMN)}# {_one_line(hint)}"


def _comment(text: str, indent: str) -> list[str]:
    width = WIDTH - len(indent) - 2
    return [f"{indent}# {line}" for line in textwrap.wrap(_one_line(text), width, break_on_hyphens=False, break_long_words=False) or [""]]


def _one_line(text: str) -> str:
    return " ".join(text.split())
