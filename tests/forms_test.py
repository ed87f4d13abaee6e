"""Excel forms (issue 14): made by ``papi new --format xlsx``, filled the way a clerk fills them,
opened and saved again by LibreOffice Calc, imported by ``papi import`` into YAML that
``papi validate`` accepts with the values typed; problems named by sheet and cell.

LibreOffice converts each filled form once (module-scoped fixtures); the other cases change
the re-saved files with openpyxl."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from openpyxl import load_workbook

from papi_cli.cli import main
from tests.office import convert

REPO = Path(__file__).resolve().parent.parent
TODAY = "2020-07-01"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    shutil.copytree(REPO / "plan", folder / "plan")
    (folder / "submissions").mkdir()
    return folder


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPI_TODAY", TODAY)


def papi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


class Sheet:
    """A sheet of a form as a test clerk sees it: rows by indicator code (column B) or by key."""

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self.keys = {c.value: c.row for c in sheet["A"] if isinstance(c.value, str)}
        self.columns = {c.value: c.column for c in sheet[self.keys["columns"]] if isinstance(c.value, str)}
        self.codes = {c.value: c.row for c in sheet["B"] if isinstance(c.value, str)}

    def cell(self, code: str, field: str):
        return self.sheet.cell(self.codes[code], self.columns[field])

    def header(self, key: str):
        return self.sheet.cell(self.keys[key], self.columns["target"])


def results_sheet(book) -> Sheet:
    return Sheet(next(s for s in book.worksheets if s["A1"].value == "papi-form:results"))


def units_sheet(book):
    return next(s for s in book.worksheets if s["A1"].value == "papi-form:units")


def mark(book, code: str, slug: str, value="x") -> None:
    sheet = units_sheet(book)
    column = next(c.column for c in sheet[2] if c.value == code)
    row = next(c.row for c in sheet["A"] if c.value == slug)
    sheet.cell(row, column, value)


def make_form(capsys, root: Path, agency: str, out: Path) -> Path:
    code, text, err = papi(capsys, "new", "--agency", agency, "--period", "2020-Q2", "--format", "xlsx",
                           "--out", str(out), "--root", str(root))
    assert code == 0, err
    path = out / f"{agency}-2020-Q2.xlsx"
    assert path.is_file() and str(path) in text
    return path


# --- the forms, filled and re-saved by LibreOffice once each ----------------------------------
@pytest.fixture(scope="module")
def department(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sở Y tế's form filled as a clerk types it: a date cell, numbers as text and as floats, a
    status picked from the list, two documents in one cell, a document date typed as text."""
    out = tmp_path_factory.mktemp("department")
    path = _made(root, "so-y-te", out)
    book = load_workbook(path)
    sheet = results_sheet(book)
    sheet.header("submitted_on").value = dt.date(2020, 6, 18)
    sheet.header("implementation_document.number").value = "45/KH-SYT"
    sheet.header("implementation_document.date").value = "05/02/2020"
    sheet.cell("IV.6", "numerator").value = 120
    sheet.cell("IV.6", "denominator").value = "130"
    sheet.cell("IV.6", "status").value = "đang thực hiện"
    sheet.cell("VI.2", "status").value = "đã hoàn thành"
    sheet.cell("VI.2", "evidence").value = "Kế hoạch số 12/KH-SYT ngày 05/3/2020\nBáo cáo số 3/BC-SYT"
    sheet.cell("III.1a", "numerator").value = 14.0
    sheet.cell("III.1a", "denominator").value = 15
    sheet.cell("IX.2", "note").value = "Số liệu đến hết tháng 6"
    sheet.cell("IX.2", "numerator").value = 0
    sheet.cell("IX.2", "denominator").value = 0
    book.save(path)
    return convert(path, "xlsx", out / "saved")


@pytest.fixture(scope="module")
def district(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """UBND huyện Cư Jút's form: communes marked on the units sheet, a percent cell formatted as
    percent (0.965 shown 96,5 %), a date as a serial number in a text cell."""
    out = tmp_path_factory.mktemp("district")
    path = _made(root, "ubnd-cu-jut", out)
    book = load_workbook(path)
    sheet = results_sheet(book)
    sheet.header("submitted_on").value = (dt.date(2020, 6, 17) - dt.date(1899, 12, 30)).days  # a serial
    sheet.cell("III.4", "percent").value = 0.965
    sheet.cell("III.4", "percent").number_format = "0.0%"
    sheet.cell("VII.1", "percent").value = "88,5"
    sheet.cell("V.6a", "numerator").value = 40
    sheet.cell("V.6a", "denominator").value = 41
    sheet.cell("V.3", "status").value = "in_progress"
    for slug in ("ea-tling", "dak-wil", "truc-son"):
        mark(book, "I.1", slug)
    mark(book, "II.4", "nam-dong", "X")
    book.save(path)
    return convert(path, "xlsx", out / "saved")


def _made(root: Path, agency: str, out: Path) -> Path:
    code = main(["new", "--agency", agency, "--period", "2020-Q2", "--format", "xlsx", "--out", str(out),
                 "--root", str(root)])
    assert code == 0
    return out / f"{agency}-2020-Q2.xlsx"


@pytest.fixture(scope="module")
def imported(root: Path, department: Path, district: Path) -> dict[str, dict]:
    """Both re-saved forms imported for real, once."""
    code = main(["import", str(department), str(district), "--root", str(root)])
    assert code == 0
    return {agency: yaml.safe_load((root / "submissions" / "2020-Q2" / f"{agency}.yaml").read_text("utf-8"))
            for agency in ("so-y-te", "ubnd-cu-jut")}


# --- what papi new writes ---------------------------------------------------------------------------
def test_new_xlsx_writes_a_protected_form_with_only_the_kinds_cells_open(capsys, root, tmp_path, plan):
    path = make_form(capsys, root, "so-y-te", tmp_path)
    book = load_workbook(path)
    titles = [s.title for s in book.worksheets]
    assert titles == ["Hướng dẫn", "Chỉ tiêu"]  # no coverage indicator: no units sheet
    sheet = results_sheet(book)
    assert all(s.protection.sheet and not s.protection.password for s in book.worksheets)
    from papi_cli.authority import reportable

    rows = reportable(plan, "so-y-te")
    assert [code for code in sheet.codes if code in {i.code for _, i, _ in rows}] == [i.code for _, i, _ in rows]
    leads = [i.code for _, i, lead in rows if lead]
    assert max(sheet.codes[c] for c in leads) < min(sheet.codes[i.code] for _, i, lead in rows if not lead)

    def unlocked(code, field):
        return not sheet.cell(code, field).protection.locked

    assert unlocked("IV.6", "numerator") and unlocked("IV.6", "denominator") and unlocked("IV.6", "status")
    assert not unlocked("IV.6", "percent") and not unlocked("IV.6", "count") and not unlocked("IV.6", "units")
    assert not unlocked("VI.2", "numerator") and unlocked("VI.2", "evidence") and unlocked("VI.2", "note")
    assert not unlocked("IV.6", "indicator") and not unlocked("IV.6", "code") and not unlocked("IV.6", "target")
    assert not sheet.header("submitted_on").protection.locked
    shown = {sheet.sheet.cell(row, 3).value: sheet.sheet.cell(row, 4).value for row in range(2, 7)}
    assert shown["Cơ quan báo cáo"] == "Sở Y tế (so-y-te)" and shown["Kỳ báo cáo"] == "Quý II/2020 (2020-Q2)"
    assert "Nâng cao chất lượng phục vụ ngành y tế" in sheet.cell("IV.6", "indicator").value
    assert sheet.cell("IV.6", "due").value == "thường xuyên (31/12/2020)"
    rules = {str(dv.sqref): dv for dv in sheet.sheet.data_validations.dataValidation}
    assert {"whole", "list", "date"} <= {dv.type for dv in rules.values()}
    status_rule = next(dv for dv in rules.values() if dv.type == "list")
    assert status_rule.formula1 == '"chưa bắt đầu,đang thực hiện,đã hoàn thành"'
    assert sheet.cell("IV.6", "status").coordinate in str(status_rule.sqref)
    whole = next(dv for dv in rules.values() if dv.type == "whole")
    assert whole.operator == "greaterThanOrEqual" and whole.formula1 == "0"
    assert sheet.cell("IV.6", "numerator").coordinate in str(whole.sqref)
    props = {p.name: p.value for p in book.custom_doc_props}
    assert props["papi-plan"] == plan.digest and props["papi-agency"] == "so-y-te"
    assert props["papi-period"] == "2020-Q2" and props["papi-version"]
    # never over an existing file
    code, _, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q2", "--format", "xlsx", "--out",
                        str(tmp_path), "--root", str(root))
    assert code == 1 and "đã có" in err


def test_new_xlsx_in_english_and_into_the_current_folder(capsys, root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = papi(capsys, "new", "--agency", "ubnd-cu-jut", "--period", "2020-Q2", "--format", "xlsx",
                        "--root", str(root), "--lang", "en")
    assert code == 0 and "ubnd-cu-jut-2020-Q2.xlsx" in out
    book = load_workbook(tmp_path / "ubnd-cu-jut-2020-Q2.xlsx")
    assert [s.title for s in book.worksheets] == ["Instructions", "Indicators", "Units"]
    assert "Fill in only the yellow cells" in " ".join(str(c.value) for c in book["Instructions"]["B"])
    units = units_sheet(book)
    assert [c.value for c in units["A"] if c.row > 3] == ["ea-tling", "dak-wil", "ea-po", "nam-dong", "dak-drong",
                                                          "tam-thang", "cu-knia", "truc-son"]


def test_new_refuses_out_with_yaml_and_out_among_the_data(capsys, root):
    code, _, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q2", "--out", str(root),
                        "--root", str(root))
    assert code == 2 and "--format xlsx" in err
    code, _, err = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q2", "--format", "xlsx",
                        "--out", str(root / "submissions"), "--root", str(root))
    assert code == 2


# --- the round trip through LibreOffice ------------------------------------------------------------
def test_libreoffice_saved_forms_import_into_valid_yaml_with_the_values_typed(capsys, root, imported):
    code, out, _ = papi(capsys, "validate", "--root", str(root))
    assert code == 0, out
    department = imported["so-y-te"]
    assert department["submitted_on"] == dt.date(2020, 6, 18)
    assert department["implementation_document"] == {"number": "45/KH-SYT", "date": dt.date(2020, 2, 5)}
    results = department["results"]
    assert results["IV.6"] == {"numerator": 120, "denominator": 130, "status": "in_progress"}
    assert results["VI.2"] == {"status": "done",
                               "evidence": ["Kế hoạch số 12/KH-SYT ngày 05/3/2020", "Báo cáo số 3/BC-SYT"]}
    assert results["III.1a"] == {"numerator": 14, "denominator": 15}
    assert results["IX.2"] == {"numerator": 0, "denominator": 0, "note": "Số liệu đến hết tháng 6"}
    assert set(results) == {"IV.6", "VI.2", "III.1a", "IX.2"}  # the empty rows are not reported
    district = imported["ubnd-cu-jut"]
    assert district["submitted_on"] == dt.date(2020, 6, 17)
    assert district["results"]["III.4"] == {"percent": 96.5}
    assert district["results"]["VII.1"] == {"percent": 88.5}
    assert district["results"]["I.1"] == {"units": ["ea-tling", "dak-wil", "truc-son"]}
    assert district["results"]["II.4"] == {"units": ["nam-dong"]}
    assert district["results"]["V.6a"] == {"numerator": 40, "denominator": 41}
    assert district["results"]["V.3"] == {"status": "in_progress"}


def test_the_yaml_written_has_the_layout_and_comments_of_papi_new(root, imported, plan):
    from papi_cli import periods
    from papi_cli.render.submission_yaml import Draft, filled

    text = (root / "submissions" / "2020-Q2" / "so-y-te.yaml").read_text("utf-8")
    data = imported["so-y-te"]
    draft = Draft("so-y-te", periods.parse_quarter("2020-Q2"), data["submitted_on"],
                  ("45/KH-SYT", dt.date(2020, 2, 5)), data["results"])
    assert text == filled(plan, draft, schema="../../submission.schema.json",
                          label="submissions/2020-Q2/so-y-te.yaml")
    assert text.startswith("# yaml-language-server: $schema=../../submission.schema.json\n")
    assert "  # ── Chỉ tiêu của nhiệm vụ cơ quan chủ trì ──" in text


def test_an_existing_submission_is_replaced_only_with_replace(capsys, root, imported, department):
    code, out, _ = papi(capsys, "import", str(department), "--root", str(root))
    assert code == 1 and "error[form-target-exists]" in out and "--replace" in out
    before = (root / "submissions" / "2020-Q2" / "so-y-te.yaml").read_bytes()
    code, out, _ = papi(capsys, "import", str(department), "--replace", "--root", str(root))
    assert code == 0 and (root / "submissions" / "2020-Q2" / "so-y-te.yaml").read_bytes() == before


def dry(root: Path, form: Path) -> str:
    """The YAML ``papi import --dry-run`` makes of ``form``."""
    from papi_cli.commands.context import Context
    from papi_cli.commands.import_form import convert
    from papi_cli.layout import Paths

    made = convert(Context(Paths.resolve(root)), form, replace=True)
    assert made.ok and made.text is not None, made.problems
    return made.text


def _changed(source: Path, folder: Path, change) -> Path:
    """A copy of a re-saved form, changed by ``change(book)`` and saved by openpyxl."""
    target = folder / source.name
    book = load_workbook(source)
    change(book)
    book.save(target)
    return target


def test_a_wrong_cell_is_named_by_sheet_and_cell_in_every_format(capsys, root, department, tmp_path):
    def wrong(book):
        sheet = results_sheet(book)
        sheet.cell("III.1a", "numerator").value = 16
        wrong.cell = sheet.cell("III.1a", "numerator").coordinate

    form = _changed(department, tmp_path, wrong)
    assert wrong.cell == "F16"  # the example of docs/huong-dan-nop-bao-cao.md, section 9
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--root", str(root))
    assert code == 1
    assert f"{form}: Chỉ tiêu!{wrong.cell}: error[numerator-exceeds-denominator]: " in out
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--format", "json", "--root", str(root))
    data = json.loads(out)
    jsonschema.validate(data, json.loads((REPO / "tests" / "contract" / "import.schema.json").read_text("utf-8")))
    problem = data["forms"][0]["problems"][0]
    assert not data["ok"] and problem["sheet"] == "Chỉ tiêu" and problem["cell"] == wrong.cell
    assert problem["code"] == "numerator-exceeds-denominator"
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--format", "github", "--root", str(root),
                        "--lang", "en")
    assert out.startswith(f"::error file={form},title=papi numerator-exceeds-denominator::"
                          f"Chỉ tiêu!{wrong.cell}: The numerator 16 exceeds the denominator 15")


def test_rows_inserted_sheets_renamed_and_reordered_change_nothing(capsys, root, district, tmp_path, imported):
    def shuffle(book):
        sheet = results_sheet(book).sheet
        sheet.insert_rows(5, 3)  # above the header fields and the rows
        sheet.title = "Báo cáo quý"
        units_sheet(book).title = "DS xã"
        book.move_sheet("DS xã", offset=-2)

    form = _changed(district, tmp_path, shuffle)
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--format", "json", "--root", str(root))
    assert code == 0, out
    assert dry(root, form) == (root / "submissions" / "2020-Q2" / "ubnd-cu-jut.yaml").read_text("utf-8")


def test_a_deleted_row_is_not_reported_and_others_stay(capsys, root, department, tmp_path):
    def delete(book):
        sheet = results_sheet(book)
        sheet.sheet.delete_rows(sheet.codes["VI.2"])

    form = _changed(department, tmp_path, delete)
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--root", str(root))
    assert code == 0, out
    results = yaml.safe_load(dry(root, form))["results"]
    assert set(results) == {"IV.6", "III.1a", "IX.2"} and results["IV.6"]["denominator"] == 130


def test_problems_of_cells_papi_reads_itself(capsys, root, district, tmp_path):
    def spoil(book):
        sheet = results_sheet(book)
        sheet.header("submitted_on").value = "sáng thứ hai"
        mark(book, "I.1", "ea-po", "có lẽ")
        spoil.cells = (sheet.header("submitted_on").coordinate,)

    form = _changed(district, tmp_path, spoil)
    code, out, _ = papi(capsys, "import", str(form), "--dry-run", "--replace", "--root", str(root))
    assert code == 1
    assert f"Chỉ tiêu!{spoil.cells[0]}: error[form-bad-date]" in out
    assert "Đơn vị!" in out and "error[form-bad-mark]" in out


# --- papi export: both directions ---------------------------------------------------------------------
@pytest.mark.parametrize("agency", ["so-y-te", "ubnd-cu-jut"])
def test_export_then_import_gives_the_same_submission(capsys, root, imported, tmp_path, agency):
    code, out, err = papi(capsys, "export", "--agency", agency, "--period", "2020-Q2", "--format", "xlsx",
                          "--out", str(tmp_path), "--root", str(root))
    assert code == 0, err
    form = tmp_path / f"{agency}-2020-Q2.xlsx"
    assert str(form) in out
    assert dry(root, form) == (root / "submissions" / "2020-Q2" / f"{agency}.yaml").read_text("utf-8")
    code, _, err = papi(capsys, "export", "--agency", agency, "--period", "2020-Q2", "--out", str(tmp_path),
                        "--root", str(root))
    assert code == 1 and str(form) in err  # never over the form already there


def test_export_of_a_missing_or_invalid_submission(capsys, root, tmp_path):
    code, _, err = papi(capsys, "export", "--agency", "so-noi-vu", "--period", "2020-Q3", "--out", str(tmp_path),
                        "--root", str(root))
    assert code == 1 and "submissions/2020-Q3/so-noi-vu.yaml" in err
    broken = root / "submissions" / "2020-Q3" / "so-noi-vu.yaml"
    broken.parent.mkdir()
    broken.write_text("agency: so-noi-vu\nperiod: 2020-Q3\nsubmitted_on: 2020-09-20\nresults: {}\n", "utf-8")
    try:
        code, _, err = papi(capsys, "export", "--agency", "so-noi-vu", "--period", "2020-Q3", "--out",
                            str(tmp_path), "--root", str(root))
        assert code == 1 and "field-not-filled-in" in err and not list(tmp_path.glob("*.xlsx"))
    finally:
        shutil.rmtree(broken.parent)


# --- the form as LibreOffice prints it -------------------------------------------------------------
@pytest.fixture(scope="module")
def printed(district: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert(district, "pdf", tmp_path_factory.mktemp("printed"))


def test_libreoffice_prints_the_form_landscape_with_its_vietnamese_text(printed, plan):
    from tests.office import pdf_pages, pdf_text

    pages = pdf_pages(printed)
    assert pages and all(round(w) == 842 and round(h) == 595 for w, h in pages)  # A4 landscape
    text = " ".join(pdf_text(printed).split())
    assert f"Báo cáo Quý II/2020 (2020-Q2) của {plan.agencies['ubnd-cu-jut'].name}" in text
    assert "Quý II/2020 (2020-Q2)" in text and "Chỉ tiêu của nhiệm vụ cơ quan chủ trì" in text
    assert "đánh dấu ở trang Đơn vị" in text and "Nhiệm vụ, chỉ tiêu và cách đo" in text
    assert plan.unit("ea-tling").name in text and "Đánh dấu x vào ô" in text
    assert "Chỉ điền vào các ô nền vàng" in text  # the instructions sheet


def test_a_column_inserted_by_the_clerk_changes_nothing(capsys, root, department, tmp_path, imported):
    def widen(book):
        sheet = results_sheet(book).sheet
        sheet.insert_cols(4)  # a column of the clerk's own between the task and the target

    form = _changed(department, tmp_path, widen)
    assert dry(root, form) == (root / "submissions" / "2020-Q2" / "so-y-te.yaml").read_text("utf-8")


def test_libreoffice_keeps_the_forms_properties_protection_and_validation(department, plan):
    book = load_workbook(department)
    props = {p.name: p.value for p in book.custom_doc_props}
    assert props["papi-plan"] == plan.digest and props["papi-agency"] == "so-y-te"
    sheet = results_sheet(book)
    assert sheet.sheet.protection.sheet and not sheet.sheet.protection.password
    assert not sheet.cell("IV.6", "numerator").protection.locked and sheet.cell("IV.6", "percent").protection.locked
    kinds = {dv.type for dv in sheet.sheet.data_validations.dataValidation}
    assert {"whole", "list", "date"} <= kinds  # Sở Y tế reports no percent
    assert sheet.sheet.column_dimensions["A"].hidden


def test_a_percent_cell_takes_0_to_100_after_libreoffice_too(district):
    sheet = results_sheet(load_workbook(district))
    rule = next(dv for dv in sheet.sheet.data_validations.dataValidation if dv.type == "decimal")
    assert (rule.operator, rule.formula1, rule.formula2) == ("between", "0", "100")
    assert sheet.cell("III.4", "percent").coordinate in str(rule.sqref)


def test_an_english_form_imports_with_its_english_labels(capsys, root, tmp_path):
    code, _, _ = papi(capsys, "new", "--agency", "so-y-te", "--period", "2020-Q2", "--format", "xlsx", "--out",
                      str(tmp_path), "--root", str(root), "--lang", "en")
    assert code == 0
    path = tmp_path / "so-y-te-2020-Q2.xlsx"
    book = load_workbook(path)
    sheet = results_sheet(book)
    assert sheet.sheet.title == "Indicators"
    sheet.header("submitted_on").value = "2020-06-18"
    sheet.cell("IV.6", "status").value = "in progress"
    sheet.cell("VI.2", "status").value = "Done"
    sheet.cell("VI.2", "evidence").value = "Decision 12/QĐ-SYT"
    book.save(path)
    results = yaml.safe_load(dry(root, path))["results"]
    assert results == {"IV.6": {"status": "in_progress"}, "VI.2": {"status": "done", "evidence": ["Decision 12/QĐ-SYT"]}}
