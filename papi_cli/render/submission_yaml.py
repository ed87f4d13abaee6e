"""Submission files as papi writes them: the one writer of ``submissions/<period>/<agency>.yaml``.

``skeleton`` is what ``papi new`` writes: every indicator the agency may report (those of the
tasks it leads first), each with its task, target and measure as comments and its fields left
empty with a hint; as written it gives only "not filled in" problems. ``filled`` writes a
submission's values in the same layout (what a form imported from a spreadsheet, the sample
data and the benchmark corpora become), so a reviewer of a pull request always sees the same
shape. Strings are written plain where YAML reads them back unchanged, else double-quoted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from papi_cli.authority import reportable, reportable_codes
from papi_cli.kinds import COMMON_FIELDS, kind_of, result_fields
from papi_cli.message import Message
from papi_cli.render.labels import date_label, due_label
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.model.plan import Agency, Indicator, Plan, Task
    from papi_cli.periods import Period

WIDTH = 100
FIELD_COLUMN = 22  # where the hints after the empty fields start


@dataclass
class Draft:
    """A submission's content as written in its file: ``results`` maps an indicator code to its
    fields (``units`` holds slugs or codes, an int code written unquoted, a text one quoted)."""

    agency: str
    period: Period
    submitted_on: dt.date | None = None
    implementation_document: tuple[str, dt.date] | None = None  # (number, date)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)


# --- the two shapes --------------------------------------------------------------------------------
def skeleton(plan: Plan, agency: Agency, quarter: Period, *, schema: str, label: str, lang: Lang = "vi") -> str:
    """The text of a skeleton submission: valid YAML whose empty fields are to be filled."""
    start = quarter.data_window[0]
    due = plan.file.implementation_document.due
    lines = [
        *_head(plan, agency, quarter, schema, label, lang),
        _field("submitted_on:", say("new.submitted_on", lang, start=start.isoformat())),
        "",
        *_comment(say("new.implementation_document", lang, due=date_label(due, lang)), ""),
        "# implementation_document:",
        '#   number: "…"',
        f"#   date: {due.isoformat()}",
        "",
        "results:",
    ]
    for heading, block in _blocks(plan, agency, None):
        lines += ["", f"  # ── {say(heading, lang)} ──"]
        for task, indicator in block:
            lines += ["", *_about(task, indicator, lang), f"  {key(indicator.code)}:"]
            lines += _empty(plan, agency, indicator, lang)
    return "\n".join(lines) + "\n"


def filled(plan: Plan, draft: Draft, *, lang: Lang = "vi", schema: str | None = None, label: str = "",
           header: Sequence[str] | None = None, comments: bool = True) -> str:
    """The text of a submission with its values, in the skeleton's layout: the schema line and
    the header comments (``header`` replaces them), then each result under its task's comments
    (without them when not ``comments``). A ValueError for what it could not write: a result
    the agency may not report, or a field its indicator's kind does not take."""
    agency = plan.agencies[draft.agency]
    _writable(plan, draft)
    lines = [f"# {line}" if line else "#" for line in header] if header is not None else \
        _head(plan, agency, draft.period, schema, label, lang)
    if header is not None:
        lines += [f"agency: {agency.code}", f"period: {draft.period.code}"]
    lines.append(f"submitted_on: {draft.submitted_on.isoformat()}" if draft.submitted_on else "submitted_on:")
    if draft.implementation_document is not None:
        number, day = draft.implementation_document
        lines += ["implementation_document:", f"  number: {scalar(number)}", f"  date: {day.isoformat()}"]
    lines.append("results:")
    for heading, block in _blocks(plan, agency, draft.results.keys()):
        if comments:
            lines += ["", f"  # ── {say(heading, lang)} ──"]
        for task, indicator in block:
            if comments:
                lines += ["", *_about(task, indicator, lang)]
            lines += [f"  {key(indicator.code)}:", *_values(indicator, draft.results[indicator.code])]
    return "\n".join(lines) + "\n"


def _writable(plan: Plan, draft: Draft) -> None:
    """Refuse a draft that ``filled`` would not write in full (rather than drop part of it)."""
    allowed = set(reportable_codes(plan, draft.agency))
    for code, values in draft.results.items():
        if code not in allowed:
            raise ValueError(f"{draft.agency} {draft.period.code}: {code} is not an indicator it may report")
        stray = set(values) - set(result_fields(plan.indicator(code)))
        if stray:
            raise ValueError(f"{draft.agency} {draft.period.code} {code}: fields it does not take: {sorted(stray)}")


def _head(plan: Plan, agency: Agency, quarter: Period, schema: str | None, label: str, lang: Lang) -> list[str]:
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    return [
        *lines,
        *_comment(say("new.header", lang, period=quarter.name, code=quarter.code, agency=agency.name,
                      decision=plan.decision.number), ""),
        *_comment(say("new.howto", lang, file=label), ""),
        f"agency: {agency.code}",
        f"period: {quarter.code}",
    ]


def _blocks(plan: Plan, agency: Agency, codes: Iterable[str] | None) -> list[tuple[str, list[tuple[Task, Indicator]]]]:
    """The indicators to write (all the agency may report, or ``codes``) in plan order, those of
    the tasks it leads first, each block with the key of its heading."""
    wanted = None if codes is None else set(codes)
    rows = [(task, indicator, leads) for task, indicator, leads in reportable(plan, agency.code)
            if wanted is None or indicator.code in wanted]
    blocks = []
    for heading, lead in (("new.leads", True), ("new.implements", False)):
        block = [(task, indicator) for task, indicator, leads in rows if leads == lead]
        if block:
            blocks.append((heading, block))
    return blocks


def _about(task: Task, indicator: Indicator, lang: Lang) -> list[str]:
    """The comments above an indicator: its task, target and measure."""
    kind = kind_of(indicator)
    return [
        *_comment(f"{task.code} — {task.title}", "  "),
        *_comment(f"{say('target', lang)}: {task.target_text}", "  "),
        *_comment(f"{say('new.measure', lang)} {indicator.code}: {indicator.name} — {say('kind.' + kind.name, lang)}, "
                  f"{say(kind.target(indicator), lang)}, {say('due', lang).lower()} {due_label(indicator, lang)}",
                  "  "),
    ]


def _empty(plan: Plan, agency: Agency, indicator: Indicator, lang: Lang) -> list[str]:
    kind = kind_of(indicator)
    lines = []
    for item in kind.skeleton(plan, agency, indicator):
        if item.name is None:
            lines.append("    " + _comment(say(item.hint, lang), "")[0])
        else:
            lines.append(_field(f"    {item.name}:", say(item.hint, lang)))
    hints = {"status": kind.status_hint, "evidence": "new.evidence", "note": "new.note"}
    return lines + [_field(f"    {name}:", say(Message(hints[name]), lang)) for name in COMMON_FIELDS]


def _values(indicator: Indicator, values: dict[str, Any]) -> list[str]:
    lines = []
    for name in (*kind_of(indicator).measures, *COMMON_FIELDS):
        value = values.get(name)
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue
        if name == "units" and value == "all":
            lines.append("    units: all")
        elif isinstance(value, (list, tuple)):
            lines.append(f"    {name}: [{', '.join(flow_item(item) for item in value)}]")
        else:
            lines.append(f"    {name}: {scalar(value)}")
    return lines


# --- YAML scalars --------------------------------------------------------------------------------
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9.+~][^#:]*(?<![\s])\Z")
_FLOW_PLAIN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
_RESERVED = frozenset(("yes", "no", "on", "off", "null", "true", "false", "~"))  # YAML 1.1: bool or null


def scalar(value: Any) -> str:
    """A value as a block-context YAML scalar that reads back as exactly that value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _reads_back(text, lambda t: f"k: {t}") else json.dumps(text, ensure_ascii=False)


def key(code: str) -> str:
    """An indicator code as a mapping key that reads back as that text: ``II.3`` plain, ``"2.1"``
    quoted (unquoted, YAML reads it as the number 2.1)."""
    return code if _PLAIN.match(code) and code not in _RESERVED and _is_text_key(code) \
        else json.dumps(code, ensure_ascii=False)


def _is_text_key(code: str) -> bool:
    import yaml

    try:
        return bool(yaml.safe_load(f"{code}: x") == {code: "x"})
    except yaml.YAMLError:
        return False


def flow_item(value: Any) -> str:
    """An item of a flow list: an int code unquoted, a slug plain, other text quoted."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if _FLOW_PLAIN.match(text) and text not in _RESERVED:
        return text
    if text.isdigit():
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str, wrap: Any) -> bool:
    """True when ``text`` is safe as a plain scalar: it matches the conservative pattern and
    PyYAML reads it back as the same string."""
    if not _PLAIN.match(text) or text in _RESERVED:
        return False
    import yaml

    try:
        return bool(yaml.safe_load(wrap(text)) == {"k": text})
    except yaml.YAMLError:
        return False


# --- lines -----------------------------------------------------------------------------------------
def _field(key: str, hint: str) -> str:
    """An empty field with its hint as a comment on the same line."""
    return f"{key.ljust(FIELD_COLUMN)}# {_one_line(hint)}"


def _comment(text: str, indent: str) -> list[str]:
    width = WIDTH - len(indent) - 2
    wrapped = textwrap.wrap(_one_line(text), width, break_on_hyphens=False, break_long_words=False)
    return [f"{indent}# {line}" for line in wrapped or [""]]


def _one_line(text: str) -> str:
    return " ".join(text.split())
