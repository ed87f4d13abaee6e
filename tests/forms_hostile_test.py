"""Hostile and foreign workbooks given to ``papi import`` (issue 14, item 3): each is refused
with a message naming the file (and the cell where there is one), exit 1, never a traceback
nor a hang, nothing written. The forms are made by ``papi new`` and then changed byte by byte
as zips, or with openpyxl; no LibreOffice here (forms_test.py has the round trip)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from papi_cli.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-forms")
    shutil.copytree(REPO / "plan", folder / "plan")
    (folder / "submissions").mkdir()
    return folder


@pytest.fixture(scope="module")
def form(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sở Y tế's form, filled so that it imports without error."""
    out = tmp_path_factory.mktemp("form")
    path = new_form(root, "so-y-te", out)
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    sheet[_cell(sheet, "IV.6", "numerator")] = 12
    sheet[_cell(sheet, "IV.6", "denominator")] = 13
    book.save(path)
    return path


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPI_TODAY", "2020-07-01")


def _results(book):
    return next(s for s in book.worksheets if s["A1"].value == "papi-form:results")


def _row(sheet, code: str) -> int:
    return next(c.row for c in sheet["B"] if c.value == code)


def _column(sheet, field: str) -> int:
    keys = next(c.row for c in sheet["A"] if c.value == "columns")
    return next(c.column for c in sheet[keys] if c.value == field)


def _cell(sheet, code: str, field: str) -> str:
    return sheet.cell(_row(sheet, code), _column(sheet, field)).coordinate


def _header(sheet, key: str) -> str:
    return sheet.cell(next(c.row for c in sheet["A"] if c.value == key), _column(sheet, "target")).coordinate


def new_form(root: Path, agency: str, folder: Path) -> Path:
    """``papi new --format xlsx`` of ``agency`` for 2020-Q2 into ``folder``: the form's path."""
    assert main(["new", "--agency", agency, "--period", "2020-Q2", "--format", "xlsx", "--out", str(folder),
                 "--root", str(root)]) == 0
    return folder / f"{agency}-2020-Q2.xlsx"


def refused(capsys, root: Path, path: Path, code: str, *extra: str) -> str:
    """Import ``path`` (dry run): exit 1, the problem ``code`` named on the file, no traceback."""
    status = main(["import", str(path), "--dry-run", "--root", str(root), *extra])
    out, err = capsys.readouterr()
    assert status == 1, out + err
    assert f"error[{code}]" in out, out
    assert f"{path}" in out and "Traceback" not in out + err
    assert not list((root / "submissions").rglob("*.yaml"))
    return out


def rezip(source: Path, target: Path, change=None, add: dict[str, bytes] | None = None) -> Path:
    """``source``'s parts, each changed by ``change(name, data)``, plus ``add``; zipped to ``target``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, change(info.filename, data) if change else data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def test_the_untouched_form_imports(capsys, root, form):
    assert main(["import", str(form), "--dry-run", "--root", str(root)]) == 0
    assert "so-y-te.yaml" in capsys.readouterr().out


def test_not_a_workbook(capsys, root, tmp_path):
    text = tmp_path / "so-y-te-2020-Q2.xlsx"
    text.write_text("agency: so-y-te\n", "utf-8")
    refused(capsys, root, text, "form-not-xlsx")
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    refused(capsys, root, other, "form-not-xlsx")


def test_a_workbook_papi_did_not_make(capsys, root, tmp_path):
    path = tmp_path / "bang-tinh.xlsx"
    book = Workbook()
    book.active["A1"] = "papi-form:results"
    book.save(path)
    out = refused(capsys, root, path, "form-not-papi")
    assert "papi new --agency" in out


def test_a_form_of_another_plan(capsys, root, form, tmp_path):
    other = tmp_path / "root"
    shutil.copytree(root / "plan", other / "plan")
    (other / "submissions").mkdir()
    plan = other / "plan" / "2020.yaml"
    plan.write_text(plan.read_text("utf-8") + "\n# một dòng chú thích thêm\n", "utf-8")
    out = refused(capsys, other, form, "form-other-plan")
    assert "plan/2020.yaml" in out


def test_macros_are_refused(capsys, root, form, tmp_path):
    refused(capsys, root, rezip(form, tmp_path / "macro.xlsx", add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
            "form-macros")
    xlsm = tmp_path / "so-y-te-2020-Q2.xlsm"
    shutil.copy(form, xlsm)
    refused(capsys, root, xlsm, "form-macros")


def test_links_to_other_files_are_refused(capsys, root, form, tmp_path):
    link = b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    path = rezip(form, tmp_path / "link.xlsx", add={"xl/externalLinks/externalLink1.xml": link})
    refused(capsys, root, path, "form-external-links")


def test_a_dtd_or_entity_is_refused_before_parsing(capsys, root, form, tmp_path):
    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'

    def inject(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet2.xml":
            return data.replace(b"<worksheet", laughs + b"<worksheet", 1)
        return data

    out = refused(capsys, root, rezip(form, tmp_path / "dtd.xlsx", inject), "form-dtd")
    assert "xl/worksheets/sheet2.xml" in out

    def utf16(name: str, data: bytes) -> bytes:
        return data.decode("utf-8").encode("utf-16") if name == "xl/workbook.xml" else data

    refused(capsys, root, rezip(form, tmp_path / "utf16.xlsx", utf16), "form-xml-encoding")


def test_a_zip_bomb_and_too_many_parts(capsys, root, form, tmp_path):
    bomb = rezip(form, tmp_path / "bomb.xlsx", add={"xl/media/zeros.bin": bytes(40 * 1024 * 1024)})
    assert bomb.stat().st_size < 1024 * 1024
    refused(capsys, root, bomb, "form-zip-bomb")
    ratio = rezip(form, tmp_path / "ratio.xlsx", add={"xl/media/zeros.bin": bytes(4 * 1024 * 1024)})  # under the total
    refused(capsys, root, ratio, "form-zip-bomb")
    many = rezip(form, tmp_path / "many.xlsx", add={f"xl/media/{i}.txt": b"x" for i in range(1001)})
    refused(capsys, root, many, "form-too-many-parts")


def test_a_file_over_the_size_cap(capsys, root, form, tmp_path):
    import os

    big = rezip(form, tmp_path / "big.xlsx")
    with zipfile.ZipFile(big, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/noise.bin", os.urandom(1024 * 1024 + 10))
    refused(capsys, root, big, "file-too-large")


def test_formulas_are_read_as_their_cached_values_or_refused(capsys, root, form, tmp_path):
    book = load_workbook(form)
    sheet = _results(book)
    numerator = _cell(sheet, "IV.6", "numerator")
    sheet[numerator] = "=10+2"
    plain = tmp_path / "formula.xlsx"
    book.save(plain)
    out = refused(capsys, root, plain, "form-formula")
    assert f"Chỉ tiêu!{numerator}: error[form-formula]" in out

    def cached(name: str, data: bytes) -> bytes:  # what a spreadsheet program writes: the formula and its value
        return data.replace(b"<f>10+2</f><v></v>", b"<f>10+2</f><v>12</v>") if "worksheets" in name else data

    with_value = rezip(plain, tmp_path / "cached.xlsx", cached)
    assert main(["import", str(with_value), "--dry-run", "--root", str(root), "--format", "json"]) == 0
    capsys.readouterr()


def test_a_row_of_an_indicator_the_agency_may_not_report_and_a_duplicated_row(capsys, root, form, tmp_path):
    book = load_workbook(form)
    sheet = _results(book)
    row = _row(sheet, "IX.5")
    sheet.cell(row, 2, "I.1")  # an indicator of the plan, but not Sở Y tế's
    last = sheet.max_row + 1
    sheet.cell(last, 2, "IV.6")
    sheet.cell(last, _column(sheet, "numerator"), 3)
    path = tmp_path / "rows.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-row-not-in-form")
    assert f"Chỉ tiêu!B{row}: error[form-row-not-in-form]" in out
    assert f"Chỉ tiêu!B{last}: error[form-duplicate-row]" in out


def test_the_results_sheet_missing(capsys, root, form, tmp_path):
    book = load_workbook(form)
    _results(book)["A1"] = "đã xóa"
    path = tmp_path / "sheetless.xlsx"
    book.save(path)
    refused(capsys, root, path, "form-sheet-missing")


def test_a_stray_cell_far_away_does_not_hang(capsys, root, form, tmp_path):
    def far(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet2.xml":
            return data
        return re.sub(rb"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                        b"</row></sheetData>", data, count=1)

    path = rezip(form, tmp_path / "far.xlsx", far)
    assert main(["import", str(path), "--dry-run", "--root", str(root)]) == 0
    capsys.readouterr()


def test_import_without_files_or_with_a_missing_one_is_a_usage_error(capsys, root, tmp_path):
    assert main(["import", "--root", str(root)]) == 2
    assert main(["import", str(tmp_path / "none.xlsx"), "--root", str(root)]) == 2
    capsys.readouterr()


def test_archive_check_is_pure_and_bounded():
    from papi_cli.forms.archive import check

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert check("x.xlsx", buffer.getvalue()) == []
    assert [p.code for p in check("x.xlsx", b"PK\x03\x04 broken")] == ["form-not-xlsx"]


def test_an_unfilled_form_says_so_in_the_forms_own_words(capsys, root, tmp_path):
    path = new_form(root, "so-y-te", tmp_path)
    capsys.readouterr()
    out = refused(capsys, root, path, "form-nothing-reported")
    book = load_workbook(path)
    date_cell = _header(_results(book), "submitted_on")
    assert f"{path}: Chỉ tiêu!{date_cell}: error[form-date-missing]" in out
    assert out.count("error[") == 2  # not also the YAML's "submitted_on / results not filled in"


def test_several_cells_wrong_are_all_named_at_once(capsys, root, form, tmp_path):
    book = load_workbook(form)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = "hôm qua"
    sheet[_cell(sheet, "IV.6", "numerator")] = "mười hai"
    sheet[_cell(sheet, "VI.2", "status")] = "xong rồi"
    path = tmp_path / "several.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-bad-date")
    assert f"Chỉ tiêu!{_cell(sheet, 'IV.6', 'numerator')}: error[wrong-type]" in out
    assert f"Chỉ tiêu!{_cell(sheet, 'VI.2', 'status')}: error[form-bad-status]" in out


def test_two_forms_of_one_agency_and_quarter_in_one_run_import_neither(capsys, root, form, tmp_path):
    other = tmp_path / "ban-sao.xlsx"
    shutil.copy(form, other)
    status = main(["import", str(form), str(other), "--root", str(root)])
    out = capsys.readouterr().out
    assert status == 1 and out.count("error[form-same-target]") == 2 and str(other) in out
    assert not list((root / "submissions").rglob("*.yaml"))


# --- a second review's findings (a clerk's mistakes) -------------------------------------------
def test_the_headers_agency_or_period_changed_is_refused_at_its_cell(capsys, root, form, tmp_path):
    """Sở Tài chính's clerk takes Sở Y tế's form and types the own agency into its header: the
    figures would land in Sở Y tế's file. The header's cell names the mistake."""
    book = load_workbook(form)
    sheet = _results(book)
    agency = _header(sheet, "agency")
    sheet[agency] = "Sở Tài chính (so-tc)"
    path = tmp_path / "other-agency.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-header-changed")
    assert f"Chỉ tiêu!{agency}: error[form-header-changed]" in out and "Sở Y tế" in out
    book = load_workbook(form)
    sheet = _results(book)
    period = _header(sheet, "period")
    sheet[period] = "Quý III/2020 (2020-Q3)"
    sheet[_header(sheet, "agency")] = "  " + sheet[_header(sheet, "agency")].value + " "  # spaces change nothing
    path = tmp_path / "other-quarter.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-header-changed", "--lang", "en")
    assert f"Chỉ tiêu!{period}: error[form-header-changed]" in out and out.count("error[") == 1


def test_a_form_renamed_to_another_quarter_is_refused(capsys, root, form, tmp_path):
    """The Q2 form copied and renamed for Q3 still says Q2 inside: papi would write the Q2 file."""
    renamed = tmp_path / "so-y-te-2020-Q3.xlsx"
    shutil.copy(form, renamed)
    out = refused(capsys, root, renamed, "form-name-other-period")
    assert "2020-Q3" in out and "2020-Q2" in out and "papi new --agency so-y-te --period 2020-Q3" in out
    kept = tmp_path / "bao-cao-so-y-te-2020-Q2-ban-cuoi.xlsx"  # a name with the form's own quarter is fine
    shutil.copy(form, kept)
    assert main(["import", str(kept), "--dry-run", "--root", str(root)]) == 0
    capsys.readouterr()


@pytest.mark.parametrize(("typed", "code"), [("da hoan thanh", "done"), ("DANG THUC HIEN", "in_progress"),
                                           ("chua bat dau", "not_started"), ("Hoàn thành", "done")])
def test_a_status_typed_without_diacritics_is_read(capsys, root, form, tmp_path, typed, code):
    """A keyboard without Vietnamese input, or the label without its 'đã'."""
    own = tmp_path / "root"
    shutil.copytree(root / "plan", own / "plan")
    book = load_workbook(form)
    sheet = _results(book)
    sheet[_cell(sheet, "IV.6", "status")] = typed
    path = tmp_path / "status.xlsx"
    book.save(path)
    assert main(["import", str(path), "--root", str(own)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    written = (own / "submissions" / "2020-Q2" / "so-y-te.yaml").read_text("utf-8")
    assert f"status: {code}\n" in written


def test_an_unknown_status_is_named_in_the_forms_words(capsys, root, form, tmp_path):
    book = load_workbook(form)
    sheet = _results(book)
    cell = _cell(sheet, "IV.6", "status")
    sheet[cell] = "Completed"
    path = tmp_path / "status.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-bad-status")
    assert f"Chỉ tiêu!{cell}: error[form-bad-status]" in out and "đang thực hiện" in out
    assert "status: done" not in out and "unknown-status" not in out  # no YAML advice to a spreadsheet clerk


def test_a_date_with_a_time_is_read_as_its_day(capsys, root, form, tmp_path):
    """The date cells show DD/MM/YYYY: a date-time (=NOW() pasted as a value) shows as its day."""
    book = load_workbook(form)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.datetime(2020, 6, 18, 10, 30)
    sheet[_header(sheet, "implementation_document.number")] = "45/KH-SYT"
    sheet[_header(sheet, "implementation_document.date")] = 43866.75  # 05/02/2020 18:00 as a serial
    path = tmp_path / "datetime.xlsx"
    book.save(path)
    assert main(["import", str(path), "--dry-run", "--root", str(root), "--format", "json"]) == 0, \
        capsys.readouterr().out
    capsys.readouterr()


def test_a_dtd_hidden_by_a_parts_name_or_its_declared_encoding_is_refused(capsys, root, form, tmp_path):
    """openpyxl finds a sheet by its relationship, whatever its name: a DTD in ``sheet2.dat``
    is still a DTD; and ``encoding="UTF-7"`` spells ``<!DOCTYPE`` as ``+ADwAIQ-DOCTYPE``."""
    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'

    def renamed(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet2.xml":
            return data.replace(b"<worksheet", laughs + b"<worksheet", 1)
        if name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            return data.replace(b"sheet2.xml", b"sheet2.dat")
        return data

    source = rezip(form, tmp_path / "dat.xlsx", renamed)
    moved = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(moved, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename.replace("sheet2.xml", "sheet2.dat"), old.read(info))
    out = refused(capsys, root, moved, "form-dtd")
    assert "xl/worksheets/sheet2.dat" in out

    def utf7(name: str, data: bytes) -> bytes:
        if name != "docProps/custom.xml":
            return data
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", data)
        return b'<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE p +AFsAPAAh-ENTITY a "x"+AD4AXQA+-' + body

    out = refused(capsys, root, rezip(form, tmp_path / "utf7.xlsx", utf7), "form-xml-encoding")
    assert "docProps/custom.xml" in out
    from papi_cli.forms.archive import check

    for declared in (b"UTF-8", b"utf-8", b"utf8"):  # what Excel and LibreOffice write, and a lax one
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", b'<?xml version="1.0" encoding="' + declared + b'"?><Types/>')
            archive.writestr("xl/workbook.xml", b"\xef\xbb\xbf<?xml version='1.0' encoding='" + declared + b"'?><w/>")
            archive.writestr("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(300))  # binary parts are not XML
        assert check("x.xlsx", buffer.getvalue()) == [], declared


def test_import_writes_only_into_its_period_folder_never_through_a_link(capsys, root, form, tmp_path):
    """A pull request may make submissions/2020-Q2 a link to plan/ (inside the repository) or to
    anywhere: papi import writes neither there nor anywhere but submissions/<period>/."""
    for where in ("plan", "elsewhere"):
        own = tmp_path / where / "root"
        shutil.copytree(root / "plan", own / "plan")
        (own / "submissions").mkdir()
        target = own / "plan" if where == "plan" else tmp_path / where / "outside"
        target.mkdir(exist_ok=True)
        (own / "submissions" / "2020-Q2").symlink_to(target, target_is_directory=True)
        before = sorted(p.name for p in target.iterdir())
        assert main(["import", str(form), "--root", str(own)]) == 1
        out, err = capsys.readouterr()
        assert "error[form-target-outside]" in out and "Traceback" not in out + err
        assert sorted(p.name for p in target.iterdir()) == before


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_summary_says_imported_only_when_written(capsys, root, form, tmp_path, lang):
    """A dry run has imported nothing; a real run has, and says so, in both languages."""
    own = tmp_path / "root"
    shutil.copytree(root / "plan", own / "plan")
    assert main(["import", str(form), "--dry-run", "--root", str(own), "--lang", lang]) == 0
    dry = capsys.readouterr().out.splitlines()[-1]
    assert main(["import", str(form), "--root", str(own), "--lang", lang]) == 0
    done = capsys.readouterr().out.splitlines()[-1]
    assert dry == {"vi": "Nhập được 1/1 biểu mẫu (--dry-run: chưa ghi gì).",
                   "en": "1 of 1 form can be imported (--dry-run: nothing written)."}[lang]
    assert done == {"vi": "Đã nhập 1/1 biểu mẫu.", "en": "Imported 1 of 1 form."}[lang]


def test_a_32_kb_text_in_a_cell_is_quoted_short_in_every_message(capsys, root, form, tmp_path):
    """A cell may hold 32,767 characters: papi's own cell messages quote at most 60 of them, as
    the YAML checks' do, rather than one 32 KB line per cell."""
    book = load_workbook(form)
    sheet = _results(book)
    long = "ă" * 32000
    for where in (_header(sheet, "agency"), _header(sheet, "submitted_on"), _cell(sheet, "IV.6", "status")):
        sheet[where] = long
    path = tmp_path / "long.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-bad-status")
    assert {"form-header-changed", "form-bad-date"} <= set(re.findall(r"error\[([a-z-]+)\]", out))
    assert max(len(line) for line in out.splitlines()) < 600


def test_a_row_whose_only_cell_is_wrong_is_not_also_nothing_reported(capsys, root, tmp_path):
    """The clerk filled a cell, wrongly: the cell says what is wrong; 'no indicator is filled in'
    would send the clerk looking for a row left empty."""
    path = new_form(root, "so-y-te", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    sheet[_cell(sheet, "IV.6", "numerator")] = "=SUM(1,2)"  # saved without a value
    book.save(path)
    out = refused(capsys, root, path, "form-formula")
    assert "form-nothing-reported" not in out
    sheet[_cell(sheet, "IV.6", "numerator")] = None  # and truly nothing: said so
    book.save(path)
    refused(capsys, root, path, "form-nothing-reported")


@pytest.mark.parametrize("number", ["1E400", "-1E400"])
def test_an_infinite_number_in_a_cell_is_a_problem_at_the_cell_not_a_crash(capsys, root, tmp_path, number):
    """The sheet's XML may hold any number, 1E400 (infinity to Python) included, in a percent cell
    formatted as percent, a whole-number cell and a date cell; openpyxl's warning about it is
    not papi's to print."""
    path = new_form(root, "vp-ubnd-tinh", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    percent = sheet[_cell(sheet, "III.4", "percent")]
    percent.value, percent.number_format = 0.25, "0.0%"
    sheet[_cell(sheet, "V.2", "numerator")] = 7777
    sheet[_header(sheet, "submitted_on")] = 4444
    book.save(path)

    def infinite(name: str, data: bytes) -> bytes:
        if not name.startswith("xl/worksheets/"):
            return data
        for shown in (b"0.25", b"7777", b"4444"):
            data = data.replace(b"<v>" + shown + b"</v>", b"<v>" + number.encode() + b"</v>")
        return data

    changed = rezip(path, tmp_path / "infinite.xlsx", infinite)
    status = main(["import", str(changed), "--dry-run", "--root", str(root)])
    out, err = capsys.readouterr()
    assert status == 1, out + err
    assert f"Chỉ tiêu!{percent.coordinate}: error[" in out and f"Chỉ tiêu!{_cell(sheet, 'V.2', 'numerator')}: error[" in out
    assert f"Chỉ tiêu!{_header(sheet, 'submitted_on')}: error[" in out
    assert err == ""


def test_units_sorted_without_the_hidden_column_keep_their_marks(capsys, root, tmp_path):
    """The clerk lifts the protection and sorts the units sheet's visible columns by name: the
    hidden column A stays behind. Each mark belongs to the unit whose code its row shows, as an
    indicator row belongs to the code in its column B."""
    own = tmp_path / "root"
    shutil.copytree(root / "plan", own / "plan")
    path = new_form(own, "ubnd-cu-jut", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    units = next(s for s in book.worksheets if s["A1"].value == "papi-form:units")
    column = next(c.column for c in units[2] if c.value == "I.1")
    first = 4
    marked = units.cell(first, 2).value  # the first unit's code, as the clerk sees it
    units.cell(first, column, "x")
    last = max(r for r in range(first, units.max_row + 1) if units.cell(r, 2).value)
    rows = [[units.cell(r, c).value for c in range(2, units.max_column + 1)] for r in range(first, last + 1)]
    rows.sort(key=lambda values: str(values[1]), reverse=True)  # by name, Z to A
    for r, values in zip(range(first, last + 1), rows, strict=True):
        for c, value in enumerate(values, start=2):
            units.cell(r, c).value = value
    assert units.cell(first, 2).value != marked  # the mark's row moved; its column A did not
    book.save(path)
    assert main(["import", str(path), "--root", str(own)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    written = yaml.safe_load((own / "submissions" / "2020-Q2" / "ubnd-cu-jut.yaml").read_text("utf-8"))
    codes = {u["code"]: u["slug"] for d in yaml.safe_load((own / "plan" / "units-2020.yaml").read_text("utf-8"))
             ["districts"] for u in [d, *d.get("communes", [])]}
    assert written["results"]["I.1"]["units"] == [codes[marked]]


def test_a_unit_row_copied_is_named_not_half_read(capsys, root, tmp_path):
    """A unit's row copied below the table and marked there: papi would read only the first row
    and drop the mark without a word; the copy is named at its code cell."""
    path = new_form(root, "ubnd-cu-jut", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    units = next(s for s in book.worksheets if s["A1"].value == "papi-form:units")
    column = next(c.column for c in units[2] if c.value == "I.1")
    below = units.max_row + 2
    for c in range(2, units.max_column + 1):
        units.cell(below, c).value = units.cell(4, c).value
    units.cell(below, column).value = "x"
    book.save(path)
    out = refused(capsys, root, path, "form-duplicate-unit-row")
    assert f"{units.title}!B{below}: error[form-duplicate-unit-row]" in out and "B4" in out


def test_a_copied_sheet_is_named_not_one_copy_read_silently(capsys, root, form, tmp_path):
    """The clerk keeps a copy of the results sheet (Move or Copy › Create a copy) and fills one of
    them: papi cannot know which is the report, and says so rather than read the first."""
    book = load_workbook(form)
    sheet = _results(book)
    copy = book.copy_worksheet(sheet)
    copy.title = "Chỉ tiêu (2)"
    copy[_cell(copy, "IV.6", "numerator")] = 11
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-sheet-twice")
    assert "Chỉ tiêu (2)" in out


def test_a_workbook_with_a_password_to_open_is_named_as_such(capsys, root, tmp_path):
    """Excel's 'Encrypt with Password' writes no zip but an OLE compound file holding the
    streams EncryptionInfo and EncryptedPackage; an .xls is such a file too, without them."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
                       for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    locked = tmp_path / "so-y-te-2020-Q2.xlsx"
    locked.write_bytes(ole + entries + bytes(2048))
    out = refused(capsys, root, locked, "form-encrypted")
    assert "form-not-xlsx" not in out
    old = tmp_path / "old.xlsx"
    old.write_bytes(ole + b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in ("Root Entry", "Workbook")))
    refused(capsys, root, old, "form-not-xlsx")


def test_a_value_typed_into_a_locked_cell_is_a_warning_at_the_cell(capsys, root, form, tmp_path):
    """With the protection lifted, a figure typed into a grey cell (a numerator of a milestone)
    is no part of the report: papi says it is left out rather than drop it without a word."""
    book = load_workbook(form)
    sheet = _results(book)
    grey = _cell(sheet, "VI.2", "numerator")
    sheet[grey] = 5
    path = tmp_path / "grey.xlsx"
    book.save(path)
    assert main(["import", str(path), "--dry-run", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert f"Chỉ tiêu!{grey}: warning[form-cell-ignored]" in out and "VI.2" in out
    assert out.count("warning[") == 1  # not the units column's own hint, nor the shown columns


def test_a_form_whose_only_value_is_in_a_locked_cell_reports_nothing(capsys, root, tmp_path):
    path = new_form(root, "so-y-te", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    sheet[_cell(sheet, "VI.2", "numerator")] = 5
    book.save(path)
    out = refused(capsys, root, path, "form-nothing-reported")
    assert "warning[form-cell-ignored]" in out


def test_a_formula_without_value_is_not_also_blamed_on_the_other_cell_of_its_ratio(capsys, root, form, tmp_path):
    """The numerator's formula has no saved value: that cell says so; 'the ratio lacks its
    numerator', put at the denominator's cell, would send the clerk to the wrong cell."""
    book = load_workbook(form)
    sheet = _results(book)
    numerator = _cell(sheet, "IV.6", "numerator")
    sheet[numerator] = "=10+2"
    path = tmp_path / "formula.xlsx"
    book.save(path)
    out = refused(capsys, root, path, "form-formula")
    assert f"Chỉ tiêu!{numerator}: error[form-formula]" in out
    assert "ratio-incomplete" not in out and out.count("error[") == 1


def test_the_header_check_compares_texts_as_shown_not_their_spaces_or_normal_form(capsys, root, tmp_path):
    """An agency named in the plan with two spaces (or saved decomposed, as some programs do) is
    still the agency the header shows: no form-header-changed for the form papi made."""
    import unicodedata

    own = tmp_path / "root"
    shutil.copytree(root / "plan", own / "plan")
    plan = own / "plan" / "2020.yaml"
    plan.write_text(plan.read_text("utf-8").replace("    name: Sở Y tế\n", "    name: Sở  Y tế\n", 1), "utf-8")
    path = new_form(own, "so-y-te", tmp_path)
    capsys.readouterr()
    book = load_workbook(path)
    sheet = _results(book)
    sheet[_header(sheet, "submitted_on")] = dt.date(2020, 6, 18)
    sheet[_cell(sheet, "IV.6", "status")] = "đang thực hiện"
    sheet[_header(sheet, "period")] = unicodedata.normalize("NFD", sheet[_header(sheet, "period")].value)
    book.save(path)
    assert main(["import", str(path), "--dry-run", "--root", str(own)]) == 0, capsys.readouterr().out
    capsys.readouterr()
