"""Reporting periods: Decree 09/2019 data windows, period ends, deadlines off weekends and holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from papi_cli.message import Refusal
from papi_cli.periods import is_working_day, next_working_day, parse, parse_quarter, quarters_of
from papi_cli.words import say

D = dt.date
HOLIDAYS_2020 = [D(2020, 1, 1), *(D(2020, 1, d) for d in range(23, 30)), D(2020, 4, 2), D(2020, 4, 30),
                 D(2020, 5, 1), D(2020, 9, 2)]


@pytest.mark.parametrize(("code", "kind", "quarters", "window", "end"), [
    ("2020-Q1", "quarter", (1,), (D(2019, 12, 15), D(2020, 3, 14)), D(2020, 3, 31)),
    ("2020-Q2", "quarter", (2,), (D(2020, 3, 15), D(2020, 6, 14)), D(2020, 6, 30)),
    ("2020-Q3", "quarter", (3,), (D(2020, 6, 15), D(2020, 9, 14)), D(2020, 9, 30)),
    ("2020-Q4", "quarter", (4,), (D(2020, 9, 15), D(2020, 12, 14)), D(2020, 12, 31)),
    ("2020-H1", "half", (1, 2), (D(2019, 12, 15), D(2020, 6, 14)), D(2020, 6, 30)),
    ("2020-9M", "nine_months", (1, 2, 3), (D(2019, 12, 15), D(2020, 9, 14)), D(2020, 9, 30)),
    ("2020", "year", (1, 2, 3, 4), (D(2019, 12, 15), D(2020, 12, 14)), D(2020, 12, 31)),
])
def test_the_decree_09_table(code, kind, quarters, window, end):
    """Each 2020 period of docs/periods.md: its kind, quarters, data window and the day --period evaluates as of."""
    period = parse(code)
    assert (period.code, period.kind, period.year, period.quarters) == (code, kind, 2020, quarters)
    assert period.data_window == window
    assert period.end == end


def test_longer_periods_are_built_from_their_quarters():
    assert parse("2020-H1").quarter_codes == ("2020-Q1", "2020-Q2")
    assert parse("2020").quarter_codes == ("2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4")
    assert parse("2020-Q3").quarter_codes == ("2020-Q3",)
    assert parse("2020-Q3").quarters_to_date == ("2020-Q1", "2020-Q2", "2020-Q3")
    assert parse("2020-H1").quarters_to_date == ("2020-Q1", "2020-Q2")
    assert [p.code for p in quarters_of(2021)] == ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]


def test_a_quarter_window_in_a_leap_year_and_the_next_year():
    """The window arithmetic is not tied to 2020: Q1 2021 starts on 15/12/2020."""
    assert parse("2021-Q1").data_window == (D(2020, 12, 15), D(2021, 3, 14))
    assert parse("2024-Q1").end == D(2024, 3, 31)


@pytest.mark.parametrize(("code", "deadline"), [
    ("2020-Q1", D(2020, 3, 20)),  # a Friday
    ("2020-Q2", D(2020, 6, 22)),  # 20/06 is a Saturday → Monday
    ("2020-Q3", D(2020, 9, 21)),  # 20/09 is a Sunday → Monday
    ("2020-Q4", D(2020, 12, 21)),  # 20/12 is a Sunday → Monday
    ("2020-H1", D(2020, 6, 22)),  # the deadline of its last month
])
def test_deadlines_move_off_weekends(code, deadline):
    assert parse(code).deadline(20, HOLIDAYS_2020) == deadline


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day():
    """30/04 and 01/05/2020 are holidays and 02–03/05 a weekend, so 30/04 moves to 04/05; a plan
    whose deadline day falls on Quốc khánh (2/9) moves Q3's deadline to 3/9."""
    assert next_working_day(D(2020, 4, 30), HOLIDAYS_2020) == D(2020, 5, 4)
    assert parse("2020-Q3").deadline(2, HOLIDAYS_2020) == D(2020, 9, 3)  # 2/9 Quốc khánh, a Wednesday
    assert parse("2020-Q3").deadline(2) == D(2020, 9, 2)  # without the holiday list it stays


def test_the_implementation_document_deadline():
    """Section III.1.1: 30 days from 10/01/2020 is 09/02/2020, a Sunday → Monday 10/02."""
    assert next_working_day(D(2020, 2, 9), HOLIDAYS_2020) == D(2020, 2, 10)
    assert next_working_day(D(2020, 2, 10), HOLIDAYS_2020) == D(2020, 2, 10)
    assert not is_working_day(D(2020, 1, 27), HOLIDAYS_2020)  # Tết
    assert next_working_day(D(2020, 1, 23), HOLIDAYS_2020) == D(2020, 1, 30)


def test_labels_in_both_languages():
    assert say(parse("2020-Q2").name) == "Quý II/2020"
    assert say(parse("2020-Q4").name, "en") == "Q4 2020"
    assert say(parse("2020-H1").name) == "6 tháng đầu năm 2020"
    assert say(parse("2020-9M").name) == "9 tháng năm 2020"
    assert say(parse("2020").name) == "Năm 2020"
    assert say(parse("2020").name, "en") == "year 2020"


@pytest.mark.parametrize("bad", ["2020-Q5", "2020-Q0", "2020-H2", "2020Q1", "Q1-2020", "20-Q1", "2020-q1", "", "2020-6M"])
def test_anything_else_is_refused_with_the_allowed_forms(bad):
    with pytest.raises(Refusal) as refused:
        parse(bad)
    assert "YYYY-Q1…Q4, YYYY-H1, YYYY-9M, YYYY" in say(refused.value.message, "en")


def test_a_submission_period_must_be_a_quarter():
    assert parse_quarter("2020-Q3").quarters == (3,)
    with pytest.raises(Refusal) as refused:
        parse_quarter("2020-H1")
    assert "YYYY-Qn" in say(refused.value.message)
