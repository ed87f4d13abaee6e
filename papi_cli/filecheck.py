"""One submission file's parse and checks, split by what they depend on.

``check_content`` does everything that depends only on the file's bytes, its place (the folder's
period and the file's agency) and the plan: the safe YAML parse and every check of
``submission_check`` except the dates of ``submitted_on``. Its ``FileCheck`` is what the cache
keeps (``to_json``/``from_json``) and what a worker process sends back. ``check_dates`` adds the
checks that depend on the day papi runs (submitted_on after today, or before the period's data
window), which always run; ``check_file`` is both, as ``load_submissions`` runs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from papi_cli import message
from papi_cli.problems import Mark, Problem, has_errors
from papi_cli.submission_check import Dated, check_submission_content, check_submitted_on

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.submission import Submission


@dataclass
class FileCheck:
    """What one file's bytes, place and plan decide. The Submission (None when the file has an
    error) is kept as an object or as its JSON, and made from the JSON only when asked for."""

    problems: list[Problem]
    results: int = 0  # results in the file, valid or not
    dated: Dated | None = None  # submitted_on and its mark, for check_dates
    submission_json: str | None = None
    _submission: Submission | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, problems: list[Problem], results: int, dated: Dated | None,
           submission: Submission | None) -> FileCheck:
        check = cls(problems, results, dated)
        check._submission = submission
        return check

    @property
    def has_submission(self) -> bool:
        return self._submission is not None or self.submission_json is not None

    def submission(self) -> Submission | None:
        if self._submission is None and self.submission_json is not None:
            from papi_cli.model.submission import Submission

            self._submission = Submission.model_validate_json(self.submission_json)
        return self._submission

    def to_json(self) -> dict[str, Any]:
        """The check as JSON values (what the cache keeps); the Submission as its own JSON text."""
        if self.submission_json is None and self._submission is not None:
            self.submission_json = self._submission.model_dump_json(exclude_defaults=True)
        problems = [[p.line, p.column, p.code, p.severity, {k: message.to_json(v) for k, v in p.args.items()}]
                    for p in self.problems]
        dated = None if self.dated is None else [self.dated[0].isoformat(), self.dated[1].line, self.dated[1].column]
        return {"results": self.results, "problems": problems, "dated": dated, "submission": self.submission_json}

    @classmethod
    def from_json(cls, label: str, data: Any) -> FileCheck:
        """The inverse of ``to_json``; ValueError (or KeyError, TypeError) for anything it did not write."""
        problems = []
        for line, column, code, severity, args in data["problems"]:
            if not (isinstance(code, str) and severity in ("error", "warning") and isinstance(args, dict)
                    and _position(line) and _position(column)):
                raise ValueError("malformed problem")
            problems.append(Problem(label, line, column, code, {k: message.from_json(v) for k, v in args.items()},
                                    severity))
        dated = data["dated"]
        if dated is not None:
            day, line, column = dated
            if not (isinstance(day, str) and _position(line) and _position(column)) or line is None or column is None:
                raise ValueError("malformed date")
            dated = (dt.date.fromisoformat(day), Mark(line, column))
        results, submission = data["results"], data["submission"]
        if not (isinstance(results, int) and not isinstance(results, bool) and results >= 0
                and (submission is None or isinstance(submission, str))):
            raise ValueError("malformed entry")
        return cls(problems, results, dated, submission)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (from a worker process) with the Submission as JSON: smaller, and one way to rebuild it."""
        self.to_json()
        return {**self.__dict__, "_submission": None}


def _position(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)


def check_content(label: str, period: str, agency: str, raw: bytes, plan: Plan) -> FileCheck:
    """Parse and check the bytes of ``submissions/<period>/<agency>.yaml`` (shown as ``label``)."""
    from papi_cli import yamlsafe  # here: a run whose files are all in the cache never parses

    doc, problems = yamlsafe.load(label, raw)
    if doc is None:
        return FileCheck(problems)
    results = doc.data.get("results") if isinstance(doc.data, dict) else None
    submission, checked, dated = check_submission_content(doc, plan, period, agency)
    problems += _unflagged(checked, problems)  # one problem per spot: its first cause
    return FileCheck.of(problems, len(results) if isinstance(results, dict) else 0, dated,
                        None if has_errors(problems) else submission)


def check_dates(check: FileCheck, label: str, period: str, today: dt.date) -> tuple[bool, list[Problem]]:
    """Whether the file is valid as of ``today`` (in Vietnam), and all its problems."""
    problems = check.problems
    if check.dated is not None:
        problems = problems + _unflagged(check_submitted_on(label, check.dated, period, today), problems)
    return not has_errors(problems) and check.has_submission, problems


def check_file(label: str, period: str, agency: str, raw: bytes, plan: Plan,
               today: dt.date) -> tuple[Submission | None, list[Problem]]:
    """Every check of one file, as ``load_submissions`` makes them: the Submission when valid."""
    check = check_content(label, period, agency, raw, plan)
    valid, problems = check_dates(check, label, period, today)
    return (check.submission() if valid else None), problems


def _unflagged(new: list[Problem], old: list[Problem]) -> list[Problem]:
    flagged = {(p.line, p.column) for p in old}
    return [p for p in new if (p.line, p.column) not in flagged]
