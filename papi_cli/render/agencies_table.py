"""``papi agencies`` as a terminal table: the province's bodies, then each district's People's
Committee with its communes', under a heading each. Narrow enough for 80 columns: the tasks an
agency implements are counted here (``papi tasks --agency`` lists them)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table

from papi_cli.render.console import console_for
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.commands.agencies import Row
    from papi_cli.model.plan import Plan


def render_table(plan: Plan, rows: list[Row], lang: Lang, out: IO[str]) -> None:
    console = console_for(out)
    table = Table(title=escape(say("agencies.title", lang, plan=plan.decision.number, year=plan.year)),
                  title_justify="left", expand=False, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(say("code", lang), no_wrap=True, style="bold")
    table.add_column(say("agencies.name", lang), ratio=3, min_width=12)
    table.add_column(say("lead", lang), ratio=2, min_width=10)
    table.add_column(say("agencies.implements", lang), no_wrap=True, justify="right")
    table.add_column(say("agencies.reports", lang), no_wrap=True)
    heading = None
    for row in rows:
        agency = row.agency
        group = say("agencies.province", lang) if agency.level == "province" or agency.unit is None else \
            plan.unit(plan.unit(agency.unit).district).name
        if group != heading:
            heading = group
            table.add_section()
            table.add_row("", f"[bold]{escape(group)}[/]")
        if row.owes:
            reports = say("agencies.owes", lang)
        elif agency.level == "commune":
            reports = say("agencies.to_district", lang)
        else:
            reports = say("agencies.not_owed", lang)
        table.add_row(agency.code, escape(agency.name), ", ".join(row.leads) or "—",
                      str(len(row.implements)) if row.implements else "—", reports)
    console.print(table)
    owing = sum(row.owes for row in rows)
    console.print(say("agencies.count", lang, agencies=len(rows), owing=owing, coordinator=plan.file.coordinator))
    console.print(say("agencies.hint", lang))
