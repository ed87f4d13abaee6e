"""Displayed percentages never claim more (or less) than the exact value."""

from fractions import Fraction

from papi_cli.numbers import clamped_round, percent_json, percent_text


def test_never_rounds_onto_100_or_0():
    assert percent_text(Fraction(7000, 71)) == "98,6 %"
    assert percent_text(Fraction(7099 * 100, 7100)) == "99,9 %"
    assert percent_text(Fraction(1, 7100)) == "0,1 %"
    assert percent_json(Fraction(99996, 1000)) == 99.99
    assert percent_json(Fraction(1, 10**6)) == 0.01
    assert clamped_round(Fraction(100), 2) == 100 and clamped_round(Fraction(0), 2) == 0


def test_whole_numbers_only_when_exact():
    assert percent_text(Fraction(45)) == "45 %"
    assert percent_text(Fraction(4498, 100)) == "45,0 %"  # next to "≥ 45 %" it must not read as met
    assert percent_text(Fraction(2200, 71), lang="en") == "31.0%"
    assert percent_text(None) == "—"
