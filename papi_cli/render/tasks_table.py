"""``papi tasks`` as a terminal table, grouped by dimension."""

from __future__ import annotations

from typing import IO

from rich.markup import escape
from rich.table import Table

from papi_cli.i18n import t
from papi_cli.model.plan import Plan, Task
from papi_cli.render.console import console_for
from papi_cli.render.labels import due_label, target_label


def render_table(plan: Plan, rows: list[tuple[Task, bool | None]], agency: str | None, lang: str,
                 out: IO[str]) -> None:
    console = console_for(out)
    if agency is not None:
        title = t("tasks_of", lang, agency=f"{plan.agencies[agency].name} ({agency})")
    else:
        title = t("tasks_title", lang, plan=plan.decision.number, year=plan.year)
    table = Table(title=escape(title), show_lines=False, expand=False, title_justify="left")
    table.add_column(t("code", lang), no_wrap=True, style="bold")
    table.add_column(t("task", lang), ratio=3)
    table.add_column(t("target", lang), ratio=1)
    table.add_column(t("lead", lang), ratio=1)
    table.add_column(t("due", lang), no_wrap=True)
    if agency is not None:
        table.add_column(t("kind", lang), no_wrap=True)
    current = None
    for task, leads in rows:
        if task.dimension != current:
            current = task.dimension
            dim = plan.dimension(current)
            name = dim.name if lang == "vi" else dim.name_en
            table.add_section()
            table.add_row(f"[bold]{current}[/]", f"[bold]{escape(name)}[/] ({dim.papi})")
        short = task.short if lang == "vi" else task.short_en
        targets = "\n".join(
            (f"{ind.code}: " if len(task.indicators) > 1 else "") + target_label(ind, lang) for ind in task.indicators
        )
        dues = "\n".join(dict.fromkeys(due_label(ind, lang) for ind in task.indicators))
        row = [task.code, escape(short), escape(targets), escape(", ".join(task.lead)), dues]
        if agency is not None:
            row.append(t("leads_mark" if leads else "implements_mark", lang))
        table.add_row(*row)
    console.print(table)
    count = sum(len(task.indicators) for task, _ in rows)
    console.print(t("tasks_count", lang, tasks=len(rows), indicators=count))
