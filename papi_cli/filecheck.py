"""One submission file's parse and checks, split by what they depend on (issue 6).

``check_file`` does everything that depends only on the file's bytes, its place (the folder's
period and the file's agency) and the plan: the safe YAML parse and every check of
``submission_check`` except the dates of ``submitted_on``. Its ``FileCheck`` is what the cache
keeps and what a worker process sends back. ``finish`` adds the checks that depend on the day
papi runs (``check_dates``: submitted_on after today, or before the period's data window), which
always run, and decides whether the file is valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from papi_cli.problems import Problem, has_errors
from papi_cli.submission_check import Dated, check_dates, check_submission_undated

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.model.submission import Submission


@dataclass
class FileCheck:
    """What one file's bytes, place and plan decide. The Submission (None when the file has an
    error) is kept as an object or as its JSON, and made from the JSON only when asked for."""

    problems: list[Problem]
    results: int = 0  # results in the file, valid or not
    dated: Dated | None = None  # submitted_on and its mark, for finish
    submission_json: str | None = None
    _submission: Submission | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, problems: list[Problem], results: int, dated: Dated | None,
           submission: Submission | None) -> FileCheck:
        check = cls(problems, results, dated)
        check._submission = submission
        return check

    def submission(self) -> Submission | None:
        if self._submission is None and self.submission_json is not None:
            from papi_cli.model.submission import Submission

            self._submission = Submission.model_validate_json(self.submission_json)
        return self._submission

    def to_json(self) -> str | None:
        """The Submission as JSON (what the cache stores), None when there is none."""
        if self.submission_json is None and self._submission is not None:
            self.submission_json = self._submission.model_dump_json(exclude_defaults=True)
        return self.submission_json

    def __getstate__(self) -> dict:
        """Pickled (from a worker process) with the Submission as JSON: smaller, and one way to rebuild it."""
        self.to_json()
        return {**self.__dict__, "_submission": None}


def check_file(label: str, period: str, agency: str, raw: bytes, plan: Plan) -> FileCheck:
    """Parse and check the bytes of ``submissions/<period>/<agency>.yaml`` (shown as ``label``)."""
    from papi_cli import yamlsafe  # here: a run whose files are all in the cache never parses

    doc, problems = yamlsafe.load(label, raw)
    if doc is None:
        return FileCheck(problems)
    results = doc.data.get("results") if isinstance(doc.data, dict) else None
    submission, checked, dated = check_submission_undated(doc, plan, period, agency)
    problems += _unflagged(checked, problems)  # one problem per spot: its first cause
    return FileCheck.of(problems, len(results) if isinstance(results, dict) else 0, dated,
                        None if has_errors(problems) else submission)


def finish(check: FileCheck, label: str, period: str, today: dt.date) -> tuple[bool, list[Problem]]:
    """Whether the file is valid as of ``today`` (in Vietnam), and all its problems."""
    problems = check.problems
    if check.dated is not None:
        problems = problems + _unflagged(check_dates(label, check.dated, period, today), problems)
    valid = not has_errors(problems) and (check.submission_json is not None or check._submission is not None)
    return valid, problems


def _unflagged(new: list[Problem], old: list[Problem]) -> list[Problem]:
    flagged = {(p.line, p.column) for p in old}
    return [p for p in new if (p.line, p.column) not in flagged]
