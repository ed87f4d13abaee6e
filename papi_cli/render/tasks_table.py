"""``papi tasks`` as a terminal table, grouped by dimension."""

from __future__ import annotations

from typing import IO

from rich import box
from rich.markup import escape
from rich.table import Table

from papi_cli.model.plan import Plan, Task
from papi_cli.render.console import console_for
from papi_cli.render.labels import due_label, in_lang, target_label
from papi_cli.words import Lang, say


def render_table(plan: Plan, rows: list[tuple[Task, bool | None]], agency: str | None, lang: Lang,
                 out: IO[str]) -> None:
    console = console_for(out)
    if agency is not None:
        title = say("tasks_of", lang, agency=f"{plan.agencies[agency].name} ({agency})")
    else:
        title = say("tasks_title", lang, plan=plan.decision.number, year=plan.year)
    table = Table(title=escape(title), show_lines=False, expand=False, title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column(say("code", lang), no_wrap=True, style="bold")
    table.add_column(say("task", lang), ratio=3, min_width=14)
    table.add_column(say("target", lang), ratio=1, min_width=9)
    table.add_column(say("lead", lang), ratio=1, min_width=12, overflow="fold")
    table.add_column(say("due", lang), min_width=12, max_width=12)
    if agency is not None:
        marks = (say("leads_mark", lang), say("implements_mark", lang))
        table.add_column(say("kind", lang), no_wrap=True, min_width=max(len(mark) for mark in marks))
    current = None
    for task, leads in rows:
        if task.dimension != current:
            current = task.dimension
            dim = plan.dimension(current)
            name = in_lang(dim.name, dim.name_en, lang)
            table.add_section()
            table.add_row(f"[bold]{current}[/]", f"[bold]{escape(name)}[/] ({dim.papi})")
        short = in_lang(task.short, task.short_en, lang)
        targets = "\n".join(
            (f"{ind.code}: " if len(task.indicators) > 1 else "") + target_label(ind, lang) for ind in task.indicators
        )
        dues = "\n".join(dict.fromkeys(due_label(ind, lang) for ind in task.indicators))
        row = [task.code, escape(short), escape(targets), escape(", ".join(task.lead)), dues]
        if agency is not None:
            row.append(say("leads_mark" if leads else "implements_mark", lang))
        table.add_row(*row)
    console.print(table)
    count = sum(len(task.indicators) for task, _ in rows)
    console.print(say("tasks_count", lang, tasks=len(rows), indicators=count))
