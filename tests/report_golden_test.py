"""Gold files: the 2020-Q2 report of the fixed fixture in Markdown and HTML, compared whole.

A change to the view, the templates or the labels shows up here as a diff to review. Dates of
issue and the data version are scrubbed. To accept a change: ``PAPI_UPDATE_GOLDEN=1 make test``
(or ``PAPI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report_golden_test.py``), then read the
diff of tests/golden/ before committing it (tests/golden/README.md).
"""

from __future__ import annotations

import os
import re

import pytest

from papi_cli.cli import main
from tests.conftest import REPO, report_project

GOLDEN = REPO / "tests" / "golden"

SCRUBS = [
    (re.compile(r"ngày \d{2} tháng \d{1,2} năm \d{4}"), "ngày DD tháng MM năm YYYY"),  # the date line
    (re.compile(r"(Báo cáo số \S+ ngày )\d{2}/\d{2}/\d{4}"), r"\1DD/MM/YYYY"),  # the annex's reference
    (re.compile(r"(phiên bản dữ liệu )[^*<\n]+"), r"\1VERSION"),  # the Markdown's last line, the HTML's screen footer
    (re.compile(r"(Phiên bản dữ liệu )[^\"]*\""), r'\1VERSION"'),  # the page footer (a CSS string)
]


def scrub(text: str) -> str:
    for pattern, replacement in SCRUBS:
        text = pattern.sub(replacement, text)
    return text


def test_scrub_removes_dates_of_issue_and_versions():
    text = ("Đắk Nông, ngày 05 tháng 01 năm 2021 | (Kèm theo Báo cáo số …/BC-SNV ngày 05/01/2021 của Sở Nội vụ)\n"
            "*Quý II/2020 · tính đến ngày 30/06/2020 · phiên bản dữ liệu bc10abd (có thay đổi chưa commit)*\n"
            'content: "Năm 2020 \\0000b7 Phiên bản dữ liệu bc10abd";')
    assert scrub(text) == ("Đắk Nông, ngày DD tháng MM năm YYYY | (Kèm theo Báo cáo số …/BC-SNV ngày DD/MM/YYYY"
                           " của Sở Nội vụ)\n*Quý II/2020 · tính đến ngày 30/06/2020 · phiên bản dữ liệu VERSION*\n"
                           'content: "Năm 2020 \\0000b7 Phiên bản dữ liệu VERSION";')


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_quarterly_report_matches_the_gold_file(capsys, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("PAPI_TODAY", "2021-01-05")
    root = tmp_path / "project"
    report_project(root)
    code = main(["report", "--period", "2020-Q2", "--format", fmt, "--out", str(tmp_path / "out"),
                 "--root", str(root)])
    assert code == 0, capsys.readouterr().err
    actual = scrub((tmp_path / "out" / f"bao-cao-papi-2020-Q2.{fmt}").read_text(encoding="utf-8"))
    gold = GOLDEN / f"bao-cao-papi-2020-Q2.{fmt}"
    if os.environ.get("PAPI_UPDATE_GOLDEN") == "1":
        gold.write_text(actual, encoding="utf-8")
    assert gold.is_file(), f"{gold} is missing: run PAPI_UPDATE_GOLDEN=1 make test"
    expected = gold.read_text(encoding="utf-8")
    assert actual == expected, (
        f"the 2020-Q2 {fmt} report differs from {gold.relative_to(REPO)}; if the change is intended, "
        "run PAPI_UPDATE_GOLDEN=1 make test and review the diff (tests/golden/README.md)")
