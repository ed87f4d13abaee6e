"""Pydantic validation errors turned into located, translatable Problems.

Pydantic reports a ``loc`` path (``("tasks", 3, "lead")``); the YAML document knows where each
path stood in the source. The error types are mapped onto papi's own problem codes so that the
message speaks the clerk's language, not pydantic's.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from papi_cli.message import Message
from papi_cli.problems import Problem, as_written

if TYPE_CHECKING:
    from papi_cli.yamlsafe import Document

# pydantic's error types, in the words of papi's "expected" phrases (``words.EXPECTED``).
_EXPECTED = {
    "string_type": "text",
    "int_type": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "bool_type": "bool",
    "date_type": "date",
    "list_type": "plain_list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "string_pattern_mismatch": "pattern",
    "too_short": "not_empty",
}


def _expected(kind: str, item: Any) -> Message:
    ctx = item.get("ctx") or {}
    if kind == "literal_error" and "expected" in ctx:
        return Message("expected.one_of", values=str(ctx["expected"]))
    if kind == "greater_than_equal" and "ge" in ctx:
        return Message("expected.at_least", limit=ctx["ge"])
    if kind == "less_than_equal" and "le" in ctx:
        return Message("expected.at_most", limit=ctx["le"])
    if kind in _EXPECTED:
        return Message(f"expected.{_EXPECTED[kind]}")
    return Message("expected.valid", detail=str(item["msg"]))


def problems_from(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, located through the document's marks."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for item in error.errors(include_url=False):
        loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
        kind = item["type"]
        key = (loc, kind)
        if key in seen:  # union members repeat the same complaint
            continue
        seen.add(key)
        field: str | Message = ".".join(str(part) for part in loc) or Message("field.root")
        if kind == "missing":
            problems.append(Problem.at(doc.file, doc.mark(loc[:-1]), "missing-field", field=loc[-1] if loc else field))
        elif kind == "extra_forbidden":
            fields = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]).lower(), fields, n=1, cutoff=0.75)
            args: dict[str, Any] = {"field": loc[-1], "allowed": ", ".join(fields) or "—"}
            if close:
                args["suggest"] = close[0]
            problems.append(Problem.at(doc.file, doc.key_mark(loc), "misspelled-field" if close else "unknown-field",
                                       **args))
        else:
            problems.append(Problem.at(doc.file, doc.mark(loc), "wrong-type", field=field,
                                       expected=_expected(kind, item), value=as_written(item.get("input"))))
    return problems


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the union member's type name into loc: "int", "float", "list[str]", …
    return isinstance(part, str) and (part in {"int", "float", "str", "bool", "date", "none"} or "[" in part)



def _fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        fields = {info.alias or name: info for name, info in current.model_fields.items()} \
            if isinstance(current, type) and issubclass(current, BaseModel) else {}
        if part in fields:
            current = fields[part].annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None / dict[str, X] down to the model inside, where there is one."""
    for _ in range(4):
        origin = typing.get_origin(annotation)
        if origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else annotation
            if not models:
                break
        else:
            break
    return annotation
