"""`papi schema`: a draft 2020-12 JSON Schema with the plan's codes, agreeing with papi validate
on the example files; the committed submission.schema.json is the current output."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from papi_cli.cli import main
from papi_cli.commands.schema import submission_schema
from papi_cli.yamlsafe import load
from tests.conftest import REPO

EXAMPLES = REPO / "tests" / "examples"


@pytest.fixture(scope="module")
def validator(plan):
    schema = submission_schema(plan)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(value):
    """What an editor's YAML language server sees: dates are text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def example(name: str):
    files = [p for p in (EXAMPLES / name / "submissions").rglob("*.y*ml") if p.is_file()]
    doc, problems = load("x", files[0].read_bytes())
    assert doc is not None and not problems
    return as_json(doc.data)


def test_the_codes_of_the_plan_are_enums(plan):
    schema = submission_schema(plan)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]["agency"]["enum"]) == set(plan.agencies)
    assert "ubnd-nghia-duc" in schema["properties"]["agency"]["enum"]
    assert set(schema["properties"]["results"]["properties"]) == {i.code for _, i in plan.indicators()}
    communes = schema["$defs"]["unit-communes"]["enum"]
    assert {"nghia-duc", "24611", 24611} <= set(communes) and "cu-jut" not in communes
    assert {"cu-jut", "663", 663} <= set(schema["$defs"]["unit-districts"]["enum"])


@pytest.mark.parametrize("name", sorted(p.name for p in (EXAMPLES / "valid").iterdir()))
def test_valid_examples_match_the_schema(validator, name):
    assert list(validator.iter_errors(example(f"valid/{name}"))) == []


@pytest.mark.parametrize("name", [
    "unknown-field", "misspelled-field", "misspelled-result-field", "other-kind-field", "wrong-type", "bad-status", "not-filled-in",
    "unknown-agency", "unknown-indicator", "unknown-unit", "wrong-unit-level", "bad-period", "negative",
    "ratio-incomplete", "number-as-text", "percent-out-of-range", "percent-as-string", "count-negative",
    "milestone-done-without-evidence", "all-mixed", "year-without-plan",
])
def test_invalid_examples_the_schema_can_see_fail(validator, name):
    assert list(validator.iter_errors(example(f"invalid/{name}"))) != []


def test_papi_schema_prints_it(capsys):
    code = main(["schema", "--root", str(REPO)])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["title"].startswith("Tệp báo cáo quý")


def test_the_committed_schema_is_current(capsys):
    """`papi new` points editors at submission.schema.json: regenerate it when the plan changes
    (papi schema > submission.schema.json)."""
    main(["schema", "--root", str(REPO)])
    assert (REPO / "submission.schema.json").read_text(encoding="utf-8") == capsys.readouterr().out
