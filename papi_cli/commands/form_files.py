"""Writing a form (``papi new --format xlsx``, ``papi export``): ``<agency>-<period>.xlsx`` in
``--out``, else the current folder (where a clerk looks for what a program just made), never
among the data and never over an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from papi_cli import files
from papi_cli.commands.common import output_folder
from papi_cli.commands.context import Context
from papi_cli.errors import DataError
from papi_cli.message import Message

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.periods import Period
    from papi_cli.render.submission_yaml import Draft


def form_name(agency: str, period: Period) -> str:
    return f"{agency}-{period.code}.xlsx"


def write_form(ctx: Context, plan: Plan, agency: str, period: Period, out: Path | None,
               draft: Draft | None = None) -> Path:
    """Write the form (with ``draft``'s values) and return where; a DataError if it exists."""
    from papi_cli.forms.layout import form_of
    from papi_cli.forms.writer import workbook

    folder, _ = output_folder(ctx, out if out is not None else Path.cwd())
    target = folder / form_name(agency, period)
    label = str(target) if out is not None else target.name
    if files.lexists(target):
        raise DataError([], Message("form.exists", file=label))
    data = workbook(plan, form_of(plan, agency, period), ctx.lang, draft)
    try:
        files.write_atomic(target, data, replace=False)
    except FileExistsError:
        raise DataError([], Message("form.exists", file=label)) from None
    except OSError as error:
        raise DataError([], Message("new.cannot_write", file=label, reason=files.os_reason(error))) from None
    return target
