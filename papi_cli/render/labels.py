"""Short human labels for plan values, shared by the terminal, Markdown and HTML renderers."""

from __future__ import annotations

import datetime as dt

from papi_cli.words import say
from papi_cli.model.plan import Indicator
from papi_cli.model.results import IndicatorResult
from papi_cli.render.numbers import number_text, percent_text

_OPS = {">=": "≥", ">": ">"}


def in_lang(vi: str, en: str | None, lang: str) -> str:
    """A text of the plan (a name, a short title) in the language: its English where the plan has
    one, else the plan's Vietnamese."""
    return en if lang == "en" and en else vi


def target_label(indicator: Indicator, lang: str = "vi") -> str:
    """``≥ 30 % xã``, ``> 90 %``, ``≥ 1``, ``hoàn thành``."""
    if indicator.kind == "milestone":
        return say("target.done", lang)
    op = _OPS[indicator.op or ">="]
    value = number_text(indicator.threshold or 0, lang)
    if indicator.kind == "count":
        return f"{op} {value}"
    pct = say("target.percent", lang, value=value)
    if indicator.kind == "coverage" and indicator.population:
        return f"{op} {pct} {say('population.' + indicator.population, lang)}"
    return f"{op} {pct}"


def date_label(day: dt.date, lang: str = "vi") -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def due_label(indicator: Indicator, lang: str = "vi") -> str:
    """The due date, with "thường xuyên" for ongoing indicators (final at the due date)."""
    text = date_label(indicator.due, lang)
    return f"{say('ongoing', lang)} ({text})" if indicator.ongoing else text


def status_label(result: IndicatorResult, lang: str = "vi") -> str:
    """``đạt``, ``đạt (chậm)`` (met after its due date), ``có nguy cơ không đạt``…"""
    return say("status.met_late" if result.status == "met" and result.late else f"status.{result.status}", lang)


def value_label(result: IndicatorResult, indicator: Indicator, lang: str = "vi") -> str:
    """The value as counts and percent: ``70/71 xã · 98,6 %``, ``14/15 · 93,3 %``, ``2``, ``đang thực hiện``."""
    if result.kind == "milestone":
        return say(f"result.{result.reported_status}", lang) if result.reported_status else "—"
    if result.kind == "count":
        return "—" if result.count is None else str(result.count)
    if result.kind == "percent":
        return percent_text(result.value, lang, target=indicator.target)
    if result.numerator is None:
        return "—"
    counts = f"{result.numerator}/{result.denominator}"
    if indicator.kind == "coverage" and indicator.population:
        counts += " " + say(f"population.{indicator.population}", lang)
    return counts if result.value is None else f"{counts} · {percent_text(result.value, lang, target=indicator.target)}"
