"""The registry as the decision means it (issue 12, item 5).

"Các Sở, Ban, ngành" is every specialised agency of the Provincial People's Committee (Decree
24/2014/NĐ-CP art. 8, as amended by Decree 107/2020/NĐ-CP, and Ban Dân tộc, art. 9), not only
those Decision 46 names; IV.4's "Các cơ quan, đơn vị từ cấp tỉnh đến cấp xã" is every body of
the plan; the issuer is the Chairman; names and IX.4's target are the decision's own words.
See docs/authority.md, "Groups".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papi_cli.cli import main
from tests.conftest import REPO

# Decree 24/2014/NĐ-CP art. 8 (as amended by Decree 107/2020/NĐ-CP): the 17 every province has.
COMMON_AGENCIES = {
    "so-noi-vu": "Sở Nội vụ",
    "so-tu-phap": "Sở Tư pháp",
    "so-khdt": "Sở Kế hoạch và Đầu tư",
    "so-tai-chinh": "Sở Tài chính",
    "so-cong-thuong": "Sở Công Thương",
    "so-nnptnt": "Sở Nông nghiệp và Phát triển nông thôn",
    "so-gtvt": "Sở Giao thông vận tải",
    "so-xay-dung": "Sở Xây dựng",
    "so-tnmt": "Sở Tài nguyên và Môi trường",
    "so-tttt": "Sở Thông tin và Truyền thông",
    "so-ldtbxh": "Sở Lao động - Thương binh và Xã hội",
    "so-vhttdl": "Sở Văn hóa, Thể thao và Du lịch",
    "so-khcn": "Sở Khoa học và Công nghệ",
    "so-gddt": "Sở Giáo dục và Đào tạo",
    "so-y-te": "Sở Y tế",
    "thanh-tra-tinh": "Thanh tra tỉnh",
    "vp-ubnd-tinh": "Văn phòng UBND tỉnh",
}
UNNAMED = ("so-tai-chinh", "so-khdt", "so-khcn")  # departments the decision never names

# What every department may report through "Các Sở, Ban, ngành" (and IV.4's group), in Q4,
# when every window is open. Milestones are in progress: "done" would need evidence.
DEPARTMENT_RESULTS = """\
  III.1a: {numerator: 2, denominator: 2}
  IV.2: {numerator: 1, denominator: 1}
  IV.3: {numerator: 1, denominator: 1}
  IV.4: {numerator: 12, denominator: 12}
  V.1: {status: in_progress, note: Rà soát TTHC thuộc phạm vi quản lý}
  IX.2: {numerator: 40, denominator: 100}
  IX.3: {status: in_progress}
  IX.4a: {status: in_progress}
  IX.4b: {numerator: 2, denominator: 10}
  IX.5: {status: in_progress}
"""


def write(project: Path, agency: str, results: str, period: str = "2020-Q4",
          submitted_on: str = "2020-12-18") -> None:
    folder = project / "submissions" / period
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{agency}.yaml").write_text(
        f"agency: {agency}\nperiod: {period}\nsubmitted_on: {submitted_on}\nresults:\n{results}", encoding="utf-8")


def validate(project: Path, capsys) -> tuple[int, dict]:
    code = main(["validate", "--root", str(project), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


# --- "Các Sở, Ban, ngành" ---


def test_the_departments_are_every_specialised_agency_of_the_province(plan):
    departments = plan.expand(["cac-so-ban-nganh"])
    assert len(departments) == len(set(departments)) == 18
    assert set(departments) == set(COMMON_AGENCIES) | {"ban-dan-toc"}
    for code, name in COMMON_AGENCIES.items():
        assert plan.agencies[code].name == name, code
        assert plan.agencies[code].level == "province", code
    assert plan.agencies["ban-dan-toc"].name == "Ban Dân tộc"
    assert not set(departments) & {"tand-tinh", "cong-an-tinh", "bhxh-tinh", "mttq-tinh", "tt-hcc"}


@pytest.mark.parametrize("agency", UNNAMED)
def test_an_unnamed_department_is_listed_and_owes_nothing(capsys, plan, agency):
    assert plan.agencies[agency].name_en and plan.agencies[agency].name_en.startswith("Department of ")
    code = main(["agencies", "--format", "json", "--root", str(REPO)])
    assert code == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["agencies"] if r["code"] == agency)
    assert row["level"] == "province" and row["leads"] == []
    assert not row["owes_quarterly_report"]  # it implements only: what it files counts, nothing is owed


@pytest.mark.parametrize("agency", [*UNNAMED, "ban-dan-toc"])
def test_an_unnamed_department_implements_what_the_departments_do(capsys, agency):
    code = main(["tasks", "--agency", agency, "--format", "json", "--root", str(REPO)])
    assert code == 0
    roles = {t["code"]: t["role"] for t in json.loads(capsys.readouterr().out)["tasks"]}
    assert roles == dict.fromkeys(
        ("III.1", "III.2", "IV.2", "IV.3", "IV.4", "V.1", "VI.1", "IX.2", "IX.3", "IX.4", "IX.5"), "implementer")


@pytest.mark.parametrize("agency", UNNAMED)
def test_an_unnamed_department_may_report_its_indicators(project, capsys, agency):
    write(project, agency, DEPARTMENT_RESULTS)
    code, report = validate(project, capsys)
    assert report["problems"] == [] and code == 0
    assert report["checked"]["results"] == 10 and report["skipped_files"] == []


# --- IV.4: every body at every level ---


def test_iv4s_group_holds_every_agency_of_the_plan(plan):
    bodies = plan.expand(["cac-co-quan-tu-cap-tinh-den-cap-xa"])
    assert len(bodies) == len(set(bodies))
    assert set(bodies) == set(plan.agencies)  # the 79 People's Committees included
    for code in ("tand-tinh", "cong-an-tinh", "bhxh-tinh", "mttq-tinh", "benh-vien-tinh", "dai-ptth-tinh",
                 "dai-truyen-thanh-huyen", "ttyt-huyen", "tand-cap-huyen", "cong-an-cap-xa", "ubnd-cu-jut",
                 "ubnd-nghia-duc", *UNNAMED):
        assert code in bodies, code
    assert plan.implementers(plan.task("IV.4")) == bodies


def test_a_court_file_with_iii3_and_iv4_validates_clean(project, capsys):
    write(project, "tand-tinh", "  III.3: {numerator: 140, denominator: 150}\n"
                                "  IV.4: {numerator: 3, denominator: 3, note: TAND tỉnh và 8 TAND cấp huyện}\n")
    code, report = validate(project, capsys)
    assert report["problems"] == [] and code == 0
    assert report["checked"]["results"] == 2 and report["skipped_files"] == []


@pytest.mark.parametrize("agency", ["cong-an-tinh", "bhxh-tinh", "mttq-tinh", "benh-vien-tinh",
                                    "dai-truyen-thanh-huyen", "cong-an-cap-xa"])
def test_other_bodies_may_report_iv4(project, capsys, agency):
    write(project, agency, "  IV.4: {numerator: 1, denominator: 1}\n")
    code, report = validate(project, capsys)
    assert report["problems"] == [] and code == 0


def test_a_court_still_may_not_report_a_departments_indicator(project, capsys):
    write(project, "tand-tinh", "  III.3: {numerator: 1, denominator: 1}\n  IX.2: {numerator: 1, denominator: 2}\n")
    code, report = validate(project, capsys)
    assert code == 1 and [p["code"] for p in report["problems"]] == ["not-authorised"]


# --- the decision's words ---


def test_the_issuer_is_the_chairman(plan):
    assert plan.decision.issuer == "Chủ tịch Ủy ban nhân dân tỉnh Đắk Nông"


def test_the_reports_basis_line_names_the_chairman(project, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-07-10")
    out = tmp_path / "out"
    code = main(["report", "--period", "2020-Q2", "--format", "md", "--out", str(out), "--root", str(project)])
    assert code == 0, capsys.readouterr().err
    text = (out / "bao-cao-papi-2020-Q2.md").read_text(encoding="utf-8")
    assert "(Theo Quyết định số 46/QĐ-UBND ngày 10/01/2020 của Chủ tịch Ủy ban nhân dân tỉnh Đắk Nông)" in text
    assert "của Ủy ban nhân dân tỉnh Đắk Nông" not in text


def test_names_as_the_decision_writes_them(plan):
    assert plan.agencies["benh-vien-tinh"].name == "Bệnh viện tỉnh"
    assert plan.agencies["dai-ptth-tinh"].name == "Đài Phát thanh và Truyền hình tỉnh"
    assert plan.agencies["dai-truyen-thanh-huyen"].name == "Đài Phát thanh và Truyền hình huyện"
    assert plan.task("I.1").implementers_text.startswith("Đài Phát thanh và Truyền hình tỉnh, huyện;")


def test_ix4s_target_is_the_decisions_words(plan):
    target = plan.task("IX.4").target_text
    assert target == "- Các TTHC được tích hợp.\n- 20% TTHC dịch công TT mức độ 3, 4 được tích hợp."
    assert "dịch công TT" in target
    decision = (REPO / "docs" / "sources" / "46-QD-UBND-2020-dak-nong-papi.txt").read_text(encoding="utf-8")
    for line in target.splitlines():
        assert line in decision.splitlines(), line


@pytest.mark.parametrize("task", ["IX.1", "IX.2", "IX.3", "IX.5"])
def test_the_other_ix_targets_are_the_decisions_words(plan, task):
    decision = (REPO / "docs" / "sources" / "46-QD-UBND-2020-dak-nong-papi.txt").read_text(encoding="utf-8")
    assert plan.task(task).target_text in decision.splitlines()


def test_the_generated_committees_are_named_as_in_running_text(plan):
    """"UBND huyện Cư Jút", not "UBND Huyện Cư Jút": the unit's type word in lower case (Decree
    30/2020, Appendix II), in every output that names them (status, agencies, report, forms)."""
    names = {code: plan.agencies[code].name for code in ("ubnd-cu-jut", "ubnd-gia-nghia", "ubnd-nghia-duc")}
    assert names == {"ubnd-cu-jut": "UBND huyện Cư Jút", "ubnd-gia-nghia": "UBND thành phố Gia Nghĩa",
                     "ubnd-nghia-duc": "UBND phường Nghĩa Đức"}
