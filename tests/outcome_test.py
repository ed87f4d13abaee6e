"""`papi outcome`: Đắk Nông's PAPI scores against goal 1.3, checked by hand and by a second method."""

from __future__ import annotations

import csv
import json
import statistics
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi_cli.cli import main
from papi_cli.outcome import fold, quartiles, standing
from tests.conftest import CONTRACT, REPO

DIMENSIONS = {  # PAPI's English names, in the decision's order
    "I": "Participation at Local Levels",
    "II": "Transparency in Local Decision-making",
    "III": "Vertical Accountability",
    "IV": "Control of Corruption in the Public Sector",
    "V": "Public Administrative Procedures",
    "VI": "Public Service Delivery",
    "VII": "Environmental Governance",
    "IX": "E-Governance",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def outcome_json(capsys, year: int, *extra: str) -> tuple[int, dict]:
    code, out, err = run(capsys, "outcome", "--year", str(year), "--format", "json", "--root", str(REPO), *extra)
    assert err == ""
    data = json.loads(out)
    jsonschema.validate(data, json.loads((CONTRACT / "outcome.schema.json").read_text()))
    return code, data


def read_scores(year: int) -> dict[str, dict[str, Decimal]]:
    scores: dict[str, dict[str, Decimal]] = {}
    with open(REPO / "plan" / f"papi-scores-{year}.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            scores.setdefault(row["dimension"], {})[row["province"]] = Decimal(row["score"])
    return scores


def second_method(values: dict[str, Decimal], province: str) -> tuple[int, str]:
    """Rank and group the plain way: position in the list sorted high to low, and the
    standard library's quartiles computed on exact fractions."""
    ordered = sorted(values.values(), reverse=True)
    rank = ordered.index(values[province]) + 1
    p25, p50, p75 = statistics.quantiles([Fraction(v) for v in values.values()], n=4, method="inclusive")
    score = Fraction(values[province])
    group = ("highest" if score >= p75 else "high_average" if score >= p50
             else "low_average" if score >= p25 else "lowest")
    return rank, group


@pytest.mark.parametrize("year", [2019, 2020])
def test_every_dimension_and_the_aggregate_agree_with_a_second_method(capsys, year):
    code, data = outcome_json(capsys, year)
    scores = read_scores(year)
    assert set(scores) == set(DIMENSIONS.values()) and all(len(s) == 63 for s in scores.values())
    for item in data["dimensions"]:
        values = scores[DIMENSIONS[item["code"]]]
        rank, group = second_method(values, "Dak Nong")
        assert (item["score"], item["rank"], item["group"]) == (float(values["Dak Nong"]), rank, group)
        assert item["meets_goal"] == (group in ("highest", "high_average"))
    totals = {p: sum(scores[d][p] for d in DIMENSIONS.values()) for p in scores[DIMENSIONS["I"]]}
    rank, group = second_method(totals, "Dak Nong")
    assert data["aggregate"]["score"] == float(totals["Dak Nong"])
    assert (data["aggregate"]["rank"], data["aggregate"]["group"]) == (rank, group)
    assert data["dimensions_meeting_goal"] == sum(d["meets_goal"] for d in data["dimensions"])
    assert code == (0 if data["goal_met"] else 1)


def test_2020_hand_checked(capsys):
    """The contract's example, checked by hand against the sorted 2020 scores: D1 4.9243 is the
    29th highest of 63 and above the median 4.8952 (the 32nd score), below P75 5.24055
    (halfway between the 16th and 17th scores, 5.2586 and 5.2225)."""
    code, data = outcome_json(capsys, 2020)
    assert code == 1 and data["province"] == "Đắk Nông" and data["year"] == 2020
    d1 = data["dimensions"][0]
    assert (d1["code"], d1["papi"], d1["score"], d1["rank"], d1["group"], d1["meets_goal"]) == (
        "I", "D1", 4.9243, 29, "high_average", True)
    assert d1["median"] == 4.8952
    # against 2019 (plan/papi-scores-2019.csv): aggregate 43.8407, 29th → 41.6305, 47th
    assert data["aggregate"] == {"score": 41.6305, "rank": 47, "of": 63, "group": "low_average",
                                 "median": 42.7231, "change": {"score": -2.2102, "places": -18}}
    assert data["previous_year"] == 2019
    assert d1["change"] == {"score": -0.3677, "places": -13}  # 5.2920, 16th in 2019
    groups = {d["code"]: (d["rank"], d["group"]) for d in data["dimensions"]}
    assert groups == {"I": (29, "high_average"), "II": (55, "lowest"), "III": (27, "high_average"),
                      "IV": (52, "lowest"), "V": (24, "high_average"), "VI": (55, "lowest"),
                      "VII": (39, "low_average"), "IX": (24, "high_average")}
    assert data["dimensions_meeting_goal"] == 4 and data["goal_met"] is False


def test_2020_median_and_quartiles_by_hand():
    d1 = sorted(read_scores(2020)[DIMENSIONS["I"]].values(), reverse=True)
    assert d1[28] == Decimal("4.9243") and d1[27] > d1[28] > d1[29]  # rank 29, no tie
    assert d1[31] == Decimal("4.8952")  # the median of 63 is the 32nd score
    assert (d1[15], d1[16]) == (Decimal("5.2586"), Decimal("5.2225"))
    assert (d1[46], d1[47]) == (Decimal("4.5237"), Decimal("4.5041"))
    p25, p50, p75 = quartiles(list(d1))
    assert p25 == Fraction("4.5139")  # halfway between the 47th and 48th scores
    assert p50 == Fraction("4.8952") and p75 == Fraction("5.24055")


def test_2019_hand_checked(capsys):
    """2019, the plan's baseline year: 3 of 8 dimensions high-average or above (D1, D3, D8)."""
    code, data = outcome_json(capsys, 2019)
    assert code == 1 and data["goal_met"] is False and data["dimensions_meeting_goal"] == 3
    groups = {d["code"]: (d["score"], d["rank"], d["group"]) for d in data["dimensions"]}
    assert groups == {"I": (5.292, 16, "highest"), "II": (5.2363, 41, "low_average"),
                      "III": (5.185, 10, "highest"), "IV": (6.3413, 52, "lowest"),
                      "V": (7.3242, 36, "low_average"), "VI": (6.8301, 62, "lowest"),
                      "VII": (3.2658, 48, "lowest"), "IX": (4.366, 5, "highest")}
    assert (data["aggregate"]["score"], data["aggregate"]["rank"], data["aggregate"]["group"]) == (
        43.8407, 29, "high_average")


def test_published_aggregates_match_the_shipped_files():
    """The provenance checks of plan/papi-scores-README.md, repeated on the shipped files."""
    published = {2020: {"Quang Ninh": "48.811", "Dong Thap": "46.961", "Thai Nguyen": "46.471",
                        "Hanoi": "41.629", "Ho Chi Minh City": "41.985"},
                 2019: {"Nghe An": "44.72"}}
    for year, figures in published.items():
        scores = read_scores(year)
        for province, figure in figures.items():
            total = sum(by_province[province] for by_province in scores.values())
            places = Decimal(figure).as_tuple().exponent
            assert total.quantize(Decimal(1).scaleb(places)) == Decimal(figure), (year, province, total)


def test_table_shows_ranks_groups_and_the_verdict(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    code, out, _ = run(capsys, "outcome", "--year", "2020", "--root", str(REPO))
    assert code == 1
    assert "4,9243" in out and "29/63" in out and "trung bình cao" in out and "41,6305" in out
    assert "4/8 lĩnh vực đạt trung bình cao trở lên: mục tiêu 1.3 chưa đạt." in out
    assert "± so 2019" in out and "−0,3677" in out and "−13" in out  # D1 against 2019
    code, out, _ = run(capsys, "outcome", "--year", "2020", "--root", str(REPO), "--lang", "en")
    assert "4.9243" in out and "high-average" in out and "goal 1.3 is not met" in out


def test_goal_met_exits_0(capsys, tmp_path):
    """A file where Đắk Nông tops every dimension: the goal is met, exit 0."""
    lines = ["province,dimension,score"]
    for name in DIMENSIONS.values():
        lines += [f"Dak Nong,{name},9.0000", f"Lam Dong,{name},5.0000", f"Gia Lai,{name},5.0000"]
    scores = tmp_path / "scores.csv"
    scores.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, data = outcome_json(capsys, 2021, "--scores", str(scores))
    assert code == 0 and data["goal_met"] is True and data["dimensions_meeting_goal"] == 8
    assert data["aggregate"] == {"score": 72.0, "rank": 1, "of": 3, "group": "highest", "median": 40.0}


def test_ties_share_a_rank():
    values = [Decimal(v) for v in ("7", "6", "6", "5")]
    assert [standing(v, values).rank for v in values] == [1, 2, 2, 4]


@given(st.lists(st.decimals(min_value=1, max_value=10, places=4, allow_nan=False, allow_infinity=False),
                min_size=2, max_size=80))
def test_quartiles_are_the_standard_librarys_inclusive_method(values):
    expected = statistics.quantiles([Fraction(v) for v in values], n=4, method="inclusive")
    assert list(quartiles(values)) == expected


def test_province_names_fold_without_diacritics():
    assert fold("Đắk Nông") == fold("Dak Nong") == fold("DAK-NONG") == "dak nong"
    assert fold("Bà Rịa - Vũng Tàu") == fold("Ba Ria - Vung Tau")


def _bad(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "scores.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, expected", [
    ("province,dimension\nDak Nong,E-Governance\n", "scores.csv:1:1: error[scores-columns]"),
    ("province,dimension,score\nDak Nong,E-Government,2.8864\n", "scores.csv:2:10: error[scores-unknown-dimension]"),
    ("province,dimension,score\nDak Nong,E-Governance,2,8864\n", "scores.csv:2:1: error[scores-row-length]"),
    ("province,dimension,score\nDak Nong,E-Governance,11\n", "scores.csv:2:23: error[scores-bad-score]"),
    ("province,dimension,score\nDak Nong,E-Governance,n/a\n", "scores.csv:2:23: error[scores-bad-score]"),
    ("province,dimension,score\nDak Nong,E-Governance,2.8\nDak Nong,E-Governance,2.9\n",
     "scores.csv:3:1: error[scores-duplicate]"),
    ("province,dimension,score\nDak Nong,E-Governance,2.8\n", "scores.csv: error[scores-incomplete]"),
    (b"province,dimension,score\nDak N\xf4ng,E-Governance,2.8\n", "scores.csv:2:6: error[not-utf8]"),
    ("", "scores.csv: error[empty-file]"),
])
def test_a_bad_scores_file_is_a_located_problem(capsys, tmp_path, text, expected):
    code, out, err = run(capsys, "outcome", "--year", "2020", "--root", str(REPO), "--scores", str(_bad(tmp_path, text)))
    assert code == 1 and out == ""
    assert expected in err and "Traceback" not in err


def test_a_file_without_the_province_says_so(capsys, tmp_path):
    text = "province,dimension,score\n" + "".join(f"Lam Dong,{name},5\n" for name in DIMENSIONS.values())
    code, _, err = run(capsys, "outcome", "--year", "2020", "--root", str(REPO), "--lang", "en",
                       "--scores", str(_bad(tmp_path, text)))
    assert code == 1 and "The file has no scores for Đắk Nông" in err


def test_a_year_without_scores_names_the_file(capsys):
    code, out, err = run(capsys, "outcome", "--year", "2018", "--root", str(REPO))
    assert code == 1 and out == "" and "plan/papi-scores-2018.csv" in err and "--scores" in err
