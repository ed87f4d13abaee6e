"""Displayed percentages never claim more (or less) than the exact value."""

from fractions import Fraction

from papi_cli.numbers import clamped_round, percent_json
from papi_cli.render.numbers import percent_text


def test_never_rounds_onto_100_or_0():
    assert percent_text(Fraction(7000, 71)) == "98,6 %"
    assert percent_text(Fraction(7099 * 100, 7100)) == "99,9 %"
    assert percent_text(Fraction(1, 7100)) == "< 0,1 %"  # 0.00014 %: neither "0 %" nor inflated to "0,1 %"
    assert percent_json(Fraction(99996, 1000)) == 99.99
    assert percent_json(Fraction(1, 10**6)) == 0.01
    assert clamped_round(Fraction(100), 2) == 100 and clamped_round(Fraction(0), 2) == 0


def test_whole_numbers_only_when_exact():
    assert percent_text(Fraction(45)) == "45 %"
    assert percent_text(Fraction(4498, 100)) == "45,0 %"  # next to "≥ 45 %" it must not read as met
    assert percent_text(Fraction(2200, 71), lang="en") == "31.0%"
    assert percent_text(None) == "—"


def test_never_rounds_across_the_target():
    """44.98 % beside "≥ 45 %" (missed) must not read as 45; 30.99 % beside "≥ 30 %" stays 31,0."""
    assert percent_text(Fraction(4498, 100), target=Fraction(45)) == "44,9 %"
    assert percent_text(Fraction(9002, 100), target=Fraction(90)) == "90,1 %"  # above "> 90 %", not "90,0"
    assert percent_text(Fraction(2200, 71), target=Fraction(30)) == "31,0 %"
    assert percent_text(Fraction(45), target=Fraction(45)) == "45 %"


def test_a_tiny_share_is_not_inflated():
    assert percent_text(Fraction(5, 10000)) == "< 0,1 %"
    assert percent_text(Fraction(5, 10000), lang="en") == "< 0.1%"
    assert percent_text(Fraction(6, 100)) == "0,1 %"


def test_figures_group_their_thousands_as_the_language_writes_them():
    from papi_cli.render.numbers import number_text

    assert [number_text(n, "vi") for n in (38136, 40069, 999, 1340, 1234567, -2500)] == \
        ["38.136", "40.069", "999", "1.340", "1.234.567", "-2.500"]
    assert [number_text(n, "en") for n in (38136, 1234567)] == ["38,136", "1,234,567"]
    assert number_text(Fraction(193, 2), "vi") == "96,5" and number_text(12345.5, "en") == "12,345.5"
    assert number_text(0.965, "vi") == "0,965" and number_text(Fraction(1, 10**7), "en") == "0.0000001"


def test_the_status_table_groups_the_dossiers_it_counts(capsys, monkeypatch):
    """V.6a counts 38,136 land dossiers of 40,069 in the sample data."""
    from papi_cli.cli import main
    from tests.conftest import REPO

    monkeypatch.setenv("COLUMNS", "200")
    for lang, figure in (("vi", "38.136/40.069"), ("en", "38,136/40,069")):
        main(["status", "--root", str(REPO), "--lang", lang])
        assert figure in capsys.readouterr().out
    main(["status", "--root", str(REPO), "--format", "json"])
    assert '"numerator": 38136' in capsys.readouterr().out.replace("\n", "").replace("  ", "")
