"""``papi schema``: the JSON Schema (draft 2020-12) of a submission file, built from the plan.

Editors (the YAML language server, through the first line ``papi new`` writes) complete and
check a file as it is typed: the plan's agency, indicator and unit codes are enums, each
indicator takes the fields of its kind. Who may report what depends on the agency and is
``papi validate``'s to check; the schema is the same for every agency.
"""

from __future__ import annotations

import json
from typing import Any

from papi_cli.commands.common import every_year
from papi_cli.commands.context import Context
from papi_cli.kinds import RESULT_STATUSES, kind_of
from papi_cli.model.plan import Indicator, Plan, Population
from papi_cli.names import without_type_word
from papi_cli.words import Lang, say

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def run(ctx: Context, *, year: int | None = None) -> int:
    plans = every_year(ctx, year)
    schema = submission_schema(plans[0], ctx.lang) if len(plans) == 1 else years_schema(plans, ctx.lang)
    json.dump(schema, ctx.out, ensure_ascii=False, indent=2)
    ctx.out.write("\n")
    return 0


def years_schema(plans: list[Plan], lang: Lang = "vi") -> dict[str, Any]:
    """One schema for the files of every year: each year's schema under ``$defs/year-<Y>`` (its
    own definitions renamed ``<Y>-…``), applied to a file whose period is of that year."""
    defs: dict[str, Any] = {}
    conditions = []
    for plan in sorted(plans, key=lambda p: p.year):
        one = submission_schema(plan, lang)
        prefix = f"{plan.year}-"
        for name, body in one.pop("$defs").items():
            defs[prefix + name] = _renamed(body, prefix)
        one.pop("$schema")
        defs[f"year-{plan.year}"] = _renamed(one, prefix)
        conditions.append({"if": {"properties": {"period": {"pattern": f"^{plan.year}-"}}, "required": ["period"]},
                           "then": {"$ref": f"#/$defs/year-{plan.year}"}})
    years = "|".join(str(plan.year) for plan in plans)
    return {
        "$schema": DRAFT,
        "title": say("schema.title_years", lang, years=", ".join(str(plan.year) for plan in plans)),
        "type": "object",
        "required": ["period"],
        "properties": {"period": {"type": "string", "pattern": f"^({years})-Q[1-4]$"}},
        "allOf": conditions,
        "$defs": defs,
    }


def _renamed(value: Any, prefix: str) -> Any:
    """``{"$ref": "#/$defs/x"}`` → ``{"$ref": "#/$defs/<prefix>x"}``, throughout."""
    if isinstance(value, dict):
        return {key: (f"#/$defs/{prefix}{item[len('#/$defs/'):]}" if key == "$ref" and isinstance(item, str)
                      and item.startswith("#/$defs/") else _renamed(item, prefix)) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, prefix) for item in value]
    return value


def submission_schema(plan: Plan, lang: Lang = "vi") -> dict[str, Any]:
    whole = {"type": "integer", "minimum": 0}
    defs: dict[str, dict[str, Any]] = {
        "status": {"enum": list(RESULT_STATUSES), "description": say("schema.status", lang)},
        "evidence": {"type": "array", "items": {"type": "string", "minLength": 1},
                     "description": say("schema.evidence", lang)},
        "note": {"type": "string"},
        "whole": whole,
    }
    for population in ("communes", "districts"):
        defs[f"unit-{population}"] = {"enum": _unit_names(plan, population)}
        defs[f"units-{population}"] = {
            "description": say("schema.units", lang),
            "anyOf": [{"const": "all"},
                      {"type": "array", "items": {"$ref": f"#/$defs/unit-{population}"}, "uniqueItems": True}],
        }
    results = {indicator.code: _result(plan, indicator) for _, indicator in plan.indicators()}
    return {
        "$schema": DRAFT,
        "title": say("schema.title", lang, decision=plan.decision.number, year=plan.year),
        "type": "object",
        "required": ["agency", "period", "submitted_on", "results"],
        "additionalProperties": False,
        "properties": {
            "agency": {"enum": sorted(plan.agencies), "description": say("schema.agency", lang)},
            "period": {"type": "string", "pattern": f"^{plan.year}-Q[1-4]$"},
            "submitted_on": {"type": "string", "format": "date", "description": say("schema.submitted_on", lang)},
            "implementation_document": {
                "type": "object",
                "required": ["number", "date"],
                "additionalProperties": False,
                "properties": {"number": {"type": "string", "minLength": 1},
                               "date": {"type": "string", "format": "date"}},
            },
            "results": {"type": "object", "minProperties": 1, "additionalProperties": False, "properties": results},
        },
        "$defs": defs,
    }


def _unit_names(plan: Plan, population: Population) -> list[str | int]:
    """Slugs and official codes, the codes also as numbers (``24612`` unquoted is the same code),
    then the names as the units file spells them, with and without their type word (``Thị trấn
    Ea T'Ling``, ``Ea T'Ling``). papi validate also takes these in other cases and without
    diacritics, which an enum cannot list: the editor is stricter there than papi."""
    units = plan.population(population)
    names: list[str | int] = [u.slug for u in units]
    names += [u.code for u in units]
    names += [int(u.code) for u in units if u.code.isascii() and u.code.isdigit() and str(int(u.code)) == u.code]
    written: dict[str, None] = {}
    for unit in units:
        for name in (unit.name, *unit.other_names):
            written[name] = None
            written[without_type_word(name)] = None
    return names + [name for name in written if name not in names]


def _result(plan: Plan, indicator: Indicator) -> dict[str, Any]:
    common = {"status": {"$ref": "#/$defs/status"}, "evidence": {"$ref": "#/$defs/evidence"},
              "note": {"$ref": "#/$defs/note"}}
    measures, extra = kind_of(indicator).schema(plan, indicator)
    return {"type": "object", "description": indicator.name, "minProperties": 1, "additionalProperties": False,
            "properties": {**measures, **common}, **extra}
