"""``papi export --agency A --period P [--format xlsx] [--out DIR]``: an existing submission
back into a form (docs/forms.md), so that a clerk can correct the file the department returned
in the spreadsheet it was filled in. Only a file without errors is exported (the form could not
show what papi cannot read); ``papi import FORM --replace`` brings the correction back."""

from __future__ import annotations

from pathlib import Path

from papi_cli import files, periods
from papi_cli.authority import reportable
from papi_cli.commands.common import find_agency, usable_plan
from papi_cli.commands.context import Context
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message
from papi_cli.problems import Problem


def run(ctx: Context, *, agency: str, period: periods.Period, fmt: str, out: Path | None) -> int:
    from papi_cli.commands.form_files import write_form
    from papi_cli.filecheck import check_file
    from papi_cli.render.submission_yaml import Draft

    plan = usable_plan(ctx, period=period)
    agency = find_agency(plan, agency) or agency
    if not reportable(plan, agency):
        raise UsageError(Message("usage.leads_nothing", option="--agency", value=agency))
    source = ctx.paths.submissions / period.code / f"{agency}.yaml"
    found = [p for p in (source, source.with_suffix(".yml")) if files.lexists(p)]
    if not found:
        raise DataError([], Message("form.export_missing", file=ctx.paths.label(source)))
    label = ctx.paths.label(found[0])
    raw, problems = files.read_bytes(found[0], label)
    submission = None
    if raw is not None:
        submission, problems = check_file(label, period.code, agency, raw, plan, ctx.today)
    if submission is None:
        sources = {label: files.shown_text(raw)} if raw is not None else {}
        raise DataError(sorted(problems, key=Problem.sort_key), Message("form.export_invalid", file=label), sources)
    document = submission.implementation_document
    draft = Draft(agency, period, submission.submitted_on,
                  (document.number, document.date) if document is not None else None,
                  {code: result.model_dump(exclude_none=True, exclude_defaults=True)
                   for code, result in submission.results.items()})
    target = write_form(ctx, plan, agency, period, out, draft)
    ctx.out.write(ctx.say("form.exported", file=str(target) if out is not None else target.name, source=label) + "\n")
    return 0
