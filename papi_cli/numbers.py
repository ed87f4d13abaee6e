"""Exact values shown honestly: rounding never turns 70/71 into 100 % or 1/7100 into 0 %.

Decisions use the exact fractions; these functions only decide what is displayed.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor


def clamped_round(value: Fraction, decimals: int, boundaries: tuple[Fraction, ...] = ()) -> Fraction:
    """Round half up to ``decimals`` places, but never onto 0 or 100 (or another boundary, such as
    the target) from the other side: 99.96 shows 99.9, 44.98 next to a 45 % target shows 44.9."""
    step = Fraction(1, 10**decimals)
    shown = Fraction(floor(value / step + Fraction(1, 2))) * step
    for boundary in (Fraction(0), Fraction(100), *boundaries):
        if value < boundary <= shown:
            shown = boundary - step
        elif shown <= boundary < value:
            shown = boundary + step
    return shown


def percent_json(value: Fraction | None) -> float | None:
    """A percent for JSON: 2 decimals, clamped (99.996 → 99.99)."""
    return None if value is None else float(clamped_round(value, 2))


def percent_text(value: Fraction | None, lang: str = "vi", decimals: int = 1,
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


def number_text(value: int | Fraction | float, lang: str = "vi") -> str:
    """A plain number with the language's decimal mark (``30`` or ``30,5``)."""
    value = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    text = str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
    return text if lang == "en" else text.replace(".", ",")
