"""Short human labels for plan values, shared by the terminal, Markdown and HTML renderers."""

from __future__ import annotations

import datetime as dt

from papi_cli.kinds import kind_of
from papi_cli.model.plan import Indicator
from papi_cli.model.results import IndicatorResult
from papi_cli.words import Lang, say


def in_lang(vi: str, en: str | None, lang: Lang) -> str:
    """A text of the plan (a name, a short title) in the language: its English where the plan has
    one, else the plan's Vietnamese."""
    return en if lang == "en" and en else vi


def target_label(indicator: Indicator, lang: Lang = "vi") -> str:
    """``≥ 30 % xã``, ``> 90 %``, ``≥ 1``, ``hoàn thành``."""
    return say(kind_of(indicator).target(indicator), lang)


def date_label(day: dt.date, lang: Lang = "vi") -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def due_label(indicator: Indicator, lang: Lang = "vi") -> str:
    """The due date, with "thường xuyên" for ongoing indicators (final at the due date)."""
    text = date_label(indicator.due, lang)
    return f"{say('ongoing', lang)} ({text})" if indicator.ongoing else text


def status_label(result: IndicatorResult, lang: Lang = "vi") -> str:
    """``đạt``, ``đạt (chậm)`` (met after its due date), ``có nguy cơ không đạt``…"""
    return say("status.met_late" if result.status == "met" and result.late else f"status.{result.status}", lang)


def value_label(result: IndicatorResult, indicator: Indicator, lang: Lang = "vi") -> str:
    """The value as counts and percent: ``70/71 xã · 98,6 %``, ``14/15 · 93,3 %``, ``2``, ``đang thực hiện``."""
    return say(kind_of(indicator).value(result, indicator), lang)
