"""``papi outcome`` as a terminal table: one row per dimension, then the aggregate; with the
previous year's scores, how each score and rank moved."""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from rich import box
from rich.markup import escape
from rich.table import Table

from papi_cli.model.plan import Plan
from papi_cli.outcome import Change, Outcome, Standing, changes
from papi_cli.render.console import console_for
from papi_cli.render.labels import in_lang
from papi_cli.render.numbers import decimal_text
from papi_cli.words import Lang, say


def render_table(plan: Plan, result: Outcome, source: str, lang: Lang, out: IO[str],
                 previous: Outcome | None = None) -> None:
    console = console_for(out)
    console.print(escape(say("outcome_title", lang, year=result.year, province=result.province)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    moved, total = changes(result, previous) if previous is not None else ({}, None)
    since = f"\n{say('outcome.change', lang, year=previous.year)}" if previous is not None else ""
    table.add_column(say("code", lang), no_wrap=True)
    table.add_column(say("dimension", lang), ratio=1, min_width=13, overflow="fold")
    table.add_column(say("score", lang) + since, justify="right", no_wrap=True)
    table.add_column(say("rank", lang) + since, justify="right", no_wrap=True)
    table.add_column(say("median", lang), justify="right", no_wrap=True)
    table.add_column(say("group", lang), min_width=9)
    table.add_column(say("meets_goal", lang), min_width=7)
    for item in result.dimensions:
        dim = plan.dimension(item.code)
        name = in_lang(dim.name, dim.name_en, lang)
        mark = say("yes" if item.standing.meets_goal else "no", lang)
        table.add_row(f"{item.code} ({item.papi})", escape(name),
                      *_cells(item.standing, lang, moved.get(item.papi), previous is not None), mark)
    table.add_section()
    table.add_row("", say("aggregate", lang), *_cells(result.aggregate, lang, total, previous is not None), "")
    console.print(table)
    verdict = say("goal_met" if result.goal_met else "goal_not_met", lang)
    console.print(say("outcome_summary", lang, met=result.dimensions_meeting_goal, total=len(result.dimensions),
                    verdict=verdict))
    if previous is not None:
        console.print(say("outcome.change_note", lang, year=previous.year))
    console.print(escape(say("scores_source", lang, file=source)))


def _cells(standing: Standing, lang: Lang, change: Change | None, compared: bool) -> list[str]:
    score, rank = decimal_text(standing.score, lang), f"{standing.rank}/{standing.provinces}"
    if compared:
        score += "\n" + (_signed_score(change.score, lang) if change else "—")
        rank += "\n" + (_signed_places(change.places) if change else "—")
    return [score, rank, decimal_text(standing.quartiles[1], lang), say(f"group.{standing.group}", lang)]


def _signed_score(value: Decimal, lang: Lang) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + decimal_text(abs(value), lang)


def _signed_places(places: int) -> str:
    return f"+{places}" if places > 0 else f"−{-places}" if places < 0 else "0"
