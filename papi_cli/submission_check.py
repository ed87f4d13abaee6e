"""Checking one submission file (the format: docs/huong-dan-nop-bao-cao.md; who may report what:
docs/authority.md). Pure: a parsed document in, a Submission and problems out.

The document's folder gives the period and its file name the agency; both must match what the
file says. Every value is checked for its type without coercion (``"45"`` is not a number), then
against the plan: the indicators the agency may report, the units it may list, the measure
fields of each indicator's kind and their ranges. A result whose fields are all empty (as
``papi new`` writes them) is "not filled in": an error that names the fields to fill, so an
unfinished skeleton never passes as a report.

A Submission is returned only when there is no error; warnings (an implementation document
dated after its deadline) do not make a file invalid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from typing import TYPE_CHECKING, Any

from papi_cli import periods
from papi_cli.authority import reportable_codes
from papi_cli.kinds import RESULT_STATUSES, kind_of, kind_of_field, result_fields
from papi_cli.message import Message
from papi_cli.model.plan import Agency, Indicator, Plan
from papi_cli.model.submission import ImplementationDocument, Result, Submission
from papi_cli.names import closest_agencies, status_meant
from papi_cli.problems import KEPT_PER_FILE, Kept, Mark, Problem, Severity, as_written, character_args, has_errors

if TYPE_CHECKING:
    from papi_cli.yamlsafe import Document

TOP_FIELDS = ("agency", "period", "submitted_on", "implementation_document", "results")
REQUIRED_FIELDS = ("agency", "period", "submitted_on", "results")
DOCUMENT_FIELDS = ("number", "date")
QUARTER = re.compile(r"([0-9]{4})-Q([1-4])\Z")
_NUMBER_TEXT = re.compile(r"\s*[-+]?\d+([.,]\d+)?\s*%?\s*\Z")

Dated = tuple[dt.date, Mark]  # submitted_on and where it is written


def check_submission_content(doc: Document, plan: Plan, period: str,
                             agency: str) -> tuple[Submission | None, list[Problem], Dated | None]:
    """Check ``doc``, found in the folder of ``period`` under the file name ``agency``: everything
    but ``check_submitted_on``, which depends on the day papi runs, so what a cache may keep.

    The Submission (None when there is an error) is built as though its date passed those checks;
    the third value is the date with its mark, for ``check_submitted_on`` (None when
    ``submitted_on`` is missing or not a date).
    """
    check = _Check(doc, plan, period, agency)
    submission = check.run()
    problems = check.kept.done()
    return (None if has_errors(problems) else submission), problems, check.dated


def check_submitted_on(file: str, dated: Dated, period: str, today: dt.date) -> list[Problem]:
    """``submitted_on`` from the start of the data window of the folder's ``period`` up to ``today``
    (in Vietnam): the checks that always run, even on a file whose other checks were cached."""
    day, mark = dated
    if day > today:
        return [Problem.at(file, mark, "submitted-in-future", value=day.isoformat(), today=today.isoformat())]
    folder = QUARTER.match(period)
    quarter = periods.quarter(int(folder[1]), int(folder[2])) if folder else None
    if quarter is not None and day < quarter.data_window[0]:
        return [Problem.at(file, mark, "submitted-too-early", value=day.isoformat(), period=quarter.code,
                           start=quarter.data_window[0].isoformat())]
    return []


def _expected(kind: str) -> Message:
    """What a field holds, for a "wrong type" or "not filled in" message."""
    return Message(f"expected.{kind}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _as_date(value: Any) -> dt.date | None:
    """A YAML date, or the same written in quotes (exactly YYYY-MM-DD); never a date-time."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


_ONLY_PLACEHOLDER = re.compile(r"[\s.…_\-–—]*\Z")
_PLACEHOLDER_TOKEN = re.compile(r"(?:^|(?<=[\s/\-(]))(?:…|\.\.\.)(?=$|[\s/\-)])")


_GROUPED = re.compile(r"\s*(\d{1,3})((?:([.,\u00a0 ])\d{3})(?:\3\d{3})*)\s*\Z")


def _grouped(value: Any) -> tuple[str, int] | None:
    """A whole number written with thousands separators (``1,340``, ``1.340``, ``12 500``), as
    written and as papi reads it; None for anything else."""
    found = _GROUPED.match(value) if isinstance(value, str) else None
    if found is None:
        return None
    return value.strip(), int(found[1] + re.sub(r"\D", "", found[2]))


_DATE_PLACEHOLDER = re.compile(r"(?i:yyyy)|\b(?i:mm|dd)\b|…|\.\.\.")
_DAY_FIRST = re.compile(r"\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*\Z")
_YEAR_FIRST = re.compile(r"\s*(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})\s*\Z")


def _day_first(text: str) -> dt.date | str | None:
    """``18/06/2020``, ``18-6-2020``, ``18.06.2020`` (day first, as Vietnamese writes it) or
    ``2020/06/18``: the day; "" when it is written so but there is no such day; None when the
    text is not a date written so."""
    found = _DAY_FIRST.match(text)
    parts = (found[4], found[3], found[1]) if found else None
    if parts is None and (found := _YEAR_FIRST.match(text)):
        parts = (found[1], found[3], found[4])
    if parts is None:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return ""


def placeholder(text: str, *, reference: bool) -> bool:
    """True for what stands in for a text rather than being one: nothing but dots, dashes or
    spaces (``""``, ``…``, ``...``); in a document's reference also a ``…`` standing for its
    number or date (``Kế hoạch số …/KH-… ngày …``, as the skeleton's example has it). A ``…``
    inside a word (``về việc…``) is the text's own."""
    if _ONLY_PLACEHOLDER.match(text):
        return True
    return reference and ("…" in text or "..." in text) and _PLACEHOLDER_TOKEN.search(text) is not None


def _codes(values: list[str]) -> str:
    return ", ".join(values) if values else "—"


class _Check:
    def __init__(self, doc: Document, plan: Plan, period: str, agency: str) -> None:
        self.doc = doc
        self.plan = plan
        self.folder_period = period
        self.file_agency = agency
        self.kept = Kept(doc.file)
        self.problems = self.kept.problems
        self.dated: Dated | None = None
        self.errors = 0  # every error found, kept or not (a warning does not make a result invalid)

    def add(self, path: tuple[Any, ...], code: str, *, key: bool = False, severity: Severity = "error",
            at: Mark | None = None, **args: Any) -> None:
        """A problem at the value of ``path`` (its key with ``key``; ``at`` where it is more precise)."""
        if severity == "error":
            self.errors += 1
        if not self.kept.room():
            return
        mark = at or (self.doc.key_mark(path) if key else self.doc.mark(path))
        self.problems.append(Problem.at(self.doc.file, mark, code, severity=severity, **args))

    def wrong_type(self, path: tuple[Any, ...], field: str, kind: str, value: Any) -> None:
        self.add(path, "wrong-type", field=field, value=as_written(value), expected=_expected(kind))

    # --- the file ------------------------------------------------------------------------------
    def run(self) -> Submission | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.wrong_type((), self.doc.file.rsplit("/", 1)[-1], "mapping", data)
            return None
        meant = set()  # the fields a misspelled one stands for: "missing" would say it twice
        for name in data:
            if name not in TOP_FIELDS:
                meant.add(self.unknown_field((name,), name, TOP_FIELDS))
        for name in REQUIRED_FIELDS:
            if name not in data:
                if name not in meant:
                    self.add((), "missing-field", field=name)
            elif data[name] is None:
                hint = "date" if name == "submitted_on" else name
                self.add((name,), "field-not-filled-in", field=name, expected=_expected(hint))
        agency = self.agency(data.get("agency"))
        period = self.period(data.get("period"))
        submitted_on = self.submitted_on(data.get("submitted_on"))
        document = self.implementation_document(data.get("implementation_document"))
        # Against the date as written, whatever today is: this check must not depend on the day
        # papi runs (check_submitted_on), or a cached result could differ from a fresh one.
        written_on = self.dated[0] if self.dated is not None else None
        if document is not None and written_on is not None and document.date > written_on:
            self.add(("implementation_document", "date"), "implementation-document-after-submission",
                     value=document.date.isoformat(), submitted_on=written_on.isoformat())
        results = self.results(data.get("results"), agency)
        if agency is None or period is None or submitted_on is None or results is None:
            return None
        return Submission(agency=agency.code, period=period.code, submitted_on=submitted_on,
                          implementation_document=document, results=results, file=self.doc.file)

    def unknown_field(self, path: tuple[Any, ...], name: Any, fields: tuple[str, ...]) -> str | None:
        """A field that is not one of ``fields``: the one it most likely misspells, if any (returned)."""
        allowed = ", ".join(fields)
        close = difflib.get_close_matches(str(name).lower(), fields, n=1, cutoff=0.75)
        if close:
            self.add(path, "misspelled-field", key=True, field=name, suggest=close[0], allowed=allowed)
            return close[0]
        self.add(path, "unknown-field", key=True, field=name, allowed=allowed)
        return None

    def not_ascii(self, path: tuple[Any, ...], value: str, *, key: bool = False) -> bool:
        """True (after saying so, naming the character) when a code holds a character that is not
        ASCII: a Cyrillic 'о' or a fullwidth '２' looks like the letter or digit it is not. A value
        with spaces is words, not a lookalike code: its own check says what is wrong with it."""
        at = next((i for i, char in enumerate(value) if not char.isascii()), None)
        if at is None or any(char.isspace() for char in value):
            return False
        mark = self.doc.within(path, at, key=key) if self.keeps() else None  # a position only when kept
        self.add(path, "not-ascii", at=mark, value=value, column=mark.column if mark else 0,
                 **character_args(value[at]))
        return True

    def agency(self, value: Any) -> Agency | None:
        """The agency the results are checked against: the file's, where it is known."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(("agency",), "agency", "agency", value)
            return None
        if self.not_ascii(("agency",), value):
            return None
        if value != self.file_agency:
            self.add(("agency",), "agency-mismatch", value=value, expected=self.file_agency)
        known = self.plan.agencies.get(value)
        if known is None and value == self.file_agency:
            self.add(("agency",), "unknown-agency", value=value,
                     closest=closest_agencies(self.plan.agency_names(), value))
        return known if value == self.file_agency else None

    def period(self, value: Any) -> periods.Period | None:
        if value is None:
            return None
        if isinstance(value, str) and self.not_ascii(("period",), value):
            return None
        match = QUARTER.match(value) if isinstance(value, str) else None
        if match is None:
            self.add(("period",), "bad-period", value=as_written(value))
            return None
        if value != self.folder_period:
            self.add(("period",), "period-mismatch", value=value, folder=self.folder_period)
            return None
        if int(match[1]) != self.plan.year:
            self.add(("period",), "period-outside-year", value=value, year=self.plan.year)
            return None
        return periods.quarter(int(match[1]), int(match[2]))

    def submitted_on(self, value: Any) -> dt.date | None:
        """A date (its bounds are ``check_submitted_on``'s)."""
        if value is None:
            return None
        day = self.date(("submitted_on",), "submitted_on", value)
        if day is None:
            return None
        self.dated = (day, self.doc.mark(("submitted_on",)))
        return day

    def implementation_document(self, value: Any) -> ImplementationDocument | None:
        path = ("implementation_document",)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong_type(path, "implementation_document", "mapping", value)
            return None
        for name in value:
            if name not in DOCUMENT_FIELDS:
                self.unknown_field(path + (name,), name, DOCUMENT_FIELDS)
        number, day = value.get("number"), value.get("date")
        for name in DOCUMENT_FIELDS:
            if name not in value:
                self.add(path, "missing-field", field=f"implementation_document.{name}")
        for name, hint in (("number", "text"), ("date", "date")):
            if name in value and value[name] is None:
                self.add(path + (name,), "field-not-filled-in", field=f"implementation_document.{name}",
                         expected=_expected(hint))
        if number is not None:
            number = self.text(path + ("number",), "implementation_document.number", number, reference=True)
        if day is not None:
            day = self.date(path + ("date",), "implementation_document.date", day)
        if not isinstance(number, str) or day is None:
            return None
        rule = self.plan.file.implementation_document
        deadline = periods.next_working_day(rule.due, self.plan.file.reporting.holidays)
        if day > deadline:
            self.add(path + ("date",), "implementation-document-late", severity="warning",
                     value=day.isoformat(), due=rule.due.isoformat(), deadline=deadline.isoformat())
        return ImplementationDocument(number=number, date=day)

    def date(self, path: tuple[Any, ...], field: str, value: Any) -> dt.date | None:
        """A date, or None after saying what is wrong: a day written the Vietnamese way
        (``18/06/2020``) gets the same day in the form papi reads (``2020-06-18``)."""
        day = _as_date(value)
        if day is not None:
            return day
        if isinstance(value, str) and _DATE_PLACEHOLDER.search(value):
            self.add(path, "placeholder", field=field, value=value)
            return None
        written = _day_first(value) if isinstance(value, str) else None
        if isinstance(written, dt.date):
            self.add(path, "date-day-first", field=field, value=value, suggest=written.isoformat())
        elif written == "":
            self.add(path, "bad-date", value=value)
        else:
            self.wrong_type(path, field, "date", value)
        return None

    def text(self, path: tuple[Any, ...], field: str, value: Any, *, reference: bool) -> str | None:
        """A text the clerk wrote, or None after saying what is wrong with it: not text, a
        placeholder of the skeleton left in (``…``; in a ``reference`` to a document, a ``…``
        where its number or date goes), or cut short by a `` #`` that YAML reads as a comment."""
        if not isinstance(value, str):
            self.wrong_type(path, field, "text", value)
            return None
        if placeholder(value, reference=reference):
            self.add(path, "placeholder", field=field, value=value)
            return None
        cut = self.doc.comment_after(path)
        if cut is not None:
            mark, line = cut
            self.add(path, "comment-cuts-text", at=mark, field=field, value=value,
                     quoted=json.dumps(line, ensure_ascii=False))
            return None
        return value

    # --- results -------------------------------------------------------------------------------
    def results(self, value: Any, agency: Agency | None) -> dict[str, Result] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong_type(("results",), "results", "results", value)
            return None
        if not value:
            self.add(("results",), "field-not-filled-in", field="results", expected=_expected("results"))
            return None
        codes = reportable_codes(self.plan, agency.code) if agency else []
        allowed = set(codes) if agency else None
        allowed_text = _codes(codes)
        results: dict[str, Result] = {}
        for code, entry in value.items():
            path = ("results", code)
            if self.not_ascii(path, code, key=True):
                continue
            found = self.plan.find_indicator(code)
            if found is None:
                self.add(path, "unknown-indicator", key=True, value=code, agency=self.file_agency,
                         allowed=allowed_text)
                continue
            if agency is not None and allowed is not None and code not in allowed:
                self.add(path, "not-authorised", key=True, value=code, agency=agency.code, allowed=allowed_text)
                continue
            result = self.result(path, found[1], entry, agency)
            if result is not None:
                results[code] = result
        return results if len(results) == len(value) else None

    def result(self, path: tuple[Any, ...], indicator: Indicator, entry: Any, agency: Agency | None) -> Result | None:
        fields = result_fields(indicator)
        if not isinstance(entry, dict) or all(v is None for v in entry.values()):
            if entry is None or isinstance(entry, dict):
                self.add(path, "result-not-filled-in", key=True, indicator=indicator.code,
                         fields=", ".join(fields))
            else:
                self.wrong_type(path, indicator.code, "mapping", entry)
            return None
        before = self.errors
        for name in entry:
            if name in fields:
                continue
            other = kind_of_field(name)
            if other is not None:
                self.add(path + (name,), "field-of-other-kind", key=True, field=name, indicator=indicator.code,
                         kind=Message(f"kind.{indicator.kind}"), other=Message(f"kind.{other}"),
                         allowed=", ".join(fields))
            else:
                self.unknown_field(path + (name,), name, fields)
        values = {name: entry[name] for name in fields if entry.get(name) is not None}
        checked = self.common(path, indicator, values, misread=self.errors > before)
        checked.update(kind_of(indicator).check(self, path, indicator, values, agency))
        if self.errors > before:
            return None
        return Result(**checked)

    def common(self, path: tuple[Any, ...], indicator: Indicator, values: dict[str, Any],
               misread: bool) -> dict[str, Any]:
        """Status, evidence and note. The kind's rule on the status (done needs evidence) is left
        out when a field was ``misread`` (``evidences:``) or an evidence item refused: its
        complaint would be a follow-on of what is already said."""
        checked: dict[str, Any] = {}
        status = values.get("status")
        if status is not None:
            if status in RESULT_STATUSES:
                checked["status"] = status
            else:
                meant = status_meant(status) if isinstance(status, str) else None
                guess = Message("status.guess", code=meant) if meant else ""
                self.add(path + ("status",), "unknown-status", value=as_written(status), guess=guess)
        if "note" in values:
            note = self.text(path + ("note",), "note", values["note"], reference=False)
            if note is not None:
                checked["note"] = note
        evidence: list[str] = []
        if "evidence" in values:
            items = values["evidence"]
            if not isinstance(items, list):
                self.wrong_type(path + ("evidence",), "evidence", "list", items)
            else:
                for i, item in enumerate(items):
                    text = self.text(path + ("evidence", i), "evidence", item, reference=True)
                    if text is not None:
                        evidence.append(text)
                    else:
                        misread = True
            checked["evidence"] = tuple(evidence)
        if not misread:
            kind_of(indicator).check_status(self, path, indicator, status, tuple(evidence))
        return checked

    # --- what the kinds ask (``kinds.base.ResultCheck``) ----------------------------------------
    def whole(self, path: tuple[Any, ...], field: str, value: Any) -> int | None:
        """A whole number ≥ 0, never coerced from text or a decimal."""
        if not _is_int(value):
            grouped = _grouped(self.doc.source(path) if isinstance(value, float) else value)
            if grouped is not None:
                self.add(path, "thousands-separator", field=field, value=grouped[0], suggest=grouped[1])
            else:
                self.not_a_number(path, field, value, "whole")
            return None
        if value < 0:
            self.add(path, "negative-number", field=field, value=value)
            return None
        return int(value)

    def number(self, path: tuple[Any, ...], field: str, value: Any, expected: str = "number") -> int | float | None:
        """A number (whole or decimal) as written, never coerced from text."""
        if not _is_number(value):
            self.not_a_number(path, field, value, expected)
            return None
        return value  # type: ignore[no-any-return]

    def keeps(self) -> bool:
        return len(self.problems) < KEPT_PER_FILE

    def line_of(self, path: tuple[Any, ...]) -> int:
        return self.doc.mark(path).line

    def not_a_number(self, path: tuple[Any, ...], field: str, value: Any, expected: str) -> None:
        if isinstance(value, str) and _NUMBER_TEXT.match(value):
            number = value.strip().rstrip("%").strip()
            advice = Message("advice.whole", number=number) if expected == "whole" else \
                Message("advice.decimal", number=number.replace(",", "."))
            self.add(path, "number-as-text", field=field, value=value, advice=advice)
        else:
            self.wrong_type(path, field, expected, value)
