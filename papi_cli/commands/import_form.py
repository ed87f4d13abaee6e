"""``papi import FORM.xlsx… [--replace] [--dry-run] [--format text|json|github]``: filled forms
into submission files (docs/forms.md).

Each form is checked as a zip (``forms.archive``), recognised as a form of this plan by its
properties, read cell by cell into a submission, written as the YAML text ``papi new``'s layout
gives (``submission_yaml.filled``), and that text checked by every check ``papi validate``
makes of a file in its place, the dates of ``submitted_on`` included; its problems are shown at
the cells the values came from. The cross-file check is the place itself: a file of that
agency and period already there (``.yaml`` or ``.yml``) is replaced only with ``--replace``,
and two forms of one run for the same agency and period import neither. Every form is checked
before any is written; only a form without errors is written, atomically, to
``submissions/<period>/<agency>.yaml``; ``--dry-run`` writes nothing. Exit 1 when any form was
not imported (or, dry, would not be).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.commands.new import SCHEMA_FILE
from papi_cli.errors import DataError, UsageError
from papi_cli.forms.located import CellProblem, at_cell, relocate
from papi_cli.message import Message

if TYPE_CHECKING:
    from papi_cli.forms.reader import Read
    from papi_cli.model.plan import Plan


_NAMED_PERIOD = re.compile(r"(?<!\d)(\d{4})-[Qq]([1-4])(?!\d)")  # a quarter's code in a file's name


@dataclass
class Imported:
    """What became of one form."""

    label: str
    problems: list[CellProblem] = field(default_factory=list)
    target: str | None = None  # where it goes (or went), as shown
    target_path: Path | None = None
    text: str | None = None  # the YAML it makes, when it makes one
    written: bool = False
    replaced: bool = False

    @property
    def ok(self) -> bool:
        return self.text is not None and not any(p.severity == "error" for p in self.problems)


def run(ctx: Context, *, files: list[Path], replace: bool, dry_run: bool, fmt: str) -> int:
    if not files:
        raise UsageError(Message("usage.import_nothing"))
    for path in files:
        if not _exists(path):
            raise UsageError(Message("usage.no_path", path=str(path)))
    done = [convert(ctx, path, replace=replace) for path in files]  # all checked before any is written
    _one_form_each(done)
    if not dry_run:
        for item in done:
            if item.ok:
                _place(item)
    _write(ctx, done, fmt, dry_run)
    return 0 if all(item.ok for item in done) else 1


def _one_form_each(done: list[Imported]) -> None:
    """Two forms of one run for the same agency and period: neither is written (which one is
    the report is for the agency to say)."""
    by_target: dict[Path, list[Imported]] = {}
    for item in done:
        if item.target_path is not None:
            by_target.setdefault(item.target_path, []).append(item)
    for same in by_target.values():
        if len(same) > 1:
            for item in same:
                others = ", ".join(other.label for other in same if other is not item)
                item.problems.append(at_cell(item.label, None, "form-same-target", file=item.target, others=others))


def _exists(path: Path) -> bool:
    return files.lexists(path)  # ``files`` the module, which the parameter of ``run`` hides there


def convert(ctx: Context, path: Path, *, replace: bool = False) -> Imported:
    """Check one form; ``run`` writes its submission once every form is checked."""
    from papi_cli.forms import reader

    label = str(path)
    item = Imported(label)
    raw, read_problems = files.read_bytes(path, label)
    if raw is None:
        item.problems += [CellProblem(p) for p in read_problems]
        return item
    if path.suffix.lower() in (".xlsm", ".xltm"):
        item.problems.append(at_cell(label, None, "form-macros", part=path.name))
        return item
    book, problems = reader.open_book(label, raw)
    item.problems += problems
    if book is None:
        return item
    who, problems = reader.identity(label, book)
    item.problems += problems
    if who is None:
        return item
    named = [f"{year}-Q{quarter}" for year, quarter in _NAMED_PERIOD.findall(path.name)]
    if named and who.period.code not in named:  # a quarter's form copied and renamed for the next one
        item.problems.append(at_cell(label, None, "form-name-other-period", named=named[0], period=who.period.code,
                                     agency=who.agency))
        return item
    own = dataclasses.replace(ctx, paths=ctx.paths)  # usable_plan sets the paths of the form's year on its context
    try:
        plan = usable_plan(own, period=who.period)
    except (UsageError, DataError):
        item.problems.append(at_cell(label, None, "form-no-plan", year=who.period.year))
        return item
    if who.plan_digest != (plan.digest or ""):
        item.problems.append(at_cell(label, None, "form-other-plan", plan=own.paths.label(own.paths.plan)))
        return item
    read = reader.read(label, book, raw, plan, who)
    item.problems += read.problems
    if read.draft is None:
        return item
    _check(own, plan, item, read, replace=replace)
    return item


def _check(ctx: Context, plan: Plan, item: Imported, read: Read, *, replace: bool) -> None:
    """Make the YAML, check it as ``papi validate`` would in its place, move problems to cells."""
    from papi_cli import yamlsafe
    from papi_cli.filecheck import check_file
    from papi_cli.render.submission_yaml import filled

    assert read.draft is not None
    draft = read.draft
    target = ctx.paths.submissions / draft.period.code / f"{draft.agency}.yaml"
    existing = [p for p in (target, target.with_suffix(".yml")) if files.lexists(p)]
    if existing:
        target = existing[0]
    item.target, item.target_path = ctx.paths.label(target), target
    schema = Path(os.path.relpath(ctx.paths.root / SCHEMA_FILE, target.parent)).as_posix()  # as papi new
    item.text = filled(plan, draft, lang=ctx.lang, schema=schema, label=item.target)
    raw = item.text.encode("utf-8")
    _, problems = check_file(item.label, draft.period.code, draft.agency, raw, plan, ctx.today)
    doc, _ = yamlsafe.load(item.label, raw)
    item.problems += relocate(item.label, problems, doc, read.origins, read.results_sheet, read.problems,
                              read.fields)
    if existing and not replace:
        item.problems.append(at_cell(item.label, None, "form-target-exists", file=item.target))
    item.replaced = bool(existing)
    if files.lexists(ctx.paths.submissions) and not files.is_dir(ctx.paths.submissions):
        raise UsageError(Message("usage.not_a_folder", option="--submissions", value=str(ctx.paths.submissions)))
    folder = target.parent  # submissions/<period> itself, never a link to elsewhere (plan/ included)
    if files.lexists(folder) and files.realpath(folder) != os.path.join(files.realpath(ctx.paths.submissions),
                                                                        draft.period.code):
        item.problems.append(at_cell(item.label, None, "form-target-outside", file=item.target,
                                     target=files.realpath(folder)))


def _place(item: Imported) -> None:
    assert item.text is not None and item.target_path is not None
    try:
        files.write_atomic(item.target_path, item.text.encode("utf-8"), replace=item.replaced)
    except FileExistsError:  # made meanwhile by someone else
        item.problems.append(at_cell(item.label, None, "form-target-exists", file=item.target))
        return
    except OSError as error:
        item.problems.append(at_cell(item.label, None, "form-cannot-write", file=item.target,
                                     reason=files.os_reason(error)))
        return
    item.written = True


# --- output --------------------------------------------------------------------------------------
def _write(ctx: Context, done: list[Imported], fmt: str, dry_run: bool) -> None:
    from papi_cli.render.cell_problems import as_json, github_line, text_line

    if fmt == "json":
        data = {"ok": all(item.ok for item in done), "dry_run": dry_run, "forms": [
            {"file": item.label, "target": item.target, "ok": item.ok, "written": item.written,
             "problems": [as_json(p, ctx.lang) for p in sorted(item.problems, key=CellProblem.sort_key)]}
            for item in done]}
        json.dump(data, ctx.out, ensure_ascii=False, indent=2)
        ctx.out.write("\n")
        return
    for item in done:
        for problem in sorted(item.problems, key=CellProblem.sort_key):
            ctx.out.write((github_line(problem, ctx.lang) if fmt == "github" else text_line(problem, ctx.lang)) + "\n")
        ctx.out.write(ctx.say(_outcome(item, dry_run), source=item.label, file=item.target or "—") + "\n")
    summary = "form.check_summary" if dry_run else "form.import_summary"
    ctx.out.write(ctx.say(summary, imported=sum(1 for i in done if i.ok), files=len(done)) + "\n")


def _outcome(item: Imported, dry_run: bool) -> str:
    if not item.ok:
        return "form.not_imported"
    if dry_run:
        return "form.would_import"
    return "form.replaced" if item.replaced else "form.imported"
