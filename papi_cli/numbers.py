"""Exact values shown honestly: rounding never turns 70/71 into 100 % or 1/7100 into 0 %.

Decisions use the exact fractions; these functions only decide what is displayed (the words
and decimal marks of each language are ``render/numbers.py``'s).
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
