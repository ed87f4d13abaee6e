"""The bundled plan/2020.yaml against Decision 46/QĐ-UBND and docs/plan-format.md.

The tables below are transcribed from the decision's annex and the contract by hand, not
generated from the plan, so a slip in either shows up here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from fractions import Fraction

import pytest

from tests.conftest import REPO

ONGOING_END = dt.date(2020, 12, 31)

# code: (kind, population-or-aggregate, op, threshold, due) — as docs/plan-format.md reads the decision.
INDICATORS = {
    "I.1": ("coverage", "communes", ">=", 100, ONGOING_END),
    "II.1": ("coverage", "communes", ">=", 100, ONGOING_END),
    "II.2": ("coverage", "communes", ">=", 100, ONGOING_END),
    "II.3": ("coverage", "communes", ">=", 30, ONGOING_END),
    "II.4": ("coverage", "communes", ">=", 100, ONGOING_END),
    "II.5": ("coverage", "communes", ">=", 100, ONGOING_END),
    "II.6": ("ratio", "stock", ">=", 100, ONGOING_END),
    "II.7": ("coverage", "communes", ">=", 100, dt.date(2020, 12, 31)),
    "III.1a": ("ratio", "flow", ">=", 100, ONGOING_END),
    "III.1b": ("ratio", "flow", ">=", 100, ONGOING_END),
    "III.2": ("ratio", "flow", ">=", 100, ONGOING_END),
    "III.3": ("ratio", "flow", ">=", 100, ONGOING_END),
    "III.4": ("percent", None, ">=", 95, ONGOING_END),
    "III.5": ("coverage", "communes", ">=", 100, ONGOING_END),
    "IV.1": ("ratio", "stock", ">=", 100, ONGOING_END),
    "IV.2": ("ratio", "flow", ">=", 100, ONGOING_END),
    "IV.3": ("ratio", "stock", ">=", 100, ONGOING_END),
    "IV.4": ("ratio", "stock", ">=", 100, dt.date(2020, 12, 31)),
    "IV.5": ("ratio", "stock", ">=", 100, ONGOING_END),
    "IV.6": ("ratio", "stock", ">=", 100, ONGOING_END),
    "V.1": ("milestone", None, None, None, dt.date(2020, 12, 31)),
    "V.2": ("ratio", "stock", ">=", 100, ONGOING_END),
    "V.3": ("coverage", "districts", ">=", 100, ONGOING_END),
    "V.4": ("ratio", "stock", ">=", 30, dt.date(2020, 9, 30)),
    "V.5": ("ratio", "flow", ">=", 100, ONGOING_END),
    "V.6a": ("ratio", "flow", ">=", 95, ONGOING_END),
    "V.6b": ("ratio", "flow", ">=", 100, ONGOING_END),
    **{f"VI.{n}": ("milestone", None, None, None, dt.date(2020, 12, 31)) for n in (1, 2, 3, 4, 6, 7, 8, 9)},
    "VI.5": ("count", None, ">=", 1, dt.date(2020, 12, 31)),
    "VII.1": ("percent", None, ">", 90, ONGOING_END),
    "VII.2": ("milestone", None, None, None, dt.date(2020, 12, 31)),
    "IX.1": ("milestone", None, None, None, dt.date(2020, 12, 31)),
    "IX.2": ("ratio", "flow", ">=", 45, dt.date(2020, 12, 31)),
    "IX.3": ("milestone", None, None, None, dt.date(2020, 12, 31)),
    "IX.4a": ("milestone", None, None, None, dt.date(2020, 12, 31)),
    "IX.4b": ("ratio", "stock", ">=", 20, dt.date(2020, 12, 31)),
    "IX.5": ("milestone", None, None, None, dt.date(2020, 12, 31)),
}

WINDOW_STARTS = {
    "V.4": dt.date(2020, 7, 1),
    "IV.4": dt.date(2020, 12, 1),
    **{code: dt.date(2020, 10, 1) for code in ("IX.2", "IX.3", "IX.4a", "IX.4b", "IX.5")},
}

# Đầu mối chủ trì of each task, as the annex names them ("UBND cấp" in II.7 is UBND cấp huyện).
LEADS = {
    "I.1": ["ubnd-cap-huyen"],
    "II.1": ["so-ldtbxh"], "II.2": ["so-ldtbxh"], "II.3": ["so-ldtbxh"],
    "II.4": ["ubnd-cap-huyen"], "II.5": ["ubnd-cap-huyen"], "II.6": ["so-tnmt"], "II.7": ["ubnd-cap-huyen"],
    "III.1": ["thanh-tra-tinh"], "III.2": ["thanh-tra-tinh"], "III.3": ["tand-tinh"],
    "III.4": ["vp-ubnd-tinh"], "III.5": ["mttq-tinh"],
    "IV.1": ["thanh-tra-tinh"], "IV.2": ["so-noi-vu"], "IV.3": ["so-noi-vu"], "IV.4": ["thanh-tra-tinh"],
    "IV.5": ["so-gddt"], "IV.6": ["so-y-te"],
    "V.1": ["vp-ubnd-tinh"], "V.2": ["vp-ubnd-tinh"], "V.3": ["to-kiem-tra"], "V.4": ["so-noi-vu"],
    "V.5": ["so-xay-dung"], "V.6": ["so-tnmt", "ubnd-cap-huyen"],
    "VI.1": ["bhxh-tinh"], "VI.2": ["so-y-te"], "VI.3": ["so-y-te"], "VI.4": ["so-y-te"], "VI.5": ["so-gddt"],
    "VI.6": ["so-cong-thuong"], "VI.7": ["so-gtvt"], "VI.8": ["so-xay-dung"], "VI.9": ["cong-an-tinh"],
    "VII.1": ["so-tnmt"], "VII.2": ["so-nnptnt"],
    "IX.1": ["so-tttt"], "IX.2": ["vp-ubnd-tinh"], "IX.3": ["vp-ubnd-tinh"], "IX.4": ["vp-ubnd-tinh"],
    "IX.5": ["vp-ubnd-tinh"],
}

# Communes per district (official district code → count), from the GSO register.
COMMUNES_PER_DISTRICT = {"660": 8, "661": 7, "662": 8, "663": 10, "664": 12, "665": 9, "666": 11, "667": 6}


def test_dimensions_keep_the_decision_numbering(plan):
    assert [(d.code, d.papi) for d in plan.dimensions] == [
        ("I", "D1"), ("II", "D2"), ("III", "D3"), ("IV", "D4"),
        ("V", "D5"), ("VI", "D6"), ("VII", "D7"), ("IX", "D8"),
    ]


def test_41_tasks_per_dimension(plan):
    assert len(plan.tasks) == 41
    per_dimension = Counter(task.dimension for task in plan.tasks)
    assert per_dimension == {"I": 1, "II": 7, "III": 5, "IV": 6, "V": 6, "VI": 9, "VII": 2, "IX": 5}
    for task in plan.tasks:
        assert task.code == f"{task.dimension}.{task.stt}"


def test_44_indicators_as_the_contract_fixes_them(plan):
    found = {ind.code: ind for _, ind in plan.indicators()}
    assert set(found) == set(INDICATORS)
    for code, (kind, sub, op, threshold, due) in INDICATORS.items():
        ind = found[code]
        assert ind.kind == kind, code
        assert (ind.population or ind.aggregate) == sub, code
        assert ind.op == op, code
        assert ind.target == (None if threshold is None else Fraction(threshold)), code
        assert ind.due == due, code
        start = WINDOW_STARTS.get(code, dt.date(2020, 1, 10))
        assert plan.window(ind) == (start, due), code


def test_tasks_with_two_indicators(plan):
    two = {task.code: [i.code for i in task.indicators] for task in plan.tasks if len(task.indicators) > 1}
    assert two == {"III.1": ["III.1a", "III.1b"], "V.6": ["V.6a", "V.6b"], "IX.4": ["IX.4a", "IX.4b"]}


def test_leads_of_every_task(plan):
    assert {task.code: task.lead for task in plan.tasks} == LEADS


def test_groups_expand_to_their_members(plan):
    districts = plan.expand(["ubnd-cap-huyen"])
    assert len(districts) == 8 and "ubnd-cu-jut" in districts
    assert len(plan.expand(["ubnd-cap-xa"])) == 71
    departments = set(plan.expand(["cac-so-ban-nganh"]))
    assert {"so-noi-vu", "so-ldtbxh", "thanh-tra-tinh", "vp-ubnd-tinh"} <= departments
    assert not departments & {"tand-tinh", "cong-an-tinh", "bhxh-tinh", "mttq-tinh"}
    assert {code for code in departments if code.startswith("so-")} == {
        a.code for a in plan.agencies.values() if a.code.startswith("so-")
    }


def test_every_named_agency_has_a_code(plan):
    for task in plan.tasks:
        for code in plan.leads(task) + plan.implementers(task):
            assert code in plan.agencies, (task.code, code)


def test_71_communes_in_8_districts_with_official_codes(plan):
    districts = plan.population("districts")
    communes = plan.population("communes")
    assert len(districts) == 8 and len(communes) == 71
    by_district = Counter(plan.units[c.district].code for c in communes)
    assert by_district == COMMUNES_PER_DISTRICT
    assert plan.unit("24611").slug == "nghia-duc"
    assert plan.unit(24612).slug == "nghia-thanh"
    assert plan.unit("quang-son").district == "dak-glong"  # code 24616 sits among Gia Nghĩa's
    assert all(re.fullmatch(r"\d{5}", c.code) for c in communes)
    assert plan.agencies["ubnd-nghia-duc"].unit == "nghia-duc"


def test_plan_metadata(plan):
    assert plan.decision.number == "46/QĐ-UBND"
    assert plan.decision.date == dt.date(2020, 1, 10)
    assert plan.year == 2020
    assert plan.file.coordinator == "so-noi-vu"
    assert plan.file.reporting.deadline_day == 20
    assert plan.file.implementation_document.due == dt.date(2020, 2, 9)


@pytest.mark.parametrize("name", ["2020.yaml", "units-2020.yaml"])
def test_plan_text_is_nfc_and_lost_letters_restored(name):
    text = (REPO / "plan" / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    data = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for broken in (" tnh", "S Y tế", "Đk Nông", "SNội", "Ch số", "ngưi", "cp huyện", "Kết ni", "vthc"):
        assert broken not in data, broken


def test_restored_texts_read_as_the_decision(plan):
    assert plan.task("IV.6").lead_text == "Sở Y tế."
    assert plan.task("II.3").target_text == "Tối thiểu 30% trên tổng số 71 xã phường được kiểm tra."
    assert [item.number for item in plan.task("I.1").items] == ["1.1", "1.2"]
    assert plan.task("II.7").lead == ["ubnd-cap-huyen"]
