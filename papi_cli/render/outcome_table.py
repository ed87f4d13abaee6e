"""``papi outcome`` as a terminal table: one row per dimension, then the aggregate."""

from __future__ import annotations

from typing import IO

from rich.markup import escape
from rich.table import Table

from papi_cli.model.plan import Plan
from papi_cli.outcome import Outcome, Standing
from papi_cli.render.console import console_for
from papi_cli.render.labels import in_lang
from papi_cli.render.numbers import decimal_text
from papi_cli.words import Lang, say


def render_table(plan: Plan, result: Outcome, source: str, lang: Lang, out: IO[str]) -> None:
    console = console_for(out)
    table = Table(title=escape(say("outcome_title", lang, year=result.year, province=result.province)),
                  title_justify="left")
    for key in ("code", "dimension", "score", "rank", "group", "median", "meets_goal"):
        table.add_column(say(key, lang), justify="right" if key in ("score", "rank", "median") else "left")
    for item in result.dimensions:
        dim = plan.dimension(item.code)
        name = in_lang(dim.name, dim.name_en, lang)
        mark = say("yes" if item.standing.meets_goal else "no", lang)
        table.add_row(f"{item.code} ({item.papi})", escape(name), *_cells(item.standing, lang), mark)
    table.add_section()
    table.add_row("", say("aggregate", lang), *_cells(result.aggregate, lang), "")
    console.print(table)
    verdict = say("goal_met" if result.goal_met else "goal_not_met", lang)
    console.print(say("outcome_summary", lang, met=result.dimensions_meeting_goal, total=len(result.dimensions),
                    verdict=verdict))
    console.print(escape(say("scores_source", lang, file=source)))


def _cells(standing: Standing, lang: Lang) -> list[str]:
    return [decimal_text(standing.score, lang), f"{standing.rank}/{standing.provinces}",
            say(f"group.{standing.group}", lang), decimal_text(standing.quartiles[1], lang)]
