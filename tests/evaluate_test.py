"""The evaluation rules of docs/rules.md, on the bundled plan, with submissions built in place.

Each test's docstring is its scenario: who reported what, when, and what papi concludes.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from papi_cli.evaluate import evaluate, owing_agencies
from papi_cli.model.results import Evaluation, IndicatorResult
from papi_cli.model.submission import Submission

D = dt.date
YEAR_END = D(2020, 12, 31)


def sub(agency: str, period: str, submitted_on: str, results: dict | None = None, document: tuple | None = None) -> Submission:
    """A checked submission: ``results`` maps indicator codes to their fields."""
    data = {"agency": agency, "period": period, "submitted_on": submitted_on, "results": results or {}}
    if document:
        data["implementation_document"] = {"number": document[0], "date": document[1]}
    return Submission.model_validate(data)


def run(plan, *submissions: Submission, as_of: dt.date = YEAR_END, period: str | None = None) -> Evaluation:
    return evaluate(plan, submissions, as_of, period)


def one(evaluation: Evaluation, code: str) -> IndicatorResult:
    return next(r for r in evaluation.indicators if r.code == code)


def communes(plan, n: int) -> list[str]:
    return [u.slug for u in plan.population("communes")][:n]


# --- coverage ----------------------------------------------------------------------------------

def test_22_of_71_communes_meets_at_least_30_percent(plan):
    """so-ldtbxh inspected 22 of the 71 communes for II.3 (≥ 30 %) by year end: 30.99 %, met."""
    result = one(run(plan, sub("so-ldtbxh", "2020-Q4", "2020-12-10", {"II.3": {"units": communes(plan, 22)}})), "II.3")
    assert (result.status, result.late, result.numerator, result.denominator) == ("met", False, 22, 71)
    assert result.value == Fraction(2200, 71)
    assert len(result.missing_units) == 49


def test_21_of_71_communes_misses_30_percent(plan):
    """Only 21 of 71 communes (29.58 %) by the due date 2020-12-31: missed."""
    result = one(run(plan, sub("so-ldtbxh", "2020-Q4", "2020-12-10", {"II.3": {"units": communes(plan, 21)}})), "II.3")
    assert (result.status, result.numerator) == ("missed", 21)


def test_a_unit_named_by_slug_and_by_code_counts_once(plan):
    """so-ldtbxh lists Nghĩa Đức by slug in Q2 and by its official code in Q3: one commune covered."""
    nghia_duc = plan.unit("nghia-duc")
    result = one(run(plan,
                     sub("so-ldtbxh", "2020-Q2", "2020-06-10", {"II.3": {"units": ["nghia-duc"]}}),
                     sub("so-ldtbxh", "2020-Q3", "2020-09-10", {"II.3": {"units": [nghia_duc.code]}})), "II.3")
    assert result.numerator == 1
    assert "nghia-duc" not in result.missing_units


def test_coverage_is_the_union_over_agencies_and_quarters(plan):
    """Two districts report I.1 for their own communes, one of them twice with an overlap; the
    missing units are the rest, in the registry's order."""
    cu_jut = [u.slug for u in plan.communes_of("cu-jut")]
    dak_mil = [u.slug for u in plan.communes_of("dak-mil")]
    result = one(run(plan,
                     sub("ubnd-cu-jut", "2020-Q1", "2020-03-10", {"I.1": {"units": cu_jut[:3]}}),
                     sub("ubnd-cu-jut", "2020-Q2", "2020-06-10", {"I.1": {"units": cu_jut}}),
                     sub("ubnd-dak-mil", "2020-Q2", "2020-06-12", {"I.1": {"units": dak_mil}})), "I.1")
    assert result.numerator == len(cu_jut) + len(dak_mil)
    everyone = [u.slug for u in plan.population("communes")]
    assert list(result.missing_units) == [s for s in everyone if s not in cu_jut + dak_mil]
    assert [c.agency for c in result.contributions] == ["ubnd-cu-jut", "ubnd-dak-mil"]
    assert result.contributions[0].units == tuple(cu_jut)
    assert result.contributions[0].periods == ("2020-Q1", "2020-Q2")


def test_district_coverage_counts_districts(plan):
    """to-kiem-tra inspected all 8 districts for V.3 (≥ 100 % of districts): met."""
    districts = [u.slug for u in plan.population("districts")]
    result = one(run(plan, sub("to-kiem-tra", "2020-Q3", "2020-09-10", {"V.3": {"units": districts}})), "V.3")
    assert (result.status, result.numerator, result.denominator, result.missing_units) == ("met", 8, 8, ())


# --- ratios --------------------------------------------------------------------------------------

def test_a_flow_ratio_sums_over_quarters_and_agencies(plan):
    """III.1a (≥ 100 %, flow): thanh-tra-tinh resolved 5 of 10 in Q1 and 10 of 10 in Q2;
    ubnd-cu-jut 4 of 4 in Q2. Σ = 19/24 = 79.17 %, below the target: at risk mid-year."""
    result = one(run(plan,
                     sub("thanh-tra-tinh", "2020-Q1", "2020-03-12", {"III.1a": {"numerator": 5, "denominator": 10}}),
                     sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"III.1a": {"numerator": 10, "denominator": 10}}),
                     sub("ubnd-cu-jut", "2020-Q2", "2020-06-15", {"III.1a": {"numerator": 4, "denominator": 4}}),
                     as_of=D(2020, 6, 30)), "III.1a")
    assert (result.numerator, result.denominator, result.value) == (19, 24, Fraction(1900, 24))
    assert result.status == "at_risk"
    tt = result.contributions[0]
    assert (tt.agency, tt.numerator, tt.denominator, tt.periods) == ("thanh-tra-tinh", 15, 20, ("2020-Q1", "2020-Q2"))


def test_a_stock_ratio_takes_each_agencys_latest_figures(plan):
    """IV.1 (≥ 100 %, stock): thanh-tra-tinh stood at 50/100 in Q1 and 100/100 in Q2. The stock is
    what stands now, 100/100, met; not 150/200 as a sum over quarters would say."""
    result = one(run(plan,
                     sub("thanh-tra-tinh", "2020-Q1", "2020-03-12", {"IV.1": {"numerator": 50, "denominator": 100}}),
                     sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"IV.1": {"numerator": 100, "denominator": 100}}),
                     as_of=D(2020, 6, 30)), "IV.1")
    assert (result.status, result.numerator, result.denominator) == ("met", 100, 100)


def test_a_stock_ratio_sums_the_agencies_latest_figures(plan):
    """IV.1: thanh-tra-tinh's latest is 100/100 (Q2); ubnd-cu-jut's latest is 30/40 (Q2, after
    20/40 in Q1), and its Q3 report is in words only, which keeps its Q2 figures. 130/140."""
    result = one(run(plan,
                     sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"IV.1": {"numerator": 100, "denominator": 100}}),
                     sub("ubnd-cu-jut", "2020-Q1", "2020-03-12", {"IV.1": {"numerator": 20, "denominator": 40}}),
                     sub("ubnd-cu-jut", "2020-Q2", "2020-06-12", {"IV.1": {"numerator": 30, "denominator": 40}}),
                     sub("ubnd-cu-jut", "2020-Q3", "2020-09-12", {"IV.1": {"status": "in_progress", "note": "Đang triển khai"}}),
                     as_of=D(2020, 9, 30)), "IV.1")
    assert (result.numerator, result.denominator) == (130, 140)
    cu_jut = result.contributions[1]
    assert (cu_jut.numerator, cu_jut.denominator, cu_jut.period, cu_jut.note) == (30, 40, "2020-Q3", "Đang triển khai")


def test_a_stock_ratio_latest_is_by_period_then_submission_date(plan):
    """A Q1 report submitted after the Q2 report is still older: the Q2 figures stand."""
    result = one(run(plan,
                     sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"IV.1": {"numerator": 90, "denominator": 100}}),
                     sub("thanh-tra-tinh", "2020-Q1", "2020-07-01", {"IV.1": {"numerator": 10, "denominator": 100}}),
                     as_of=D(2020, 9, 30)), "IV.1")
    assert result.numerator == 90


def test_exactly_45_percent_meets_at_least_45_percent(plan):
    """IX.2 (≥ 45 %, flow): 9 of 20 dossiers online in Q4 is exactly 45 %: met."""
    result = one(run(plan, sub("vp-ubnd-tinh", "2020-Q4", "2020-12-10", {"IX.2": {"numerator": 9, "denominator": 20}})), "IX.2")
    assert (result.status, result.value) == ("met", Fraction(45))


def test_just_below_45_percent_is_missed(plan):
    """IX.2: 899 of 2000 is 44.95 %, displayed 45,0 % at one decimal but not 45 %: missed."""
    result = one(run(plan, sub("vp-ubnd-tinh", "2020-Q4", "2020-12-10", {"IX.2": {"numerator": 899, "denominator": 2000}})), "IX.2")
    assert result.status == "missed"


def test_a_0_of_0_ratio_gives_no_figures(plan):
    """III.2: thanh-tra-tinh had no cases (0/0) by mid-year: no data; at the due date it is missed."""
    report = sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"III.2": {"numerator": 0, "denominator": 0}})
    mid = one(run(plan, report, as_of=D(2020, 6, 30)), "III.2")
    assert (mid.status, mid.numerator, mid.denominator, mid.value) == ("no_data", 0, 0, None)
    assert one(run(plan, report, as_of=YEAR_END), "III.2").status == "missed"


# --- percent and count -------------------------------------------------------------------------

def test_90_percent_is_not_above_90_percent(plan):
    """VII.1 (> 90 %): so-tnmt measured exactly 90 %: missed at the due date."""
    result = one(run(plan, sub("so-tnmt", "2020-Q4", "2020-12-10", {"VII.1": {"percent": 90}})), "VII.1")
    assert (result.status, result.value) == ("missed", Fraction(90))


def test_just_above_90_percent_meets_it(plan):
    """VII.1: 90.01 % is strictly above 90 %: met."""
    result = one(run(plan, sub("so-tnmt", "2020-Q4", "2020-12-10", {"VII.1": {"percent": 90.01}})), "VII.1")
    assert (result.status, result.value) == ("met", Fraction("90.01"))


def test_a_percent_is_the_leads_latest_figure(plan):
    """III.4 (≥ 95 %): vp-ubnd-tinh measured 96 % in Q2 and 94 % in Q3; ubnd-cu-jut, an
    implementer, measured 99 % locally. The lead's latest, 94 %, counts; the district's is detail."""
    evaluation = run(plan,
                     sub("vp-ubnd-tinh", "2020-Q2", "2020-06-12", {"III.4": {"percent": 96}}),
                     sub("vp-ubnd-tinh", "2020-Q3", "2020-09-12", {"III.4": {"percent": 94}}),
                     sub("ubnd-cu-jut", "2020-Q3", "2020-09-13", {"III.4": {"percent": 99}}),
                     as_of=D(2020, 9, 30))
    result = one(evaluation, "III.4")
    assert (result.value, result.status) == (Fraction(94), "at_risk")
    assert [(c.agency, c.percent, c.counted) for c in result.contributions] == [
        ("vp-ubnd-tinh", 94.0, True), ("ubnd-cu-jut", 99.0, False)]


def test_a_non_leads_percent_alone_gives_no_figures(plan):
    """III.4: only ubnd-cu-jut reported a figure (99 %): the indicator still has no data."""
    result = one(run(plan, sub("ubnd-cu-jut", "2020-Q2", "2020-06-12", {"III.4": {"percent": 99}}), as_of=D(2020, 6, 30)), "III.4")
    assert (result.status, result.value) == ("no_data", None)


def test_a_count_is_summed(plan):
    """VI.5 (≥ 1 inspection): so-gddt reported 0 in Q1 (a figure: not yet met, on track) and 2
    in Q3: 2 in all, met."""
    q1 = sub("so-gddt", "2020-Q1", "2020-03-10", {"VI.5": {"count": 0}})
    early = one(run(plan, q1, as_of=D(2020, 3, 31)), "VI.5")
    assert (early.status, early.count) == ("at_risk", 0)
    result = one(run(plan, q1, sub("so-gddt", "2020-Q3", "2020-09-10", {"VI.5": {"count": 2}})), "VI.5")
    assert (result.status, result.count, result.value) == ("met", 2, Fraction(2))


# --- milestones ----------------------------------------------------------------------------------

def test_a_milestone_is_done_when_the_lead_reports_it_done_with_evidence(plan):
    """V.1: vp-ubnd-tinh reports done with its decision as evidence; so-tu-phap (an implementer)
    reports in progress, kept as detail."""
    result = one(run(plan,
                     sub("vp-ubnd-tinh", "2020-Q2", "2020-06-12",
                         {"V.1": {"status": "done", "evidence": ["Quyết định số 310/QĐ-UBND ngày 12/3/2020"]}}),
                     sub("so-tu-phap", "2020-Q2", "2020-06-13", {"V.1": {"status": "in_progress"}}),
                     as_of=D(2020, 6, 30)), "V.1")
    assert (result.status, result.done, result.reported_status) == ("met", True, "done")
    assert [(c.agency, c.status, c.counted) for c in result.contributions] == [
        ("vp-ubnd-tinh", "done", True), ("so-tu-phap", "in_progress", False)]


def test_an_implementers_done_does_not_make_a_milestone_done(plan):
    """V.1: only so-tu-phap, an implementer, reports done: no status from the lead, no data."""
    result = one(run(plan, sub("so-tu-phap", "2020-Q2", "2020-06-13",
                               {"V.1": {"status": "done", "evidence": ["Công văn 1"]}}), as_of=D(2020, 6, 30)), "V.1")
    assert (result.status, result.done) == ("no_data", None)


def test_a_milestone_follows_the_leads_latest_report(plan):
    """V.1: the lead reported done in Q2 but in progress in Q3 (work reopened): not done."""
    result = one(run(plan,
                     sub("vp-ubnd-tinh", "2020-Q2", "2020-06-12", {"V.1": {"status": "done", "evidence": ["QĐ 310"]}}),
                     sub("vp-ubnd-tinh", "2020-Q3", "2020-09-12", {"V.1": {"status": "in_progress"}}),
                     as_of=D(2020, 9, 30)), "V.1")
    assert (result.status, result.done, result.reported_status) == ("on_track", False, "in_progress")


@pytest.mark.parametrize(("as_of", "status"), [
    (D(2020, 9, 30), "no_data"),     # before IX.3's window (Q4) and no status yet
    (D(2020, 12, 8), "on_track"),    # 23 of 91 window days left: 25.3 %
    (D(2020, 12, 9), "at_risk"),     # 22 of 91 left: 24.2 %, fewer than 25 %
    (D(2020, 12, 30), "at_risk"),
    (D(2020, 12, 31), "missed"),     # the due date
])
def test_a_milestone_in_progress_through_its_window(plan, as_of, status):
    """IX.3 (window 2020-10-01 – 2020-12-31, 91 days): vp-ubnd-tinh reports in progress on
    2020-10-05 (Q4 report, early). At risk once fewer than 25 % of the window's days are left."""
    report = sub("vp-ubnd-tinh", "2020-Q4", "2020-10-05", {"IX.3": {"status": "in_progress"}})
    assert one(run(plan, report, as_of=as_of), "IX.3").status == status


def test_a_milestone_without_any_status_is_missed_at_its_due_date(plan):
    """VI.7: so-gtvt never reports a status: no data before 2020-12-31, missed on it."""
    assert one(run(plan, as_of=D(2020, 12, 30)), "VI.7").status == "no_data"
    assert one(run(plan, as_of=D(2020, 12, 31)), "VI.7").status == "missed"


# --- statuses around the window and the due date ------------------------------------------------

@pytest.mark.parametrize(("n", "status"), [(11, "on_track"), (10, "at_risk")])
def test_a_cumulative_indicator_against_the_straight_line(plan, n, status):
    """II.3 (≥ 30 %, window 2020-01-10 – 2020-12-31, 356 days). As of 2020-07-06, half the window
    has passed, so half the target (15 %) is expected: 11 communes (15.49 %) are on track,
    10 (14.08 %) behind."""
    result = one(run(plan, sub("so-ldtbxh", "2020-Q2", "2020-06-10", {"II.3": {"units": communes(plan, n)}}),
                     as_of=D(2020, 7, 6)), "II.3")
    assert result.expected == Fraction(1, 2)
    assert result.progress == Fraction(100 * n, 71) / 30
    assert result.status == status


def test_before_its_window_a_stock_ratio_is_on_track_or_no_data(plan):
    """V.4 (≥ 30 %, window 2020-07-01 – 2020-09-30, 91 days): so-noi-vu has inspected 1 of 10
    bodies (10 %, a third of the target). On 2020-06-30 nothing is expected yet: on track
    (without figures: no data). On 2020-07-01 the straight line starts at 0: on track. On
    2020-08-15, 45 of 91 days (49 %) have passed: a third is behind, at risk."""
    report = sub("so-noi-vu", "2020-Q2", "2020-06-12", {"V.4": {"numerator": 1, "denominator": 10}})
    assert one(run(plan, report, as_of=D(2020, 6, 30)), "V.4").status == "on_track"
    assert one(run(plan, as_of=D(2020, 6, 30)), "V.4").status == "no_data"
    assert one(run(plan, report, as_of=D(2020, 7, 1)), "V.4").status == "on_track"
    late_summer = one(run(plan, report, as_of=D(2020, 8, 15)), "V.4")
    assert (late_summer.status, late_summer.expected) == ("at_risk", Fraction(45, 91))


def test_before_its_window_a_flow_ratio_is_on_track(plan):
    """IX.2 (≥ 45 %, window Q4): 2 of 10 dossiers online reported in Q3 is not yet a concern on
    2020-09-30; from 2020-10-01 a rate below its target is at risk."""
    report = sub("vp-ubnd-tinh", "2020-Q3", "2020-09-12", {"IX.2": {"numerator": 2, "denominator": 10}})
    assert one(run(plan, report, as_of=D(2020, 9, 30)), "IX.2").status == "on_track"
    assert one(run(plan, report, as_of=D(2020, 10, 1)), "IX.2").status == "at_risk"


@pytest.mark.parametrize(("as_of", "status", "late"), [
    (D(2020, 9, 29), "at_risk", False),   # the day before V.4's due date: 2/10 = 20 %, behind
    (D(2020, 9, 30), "missed", False),    # the due date: not met
    (D(2020, 10, 1), "missed", False),
    (D(2020, 10, 5), "met", True),        # the 4/10 report of 2020-10-02 now counts: met, late
])
def test_status_before_on_and_after_the_due_date(plan, as_of, status, late):
    """V.4 (≥ 30 %, stock, due 2020-09-30): so-noi-vu stood at 2/10 in its Q3 report of
    2020-09-10 and corrected it to 4/10 (40 %) in a Q4 report of 2020-10-02."""
    reports = [sub("so-noi-vu", "2020-Q3", "2020-09-10", {"V.4": {"numerator": 2, "denominator": 10}}),
               sub("so-noi-vu", "2020-Q4", "2020-10-02", {"V.4": {"numerator": 4, "denominator": 10}})]
    result = one(run(plan, *reports, as_of=as_of), "V.4")
    assert (result.status, result.late) == (status, late)


def test_met_on_its_due_date_is_not_late(plan):
    """V.4: the 4/10 report is submitted on the due date itself: met on time, also later."""
    report = sub("so-noi-vu", "2020-Q4", "2020-09-30", {"V.4": {"numerator": 4, "denominator": 10}})
    for as_of in (D(2020, 9, 30), D(2020, 12, 31)):
        result = one(run(plan, report, as_of=as_of), "V.4")
        assert (result.status, result.late) == ("met", False)


def test_met_after_the_year_end_is_late(plan):
    """II.3 (due 2020-12-31): so-ldtbxh's Q4 report with 22 communes arrives on 2021-01-05.
    As of 2020-12-31 it is not counted: missed. As of 2021-01-10: met, late."""
    report = sub("so-ldtbxh", "2020-Q4", "2021-01-05", {"II.3": {"units": communes(plan, 22)}})
    assert one(run(plan, report, as_of=YEAR_END), "II.3").status == "missed"
    result = one(run(plan, report, as_of=D(2021, 1, 10)), "II.3")
    assert (result.status, result.late) == ("met", True)


def test_met_before_its_due_date(plan):
    """IV.1: 100/100 in Q1 is met in March already, and on time."""
    result = one(run(plan, sub("thanh-tra-tinh", "2020-Q1", "2020-03-12", {"IV.1": {"numerator": 100, "denominator": 100}}),
                     as_of=D(2020, 3, 31)), "IV.1")
    assert (result.status, result.late) == ("met", False)


def test_missed_at_the_due_date_without_any_figures(plan):
    """Nobody reports anything: every indicator has no data before its due date and is missed on it."""
    assert run(plan, as_of=D(2020, 9, 29)).counts() == {"met": 0, "on_track": 0, "at_risk": 0, "missed": 0, "no_data": 44}
    assert one(run(plan, as_of=D(2020, 9, 30)), "V.4").status == "missed"
    assert run(plan, as_of=YEAR_END).counts()["missed"] == 44


# --- what counts -----------------------------------------------------------------------------------

def test_only_reports_submitted_by_the_as_of_date_count(plan):
    """IV.1: the Q2 report of 2020-06-18 counts as of 2020-06-18, not as of 2020-06-17."""
    report = sub("thanh-tra-tinh", "2020-Q2", "2020-06-18", {"IV.1": {"numerator": 100, "denominator": 100}})
    assert one(run(plan, report, as_of=D(2020, 6, 17)), "IV.1").status == "no_data"
    assert one(run(plan, report, as_of=D(2020, 6, 18)), "IV.1").status == "met"
    assert run(plan, report, as_of=D(2020, 6, 17)).counted == 0


def test_a_period_counts_only_its_quarters(plan):
    """III.1a with --period 2020-Q2 as of 2020-12-31: the Q3 report (10/10) is left out, so
    Q1 + Q2 = 5/10; the whole year would be 15/20."""
    reports = [sub("thanh-tra-tinh", "2020-Q1", "2020-03-12", {"III.1a": {"numerator": 2, "denominator": 5}}),
               sub("thanh-tra-tinh", "2020-Q2", "2020-06-12", {"III.1a": {"numerator": 3, "denominator": 5}}),
               sub("thanh-tra-tinh", "2020-Q3", "2020-09-12", {"III.1a": {"numerator": 10, "denominator": 10}})]
    q2 = run(plan, *reports, period="2020-Q2")
    assert (one(q2, "III.1a").numerator, one(q2, "III.1a").denominator) == (5, 10)
    assert (q2.period, q2.counted, q2.files) == ("2020-Q2", 2, 3)
    year = run(plan, *reports, period="2020")
    assert one(year, "III.1a").denominator == 20


def test_a_period_outside_the_plan_year_is_refused(plan):
    with pytest.raises(ValueError, match="2021-Q1"):
        evaluate(plan, [], YEAR_END, "2021-Q1")


# --- reporting compliance ----------------------------------------------------------------------------

def state(evaluation: Evaluation, agency: str, period: str):
    entry = next(e for e in evaluation.reporting if e.agency == agency and e.period == period)
    return entry.state, entry.deadline, entry.submitted_on


def test_who_owes_a_report(plan):
    """Leads and district People's Committees owe reports; the Fatherland Front (lead of III.5)
    does not, nor do communes; implementers that lead nothing (so-tu-phap) do not."""
    owing = owing_agencies(plan)
    assert {"so-ldtbxh", "thanh-tra-tinh", "vp-ubnd-tinh", "to-kiem-tra", "so-noi-vu"} <= set(owing)
    assert {f"ubnd-{u.slug}" for u in plan.population("districts")} <= set(owing)
    assert "mttq-tinh" not in owing and "so-tu-phap" not in owing and "ubnd-nghia-duc" not in owing
    assert len(owing) == len(set(owing))
    evaluation = run(plan)
    assert len(evaluation.reporting) == 4 * len(owing)
    assert {e.agency for e in evaluation.reporting} == set(owing)


@pytest.mark.parametrize(("submitted", "as_of", "expected"), [
    ("2020-06-22", D(2020, 6, 30), "on_time"),   # on the deadline (20/06 a Saturday → Monday 22/06)
    ("2020-06-20", D(2020, 6, 30), "on_time"),
    ("2020-06-23", D(2020, 6, 30), "late"),
    (None, D(2020, 6, 22), "pending"),            # the deadline day itself: not yet passed
    (None, D(2020, 6, 23), "missing"),
    ("2020-06-23", D(2020, 6, 22), "pending"),   # filed later than the as-of date: not yet seen
])
def test_reporting_states(plan, submitted, as_of, expected):
    """ubnd-cu-jut's Q2 report against the Q2 deadline 2020-06-22."""
    reports = [sub("ubnd-cu-jut", "2020-Q2", submitted)] if submitted else []
    got, deadline, on = state(run(plan, *reports, as_of=as_of), "ubnd-cu-jut", "2020-Q2")
    assert (got, deadline) == (expected, D(2020, 6, 22))
    assert on == (D.fromisoformat(submitted) if expected in ("on_time", "late") else None)


def test_every_quarter_of_the_year_is_listed_with_its_state(plan):
    """As of 2020-07-01 so-tnmt filed Q1 on time and Q2 late; Q3 and Q4 are pending, whatever
    the period asked for. The Fatherland Front's report counts but it owes none."""
    evaluation = run(plan,
                     sub("so-tnmt", "2020-Q1", "2020-03-18"),
                     sub("so-tnmt", "2020-Q2", "2020-06-25"),
                     sub("mttq-tinh", "2020-Q2", "2020-06-10", {"III.5": {"units": ["nghia-duc"]}}),
                     as_of=D(2020, 7, 1), period="2020-Q1")
    assert [state(evaluation, "so-tnmt", f"2020-Q{q}")[0] for q in (1, 2, 3, 4)] == ["on_time", "late", "pending", "pending"]
    assert [state(evaluation, "so-tnmt", f"2020-Q{q}")[1] for q in (1, 2, 3, 4)] == [
        D(2020, 3, 20), D(2020, 6, 22), D(2020, 9, 21), D(2020, 12, 21)]
    assert not any(e.agency == "mttq-tinh" for e in evaluation.reporting)
    assert state(evaluation, "so-ldtbxh", "2020-Q1")[0] == "missing"


@pytest.mark.parametrize(("document", "as_of", "on_time"), [
    (("12/KH-SYT", "2020-02-10"), D(2020, 3, 31), True),    # 09/02 is a Sunday: due 10/02
    (("12/KH-SYT", "2020-02-11"), D(2020, 3, 31), False),
    (None, D(2020, 2, 10), None),                            # none yet, deadline not passed
    (None, D(2020, 2, 11), False),                           # none once the deadline passed
])
def test_implementation_documents(plan, document, as_of, on_time):
    """so-y-te's implementation document (section III.1.1, due 2020-02-09 → 2020-02-10)."""
    reports = [sub("so-y-te", "2020-Q1", "2020-02-10", document=document)] if document else []
    evaluation = run(plan, *reports, as_of=as_of)
    entry = next(e for e in evaluation.implementation_documents if e.agency == "so-y-te")
    assert entry.on_time is on_time
    assert entry.number == (document[0] if document else None)
    assert evaluation.implementation_document_deadline == D(2020, 2, 10)
    assert {e.agency for e in evaluation.implementation_documents} == set(owing_agencies(plan))
