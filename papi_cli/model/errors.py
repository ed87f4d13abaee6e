"""Pydantic validation errors turned into located, translatable Problems.

Pydantic reports a ``loc`` path (``("tasks", 3, "lead")``); the YAML document knows where each
path stood in the source. The error types are mapped onto papi's own problem codes so that the
message speaks the clerk's language, not pydantic's.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from papi_cli.messages import show
from papi_cli.problems import Problem
from papi_cli.yamlsafe import Document

_EXPECTED = {
    "string_type": ("một chuỗi văn bản", "text"),
    "int_type": ("một số nguyên", "a whole number"),
    "int_from_float": ("một số nguyên", "a whole number"),
    "float_type": ("một số", "a number"),
    "bool_type": ("true hoặc false", "true or false"),
    "date_type": ("một ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD"),
    "list_type": ("một danh sách", "a list"),
    "dict_type": ("một bảng khóa: giá trị", "a mapping of key: value"),
    "model_type": ("một bảng khóa: giá trị", "a mapping of key: value"),
    "literal_error": ("một trong các giá trị cho phép", "one of the allowed values"),
    "string_pattern_mismatch": ("đúng định dạng", "in the expected format"),
    "greater_than_equal": ("không nhỏ hơn giới hạn", "not below the limit"),
    "less_than_equal": ("không lớn hơn giới hạn", "not above the limit"),
    "too_short": ("không rỗng", "not empty"),
}


def problems_from(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, located through the document's marks."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for item in error.errors(include_url=False):
        loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
        kind = item["type"]
        key = (loc, kind)
        if key in seen:  # union members repeat the same complaint
            continue
        seen.add(key)
        field = ".".join(str(part) for part in loc) or "(gốc)"
        if kind == "missing":
            problems.append(Problem.at(doc.file, doc.mark(loc[:-1]), "missing-field", field=loc[-1] if loc else field))
        elif kind == "extra_forbidden":
            allowed = ", ".join(_fields_at(model, loc[:-1])) or "—"
            problems.append(Problem.at(doc.file, doc.key_mark(loc), "unknown-field", field=loc[-1], allowed=allowed))
        else:
            vi, en = _EXPECTED.get(kind, (item["msg"], item["msg"]))
            ctx = item.get("ctx") or {}
            if kind == "literal_error" and "expected" in ctx:
                vi = en = f"{ctx['expected']}"
            problems.append(
                Problem.at(doc.file, doc.mark(loc), "wrong-type", field=field, expected=vi,
                           expected_en=en, value=show(item.get("input")))
            )
    return problems


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the union member's type name into loc: "int", "float", "list[str]", …
    return isinstance(part, str) and (part in {"int", "float", "str", "bool", "date", "none"} or "[" in part)



def _fields_at(model: Any, loc: tuple) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
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
