"""Many years in one repository (issue 12): each year's files are checked against that year's plan
and units; a year's status and report read only that year; a quarter folder of a year without a
plan is one located error; the year a command means comes from --year, --period, --as-of or today.

The 2021 plan here is the 2020 plan moved a year on (decision 12/QĐ-UBND of 08/01/2021), with a
units file of 2021 in which Xã Đắk Nia has merged into Phường Nghĩa Trung."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from papi_cli.cli import main
from tests.conftest import REPO

SO_Y_TE_2021 = ("agency: so-y-te\nperiod: 2021-Q{q}\nsubmitted_on: 2021-{month:02d}-10\nresults:\n"
                "  IV.6:\n    numerator: {n}\n    denominator: 200\n")
GIA_NGHIA_2021 = ("agency: ubnd-gia-nghia\nperiod: 2021-Q1\nsubmitted_on: 2021-03-10\nresults:\n"
                  "  II.4:\n    units: [nghia-duc, nghia-trung]\n")


def make_2021(root: Path) -> None:
    """plan/2021.yaml and plan/units-2021.yaml beside the bundled 2020 plan."""
    text = (REPO / "plan" / "2020.yaml").read_text(encoding="utf-8")
    head, tasks = text.split("\ntasks:\n", 1)
    head = (head.replace("number: 46/QĐ-UBND", "number: 12/QĐ-UBND").replace("date: 2020-01-10", "date: 2021-01-08")
            .replace("năm 2020", "năm 2021").replace("year: 2020", "year: 2021")
            .replace("units: units-2020.yaml", "units: units-2021.yaml").replace("due: 2020-02-09", "due: 2021-02-07"))
    holidays = head[head.index("  holidays:\n"):head.index("  # Default CODEOWNERS")]
    head = head.replace(holidays, "  holidays:\n    - 2021-01-01\n    - 2021-02-10\n    - 2021-02-11\n"
                                  "    - 2021-02-12\n    - 2021-02-15\n    - 2021-02-16\n    - 2021-04-21\n"
                                  "    - 2021-04-30\n    - 2021-05-03\n    - 2021-09-02\n    - 2021-09-03\n")
    (root / "plan" / "2021.yaml").write_text(head + "\ntasks:\n" + tasks.replace("2020-", "2021-"), encoding="utf-8")
    units = (REPO / "plan" / "units-2020.yaml").read_text(encoding="utf-8")
    merged = "  - code: '24628'\n    name: Xã Đắk Nia\n    kind: xa\n    slug: dak-nia\n"
    assert merged in units
    units = units.replace(merged, "").replace(
        "    name: Phường Nghĩa Trung\n", "    name: Phường Nghĩa Trung\n    note: Xã Đắk Nia merged into it (test data).\n")
    (root / "plan" / "units-2021.yaml").write_text(units, encoding="utf-8")


@pytest.fixture
def years(tmp_path, monkeypatch) -> Path:
    """The bundled repository (2020 plan and its 108 submissions) with a 2021 plan and five 2021 files."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "plan", root / "plan")
    shutil.copytree(REPO / "submissions", root / "submissions")
    make_2021(root)
    for q, month, n in ((1, 3, 80), (2, 6, 120), (3, 9, 150), (4, 12, 190)):
        folder = root / "submissions" / f"2021-Q{q}"
        folder.mkdir()
        (folder / "so-y-te.yaml").write_text(SO_Y_TE_2021.format(q=q, month=month, n=n), encoding="utf-8")
    (root / "submissions" / "2021-Q1" / "ubnd-gia-nghia.yaml").write_text(GIA_NGHIA_2021, encoding="utf-8")
    monkeypatch.setenv("PAPI_TODAY", "2021-12-31")
    return root


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def status_json(capsys, root: Path, *args) -> dict:
    code, out, err = run(capsys, "status", "--root", root, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_two_years_validate_clean(years, capsys):
    code, out, _ = run(capsys, "validate", "--root", years, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"], data["problems"]
    assert data["checked"]["plan"] == 4 and data["checked"]["submissions"] == 108 + 5


def test_each_year_is_checked_against_its_own_units(years, capsys):
    """Đắk Nia is a commune of 2020 and no unit of 2021: the same line is valid in 2020 only."""
    (years / "submissions" / "2021-Q1" / "ubnd-gia-nghia.yaml").write_text(
        GIA_NGHIA_2021.replace("nghia-trung", "dak-nia"), encoding="utf-8")
    (years / "submissions" / "2020-Q4" / "ubnd-gia-nghia.yaml").write_text(
        GIA_NGHIA_2021.replace("2021-Q1", "2020-Q4").replace("2021-03-10", "2020-12-10").replace("nghia-trung", "dak-nia"),
        encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--root", years, "--format", "json")
    problems = [(p["file"], p["code"]) for p in json.loads(out)["problems"] if p["severity"] == "error"]
    assert code == 1 and problems == [("submissions/2021-Q1/ubnd-gia-nghia.yaml", "unknown-unit")]


def test_the_2020_status_is_what_it_was_before_2021_came(years, capsys, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    alone = status_json(capsys, REPO)
    monkeypatch.setenv("PAPI_TODAY", "2021-12-31")
    assert status_json(capsys, years, "--year", "2020") == alone
    assert alone["year"] == 2020
    monkeypatch.setenv("COLUMNS", "120")
    tables = [run(capsys, "status", "--root", root, *extra)[1] for root, extra in
              ((REPO, ["--as-of", "2020-12-31"]), (years, ["--year", "2020", "--as-of", "2020-12-31"]))]
    assert tables[0] == tables[1]


def test_the_2021_status_evaluates_2021_alone(years, capsys):
    data = status_json(capsys, years, "--year", "2021")
    assert data["year"] == 2021 and data["plan"] == "12/QĐ-UBND" and data["counted_files"] == 5
    iv6 = next(i for i in data["indicators"] if i["code"] == "IV.6")
    assert (iv6["numerator"], iv6["denominator"]) == (190, 200)  # a stock: the latest of 2021, nothing of 2020
    assert {r["period"][:4] for r in data["reporting"]} == {"2021"}


@pytest.mark.parametrize(("today", "args", "year"), [
    ("2021-06-01", [], 2021),                            # this year has a plan
    ("2026-12-01", [], 2021),                            # else the latest plan's year
    ("2021-06-01", ["--period", "2020-Q3"], 2020),       # --period implies its year
    ("2021-06-01", ["--as-of", "2020-11-30"], 2020),     # so does --as-of
    ("2020-06-01", [], 2020),
])
def test_the_year_a_command_means(years, capsys, monkeypatch, today, args, year):
    monkeypatch.setenv("PAPI_TODAY", today)
    assert status_json(capsys, years, *args)["year"] == year


def test_a_year_asked_for_without_a_plan_is_a_usage_error(years, capsys):
    for args in (["--year", "2019"], ["--period", "2022-Q1"], ["--year", "2020", "--period", "2021-Q1"]):
        code, _, err = run(capsys, "status", "--root", years, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "plan/2022.yaml" in run(capsys, "status", "--root", years, "--period", "2022-Q1")[2]


def test_a_quarter_folder_without_a_plan_is_one_located_error(years, capsys):
    folder = years / "submissions" / "2022-Q1"
    folder.mkdir()
    for agency in ("so-y-te", "so-tnmt"):
        (folder / f"{agency}.yaml").write_text(f"agency: {agency}\nperiod: 2022-Q1\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--root", years, "--format", "json")
    errors = [p for p in json.loads(out)["problems"] if p["severity"] == "error"]
    assert code == 1 and [(p["file"], p["code"]) for p in errors] == [("submissions/2022-Q1", "plan-year-missing")]
    assert "plan/2022.yaml" in errors[0]["message"] and "2" in errors[0]["message"]


def test_a_year_reads_nothing_of_the_other_years(years, capsys, monkeypatch):
    """status of one year reads that year's plan, units and folders only: its cost does not grow
    with the years the repository holds."""
    from papi_cli import files

    read: list[str] = []
    original = files.read_bytes

    def recording(path, label, *args, **kwargs):
        read.append(Path(path).as_posix())
        return original(path, label, *args, **kwargs)

    monkeypatch.setattr(files, "read_bytes", recording)
    status_json(capsys, years, "--year", "2021", "--no-cache")
    assert read and not any("2020" in name for name in read), [n for n in read if "2020" in n][:3]


def test_report_of_a_2021_period(years, capsys, tmp_path):
    code, _, err = run(capsys, "report", "--root", years, "--period", "2021-Q2", "--format", "md",
                         "--out", tmp_path / "out")
    assert code == 0, err
    text = (tmp_path / "out" / "bao-cao-papi-2021-Q2.md").read_text(encoding="utf-8")
    assert "12/QĐ-UBND" in text and "46/QĐ-UBND" not in text


def test_the_other_commands_take_the_year(years, capsys):
    assert json.loads(run(capsys, "tasks", "--root", years, "--year", "2020", "--format", "json")[1])["plan"] \
        == "46/QĐ-UBND"
    assert json.loads(run(capsys, "agencies", "--root", years, "--year", "2021", "--format", "json")[1])["year"] \
        == 2021
    agencies_2021 = json.loads(run(capsys, "agencies", "--root", years, "--format", "json")[1])["agencies"]
    assert "ubnd-dak-nia" not in {a["code"] for a in agencies_2021}  # merged away in 2021
    code, _, err = run(capsys, "new", "--root", years, "--agency", "ubnd-dak-nia", "--period", "2021-Q2")
    assert code == 2 and "ubnd-dak-nia" in err  # no such committee in 2021
    code, _, err = run(capsys, "new", "--root", years, "--agency", "so-y-te", "--period", "2022-Q1")
    assert code == 2 and "plan/2022.yaml" in err
    code, _, _ = run(capsys, "new", "--root", years, "--agency", "ubnd-nghia-trung", "--period", "2021-Q2")
    assert code == 0 and "12/QĐ-UBND" in (years / "submissions/2021-Q2/ubnd-nghia-trung.yaml").read_text("utf-8")


def test_one_schema_for_every_year(years, capsys):
    """Without --year, papi schema checks each file by its year's plan (the 2021 units have no Đắk Nia)."""
    import yaml

    schema = json.loads(run(capsys, "schema", "--root", years)[1])
    jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(schema)
    ok_2021 = yaml.safe_load(GIA_NGHIA_2021.replace("2021-03-10", "'2021-03-10'"))
    assert list(check.iter_errors(ok_2021)) == []
    assert list(check.iter_errors({**ok_2021, "results": {"II.4": {"units": ["dak-nia"]}}})) != []
    old = {**ok_2021, "period": "2020-Q1", "submitted_on": "2020-03-10", "results": {"II.4": {"units": ["dak-nia"]}}}
    assert list(check.iter_errors(old)) == []
    assert list(check.iter_errors({**ok_2021, "period": "2019-Q1"})) != []
    single = json.loads(run(capsys, "schema", "--root", years, "--year", "2021")[1])
    assert "allOf" not in single and single["properties"]["period"]["pattern"] == "^2021-Q[1-4]$"


def test_codeowners_by_year_where_owners_differ(years, capsys):
    code, out, _ = run(capsys, "codeowners", "--root", years)
    assert code == 0 and "/submissions/*/so-y-te.yaml @dak-nong-papi/so-y-te" in out.splitlines()
    assert "/submissions/2020-*/ubnd-dak-nia.yaml @dak-nong-papi/ubnd-dak-nia" in out.splitlines()
    plan = years / "plan" / "2021.yaml"
    old = "  - code: so-y-te\n    name: Sở Y tế\n"
    plan.write_text(plan.read_text(encoding="utf-8").replace(old, old + "    owners: ['@syt']\n"), encoding="utf-8")
    lines = run(capsys, "codeowners", "--root", years)[1].splitlines()
    assert "/submissions/2020-*/so-y-te.yaml @dak-nong-papi/so-y-te" in lines
    assert "/submissions/2021-*/so-y-te.yaml @syt" in lines
    assert not any(line.startswith("/submissions/*/so-y-te.") for line in lines)


def test_validate_of_given_files_uses_their_years_plans(years, capsys):
    code, out, _ = run(capsys, "validate", "--root", years, years / "submissions/2020-Q2/so-y-te.yaml",
                       years / "submissions/2021-Q2/so-y-te.yaml", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["checked"]["submissions"] == 2 and data["checked"]["plan"] == 4


def test_a_plan_given_with_plan_checks_only_its_years_files(years, capsys):
    code, out, _ = run(capsys, "validate", "--root", years, "--plan", years / "plan" / "2021.yaml", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["checked"]["submissions"] == 5


def test_the_plan_alone_is_checked_where_it_is(years, capsys, tmp_path):
    draft = tmp_path / "du-thao"
    shutil.copytree(years / "plan", draft)
    (draft / "2021.yaml").write_text((draft / "2021.yaml").read_text(encoding="utf-8")
                                     .replace("deadline_day: 20", "deadline_day: 31"), encoding="utf-8")
    code, out, _ = run(capsys, "plan", "check", draft / "2021.yaml", "--format", "json")
    data = json.loads(out)
    assert code == 1 and [p["code"] for p in data["problems"]] == ["wrong-type"]
    assert data["problems"][0]["line"] is not None and data["checked"]["plan"] == 2
    assert run(capsys, "validate", "--root", years, years / "plan" / "2021.yaml")[0] == 0


def test_a_decision_of_late_december_opens_the_windows_before_the_year(years, capsys):
    plan = years / "plan" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("date: 2021-01-08", "date: 2020-12-28"), encoding="utf-8")
    code, text, _ = run(capsys, "validate", "--root", years, plan)
    assert code == 0, text


def test_a_plan_file_named_for_another_year_says_so(years, capsys):
    plan = years / "plan" / "2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2021", "year: 2020"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--root", years, "--format", "json")
    problems = json.loads(out)["problems"]
    assert code == 1 and ("plan/2021.yaml", "plan-year-mismatch") in [(p["file"], p["code"]) for p in problems]
    # (its dates, all of 2021, are then outside its year too: each says so)
