"""Numbers in the words of each language: ``98,6 %`` and ``30,5`` in Vietnamese, ``98.6%`` and
``30.5`` in English. What is displayed never rounds across 0, 100 or a target (``numbers.py``)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from papi_cli.numbers import clamped_round

if TYPE_CHECKING:
    from papi_cli.words import Lang


def percent_text(value: Fraction | None, lang: Lang = "vi", decimals: int = 1,
                 target: Fraction | None = None) -> str:
    """A percent for people: ``98,6 %`` (vi) or ``98.6%`` (en); exact whole numbers without decimals,
    ``< 0,1 %`` for a value too small to show, and never rounded across ``target``."""
    if value is None:
        return "—"
    if 0 < value < Fraction(1, 10**decimals) / 2:
        tiny = f"{10 ** -decimals:.{decimals}f}"
        return f"< {tiny}%" if lang == "en" else f"< {tiny.replace('.', ',')} %"
    shown = clamped_round(value, decimals, () if target is None else (target,))
    if value.denominator == 1:  # only an exact whole number drops its decimals: 44.98 is not "45 %"
        text = str(value.numerator)
    else:
        text = f"{float(shown):.{decimals}f}"
    if lang == "en":
        return f"{text}%"
    return f"{text.replace('.', ',')} %"


def number_text(value: int | Fraction | float, lang: Lang = "vi") -> str:
    """A plain number in the language's marks, its thousands grouped: ``38.136`` and ``30,5`` in
    Vietnamese, ``38,136`` and ``30.5`` in English."""
    value = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    fraction = ""
    if value.denominator == 1:
        whole = abs(value.numerator)
    else:
        text = f"{float(abs(value)):.15g}"
        if "e" in text:
            text = f"{float(abs(value)):.15f}".rstrip("0")
        whole_text, _, fraction = text.partition(".")
        whole = int(whole_text)
    group, point = (",", ".") if lang == "en" else (".", ",")
    grouped = f"{whole:,}".replace(",", group)
    return ("-" if value < 0 else "") + grouped + (point + fraction if fraction else "")


def decimal_text(value: Decimal | Fraction, lang: Lang = "vi") -> str:
    """A score or percentile exactly as it is (they have finite decimals): ``4,9243``, ``4,65485``."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    value = value.normalize()
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -4:  # at least the 4 decimals scores are given to
        value = value.quantize(Decimal("0.0001"))
    text = format(value, "f")
    return text if lang == "en" else text.replace(".", ",")
