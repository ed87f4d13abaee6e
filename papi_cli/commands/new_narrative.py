"""``papi new --narrative --period P``: write the skeleton of ``narrative/<P>.md``, never over a file.

The skeleton holds the three headings of the sections only people can write (docs/rules.md, "The
narrative file"), each followed by a ``<!-- … -->`` hint in the chosen language, which the report
leaves out; as written, the report still says each section is not written. Any period may have
one (the quarter's, the half year's, the year's report). The plan is not read: the file is the
officer's, whatever the plan holds.
"""

from __future__ import annotations

from papi_cli import files
from papi_cli.commands.context import Context
from papi_cli.errors import DataError
from papi_cli.message import Message
from papi_cli.periods import Period
from papi_cli.report.narrative import SECTIONS, narrative_file


def skeleton(period: Period, ctx: Context) -> str:
    """The file's text: an introductory hint, then each heading with its hint."""
    lines = [f"<!-- {ctx.say('narrative.skeleton_intro', period=ctx.say(period.name))} -->", ""]
    for key in SECTIONS:
        lines += [f"# {ctx.say(f'narrative.{key}')}", "", f"<!-- {ctx.say(f'narrative.hint.{key}')} -->", ""]
    return "\n".join(lines)


def run(ctx: Context, *, period: Period) -> int:
    target = ctx.paths.root / narrative_file(period)
    label = ctx.paths.label(target)
    if files.lexists(target):
        raise DataError([], Message("narrative.exists", file=label))
    if not files.inside(target.parent, ctx.paths.root):  # narrative/ is a link out of the project
        raise DataError([], Message("narrative.outside", file=label, target=files.realpath(target.parent)))
    try:
        files.write_atomic(target, skeleton(period, ctx).encode("utf-8"), replace=False)
    except FileExistsError as error:  # the file made meanwhile, or narrative/ is a file
        if files.lexists(target):
            raise DataError([], Message("narrative.exists", file=label)) from None
        raise DataError([], Message("narrative.cannot_write", file=label, reason=files.os_reason(error))) from None
    except OSError as error:  # a read-only folder, a full disk, narrative is a file
        raise DataError([], Message("narrative.cannot_write", file=label, reason=files.os_reason(error))) from None
    ctx.out.write(ctx.say("narrative.created", file=label, period=period.code) + "\n")
    return 0
