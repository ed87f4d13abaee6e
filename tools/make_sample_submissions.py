#!/usr/bin/env python3
"""Write the illustrative sample submissions of 2020: ``submissions/2020-Q1`` … ``2020-Q4``.

The figures are invented (every file says so in its first line) but shaped like a real province
year, so that ``papi status`` on a fresh clone has something meaningful to show: most agencies
report on time, some late, a few not at all; about half the indicators are met by the end of
the year, some only just (II.3 at 22 of 71 communes), some only just not (VII.1 at exactly
90 %, IX.2 below 45 %); at the end of Q3 some indicators are on track and some at risk.

The output is deterministic. Existing files are never overwritten unless ``--force`` is given,
so hand edits are not lost by accident; ``--check`` only compares and exits 1 on a difference.

    .venv/bin/python tools/make_sample_submissions.py [--out DIR] [--force | --check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from papi_cli.layout import Paths  # noqa: E402  (the repository's own package)
from papi_cli.load import load_plan  # noqa: E402

D = dt.date
QUARTERS = ("2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4")
QUARTER_WORDS = ("quý I", "quý II", "quý III", "quý IV")
HEADER = (
    "# DỮ LIỆU MẪU: minh họa, không phải số liệu thật. Sample data: illustrative, not real figures.\n"
    "# Sinh bởi tools/make_sample_submissions.py (chạy lại với --force sẽ ghi đè các sửa tay).\n"
)

# --- who submits when -------------------------------------------------------------------------
# submitted_on per quarter; None = no file. Deadlines: 20/3, 22/6 (20/6 is a Saturday),
# 21/9 and 21/12 (Sundays moved to Monday). Agencies that owe reports first, then the others.
SCHEDULE: dict[str, tuple[D | None, D | None, D | None, D | None]] = {
    "so-noi-vu": (D(2020, 3, 16), D(2020, 6, 15), D(2020, 9, 17), D(2020, 12, 16)),
    "so-ldtbxh": (D(2020, 3, 18), D(2020, 6, 18), D(2020, 9, 18), D(2020, 12, 18)),
    "so-tnmt": (D(2020, 3, 19), D(2020, 6, 19), D(2020, 9, 21), D(2020, 12, 21)),
    "thanh-tra-tinh": (D(2020, 3, 17), D(2020, 6, 16), D(2020, 9, 16), D(2020, 12, 15)),
    "tand-tinh": (D(2020, 3, 20), D(2020, 6, 29), D(2020, 9, 18), D(2020, 12, 17)),
    "vp-ubnd-tinh": (D(2020, 3, 18), D(2020, 6, 17), D(2020, 9, 17), D(2020, 12, 18)),
    "so-gddt": (D(2020, 3, 19), D(2020, 6, 22), D(2020, 9, 15), D(2020, 12, 14)),
    "so-y-te": (D(2020, 3, 16), D(2020, 6, 19), D(2020, 9, 24), D(2020, 12, 18)),
    "to-kiem-tra": (None, D(2020, 6, 19), D(2020, 9, 18), D(2020, 12, 17)),
    "so-xay-dung": (D(2020, 3, 25), D(2020, 6, 18), D(2020, 9, 18), D(2020, 12, 16)),
    "bhxh-tinh": (D(2020, 3, 17), D(2020, 6, 17), D(2020, 9, 16), D(2020, 12, 24)),
    "so-cong-thuong": (D(2020, 3, 20), D(2020, 6, 19), D(2020, 9, 21), None),
    "so-gtvt": (D(2020, 3, 24), None, D(2020, 9, 22), D(2020, 12, 18)),
    "cong-an-tinh": (D(2020, 3, 16), D(2020, 6, 15), None, D(2020, 12, 15)),
    "so-nnptnt": (D(2020, 3, 19), D(2020, 6, 18), D(2020, 9, 18), D(2020, 12, 21)),
    "so-tttt": (D(2020, 3, 13), D(2020, 6, 16), D(2020, 9, 16), D(2020, 12, 16)),
    "ubnd-gia-nghia": (D(2020, 3, 17), D(2020, 6, 16), D(2020, 9, 17), D(2020, 12, 16)),
    "ubnd-dak-glong": (D(2020, 3, 19), D(2020, 6, 19), None, D(2020, 12, 18)),
    "ubnd-cu-jut": (D(2020, 3, 18), D(2020, 6, 17), D(2020, 9, 18), D(2020, 12, 17)),
    "ubnd-dak-mil": (D(2020, 3, 18), D(2020, 6, 18), D(2020, 9, 17), D(2020, 12, 17)),
    "ubnd-krong-no": (D(2020, 3, 27), D(2020, 6, 19), D(2020, 9, 21), D(2020, 12, 18)),
    "ubnd-dak-song": (D(2020, 3, 19), D(2020, 6, 22), D(2020, 9, 18), D(2020, 12, 28)),
    "ubnd-dak-rlap": (D(2020, 3, 20), D(2020, 6, 19), D(2020, 9, 28), D(2020, 12, 18)),
    "ubnd-tuy-duc": (None, D(2020, 6, 26), D(2020, 9, 21), D(2020, 12, 21)),
    # Not owed (the Fatherland Front, implementers, communes) but counted.
    "mttq-tinh": (None, D(2020, 6, 18), None, D(2020, 12, 17)),
    "tt-hcc": (D(2020, 3, 18), D(2020, 6, 17), D(2020, 9, 17), D(2020, 12, 17)),
    "so-tu-phap": (None, D(2020, 6, 19), None, D(2020, 12, 18)),
    "benh-vien-tinh": (None, D(2020, 6, 17), None, D(2020, 12, 16)),
    "ttyt-huyen": (None, D(2020, 6, 18), None, D(2020, 12, 17)),
    "dai-ptth-tinh": (None, None, None, D(2020, 12, 16)),
    "ubnd-nghia-duc": (None, D(2020, 6, 12), None, D(2020, 12, 10)),
    "ubnd-dak-mam": (None, D(2020, 6, 11), None, None),
    "ubnd-ea-tling": (None, None, D(2020, 9, 10), None),
    "ubnd-quang-tan": (None, None, None, D(2020, 12, 9)),
}

# Section III.1.1 documents, given in each agency's first file of the year (due 9/2/2020).
# Late: so-gtvt, ubnd-tuy-duc. Never given: to-kiem-tra, so-cong-thuong.
IMPLEMENTATION_DOCUMENTS: dict[str, tuple[str, D]] = {
    "so-noi-vu": ("08/KH-SNV", D(2020, 1, 20)),
    "so-ldtbxh": ("45/KH-SLĐTBXH", D(2020, 2, 5)),
    "so-tnmt": ("27/KH-STNMT", D(2020, 2, 6)),
    "thanh-tra-tinh": ("05/KH-TTr", D(2020, 1, 31)),
    "tand-tinh": ("12/KH-TA", D(2020, 2, 7)),
    "vp-ubnd-tinh": ("09/KH-VPUBND", D(2020, 1, 22)),
    "so-gddt": ("31/KH-SGDĐT", D(2020, 2, 4)),
    "so-y-te": ("19/KH-SYT", D(2020, 2, 3)),
    "so-xay-dung": ("14/KH-SXD", D(2020, 2, 6)),
    "bhxh-tinh": ("102/KH-BHXH", D(2020, 2, 5)),
    "so-gtvt": ("21/KH-SGTVT", D(2020, 2, 24)),
    "cong-an-tinh": ("87/KH-CAT-PV01", D(2020, 2, 7)),
    "so-nnptnt": ("16/KH-SNN", D(2020, 2, 3)),
    "so-tttt": ("11/KH-STTTT", D(2020, 1, 21)),
    "ubnd-gia-nghia": ("24/KH-UBND", D(2020, 2, 4)),
    "ubnd-dak-glong": ("18/KH-UBND", D(2020, 2, 6)),
    "ubnd-cu-jut": ("30/KH-UBND", D(2020, 2, 5)),
    "ubnd-dak-mil": ("22/KH-UBND", D(2020, 2, 3)),
    "ubnd-krong-no": ("27/KH-UBND", D(2020, 2, 7)),
    "ubnd-dak-song": ("15/KH-UBND", D(2020, 1, 31)),
    "ubnd-dak-rlap": ("19/KH-UBND", D(2020, 2, 6)),
    "ubnd-tuy-duc": ("12/KH-UBND", D(2020, 2, 28)),
    "mttq-tinh": ("28/KH-MTTQ-BTT", D(2020, 2, 5)),
    "tt-hcc": ("04/KH-TTHCC", D(2020, 2, 4)),
    "so-tu-phap": ("09/KH-STP", D(2020, 2, 5)),
    "ubnd-nghia-duc": ("06/KH-UBND", D(2020, 2, 7)),
    "ubnd-dak-mam": ("03/KH-UBND", D(2020, 2, 6)),
}

DISTRICTS = ("gia-nghia", "dak-glong", "cu-jut", "dak-mil", "krong-no", "dak-song", "dak-rlap", "tuy-duc")

# How each district names communes in its files: by slug, by official code (quoted or not), or a mix.
UNIT_STYLE = {"gia-nghia": "slug", "dak-glong": "quoted", "cu-jut": "mixed", "dak-mil": "code",
              "krong-no": "slug", "dak-song": "mixed", "dak-rlap": "slug", "tuy-duc": "quoted"}


@dataclass(frozen=True)
class Code:
    """An official unit code, written unquoted (``24612``) or quoted (``'24612'``)."""

    digits: str
    quoted: bool


@dataclass
class Report:
    agency: str
    quarter: int  # 0..3
    submitted_on: D
    implementation_document: tuple[str, D] | None = None
    results: dict[str, dict] = field(default_factory=dict)

    @property
    def period(self) -> str:
        return QUARTERS[self.quarter]


def ratio(num: int, den: int, **extra) -> dict:
    assert 0 <= num <= den, (num, den)
    return {"numerator": num, "denominator": den, **extra}


def ddmm(day: D) -> str:
    return f"{day.day:02d}/{day.month}/{day.year}"  # as in "ngày 02/4/2020"


class Sample:
    """Builds every report of the year from the plan's units and the scenario below."""

    def __init__(self, plan) -> None:
        self.plan = plan
        self.communes = {d: [u.slug for u in plan.communes_of(d)] for d in DISTRICTS}
        self.all_communes = [c for d in DISTRICTS for c in self.communes[d]]
        self.rng = random.Random(4620)
        self.reports: dict[tuple[str, int], Report] = {}
        for agency, dates in SCHEDULE.items():
            first = True
            for q, day in enumerate(dates):
                if day is None:
                    continue
                doc = IMPLEMENTATION_DOCUMENTS.get(agency) if first else None
                self.reports[(agency, q)] = Report(agency, q, day, doc)
                first = False

    # --- helpers ----------------------------------------------------------------------------
    def report(self, agency: str, q: int) -> Report | None:
        return self.reports.get((agency, q))

    def put(self, agency: str, q: int, code: str, result: dict) -> None:
        rep = self.report(agency, q)
        if rep is not None:
            rep.results[code] = result

    def unit_refs(self, slugs: list[str], style: str) -> list[str | Code]:
        refs: list[str | Code] = []
        for i, slug in enumerate(slugs):
            code = self.plan.unit(slug).code
            if style == "slug" or (style == "mixed" and i % 2 == 0):
                refs.append(slug)
            else:
                refs.append(Code(code, quoted=(style == "quoted" or (style == "mixed" and i % 4 == 1))))
        return refs

    def district_of(self, commune: str) -> str:
        return self.plan.unit(commune).district

    def schedule_coverage(self, code: str, counts: tuple[int, int, int, int], never: set[str]) -> dict[str, int]:
        """The quarter in which each commune first does what indicator `code` counts.

        `counts` are the province-wide cumulative numbers of communes at the end of each quarter.
        """
        order = sorted(c for c in self.all_communes if c not in never)
        random.Random(code).shuffle(order)
        assert counts[-1] == len(order), (code, counts, len(order))
        return {c: next(q for q, n in enumerate(counts) if i < n) for i, c in enumerate(order)}

    # --- the scenario -----------------------------------------------------------------------
    def build(self) -> list[Report]:
        self.coverage()
        self.inspections()
        self.province_leads()
        self.districts()
        self.others()
        self.communes_files()
        return [self.reports[k] for k in sorted(self.reports, key=lambda k: (k[1], k[0]))]

    COVERAGE = {
        # code: (cumulative communes at end of Q1..Q4, communes that never do it, recurring?)
        "I.1": ((34, 48, 60, 70), {"dak-ngo"}, True),
        "II.1": ((30, 46, 60, 71), set(), True),
        "II.2": ((22, 36, 48, 71), set(), True),
        "II.4": ((38, 50, 58, 70), {"dak-som"}, True),
        "II.5": ((24, 38, 48, 68), {"dak-rtih", "nam-njang", "dak-ru"}, True),
        "II.7": ((8, 24, 40, 64), {"quang-khe", "dak-sor", "nam-nung", "dak-ndrung", "dao-nghia",
                                   "dak-ngo", "dak-buk-so"}, False),
        "III.5": ((20, 44, 60, 71), set(), True),
    }
    COVERAGE_NOTES = {
        "I.1": "Các xã, phường, thị trấn đã tuyên truyền Pháp lệnh dân chủ cơ sở qua loa truyền thanh và họp thôn, bon",
        "II.1": "Quy trình bình xét hộ nghèo được niêm yết tại trụ sở UBND xã và thông báo tại họp thôn",
        "II.2": "Danh sách hộ nghèo và chính sách được niêm yết công khai",
        "II.4": "Dự toán, quyết toán ngân sách xã được công khai theo quy định",
        "II.5": "Các khoản đóng góp của nhân dân được công khai tại trụ sở và họp thôn, bon, tổ dân phố",
        "II.7": "Xã tổ chức hội nghị đối thoại với người dân",
        "III.5": "Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng hoạt động giám sát",
    }

    COMMUNE_NOTES = {
        "I.1": "Tuyên truyền qua loa truyền thanh và các cuộc họp thôn, tổ dân phố",
        "II.1": "Niêm yết quy trình bình xét hộ nghèo tại trụ sở UBND",
        "II.2": "Niêm yết danh sách hộ nghèo, cận nghèo và các chính sách hỗ trợ",
        "II.4": "Công khai dự toán năm 2020 và quyết toán năm 2019",
        "II.5": "Công khai các khoản huy động làm đường giao thông nông thôn",
        "II.7": "Tổ chức hội nghị đối thoại giữa Chủ tịch UBND và người dân",
        "III.5": "Ban Thanh tra nhân dân giám sát việc giải quyết TTHC",
    }

    def coverage(self) -> None:
        """District People's Committees list their communes; so-ldtbxh and mttq-tinh list some too."""
        self.schedules = {code: self.schedule_coverage(code, counts, never)
                          for code, (counts, never, _) in self.COVERAGE.items()}
        for code, (_, _, recurring) in self.COVERAGE.items():
            schedule = self.schedules[code]
            for district in DISTRICTS:
                listed: set[str] = set()
                for q in range(4):
                    if self.report(f"ubnd-{district}", q) is None:
                        continue
                    done = [c for c in self.communes[district] if schedule.get(c, 9) <= q]
                    units = done if recurring else [c for c in done if c not in listed]
                    listed.update(units)
                    if not units:
                        continue
                    if recurring and q == 3 and district == "cu-jut" and len(done) == len(self.communes[district]):
                        refs: object = "all"
                    else:
                        refs = self.unit_refs(units, UNIT_STYLE[district])
                    result: dict = {"units": refs, "note": self.COVERAGE_NOTES[code]}
                    if code == "II.7":
                        result["note"] = f"{len(units)} xã tổ chức đối thoại với người dân trong quý"
                    self.put(f"ubnd-{district}", q, code, result)
        # so-ldtbxh confirms, from its own monitoring, communes that districts also report.
        for code, evidence in (("II.1", "Công văn số {n}/SLĐTBXH-BTXH ngày {d} về rà soát hộ nghèo"),
                               ("II.2", "Báo cáo số {n}/BC-SLĐTBXH ngày {d}")):
            for q in range(4):
                rep = self.report("so-ldtbxh", q)
                done = sorted(c for c, qq in self.schedules[code].items() if qq <= q)
                picked = random.Random(f"{code}{q}").sample(done, 4)
                self.put("so-ldtbxh", q, code, {
                    "units": self.unit_refs(picked, "mixed"),
                    "evidence": [evidence.format(n=112 + 37 * q, d=ddmm(rep.submitted_on - dt.timedelta(days=3)))],
                    "note": "Các xã được Sở kiểm tra trực tiếp việc niêm yết, công khai"})
        # The Fatherland Front's six-monthly reports on its oversight (III.5).
        for q, n in ((1, 10), (3, 14)):
            done = sorted(c for c, qq in self.schedules["III.5"].items() if qq <= q)
            picked = random.Random(f"III.5{q}").sample(done, n)
            self.put("mttq-tinh", q, "III.5", {
                "units": self.unit_refs(picked, "slug"),
                "evidence": [f"Báo cáo số {31 + 40 * q}/BC-MTTQ-BTT ngày {ddmm(self.report('mttq-tinh', q).submitted_on)}"],
                "note": "Ủy ban MTTQ tỉnh trực tiếp giám sát hoạt động của chính quyền các xã"})
            self.put("mttq-tinh", q, "VI.1", {"note": "Phối hợp tuyên truyền chính sách bảo hiểm y tế qua các tổ chức thành viên"})

    # II.3: 22 of 71 communes inspected by the end of the year (30.99 %), one named twice.
    II3 = {
        ("so-ldtbxh", 1): ["nghia-thanh", "dak-wil", "nam-dong"],
        ("so-ldtbxh", 2): ["duc-minh", "dak-sak", "quang-son"],
        ("so-ldtbxh", 3): ["kien-duc", "nam-binh", "dak-buk-so"],
        ("ubnd-gia-nghia", 0): ["nghia-duc", "nghia-thanh"],
        ("ubnd-dak-mil", 0): ["thuan-an"],
        ("ubnd-cu-jut", 1): ["ea-tling", "truc-son"],
        ("ubnd-krong-no", 1): ["dak-mam", "nam-da"],
        ("ubnd-tuy-duc", 1): ["quang-truc"],
        ("ubnd-dak-song", 2): ["duc-an"],
        ("ubnd-dak-rlap", 2): ["nhan-co"],
        ("ubnd-dak-glong", 3): ["dak-plao"],
        ("ubnd-krong-no", 3): ["quang-phu"],
        ("ubnd-dak-mil", 3): ["dak-lao"],
        ("ubnd-dak-song", 3): ["thuan-ha"],
    }
    # V.3: spot checks of the district People's Committees by the province's inspection team
    # (districts by slug or by code); Tuy Đức is never checked.
    V3 = {1: (["660", "cu-jut"], "Kiểm tra đột xuất Bộ phận một cửa của 2 huyện, thành phố"),
          2: (["dak-mil", "krong-no", "665"], "Kiểm tra đột xuất Bộ phận một cửa của 3 huyện"),
          3: (["dak-rlap", "661"], "Kiểm tra đột xuất 2 huyện; huyện Tuy Đức chưa kiểm tra, chuyển sang năm 2021")}

    def inspections(self) -> None:
        for (agency, q), communes in self.II3.items():
            rep = self.report(agency, q)
            assert rep is not None, (agency, q)
            style = "code" if agency == "so-ldtbxh" else UNIT_STYLE[agency.removeprefix("ubnd-")]
            who = "Đoàn kiểm tra của Sở" if agency == "so-ldtbxh" else "Phòng Lao động - TB&XH"
            prefix = "SLĐTBXH" if agency == "so-ldtbxh" else "UBND"
            self.put(agency, q, "II.3", {
                "units": self.unit_refs(communes, style),
                "evidence": [f"Kế hoạch kiểm tra số {12 + 9 * q + len(agency)}/KH-{prefix} ngày {ddmm(rep.submitted_on - dt.timedelta(days=40))}"],
                "note": f"{who} đã kiểm tra {len(communes)} xã trong quý, không phát hiện sai phạm lớn"})
        for q, (districts, note) in self.V3.items():
            rep = self.report("to-kiem-tra", q)
            self.put("to-kiem-tra", q, "V.3", {
                "units": [Code(d, quoted=True) if d.isdigit() else d for d in districts],
                "evidence": [f"Thông báo kết luận kiểm tra số {5 + 4 * q}/TB-TKT ngày {ddmm(rep.submitted_on - dt.timedelta(days=6))}"],
                "note": note})

    def province_leads(self) -> None:
        p = self.put
        # Sở Nội vụ
        for q, (ins, iv3) in enumerate((((0, 0), (3, 5)), ((0, 0), (4, 5)), ((0, 0), (5, 5)), ((38, 38), (5, 5)))):
            note = "Trong quý không tổ chức tuyển dụng" if ins == (0, 0) else "Kỳ thi tuyển công chức tỉnh năm 2020"
            p("so-noi-vu", q, "IV.2", ratio(*ins, note=note))
            p("so-noi-vu", q, "IV.3", ratio(*iv3, note="Sở và các đơn vị trực thuộc tự kiểm tra công vụ"))
            p("so-noi-vu", q, "III.1a", ratio(q % 2 + 1, q % 2 + 1))
        p("so-noi-vu", 0, "V.4", {"status": "not_started", "note": "Kiểm tra liên ngành thực hiện trong quý III"})
        p("so-noi-vu", 1, "V.4", {"status": "in_progress", "evidence": ["Kế hoạch số 96/KH-SNV ngày 05/6/2020 về kiểm tra liên ngành CCHC, PCI"],
                                  "note": "Đã ban hành kế hoạch kiểm tra liên ngành"})
        p("so-noi-vu", 2, "V.4", ratio(24, 98, evidence=["Báo cáo số 188/BC-ĐKTLN ngày 14/9/2020"],
                                       note="Đã kiểm tra 6 sở, 3 huyện và 15 xã; còn một số đơn vị chuyển sang quý IV"))
        p("so-noi-vu", 3, "V.4", ratio(30, 98, evidence=["Báo cáo số 241/BC-ĐKTLN ngày 30/11/2020"],
                                       note="Hoàn thành kiểm tra bổ sung 6 đơn vị trong tháng 10, tháng 11"))
        p("so-noi-vu", 3, "IV.4", ratio(5, 5))
        p("so-noi-vu", 3, "IX.2", ratio(96, 214))
        p("so-noi-vu", 3, "IX.4b", ratio(4, 21))
        for q in range(4):
            p("so-noi-vu", q, "V.1", {"status": "in_progress" if q < 2 else "done",
                                      "evidence": ["Quyết định số 1204/QĐ-UBND ngày 20/8/2020"] if q >= 2 else [],
                                      "note": "Rà soát TTHC lĩnh vực nội vụ"})

        # Sở Lao động - Thương binh và Xã hội (II.1, II.2, II.3 filled in by coverage() and inspections())
        for q, (a, b, c) in enumerate((((3, 3), (2, 2), (0, 0)), ((4, 4), (3, 4), (0, 0)), ((2, 3), (2, 2), (12, 12)), ((5, 5), (3, 3), (0, 0)))):
            p("so-ldtbxh", q, "III.1a", ratio(*a))
            p("so-ldtbxh", q, "III.2", ratio(*b))
            if c != (0, 0):
                p("so-ldtbxh", q, "IV.2", ratio(*c, note="Tuyển dụng viên chức các cơ sở bảo trợ xã hội"))
            p("so-ldtbxh", q, "IV.3", ratio((2, 3, 4, 4)[q], 4))
        p("so-ldtbxh", 3, "IX.2", ratio(188, 402))
        p("so-ldtbxh", 3, "IX.4b", ratio(6, 31))
        p("so-ldtbxh", 3, "IV.4", ratio(4, 4))
        p("so-ldtbxh", 1, "VI.1", {"note": "Cấp thẻ bảo hiểm y tế cho người thuộc hộ nghèo, cận nghèo"})

        # Sở Tài nguyên và Môi trường
        land = ((5812, 6230), (6485, 6920), (7120, 7580), (9960, 10070))
        apologies = (231, 262, 301, 84)
        waste = (87.5, 88, 88.5, 90)
        for q in range(4):
            num, den = land[q]
            p("so-tnmt", q, "II.6", ratio((5, 9, 11, 14)[q], 14, note="Quy hoạch, kế hoạch sử dụng đất và bảng giá đất được công khai trên Cổng thông tin điện tử"))
            p("so-tnmt", q, "V.6a", ratio(num, den, note="Văn phòng Đăng ký đất đai và các chi nhánh"))
            p("so-tnmt", q, "V.6b", ratio(apologies[q], den - num, note="Hồ sơ trễ hẹn có phiếu xin lỗi và hẹn lại ngày trả kết quả"))
            p("so-tnmt", q, "VII.1", {"percent": waste[q], "evidence": [f"Báo cáo số {61 + 50 * q}/BC-STNMT về công tác thu gom, xử lý chất thải rắn sinh hoạt"],
                                     "note": "Tỷ lệ chung toàn tỉnh; khu vực nông thôn còn thấp"})
            p("so-tnmt", q, "III.1a", ratio(*((18, 21), (22, 24), (19, 22), (25, 26))[q], note="Chủ yếu tranh chấp, khiếu nại về đất đai"))
            p("so-tnmt", q, "III.2", ratio(*((6, 6), (8, 9), (5, 6), (7, 7))[q]))
            p("so-tnmt", q, "IV.3", ratio((3, 4, 5, 6)[q], 6))
        p("so-tnmt", 3, "IX.2", ratio(372, 920))
        p("so-tnmt", 3, "IX.4b", ratio(12, 58))
        p("so-tnmt", 3, "IV.4", ratio(7, 7))

        # Thanh tra tỉnh
        for q in range(4):
            p("thanh-tra-tinh", q, "III.1a", ratio(*((11, 12), (14, 15), (12, 13), (16, 17))[q], note="Đơn thư thuộc thẩm quyền của Thanh tra tỉnh"))
            p("thanh-tra-tinh", q, "III.1b", ratio(*((86, 86), (64, 64), (71, 71), (93, 93))[q], note="Lượt công dân tại Trụ sở tiếp công dân tỉnh"))
            p("thanh-tra-tinh", q, "III.2", ratio(*((9, 9), (7, 8), (11, 11), (10, 10))[q]))
            p("thanh-tra-tinh", q, "IV.1", ratio((6, 11, 15, 18)[q], 18, note="Luật Phòng, chống tham nhũng 2018 và các văn bản hướng dẫn"))
            p("thanh-tra-tinh", q, "IV.3", ratio(1 if q else 0, 1))
        p("thanh-tra-tinh", 3, "IV.4", ratio(1, 1, note="Việc kê khai của các cơ quan, đơn vị hoàn thành trước 31/12/2020; số liệu tổng hợp đến ngày 14/12"))

        # Tòa án nhân dân tỉnh
        for q, fig in enumerate(((131, 139), (142, 149), (155, 161), (168, 172))):
            p("tand-tinh", q, "III.3", ratio(*fig, note="Số vụ bị hủy, sửa do lỗi chủ quan giảm so với năm 2019"))

        # Văn phòng UBND tỉnh
        for q in range(4):
            p("vp-ubnd-tinh", q, "III.4", {"percent": (93.5, 93.8, 94.1, 96.2)[q],
                                          "evidence": ["Kết quả khảo sát sự hài lòng qua phiếu và hệ thống đánh giá điện tử"]})
            v1 = {"status": "in_progress" if q < 2 else "done",
                  "note": "Phương án đơn giản hóa TTHC năm 2020 đã được phê duyệt" if q >= 2 else "Các sở, ngành đang rà soát TTHC"}
            if q >= 2:
                v1["evidence"] = ["Quyết định số 1204/QĐ-UBND ngày 20/8/2020 của UBND tỉnh"]
            p("vp-ubnd-tinh", q, "V.1", v1)
            p("vp-ubnd-tinh", q, "V.2", ratio((4, 6, 6, 6)[q], 6))
            p("vp-ubnd-tinh", q, "IV.3", ratio((1, 2, 2, 2)[q], 2))
        p("vp-ubnd-tinh", 2, "IX.3", {"status": "in_progress", "note": "Đang xây dựng giải pháp kỹ thuật với doanh nghiệp viễn thông"})
        p("vp-ubnd-tinh", 3, "IX.3", {"status": "in_progress", "note": "Chưa đưa vào vận hành; dự kiến quý I/2021"})
        p("vp-ubnd-tinh", 2, "IX.4a", {"status": "in_progress"})
        p("vp-ubnd-tinh", 3, "IX.4a", {"status": "done", "evidence": ["Công văn số 5870/VPUBND-KSTT ngày 30/11/2020",
                                                                    "Cổng Dịch vụ công tỉnh đã kết nối với Cổng Dịch vụ công quốc gia"]})
        p("vp-ubnd-tinh", 3, "IX.2", ratio(41, 96))
        p("vp-ubnd-tinh", 3, "IX.4b", ratio(3, 11))
        p("vp-ubnd-tinh", 3, "IX.5", {"note": "Đã xây dựng 6 video hướng dẫn; pano, áp phích đang triển khai"})
        p("vp-ubnd-tinh", 3, "IV.4", ratio(1, 1))

        # Sở Giáo dục và Đào tạo (IV.5 figures come from the districts, which employ the teachers)
        for q in range(4):
            p("so-gddt", q, "IV.5", {"status": "in_progress", "evidence": [f"Kế hoạch bồi dưỡng thường xuyên số {20 + q}/KH-SGDĐT"] if q == 0 else [],
                                     "note": "Sở hướng dẫn, các huyện tổ chức bồi dưỡng; số liệu do UBND cấp huyện báo cáo"})
            p("so-gddt", q, "VI.5", {"count": (0, 1, 0, 1)[q], **({"note": "Thanh tra dạy thêm, học thêm và thu chi đầu năm học"} if q in (1, 3) else {})})
            p("so-gddt", q, "IV.3", ratio((2, 3, 3, 3)[q], 3))
        p("so-gddt", 2, "IV.2", ratio(18, 18, note="Tuyển dụng viên chức các trường trực thuộc Sở"))
        p("so-gddt", 3, "IX.2", ratio(22, 76))
        p("so-gddt", 3, "IX.4b", ratio(5, 19))
        p("so-gddt", 3, "IV.4", ratio(34, 36))

        # Sở Y tế
        for q in range(4):
            p("so-y-te", q, "IV.6", ratio((180, 290, 350, 430)[q], 430, note="Cơ quan Sở và 71 trạm y tế xã, phường, thị trấn"))
            p("so-y-te", q, "VI.2", {"status": "in_progress"} if q == 0 else
              {"status": "done", "evidence": ["Nghị quyết số 10/2020/NQ-HĐND về chính sách thu hút bác sĩ"], "note": "Đã thu hút 9 bác sĩ về công tác tại tỉnh"})
            p("so-y-te", q, "VI.3", {"status": "in_progress", "note": "Đang rà soát, sửa đổi quy tắc ứng xử theo Thông tư 07/2014/TT-BYT"})
            p("so-y-te", q, "VI.4", {"status": "in_progress"} if q < 3 else
              {"status": "done", "evidence": ["Quy chế số 25/QC-SYT ngày 02/10/2020"], "note": "Đường dây nóng hoạt động tại tất cả bệnh viện"})
            p("so-y-te", q, "IV.3", ratio((10, 14, 16, 17)[q], 18))
            p("so-y-te", q, "III.1a", ratio(*((3, 3), (2, 2), (4, 4), (3, 3))[q]))
        p("so-y-te", 2, "IV.2", ratio(45, 45, note="Tuyển dụng viên chức y tế"))
        p("so-y-te", 3, "IX.2", ratio(12, 95))
        p("so-y-te", 3, "IX.4b", ratio(7, 40))
        p("so-y-te", 3, "IV.4", ratio(24, 26))

        # Sở Xây dựng
        for q in range(4):
            p("so-xay-dung", q, "V.5", ratio(*((4, 4), (3, 3), (5, 5), (2, 2))[q]))
            p("so-xay-dung", q, "VI.8", {"status": "in_progress"} if q < 3 else
              {"status": "done", "evidence": ["Báo cáo số 318/BC-SXD ngày 11/12/2020 về kết quả thực hiện chỉ tiêu phát triển đô thị"]})
            p("so-xay-dung", q, "IV.3", ratio((1, 2, 2, 2)[q], 2))
        p("so-xay-dung", 3, "IX.2", ratio(64, 110))
        p("so-xay-dung", 3, "IX.4b", ratio(5, 16))

        # Bảo hiểm xã hội tỉnh
        for q in range(4):
            p("bhxh-tinh", q, "VI.1", {"status": "in_progress", "note": f"Tỷ lệ bao phủ bảo hiểm y tế đạt {('84,1', '85,0', '86,3')[q]}%"} if q < 3 else
              {"status": "done", "evidence": ["Báo cáo số 1650/BC-BHXH ngày 15/12/2020"], "note": "Tỷ lệ bao phủ bảo hiểm y tế đạt 88,2%, vượt chỉ tiêu giao"})

        # Sở Công Thương (no report in Q4)
        for q in range(3):
            p("so-cong-thuong", q, "VI.6", {"status": ("not_started", "in_progress", "in_progress")[q],
                                            "note": "Phối hợp Công ty Điện lực rà soát các thôn, bon chưa có điện lưới"})
            p("so-cong-thuong", q, "IV.3", ratio((1, 2, 2)[q], 3))
            p("so-cong-thuong", q, "III.1a", ratio(1, 1))

        # Sở Giao thông vận tải (no report in Q2)
        gtvt_notes = {0: "Đang triển khai các dự án đường giao thông nông thôn",
                      3: "Một số tuyến chưa hoàn thành do vướng giải phóng mặt bằng"}
        for q in (0, 2, 3):
            p("so-gtvt", q, "VI.7", {"status": "in_progress", "note": gtvt_notes.get(q)})
            p("so-gtvt", q, "IV.3", ratio((1, 0, 2, 2)[q], 2))
        p("so-gtvt", 3, "IX.2", ratio(48, 130))
        p("so-gtvt", 3, "IX.4b", ratio(4, 22))

        # Công an tỉnh (no report in Q3)
        for q in (0, 1, 3):
            p("cong-an-tinh", q, "VI.9", {"status": "in_progress", "note": "Triển khai mô hình tự quản về an ninh trật tự ở khu dân cư"} if q < 3 else
              {"status": "done", "evidence": ["Báo cáo số 2145/BC-CAT-PV01 ngày 10/12/2020"], "note": "Không phát sinh điểm nóng về an ninh trật tự"})

        # Sở Nông nghiệp và Phát triển nông thôn
        for q in range(4):
            p("so-nnptnt", q, "VII.2", {"status": "in_progress"} if q < 3 else
              {"status": "done", "evidence": ["Báo cáo số 402/BC-SNN ngày 08/12/2020"], "note": "Tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh đạt kế hoạch"})
            p("so-nnptnt", q, "IV.3", ratio((5, 7, 8, 9)[q], 9))
        p("so-nnptnt", 2, "IV.2", ratio(22, 22))
        p("so-nnptnt", 3, "IX.2", ratio(35, 90))
        p("so-nnptnt", 3, "IX.4b", ratio(6, 27))

        # Sở Thông tin và Truyền thông
        for q in range(4):
            p("so-tttt", q, "IX.1", {"status": "in_progress"} if q < 3 else
              {"status": "done", "evidence": ["Báo cáo số 512/BC-STTTT ngày 09/12/2020 về kết quả xây dựng Chính quyền điện tử"]})
            p("so-tttt", q, "IV.3", ratio(2 if q else 1, 2))
        p("so-tttt", 3, "IX.2", ratio(42, 60))
        p("so-tttt", 3, "IX.4b", ratio(9, 24))

    def districts(self) -> None:
        """District People's Committees: their own figures for the indicators they implement."""
        rng = self.rng
        for district in DISTRICTS:
            agency = f"ubnd-{district}"
            n = len(self.communes[district])
            urban = district == "gia-nghia"
            land_plans = 4 + n // 3
            docs = 15
            self_check = 12 + n
            teachers = 92 * n + rng.randint(-40, 40)
            one_stop = 8 + n // 4
            iv3_final = self_check - (rng.choice((0, 1, 2)) if district in ("krong-no", "dak-rlap", "tuy-duc", "dak-glong") else 0)
            for q in range(4):
                if self.report(agency, q) is None:
                    continue
                p = lambda code, result: self.put(agency, q, code, result)  # noqa: E731
                p("II.6", ratio(round(land_plans * (0.4, 0.65, 0.85, 1)[q]), land_plans))
                complaints = rng.randint(6, 14) + n
                pending = rng.choice((0, 0, 1, 2)) if q != 1 else 0
                p("III.1a", ratio(complaints - pending, complaints))
                visits = rng.randint(15, 45)
                p("III.1b", ratio(visits, visits))
                requests = rng.randint(3, 10)
                p("III.2", ratio(requests - rng.choice((0, 0, 0, 1)), requests))
                p("III.4", {"percent": round(rng.uniform(93, 98.5), 1),
                            "note": "Kết quả khảo sát tại Bộ phận một cửa cấp huyện"})
                p("IV.1", ratio(round(docs * (0.4, 0.6, 0.8, 1)[q]), docs))
                if q >= 2:
                    hired = rng.randint(15, 55)
                    p("IV.2", ratio(hired, hired, note="Tuyển dụng giáo viên mầm non, tiểu học"))
                p("IV.3", ratio(round(self_check * (0.35, 0.55, 0.7, 1)[q]) if q < 3 else iv3_final, self_check))
                p("IV.5", ratio(round(teachers * (0.2, 0.45, 0.72, 0.97 if district != "gia-nghia" else 1)[q]), teachers))
                p("V.2", ratio(round(one_stop * (0.5, 0.75, 0.9, 1)[q]), one_stop))
                permits = rng.randint(0, 4)
                p("V.5", ratio(permits, permits))
                dossiers = rng.randint(140, 380) + (300 if urban else 0)
                on_time = round(dossiers * (rng.uniform(0.91, 0.95) if q < 3 else rng.uniform(0.975, 0.99)))
                p("V.6a", ratio(on_time, dossiers))
                p("V.6b", ratio(round((dossiers - on_time) * rng.uniform(0.5, 0.8)), dossiers - on_time))
                p("VII.1", {"percent": 95.5 if urban else round(rng.uniform(62, 84), 1),
                            "note": "Tỷ lệ thu gom tại khu vực đô thị và trung tâm xã"})
                if q == 3:
                    total = 14 + n
                    p("IV.4", ratio(total - rng.choice((0, 1, 3)), total, note="Số liệu đến ngày 14/12/2020"))
                    resolved = rng.randint(140, 420)
                    p("IX.2", ratio(round(resolved * rng.uniform(0.3, 0.55)), resolved))
                    services = rng.randint(14, 24)
                    p("IX.4b", ratio(round(services * rng.uniform(0.1, 0.3)), services))
                    p("V.1", {"status": "done", "evidence": [f"Quyết định công bố TTHC cấp huyện số {300 + n}/QĐ-UBND"]})
                    p("VI.8", {"status": "in_progress", "note": "Chỉnh trang đô thị trung tâm huyện"})

    def others(self) -> None:
        """Reports not owed: implementers that report all the same."""
        p = self.put
        for q in range(4):
            p("tt-hcc", q, "III.4", {"percent": (96.8, 97.1, 97.4, 97.9)[q], "note": "Đánh giá qua thiết bị tại quầy"})
            p("tt-hcc", q, "V.2", ratio((30, 38, 42, 42)[q], 42))
        for q in (1, 3):
            p("so-tu-phap", q, "III.1a", ratio(2, 2))
            p("so-tu-phap", q, "IV.3", ratio(3 if q == 1 else 4, 4))
            p("benh-vien-tinh", q, "IV.6", ratio(480 if q == 1 else 650, 650, note="Bồi dưỡng kỹ năng giao tiếp, ứng xử với người bệnh"))
            p("benh-vien-tinh", q, "VI.3", {"status": "in_progress"})
            p("ttyt-huyen", q, "IV.6", ratio(800 if q == 1 else 1100, 1100, note="Trung tâm y tế 8 huyện, thành phố"))
        p("dai-ptth-tinh", 3, "IV.1", ratio(12, 12, note="Chuyên mục phòng, chống tham nhũng phát sóng hằng tháng"))
        p("dai-ptth-tinh", 3, "III.2", ratio(6, 6, note="Kiến nghị của thính giả được trả lời trên sóng"))

    def communes_files(self) -> None:
        """A few commune People's Committees report to their district; each lists only itself."""
        for (agency, q), rep in self.reports.items():
            unit = self.plan.unit(agency.removeprefix("ubnd-"))
            if unit is None or unit.level != "commune":
                continue
            for code in self.COVERAGE:
                if self.schedules[code].get(unit.slug, 9) <= q:
                    ref = unit.slug if q % 2 else Code(unit.code, quoted=False)
                    rep.results[code] = {"units": [ref], "note": self.COMMUNE_NOTES[code]}
            visits = 3 + q
            rep.results["III.1b"] = ratio(visits, visits)
            rep.results["III.2"] = ratio(2, 2)
            rep.results["V.2"] = ratio(3, 3, note="Công chức Bộ phận một cửa của xã")


# --- writing ----------------------------------------------------------------------------------
def block_scalar(value: str) -> str:
    """A string as a plain YAML scalar when it reads back unchanged, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def flow_item(value: str | Code) -> str:
    if isinstance(value, Code):
        return f"'{value.digits}'" if value.quoted else value.digits
    if all(ch.isalnum() or ch == "-" for ch in value) and not value[0].isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)


FIELD_ORDER = ("units", "numerator", "denominator", "percent", "count", "status", "evidence", "note")


def render(rep: Report, plan) -> str:
    agency = plan.agencies[rep.agency]
    lines = [HEADER.rstrip("\n"),
             f"# {agency.name}: báo cáo {QUARTER_WORDS[rep.quarter]} năm 2020 (Quyết định 46/QĐ-UBND).",
             f"agency: {rep.agency}",
             f"period: {rep.period}",
             f"submitted_on: {rep.submitted_on.isoformat()}"]
    if rep.implementation_document:
        number, date = rep.implementation_document
        lines += ["implementation_document:", f"  number: {block_scalar(number)}", f"  date: {date.isoformat()}"]
    lines.append("results:")
    order = [i.code for _, i in plan.indicators()]
    led = {i.code for t, leads in plan.tasks_of(rep.agency) if leads for i in t.indicators}
    for code in sorted(rep.results, key=lambda c: (c not in led, order.index(c))):
        result = rep.results[code]
        lines.append(f"  {code}:")
        for key in FIELD_ORDER:
            value = result.get(key)
            if value is None or value == []:
                continue
            if key == "units" and value == "all":
                lines.append("    units: all")
            elif key in ("units", "evidence"):
                lines.append(f"    {key}: [{', '.join(flow_item(v) for v in value)}]")
            elif isinstance(value, (int, float)):
                lines.append(f"    {key}: {value}")
            else:
                lines.append(f"    {key}: {block_scalar(value)}")
        unknown = set(result) - set(FIELD_ORDER)
        assert not unknown, (rep.agency, code, unknown)
    return "\n".join(lines) + "\n"


def check_authorised(reports: list[Report], plan) -> None:
    """A guard against scenario typos: every result is of a task the agency leads or implements."""
    for rep in reports:
        allowed = {i.code for t, _ in plan.tasks_of(rep.agency) for i in t.indicators}
        stray = set(rep.results) - allowed
        assert not stray, f"{rep.agency} {rep.period}: not authorised for {sorted(stray)}"
        assert rep.submitted_on.weekday() < 5, (rep.agency, rep.period, rep.submitted_on)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "submissions", help="folder to write into (default: submissions/)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="overwrite files that already exist")
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file differs from what would be written")
    args = parser.parse_args(argv)

    loaded = load_plan(Paths.resolve(ROOT))
    if loaded.value is None:
        print("the plan does not load; fix it first (papi validate)", file=sys.stderr)
        return 1
    plan = loaded.value
    reports = Sample(plan).build()
    check_authorised(reports, plan)
    files = {args.out / rep.period / f"{rep.agency}.yaml": render(rep, plan) for rep in reports}

    if args.check:
        differ = [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in differ:
            print(f"differs: {path}")
        return 1 if differ else 0
    existing = [p for p in files if p.exists()]
    if existing and not args.force:
        print(f"{len(existing)} file(s) already exist (e.g. {existing[0]}); nothing written. "
              "Use --force to overwrite them (hand edits would be lost).", file=sys.stderr)
        return 1
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
