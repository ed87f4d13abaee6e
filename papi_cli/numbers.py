"""Exact values shown honestly: rounding never turns 70/71 into 100 % or 1/7100 into 0 %.

Decisions use the exact fractions; these functions only decide what is displayed.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor


def clamped_round(value: Fraction, decimals: int) -> Fraction:
    """Round half up to ``decimals`` places, but never onto 0 or 100 unless exactly there."""
    scale = 10**decimals
    rounded = floor(value * scale + Fraction(1, 2))
    if rounded >= 100 * scale and value < 100:
        rounded = 100 * scale - 1
    if rounded <= 0 < value:
        rounded = 1
    return Fraction(rounded, scale)


def percent_json(value: Fraction | None) -> float | None:
    """A percent for JSON: 2 decimals, clamped (99.996 → 99.99)."""
    return None if value is None else float(clamped_round(value, 2))


def percent_text(value: Fraction | None, lang: str = "vi", decimals: int = 1) -> str:
    """A percent for people: ``98,6 %`` (vi) or ``98.6%`` (en); exact whole numbers without decimals."""
    if value is None:
        return "—"
    shown = clamped_round(value, decimals)
    if value.denominator == 1:  # only an exact whole number drops its decimals: 44.98 is "45,0 %"
        text = str(value.numerator)
    else:
        text = f"{float(shown):.{decimals}f}"
    if lang == "en":
        return f"{text}%"
    return f"{text.replace('.', ',')} %"


def number_text(value: int | Fraction | float, lang: str = "vi") -> str:
    """A plain number with the language's decimal mark (``30`` or ``30,5``)."""
    value = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    text = str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
    return text if lang == "en" else text.replace(".", ",")
