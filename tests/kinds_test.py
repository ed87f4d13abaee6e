"""The registry of indicator kinds: every kind answers for itself, and a seventh kind is one
entry. ``Peak`` (the largest count any agency reported in one quarter) is registered for a test
only: the plan, the checks, the evaluation, the schema, the skeleton and the JSON all take it
without a change anywhere else."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest

from papi_cli import kinds
from papi_cli.cli import main
from papi_cli.kinds.base import OPS, Kind, Part, SkeletonField, Value
from papi_cli.message import Message, Number
from papi_cli.words import CATALOGUE, say


class Peak(Kind):
    name = "peak"
    measures = ("count",)
    plan_fields = frozenset({"op", "threshold"})
    plan_optional = frozenset({"counts"})

    def threshold_range(self, indicator, target):
        return None if target >= 0 and target.denominator == 1 else Message("allowed.count")

    def check(self, checker, path, indicator, values, agency) -> dict[str, Any]:
        return {} if "count" not in values else {"count": checker.whole(path + ("count",), "count", values["count"])}

    def fill(self, plan, indicator, part: Part) -> None:
        counts = [r.result.count for r in part.reports if r.result.count is not None]
        part.count = max(counts) if counts else None

    def combine(self, plan, indicator, parts: list[Part]) -> Value:
        counts = [p.count for p in parts if p.counted and p.count is not None]
        if not counts:
            return Value(False, False)
        peak = max(counts)
        return Value(True, self.reaches(indicator, Fraction(peak)), value=Fraction(peak), count=peak)

    def schema(self, plan, indicator):
        return {"count": {"$ref": "#/$defs/whole"}}, {}

    def skeleton(self, plan, agency, indicator):
        return [SkeletonField("count", Message("new.count", counts=indicator.name))]

    def status_json(self, result, indicator):
        return {"count": result.count}

    def target_json(self, indicator):
        return {"op": indicator.op or ">=", "count": int(indicator.target or 0)}

    def target(self, indicator):
        return Message("target.count", op=OPS[indicator.op or ">="], value=Number(indicator.target or 0))

    def value(self, result, indicator):
        return Message("value.none") if result.count is None else Message("value.count", count=result.count)


@pytest.mark.parametrize("name", sorted(kinds.KINDS))
def test_every_kind_answers_for_itself(name, plan):
    kind = kinds.KINDS[name]
    assert kind.name == name and f"kind.{name}" in CATALOGUE
    indicator = next(i for _, i in plan.indicators() if i.kind == name)
    assert say(kind.target(indicator), "vi") and say(kind.target(indicator), "en")
    properties, _ = kind.schema(plan, indicator)
    assert set(properties) == set(kind.measures)
    assert kind.plan_problems(plan, indicator) == []


def test_no_two_kinds_share_a_measure_field():
    """So that "this field belongs to another kind" names one kind."""
    fields = [field for kind in kinds.KINDS.values() for field in kind.measures]
    assert len(fields) == len(set(fields))


@pytest.fixture
def peak(monkeypatch, project):
    """The project with VI.5 ("at least one inspection") made a peak, and Peak registered."""
    monkeypatch.setitem(kinds.KINDS, "peak", Peak())
    monkeypatch.setitem(CATALOGUE, "kind.peak", ("đỉnh", "peak"))
    monkeypatch.setenv("PAPI_TODAY", "2020-12-31")
    path = project / "plan" / "2020.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - code: VI.5\n")
    path.write_text(text[:start] + text[start:].replace("kind: count", "kind: peak", 1), encoding="utf-8")
    for quarter, count in (("2020-Q1", 3), ("2020-Q2", 1)):
        folder = project / "submissions" / quarter
        folder.mkdir()
        day = "2020-03-16" if quarter == "2020-Q1" else "2020-06-16"
        (folder / "so-gddt.yaml").write_text(
            f"agency: so-gddt\nperiod: {quarter}\nsubmitted_on: {day}\nresults:\n  VI.5:\n    count: {count}\n",
            encoding="utf-8")
    return project


def test_a_seventh_kind_is_one_entry(peak, capsys):
    assert main(["validate", "--root", str(peak)]) == 0
    capsys.readouterr()
    assert main(["status", "--root", str(peak), "--format", "json"]) == 0
    vi5 = next(i for i in json.loads(capsys.readouterr().out)["indicators"] if i["code"] == "VI.5")
    assert (vi5["kind"], vi5["count"], vi5["status"], vi5["target"]) == ("peak", 3, "met", {"op": ">=", "count": 1})
    assert main(["schema", "--root", str(peak)]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]["results"]["properties"]["VI.5"]["properties"]) == {"count", "status", "evidence", "note"}
    assert main(["new", "--root", str(peak), "--agency", "so-gddt", "--period", "2020-Q3"]) == 0
    skeleton = (peak / "submissions" / "2020-Q3" / "so-gddt.yaml").read_text(encoding="utf-8")
    assert "đỉnh" in skeleton and "    count:" in skeleton[skeleton.index("  VI.5:"):]


def test_a_kind_the_registry_does_not_know_is_a_located_plan_problem(project, capsys):
    path = project / "plan" / "2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: count", "kind: peak", 1), encoding="utf-8")
    assert main(["validate", "--root", str(project), "--format", "json", "--lang", "en"]) == 1
    problem = json.loads(capsys.readouterr().out)["problems"][0]
    assert problem["code"] == "wrong-type" and problem["line"] > 0
    assert "one of: coverage, ratio, percent, count, milestone" in problem["message"]
