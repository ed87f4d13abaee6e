"""``papi plan check FILE``: a plan file (and the units file it names) checked on its own, where
it is: a draft of next year's plan, or another province's. The same located problems as
``papi validate`` gives for the plans of a project; no submission is read. Exit 1 on an error."""

from __future__ import annotations

from pathlib import Path

from papi_cli import files as fs
from papi_cli.commands.context import Context
from papi_cli.commands.validate import _Result, _write
from papi_cli.errors import UsageError
from papi_cli.load import load_plan
from papi_cli.message import Message


def run(ctx: Context, *, file: Path, fmt: str) -> int:
    if not fs.lexists(file):
        raise UsageError(Message("usage.no_path", path=str(file)))
    result = _Result()
    result.add_plan(load_plan(ctx.paths, cache=ctx.cache))
    return _write(ctx, result, fmt)
