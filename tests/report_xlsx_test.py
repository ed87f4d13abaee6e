"""`papi report --format xlsx`: the workbook read back with openpyxl (sheets, types, number formats,
frozen headers, filters, widths, properties), its figures against `papi status --format json` and
`papi report --format json`, text that looks like a formula staying text, and LibreOffice opening
it (converted once, to xlsx, and read back: the values, types and formats LibreOffice loaded).

The input is the repository's plan and its sample submissions of Q1 and Q2, as of 2020-07-10,
with one implementation document numbered like a formula (``=1+2``) and one like a command
(``@SUM(1)``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from papi_cli.cli import main
from papi_cli.layout import Paths
from papi_cli.load import load_plan
from papi_cli.report.view import running_name
from papi_cli.words import say
from tests.conftest import REPO
from tests.office import convert

TODAY = "2020-07-10"
INJECTED = {"so-tttt": "=1+2", "so-gddt": "@SUM(1)"}
SHEETS = {"vi": ["Thông tin chung", "Tổng hợp theo lĩnh vực", "Các chỉ tiêu", "Báo cáo định kỳ",
                 "Văn bản triển khai", "Phụ lục"],
          "en": ["About", "Summary by dimension", "Indicators", "Periodic reports", "Implementation documents",
                 "Annex"]}


def _papi(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


class Run:
    """One project, its workbooks in both languages and the JSON they must agree with."""

    def __init__(self, folder: Path) -> None:
        self.root = folder / "project"
        shutil.copytree(REPO / "plan", self.root / "plan")
        for quarter in ("2020-Q1", "2020-Q2"):
            shutil.copytree(REPO / "submissions" / quarter, self.root / "submissions" / quarter)
        for agency, number in INJECTED.items():
            path = self.root / "submissions" / "2020-Q1" / f"{agency}.yaml"
            text = path.read_text(encoding="utf-8")
            text, n = re.subn(r'(implementation_document:\n  number: )"[^"]*"', rf"\g<1>'{number}'", text)
            assert n == 1, path
            path.write_text(text, encoding="utf-8")
        self.out = folder / "out"
        self.books: dict[str, Any] = {}
        self.report: dict[str, Any] = {}
        for lang in ("vi", "en"):
            for fmt in ("xlsx", "json"):
                code, stdout, err = _papi("report", "--period", "2020-Q2", "--format", fmt, "--out",
                                          str(self.out / lang), "--root", str(self.root), "--lang", lang, "--no-cache")
                assert code == 0, err
                assert str(self.out / lang / f"bao-cao-papi-2020-Q2.{fmt}") in stdout
            self.books[lang] = openpyxl.load_workbook(self.path(lang))
            self.report[lang] = json.loads((self.out / lang / "bao-cao-papi-2020-Q2.json").read_text("utf-8"))
        code, stdout, err = _papi("status", "--period", "2020-Q2", "--format", "json", "--root", str(self.root),
                                  "--no-cache")
        assert code == 0, err
        self.status = json.loads(stdout)
        self.plan = load_plan(Paths.resolve(self.root), cache=False).value

    def path(self, lang: str) -> Path:
        return self.out / lang / "bao-cao-papi-2020-Q2.xlsx"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PAPI_TODAY", TODAY)
        return Run(tmp_path_factory.mktemp("xlsx"))


@pytest.fixture(scope="module")
def office(run: Run, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Vietnamese workbook as LibreOffice loaded it: opened, saved again as xlsx, read back."""
    saved = convert(run.path("vi"), "xlsx", tmp_path_factory.mktemp("office"))
    return openpyxl.load_workbook(saved)


def rows(sheet: Any) -> list[dict[str, Any]]:
    """The table of a sheet as dicts by header, each value with its cell."""
    cells = list(sheet.iter_rows())
    headers = [c.value for c in cells[0]]
    return [dict(zip(headers, row, strict=True)) for row in cells[1:]]


def day(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def test_sheets_are_named_in_the_report_language_and_fit_excel(run: Run) -> None:
    for lang, names in SHEETS.items():
        assert run.books[lang].sheetnames == names
        assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)


def test_every_indicator_has_one_row_with_the_status_figures(run: Run) -> None:
    for lang, book in run.books.items():
        table = rows(book[SHEETS[lang][2]])
        assert [r[say("code", lang)].value for r in table] == [i["code"] for i in run.status["indicators"]]
        lines = {line["code"]: line for section in run.report[lang]["annex"] for row in section["rows"]
                 for line in row["indicators"]}
        for row, expected in zip(table, run.status["indicators"], strict=True):
            def cell(key: str, row: dict[str, Any] = row, lang: str = lang) -> Any:
                return row[say(key, lang)]
            assert cell("task").value and cell("report.indicator").value == lines[expected["code"]]["name"]
            for key, field in (("xlsx.col.numerator", "numerator"), ("xlsx.col.denominator", "denominator"),
                               ("xlsx.col.count", "count")):
                assert cell(key).value == expected.get(field), (expected["code"], key)
                if cell(key).value is not None:
                    assert cell(key).data_type == "n" and cell(key).number_format == "#,##0"
            percent = cell("xlsx.col.percent")
            assert percent.value == expected.get("percent") == lines[expected["code"]]["percent"]
            if percent.value is not None:
                assert isinstance(percent.value, float | int) and percent.number_format == "0.00"
            due = cell("due")
            assert due.value == day(expected["due"]) and due.is_date and due.number_format == "DD/MM/YYYY"
            assert cell("status").value == say(f"status.{expected['status']}", lang)
            late = cell("xlsx.col.late").value
            assert late == (say("yes" if expected["late"] else "no", lang) if expected["status"] == "met" else None)
            assert cell("target").value == lines[expected["code"]]["target_text"]
            assert cell("value").value == lines[expected["code"]]["value_text"]
            missing = cell("xlsx.col.missing_units").value
            if expected.get("missing_units") and expected.get("numerator") is not None:
                assert missing == ", ".join(running_name(run.plan.units[slug].name, run.plan.units[slug].kind)
                                            for slug in expected["missing_units"])
            else:
                assert missing is None
    assert any(i["status"] == "met" for i in run.status["indicators"])  # the late column is exercised


def test_names_of_units_and_committees_are_written_as_in_the_report(run: Run) -> None:
    """A unit's type word in lower case inside a name or a list (UBND huyện Krông Nô, xã Đắk Nia),
    as the report and the letters write them."""
    for lang, book in run.books.items():
        indicators, reporting, documents = (book[SHEETS[lang][n]] for n in (2, 3, 4))
        missing = " ".join(str(r[say("xlsx.col.missing_units", lang)].value) for r in rows(indicators))
        assert "xã Đắk Nia" in missing and "thị trấn Đắk Mil" in missing and "phường Nghĩa Đức" in missing
        assert not re.search(r"(^|, )(Xã|Phường|Thị trấn) ", missing)
        for sheet in (reporting, documents):
            names = {r[say("agency", lang)].value for r in rows(sheet)}
            assert "UBND huyện Krông Nô" in names and "UBND thành phố Gia Nghĩa" in names, names
            assert not any(re.search(r"UBND (Huyện|Thành phố|Xã|Phường|Thị trấn) ", name) for name in names)


def test_summary_counts_each_dimension_and_the_province(run: Run) -> None:
    for lang, book in run.books.items():
        table = rows(book[SHEETS[lang][1]])
        dimensions = run.report[lang]["dimensions"]
        assert [r[say("dimension", lang)].value for r in table[:-1]] == [d["code"] for d in dimensions]
        assert table[-1][say("agencies.name", lang)].value == say("overall", lang)
        expected = [run.status["summary"]["by_dimension"][d["code"]] for d in dimensions]
        expected.append(run.status["summary"]["overall"])
        shares = [d["summary"]["met_share"] for d in dimensions] + [run.report[lang]["overall"]["met_share"]]
        for row, counts, share in zip(table, expected, shares, strict=True):
            for status, count in counts.items():
                cell = row[say(f"status.{status}", lang)]
                assert cell.value == count and cell.data_type == "n" and cell.number_format == "#,##0"
            assert row[say("total", lang)].value == sum(counts.values())
            assert row[say("xlsx.col.met_share", lang)].value == share
            assert row[say("xlsx.col.met_share", lang)].number_format == "0.00"


def test_every_owed_report_is_listed_whatever_its_state(run: Run) -> None:
    """The reports of Q1 and Q2, as the report's body counts them: not Q3 and Q4, which `papi
    status` lists as not yet due."""
    for lang, book in run.books.items():
        table = rows(book[SHEETS[lang][3]])
        expected = [e for e in run.status["reporting"] if e["period"] in ("2020-Q1", "2020-Q2")]
        assert len(table) == len(expected)
        counts = run.report[lang]["reporting"]["counts"]
        assert len(table) == sum(counts.values()) and counts["pending"] == 0
        for row, entry in zip(table, expected, strict=True):
            assert row[say("code", lang)].value == entry["agency"]
            assert row[say("deadline", lang)].value == day(entry["deadline"])
            assert row[say("submitted_on", lang)].value == day(entry["submitted_on"])
            for key in ("deadline", "submitted_on"):
                if row[say(key, lang)].value is not None:
                    assert row[say(key, lang)].number_format == "DD/MM/YYYY"
            assert row[say("state", lang)].value == say(f"state.{entry['state']}", lang)
        labels = {"vi": {"Quý I/2020", "Quý II/2020"}, "en": {"Q1 2020", "Q2 2020"}}[lang]
        assert {r[say("period", lang)].value for r in table} == labels
    states = {e["state"] for e in expected}
    assert states == {"on_time", "late", "missing"}  # not only the late and missing ones
    assert {e["period"] for e in run.status["reporting"]} == {f"2020-Q{n}" for n in range(1, 5)}


def test_implementation_documents_and_text_that_looks_like_a_formula(run: Run) -> None:
    for lang, book in run.books.items():
        table = rows(book[SHEETS[lang][4]])
        expected = run.status["implementation_documents"]
        assert [r[say("code", lang)].value for r in table] == [d["agency"] for d in expected]
        for row, entry in zip(table, expected, strict=True):
            number = row[say("number", lang)]
            assert number.value == entry["number"]
            if entry["agency"] in INJECTED:
                assert number.value == INJECTED[entry["agency"]]
                assert number.data_type == "s" and number.quotePrefix
            assert row[say("date", lang)].value == day(entry["date"])
            on_time = row[say("xlsx.col.on_time", lang)].value
            assert on_time == (None if entry["on_time"] is None else say("yes" if entry["on_time"] else "no", lang))
    with zipfile.ZipFile(run.path("vi")) as archive:
        sheets = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in sheets and "<f " not in sheets  # no formula anywhere in the file


def test_annex_holds_every_task_with_its_results(run: Run) -> None:
    for lang, book in run.books.items():
        table = rows(book[SHEETS[lang][5]])
        tasks = [row for section in run.report[lang]["annex"] for row in section["rows"]]
        assert len(table) == len(tasks) == 41
        for row, task in zip(table, tasks, strict=True):
            assert row[say("code", lang)].value == task["code"]
            stt = row[say("report.col.stt", lang)]
            assert stt.value == task["stt"] and stt.data_type == "n"
            assert row[say("report.col.task", lang)].value.startswith(task["title"])
            result = row[say("report.col.result", lang)].value
            for line in task["indicators"]:
                assert line["status_label"] in result and line["value_text"] in result


def test_tables_have_frozen_headers_filters_and_fitted_widths(run: Run) -> None:
    for lang, book in run.books.items():
        for name in SHEETS[lang][1:]:
            sheet = book[name]
            assert sheet.freeze_panes == "B2"
            assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
            for cell in sheet[1]:
                assert cell.font.b
                width = sheet.column_dimensions[cell.column_letter].width
                texts = [c.value for c in sheet[cell.column_letter] if isinstance(c.value, str)]
                longest = max(len(line) for text in texts for line in text.splitlines())
                assert min(longest, 58) < width <= 60, (name, cell.value)  # longer texts wrap
        about = book[SHEETS[lang][0]]
        facts = {about.cell(i, 1).value: about.cell(i, 2) for i in range(1, about.max_row + 1)}
        assert facts[say("xlsx.as_of", lang)].value == day(run.report[lang]["as_of"])
        assert facts[say("xlsx.files_counted", lang)].value == run.status["counted_files"]
        # the long lines wrap inside columns A and B: none runs on and widens the printed page
        merged = {str(r) for r in about.merged_cells.ranges}
        for i in range(1, about.max_row + 1):
            text = about.cell(i, 1).value
            if isinstance(text, str) and len(text) > about.column_dimensions["A"].width:
                assert f"A{i}:B{i}" in merged and about.cell(i, 1).alignment.wrap_text, text


def test_the_data_version_is_in_the_properties(run: Run) -> None:
    for lang, book in run.books.items():
        props = book.properties
        assert props.version == run.report[lang]["data_version"]
        assert run.report[lang]["data_version"] in props.description
        assert props.language == ("vi-VN" if lang == "vi" else "en")
        assert props.title == run.report[lang]["summary_line"]


def test_text_is_kept_as_text() -> None:
    from papi_cli.render.report_xlsx import MAX_CELL, TEXT, _Writer, safe_text

    assert safe_text("a\x00b\x1fc\ufffe") == "a\ufffdb\ufffdc\ufffd"
    assert len(safe_text("x" * (MAX_CELL + 10))) == MAX_CELL
    sheet = openpyxl.Workbook().active
    writer = _Writer("vi")
    for i, text in enumerate(("=HYPERLINK(\"http://x\")", "+1", "-2", "@A1", "\t=1", "0123", "12/03/2020"), 1):
        writer.put(sheet.cell(i, 1), text, TEXT)
        cell = sheet.cell(i, 1)
        assert cell.value == text and cell.data_type == "s"
        assert cell.quotePrefix == text.startswith(("=", "+", "-", "@", "\t"))


def test_libreoffice_opens_it_with_the_same_values_types_and_formats(run: Run, office: Any) -> None:
    ours = run.books["vi"]
    assert office.sheetnames == ours.sheetnames
    for name in ours.sheetnames:
        mine, theirs = ours[name], office[name]
        for row in mine.iter_rows():
            for cell in row:
                seen = theirs[cell.coordinate]
                assert seen.value == cell.value, (name, cell.coordinate)
                if cell.value is None:
                    continue
                assert seen.data_type == cell.data_type, (name, cell.coordinate, seen.data_type)
                if cell.is_date:
                    assert seen.is_date and seen.number_format.upper() == "DD/MM/YYYY"
                elif cell.data_type == "n":
                    assert seen.number_format == cell.number_format, (name, cell.coordinate)
        # (frozen panes are a view setting: headless LibreOffice has no view and saves none, so they
        # are checked in papi's own file only)
        if name != ours.sheetnames[0]:
            assert theirs.auto_filter.ref == mine.auto_filter.ref
    documents = rows(office[SHEETS["vi"][4]])
    numbers = {r["Mã"].value: r["Số văn bản"] for r in documents}
    for agency, text in INJECTED.items():
        assert numbers[agency].value == text and numbers[agency].data_type == "s"
