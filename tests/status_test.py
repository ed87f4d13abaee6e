"""`papi status`: the JSON of docs/rules.md, the options, the exit codes, and a table people can read.

End to end through the files: the bundled sample data (``submissions/2020-Q*``) or small
projects written in a scratch folder.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest

from papi_cli.cli import main
from papi_cli.commands import status
from papi_cli.commands.context import Context
from papi_cli.layout import Paths
from papi_cli.periods import parse
from tests.conftest import CONTRACT, REPO

SCHEMA = json.loads((CONTRACT / "status.schema.json").read_text(encoding="utf-8"))


def status_json(root: Path, *args: str, capsys) -> dict:
    code = main(["status", "--format", "json", "--root", str(root), *args])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    return data


def write(root: Path, period: str, agency: str, body: str) -> None:
    folder = root / "submissions" / period
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{agency}.yaml").write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")


def indicator(data: dict, code: str) -> dict:
    return next(i for i in data["indicators"] if i["code"] == code)


# --- the JSON contract ----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [(), ("--as-of", "2020-12-31"), ("--period", "2020-Q2"), ("--period", "2020-9M"),
                                  ("--agency", "ubnd-cu-jut"), ("--dimension", "IX", "--lang", "en")])
def test_the_sample_data_json_follows_the_contract(capsys, args):
    data = status_json(REPO, *args, capsys=capsys)
    assert data["plan"] == "46/QĐ-UBND"
    for item in data["indicators"]:
        if item["status"] == "met":
            assert isinstance(item["late"], bool)
        if item["kind"] in ("coverage", "ratio") and item["percent"] is not None:
            # never rounded onto 100 or 0 unless exactly there
            assert (item["percent"] == 100) == (item["numerator"] == item["denominator"])
            assert (item["percent"] == 0) == (item["numerator"] == 0)
    counts = data["summary"]["overall"]
    assert sum(counts.values()) == len(data["indicators"])
    assert data["summary"]["by_dimension"].keys() == {i["dimension"] for i in data["indicators"]}


def test_the_whole_year_on_the_sample_data(capsys):
    """As of 2020-12-31 every indicator is decided (met or missed) and the sample mixes both;
    every kind is present; every owed report has a state."""
    data = status_json(REPO, "--as-of", "2020-12-31", capsys=capsys)
    assert len(data["indicators"]) == 44
    assert {i["status"] for i in data["indicators"]} == {"met", "missed"}
    assert {i["kind"] for i in data["indicators"]} == {"coverage", "ratio", "percent", "count", "milestone"}
    assert len(data["reporting"]) == 4 * len({r["agency"] for r in data["reporting"]})
    assert "mttq-tinh" not in {r["agency"] for r in data["reporting"]}
    assert {r["state"] for r in data["reporting"]} <= {"on_time", "late", "missing"}


def test_per_kind_fields_and_targets(capsys, project):
    """One report of each kind: coverage II.3 (22 communes, one named by code), ratio IX.2
    (7099/7100 shows 99.99, never 100), percent VII.1 (90, not above 90), count VI.5 and
    milestone V.1."""
    from papi_cli.load import load_plan

    plan = load_plan(Paths.resolve(project)).value
    slugs = [u.slug for u in plan.population("communes")][:22]
    code_of_first = plan.unit(slugs[0]).code
    units = ", ".join([f"'{code_of_first}'", *slugs[1:]])
    write(project, "2020-Q4", "so-ldtbxh", f"""
        agency: so-ldtbxh
        period: 2020-Q4
        submitted_on: 2020-12-10
        results:
          II.3:
            units: [{units}]
          IX.2:
            numerator: 7099
            denominator: 7100
    """)
    write(project, "2020-Q4", "so-tnmt", """
        agency: so-tnmt
        period: 2020-Q4
        submitted_on: 2020-12-11
        results:
          VII.1:
            percent: 90
    """)
    write(project, "2020-Q4", "so-gddt", """
        agency: so-gddt
        period: 2020-Q4
        submitted_on: 2020-12-11
        results:
          VI.5:
            count: 2
    """)
    write(project, "2020-Q4", "vp-ubnd-tinh", """
        agency: vp-ubnd-tinh
        period: 2020-Q4
        submitted_on: 2020-12-12
        results:
          V.1:
            status: done
            evidence: ["Quyết định số 310/QĐ-UBND ngày 12/3/2020"]
    """)
    data = status_json(project, "--as-of", "2020-12-31", capsys=capsys)
    ii3 = indicator(data, "II.3")
    assert (ii3["status"], ii3["late"], ii3["numerator"], ii3["denominator"], ii3["percent"]) == ("met", False, 22, 71, 30.99)
    assert ii3["target"] == {"op": ">=", "percent": 30} and len(ii3["missing_units"]) == 49
    assert slugs[0] not in ii3["missing_units"] and "quang-tan" in ii3["missing_units"]
    ix2 = indicator(data, "IX.2")
    assert (ix2["numerator"], ix2["denominator"], ix2["percent"], ix2["status"]) == (7099, 7100, 99.99, "met")
    vii1 = indicator(data, "VII.1")
    assert (vii1["percent"], vii1["status"], vii1["target"]) == (90, "missed", {"op": ">", "percent": 90})
    assert "late" not in vii1
    vi5 = indicator(data, "VI.5")
    assert (vi5["count"], vi5["status"], vi5["target"]) == (2, "met", {"op": ">=", "count": 1})
    v1 = indicator(data, "V.1")
    assert (v1["done"], v1["status"], v1["target"]) == (True, "met", {"done": True})
    assert indicator(data, "VI.3")["done"] is False  # never reported: not done
    assert indicator(data, "I.1")["missing_units"][:1] == [plan.population("communes")[0].slug]


def test_a_unit_named_by_slug_in_one_file_and_by_code_in_another_counts_once(project, capsys):
    """II.3: so-ldtbxh lists Nghĩa Đức by slug in Q1 and by its code (quoted) in Q2, with Đắk
    Buk So by code unquoted: two communes covered, not three."""
    from papi_cli.load import load_plan

    plan = load_plan(Paths.resolve(project)).value
    nghia_duc, dak_buk_so = plan.unit("nghia-duc").code, plan.unit("dak-buk-so").code
    write(project, "2020-Q1", "so-ldtbxh", """
        agency: so-ldtbxh
        period: 2020-Q1
        submitted_on: 2020-03-10
        results:
          II.3:
            units: [nghia-duc]
    """)
    write(project, "2020-Q2", "so-ldtbxh", f"""
        agency: so-ldtbxh
        period: 2020-Q2
        submitted_on: 2020-06-10
        results:
          II.3:
            units: ['{nghia_duc}', {dak_buk_so}]
    """)
    ii3 = indicator(status_json(project, "--as-of", "2020-06-30", capsys=capsys), "II.3")
    assert (ii3["numerator"], ii3["denominator"]) == (2, 71)
    assert "nghia-duc" not in ii3["missing_units"] and "dak-buk-so" not in ii3["missing_units"]


def test_invalid_files_are_skipped_and_named(project, capsys):
    """A file with an unknown indicator is left out (JSON: skipped_files); the rest still counts."""
    write(project, "2020-Q2", "so-tnmt", """
        agency: so-tnmt
        period: 2020-Q2
        submitted_on: 2020-06-10
        results:
          VII.1:
            percent: 95
    """)
    write(project, "2020-Q2", "so-gddt", """
        agency: so-gddt
        period: 2020-Q2
        submitted_on: 2020-06-10
        results:
          XX.9:
            count: 1
    """)
    data = status_json(project, "--as-of", "2020-06-30", capsys=capsys)
    assert data["skipped_files"] == ["submissions/2020-Q2/so-gddt.yaml"]
    assert indicator(data, "VII.1")["percent"] == 95
    assert next(r for r in data["reporting"] if r["agency"] == "so-gddt" and r["period"] == "2020-Q2")["state"] == "missing"
    out = io.StringIO()
    assert status.run(Context(Paths.resolve(project), out=out), as_of=dt.date(2020, 6, 30)) == 0
    assert "submissions/2020-Q2/so-gddt.yaml" in out.getvalue().replace("\n", "")


# --- options --------------------------------------------------------------------------------------

def test_period_means_its_quarters_as_of_its_last_day(capsys):
    """--period 2020-Q2 is as of 2020-06-30 and counts Q1–Q2; --as-of overrides the date only."""
    q2 = status_json(REPO, "--period", "2020-Q2", capsys=capsys)
    assert (q2["as_of"], q2["period"]) == ("2020-06-30", "2020-Q2")
    h1 = status_json(REPO, "--period", "2020-H1", capsys=capsys)
    assert h1["indicators"] == q2["indicators"]
    later = status_json(REPO, "--period", "2020-Q2", "--as-of", "2020-12-31", capsys=capsys)
    year = status_json(REPO, "--as-of", "2020-12-31", capsys=capsys)
    assert later["as_of"] == "2020-12-31"
    assert later["counted_files"] < year["counted_files"]  # Q3 and Q4 files stay out


@pytest.mark.parametrize(("today", "as_of"), [("2021-03-01", "2020-12-31"), ("2020-05-04", "2020-05-04")])
def test_the_default_date_is_today_capped_at_the_plan_year(capsys, monkeypatch, today, as_of):
    monkeypatch.setenv("PAPI_TODAY", today)
    assert status_json(REPO, capsys=capsys)["as_of"] == as_of


def test_an_agency_sees_its_tasks_and_its_own_reports(capsys):
    """so-ldtbxh leads II.1–II.3 and implements others (e.g. IX.2) but not III.3 (the court's)."""
    data = status_json(REPO, "--agency", "so-ldtbxh", "--as-of", "2020-12-31", capsys=capsys)
    codes = {i["code"] for i in data["indicators"]}
    assert {"II.1", "II.2", "II.3", "IX.2"} <= codes and "III.3" not in codes
    assert {r["agency"] for r in data["reporting"]} == {"so-ldtbxh"}
    assert [d["agency"] for d in data["implementation_documents"]] == ["so-ldtbxh"]
    assert sum(data["summary"]["overall"].values()) == len(codes)


def _own_reports(agency: str, code: str) -> list[tuple[str, str, dict]]:
    """From the sample's files themselves: the agency's results for an indicator, oldest first."""
    import yaml

    found = []
    for path in sorted((REPO / "submissions").glob(f"*/{agency}.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if code in data["results"]:
            found.append((data["period"], str(data["submitted_on"]), data["results"][code]))
    return sorted(found, key=lambda f: f[:2])


def test_an_agency_sees_its_own_figures_beside_the_provinces(capsys, monkeypatch):
    """so-y-te leads IV.6 and implements III.1a: each row of --agency shows what so-y-te itself
    reported (its latest report), beside the province's figure, and every report it owes."""
    data = status_json(REPO, "--agency", "so-y-te", "--as-of", "2020-12-31", capsys=capsys)
    own = {o["code"]: o for o in data["agency"]["own"]}
    assert data["agency"]["code"] == "so-y-te" and set(own) == {i["code"] for i in data["indicators"]}
    flow = _own_reports("so-y-te", "III.1a")  # a flow ratio: its quarters summed
    assert own["III.1a"]["reported"] and own["III.1a"]["period"] == flow[-1][0]
    assert own["III.1a"]["numerator"] == sum(r["numerator"] for _, _, r in flow)
    assert own["III.1a"]["denominator"] == sum(r["denominator"] for _, _, r in flow)
    stock = _own_reports("so-y-te", "IV.6")[-1][2]  # a stock ratio: the latest figures
    assert (own["IV.6"]["numerator"], own["IV.6"]["denominator"]) == (stock["numerator"], stock["denominator"])
    province = next(i for i in data["indicators"] if i["code"] == "III.1a")
    assert province["numerator"] > own["III.1a"]["numerator"]  # the province's total is not so-y-te's
    assert [r["state"] for r in data["reporting"]] and {r["agency"] for r in data["reporting"]} == {"so-y-te"}

    monkeypatch.setenv("COLUMNS", "200")
    main(["status", "--root", str(REPO), "--agency", "so-y-te", "--as-of", "2020-12-31"])
    text = capsys.readouterr().out
    assert "↳ so-y-te (quý I–IV)" in text
    assert f"{own['III.1a']['numerator']}/{own['III.1a']['denominator']}" in text
    assert "Báo cáo định kỳ của Sở Y tế (so-y-te)" in text and "đúng hạn" in text  # every state, not only overdue


def test_an_agency_that_owes_no_report_is_told_so(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    main(["status", "--root", str(REPO), "--agency", "ubnd-ea-tling", "--lang", "en"])
    assert "ubnd-ea-tling owes the province no quarterly report" in capsys.readouterr().out


def test_an_as_of_before_the_period_begins_is_refused(capsys):
    assert main(["status", "--root", str(REPO), "--period", "2020-Q3", "--as-of", "2020-06-30"]) == 2
    err = capsys.readouterr().err
    assert "2020-07-01" in err and "2020-09-30" in err and len(err.strip().splitlines()) == 1
    assert main(["report", "--root", str(REPO), "--period", "2020-Q3", "--as-of", "2020-06-30"]) == 2
    capsys.readouterr()
    assert main(["status", "--root", str(REPO), "--period", "2020-Q3", "--as-of", "2020-07-01", "--format", "json"]) == 0
    assert main(["status", "--root", str(REPO), "--period", "2020", "--as-of", "2020-06-30", "--format", "json"]) == 0
    capsys.readouterr()


def test_a_dimension_alone(capsys):
    data = status_json(REPO, "--dimension", "VII", capsys=capsys)
    assert [i["code"] for i in data["indicators"]] == ["VII.1", "VII.2"]
    assert list(data["summary"]["by_dimension"]) == ["VII"]


@pytest.mark.parametrize(("args", "expected"), [
    (("--as-of", "2020-12-31", "--fail-on", "missed"), 1),   # the sample misses some targets
    (("--as-of", "2020-12-31", "--fail-on", "at_risk"), 1),  # a threshold: missed is worse than at risk
    (("--period", "2020-Q3", "--fail-on", "at_risk"), 1),
    (("--period", "2020-Q3", "--fail-on", "missed", "--dimension", "VI"), 0),
    (("--as-of", "2020-12-31"), 0),
])
def test_fail_on(capsys, args, expected):
    assert main(["status", "--format", "json", "--root", str(REPO), *args]) == expected
    capsys.readouterr()


@pytest.mark.parametrize(("args", "message"), [
    (["--period", "2020-Q5"], "YYYY-Q1…Q4"),
    (["--period", "2021-Q1"], "2021-Q1"),
    (["--as-of", "31/12/2020"], "--as-of"),
    (["--agency", "so-khong-co"], "so-khong-co"),
    (["--dimension", "VIII"], "VIII"),
])
def test_bad_option_values_are_usage_errors(capsys, args, message):
    assert main(["status", "--root", str(REPO), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2_without_a_traceback(capsys):
    assert main(["status", "--period", "2020-Q9", "--root", str(REPO)]) == 2
    err = capsys.readouterr().err
    assert "--period" in err and "Traceback" not in err


# --- the table ----------------------------------------------------------------------------------------

CODES = re.compile(r"^ ((?:I|II|III|IV|V|VI|VII|IX)\.\d[ab]?)\s", re.M)


@pytest.mark.parametrize("width", [80, 100, 200])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("when", [{"as_of": dt.date(2020, 12, 31)}, {"period": parse("2020-Q2")}])
def test_the_table_fits_the_terminal_and_codes_never_wrap(monkeypatch, width, lang, when):
    """On the sample data: no line wider than the terminal; every indicator code whole, once, at
    the start of its row."""
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    assert status.run(Context(Paths.resolve(REPO), lang, out=out), **when) == 0
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width
    codes = CODES.findall(text)
    assert len(codes) == 44 and len(set(codes)) == 44


def test_the_table_says_what_it_shows(monkeypatch):
    """Counts and percent ("70/71 xã · 98,6 %"), status in words, the missing units with "+N",
    the summary, the late and missing reports, and implementation documents not on time."""
    monkeypatch.setenv("COLUMNS", "200")
    out = io.StringIO()
    status.run(Context(Paths.resolve(REPO), out=out), as_of=dt.date(2020, 12, 31))
    text = out.getvalue()
    assert "Tình hình thực hiện 46/QĐ-UBND — tính đến 31/12/2020" in text
    assert re.search(r"\d+/71 xã · \d+(,\d)? %", text)
    assert "không đạt" in text and "đạt (chậm)" in text  # V.4 is met late in the sample
    assert re.search(r"Còn thiếu: .+ \+\d+", text)
    assert "Tổng hợp theo lĩnh vực" in text and "Toàn tỉnh" in text
    assert "Báo cáo định kỳ nộp muộn hoặc chưa nộp" in text and "chưa nộp" in text and "nộp muộn" in text
    assert "Văn bản triển khai Kế hoạch chưa đúng hạn (hạn 10/02/2020)" in text
    shown_full = re.findall(r"(\d+)/(\d+)(?: xã| huyện)? · 100 %", text)
    assert shown_full and all(n == d for n, d in shown_full)  # "100 %" only when exactly all


def test_the_table_in_english(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = io.StringIO()
    status.run(Context(Paths.resolve(REPO), "en", out=out), as_of=dt.date(2020, 12, 31))
    text = out.getvalue()
    assert "Progress of 46/QĐ-UBND — as of 2020-12-31" in text
    assert "met (late)" in text and "missed" in text and "communes ·" in text and "Still missing:" in text


def test_markdown(capsys):
    assert main(["status", "--format", "md", "--period", "2020-H1", "--root", str(REPO)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Tình hình thực hiện 46/QĐ-UBND — tính đến 30/06/2020\n")
    assert "| Mã | Nhiệm vụ | Chỉ tiêu | Kết quả | Tiến độ | Trạng thái | Hạn | Chủ trì |" in text
    assert "## Tổng hợp theo lĩnh vực" in text and "| **Toàn tỉnh** |" in text
    assert "6 tháng đầu năm 2020" in text


@pytest.mark.parametrize("command", [["status"], ["tasks"], ["tasks", "--agency", "so-y-te"], ["agencies"]])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_output_to_a_file_fits_80_columns_without_trailing_spaces(tmp_path, command, lang):
    """`papi status > bao-cao.txt` with COLUMNS unset: 80 columns (rich pads every line to the
    width; none of it reaches the file)."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    target = tmp_path / "out.txt"
    with open(target, "w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-m", "papi_cli", *command, "--root", str(REPO), "--lang", lang],
                              stdout=out, env={**env, "PYTHONPATH": str(REPO)}, cwd=tmp_path, check=False)
    assert done.returncode == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert [line for line in lines if line != line.rstrip()] == []
