"""``papi new --agency A --period P``: write a skeleton submission, never over an existing file.

The skeleton lists every indicator the agency may report, those of the tasks it leads first,
each with the task, target and measure as comments and its fields left empty. As written it
gives only "not filled in" problems (the date and each indicator), so ``papi validate`` tells
the clerk exactly what is left to fill. The first line points editors at the JSON Schema
(``submission.schema.json`` at the repository root, written by ``papi schema``).
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path
from typing import IO

from papi_cli import periods
from papi_cli.authority import allowed_units, reportable
from papi_cli.commands.common import check_agency, period_option, plan_or_none
from papi_cli.errors import UsageError
from papi_cli.i18n import t
from papi_cli.load import Paths
from papi_cli.model.plan import Agency, Indicator, Plan, Task
from papi_cli.render.labels import date_label, due_label, target_label

SCHEMA_FILE = "submission.schema.json"
WIDTH = 100
FIELD_COLUMN = 22  # where the hints after the empty fields start


def run(paths: Paths, *, agency: str, period: str, lang: str = "vi",
        out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    plan = plan_or_none(paths, lang, err)
    if plan is None:
        return 1
    check_agency(plan, agency)
    quarter = period_option(plan, period, quarter=True)
    if not reportable(plan, agency):
        raise UsageError(f"--agency: '{agency}' không chủ trì hay thực hiện nhiệm vụ nào",
                         f"--agency: '{agency}' leads or implements no task")
    target = paths.submissions / quarter.code / f"{agency}.yaml"
    label = paths.label(target)
    existing = [p for p in (target, target.with_suffix(".yml")) if os.path.lexists(p)]
    if existing:
        print(t("new.exists", lang, file=paths.label(existing[0])), file=err)
        return 1
    schema = Path(os.path.relpath(paths.root / SCHEMA_FILE, target.parent)).as_posix()
    text = skeleton(plan, plan.agencies[agency], quarter, schema, label, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:  # "x": never over a file made meanwhile
            handle.write(text)
    except FileExistsError:
        print(t("new.exists", lang, file=label), file=err)
        return 1
    rows = reportable(plan, agency)
    leads = sum(1 for *_, lead in rows if lead)
    print(t("new.created", lang, file=label, indicators=len(rows), leads=leads, others=len(rows) - leads), file=out)
    return 0


def skeleton(plan: Plan, agency: Agency, quarter: periods.Period, schema: str, label: str, lang: str = "vi") -> str:
    """The text of a skeleton submission: valid YAML whose empty fields are to be filled."""
    start = quarter.data_window[0]
    due = plan.file.implementation_document.due
    lines = [
        f"# yaml-language-server: $schema={schema}",
        *_comment(t("new.header", lang, period=quarter.label(lang), code=quarter.code, agency=agency.name,
                    decision=plan.decision.number), ""),
        *_comment(t("new.howto", lang, file=label), ""),
        f"agency: {agency.code}",
        f"period: {quarter.code}",
        _field("submitted_on:", t("new.submitted_on", lang, start=start.isoformat())),
        "",
        *_comment(t("new.implementation_document", lang, due=date_label(due, lang)), ""),
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
            lines += ["", f"  # ── {t(heading, lang)} ──"]
        for task, indicator in block:
            lines += ["", *_result(plan, agency, task, indicator, lang)]
    return "\n".join(lines) + "\n"


def _result(plan: Plan, agency: Agency, task: Task, indicator: Indicator, lang: str) -> list[str]:
    kind = t(f"kind.{indicator.kind}", lang)
    lines = [
        *_comment(f"{task.code} — {task.title}", "  "),
        *_comment(f"{t('target', lang)}: {task.target_text}", "  "),
        *_comment(f"{t('new.measure', lang)} {indicator.code}: {indicator.name} — {kind}, "
                  f"{target_label(indicator, lang)}, {t('due', lang).lower()} {due_label(indicator, lang)}", "  "),
        f"  {indicator.code}:",
    ]
    if indicator.kind == "coverage":
        units = allowed_units(plan, agency, indicator)
        if units:
            example = ", ".join([units[0].slug] + [u.code for u in units[1:2]])
            population = t(f"population.{indicator.population}", lang)
            lines.append(_field("    units:", t("new.units", lang, population=population, example=example)))
        else:
            lines.append("    " + _comment(t("new.no_units", lang), "")[0])
    elif indicator.kind == "ratio":
        window = t(f"new.{indicator.aggregate}", lang)
        lines.append(_field("    numerator:", f"{indicator.numerator or ''} ({window})"))
        lines.append(_field("    denominator:", f"{indicator.denominator or ''} ({window})"))
    elif indicator.kind == "percent":
        lines.append(_field("    percent:", t("new.percent", lang)))
    elif indicator.kind == "count":
        lines.append(_field("    count:", t("new.count", lang, counts=indicator.counts or indicator.name)))
    status_hint = "new.status_milestone" if indicator.kind == "milestone" else "new.status"
    lines += [
        _field("    status:", t(status_hint, lang)),
        _field("    evidence:", t("new.evidence", lang)),
        _field("    note:", t("new.note", lang)),
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
