"""The command line: parses options, calls one function per command, maps results to exit codes.

Exit codes: 0 fine, 1 the data has errors (or a checked target is not met, where a command says
so), 2 bad command-line usage, 3 an internal error (a bug: a short message and a log file).
Each command's work lives in ``papi_cli/commands/<verb>.py`` and is imported only when that
command runs, so ``papi --help`` stays fast.
"""

# No `from __future__ import annotations` here: typer would then evaluate every option's annotation
# from its text at each start (about 4 ms, issue 6).
import gc
import signal
import sys
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer
from typer._click import exceptions as click_errors  # typer >= 0.29 vendors click

from papi_cli import __version__

app = typer.Typer(
    name="papi",
    help=(
        "papi — theo dõi thực hiện Kế hoạch cải thiện Chỉ số PAPI trên tệp văn bản "
        "(compliance tracker for provincial PAPI improvement plans)."
    ),
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Root = Annotated[Optional[Path], typer.Option("--root", help="Project folder (default: the current directory).")]
PlanPath = Annotated[Optional[Path], typer.Option("--plan", help="Plan file (default: ROOT/plan/<newest year>.yaml).")]
SubmissionsPath = Annotated[
    Optional[Path], typer.Option("--submissions", help="Submissions folder (default: ROOT/submissions).")
]
Lang = Annotated[
    Literal["vi", "en"],
    typer.Option("--lang", envvar="PAPI_LANG", help="Language of labels and messages: vi (default) or en."),
]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", envvar="PAPI_NO_CACHE",
                 help="Parse and check every file again, without reading or writing ROOT/.papi-cache."),
]


AgencyFilter = Annotated[
    Optional[str], typer.Option("--agency", help="Only the tasks this agency leads or implements.")
]
DimensionFilter = Annotated[Optional[str], typer.Option("--dimension", help="Only this dimension (I … VII, IX).")]
TableOrJson = Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")]


def _paths(root: Path | None, plan: Path | None, submissions: Path | None, *, reading: bool = True):
    """The paths to use; a folder named on the command line for reading must exist (a typo in CI
    must not pass as "0 files, 0 errors"). ``papi new`` may create the submissions folder."""
    from papi_cli.errors import UsageError
    from papi_cli.load import Paths

    for option, folder in (("--root", root), ("--submissions", submissions if reading else None)):
        if folder is not None and not folder.is_dir():
            raise UsageError(f"{option}: không có thư mục {folder}", f"{option}: no such folder: {folder}")
    return Paths.resolve(root, plan, submissions)


def _version(value: bool) -> None:
    if value:
        print(f"papi {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """papi: Decision 46/QĐ-UBND (Đắk Nông, 2020) as a reviewed plan, quarterly YAML submissions,
    validation in CI, `papi status` in a terminal and report files."""


@app.command()
def tasks(
    agency: AgencyFilter = None,
    dimension: DimensionFilter = None,
    fmt: TableOrJson = "table",
    root: Root = None,
    plan: PlanPath = None,
    lang: Lang = "vi",
) -> None:
    """The plan's catalogue: tasks, targets, leads and due dates."""
    from papi_cli.commands import tasks as command

    raise typer.Exit(command.run(_paths(root, plan, None), agency=agency, dimension=dimension, fmt=fmt, lang=lang))


@app.command()
def validate(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Submission files to check (default: all).")] = None,
    fmt: Annotated[Literal["text", "json", "github"], typer.Option("--format", help="text, json or github.")] = "text",
    root: Root = None,
    plan: PlanPath = None,
    submissions: SubmissionsPath = None,
    lang: Lang = "vi",
    no_cache: NoCache = False,
) -> None:
    """Check the plan and the submission files; exit 1 when any has an error."""
    from papi_cli.commands import validate as command

    raise typer.Exit(command.run(_paths(root, plan, submissions), files=files or [], fmt=fmt, lang=lang,
                                 cache=not no_cache))


Period = Annotated[Optional[str], typer.Option("--period", help="2020-Q1…Q4, 2020-H1, 2020-9M or 2020.")]


@app.command()
def status(
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Evaluate as of this date (YYYY-MM-DD; default today, capped at the plan year's end).")] = None,
    period: Period = None,
    agency: AgencyFilter = None,
    dimension: DimensionFilter = None,
    fmt: Annotated[Literal["table", "json", "md"], typer.Option("--format", help="table, json or md.")] = "table",
    fail_on: Annotated[Optional[Literal["missed", "at_risk"]], typer.Option("--fail-on", help="Exit 1 when an indicator is missed (missed), or at risk or missed (at_risk).")] = None,
    root: Root = None,
    plan: PlanPath = None,
    submissions: SubmissionsPath = None,
    lang: Lang = "vi",
    no_cache: NoCache = False,
) -> None:
    """Every indicator: value, target, progress, status, due, lead; who has not reported."""
    from papi_cli.commands import status as command

    raise typer.Exit(command.run(_paths(root, plan, submissions), as_of=as_of, period=period, agency=agency,
                                 dimension=dimension, fmt=fmt, fail_on=fail_on, lang=lang, cache=not no_cache))


@app.command()
def report(
    period: Annotated[str, typer.Option("--period", help="2020-Q1…Q4, 2020-H1, 2020-9M or 2020.")],
    fmt: Annotated[Literal["md", "html", "json"], typer.Option("--format", help="md, html or json.")] = "md",
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Folder to write the report into (default: ROOT/reports).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Override the period's evaluation date (YYYY-MM-DD).")] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", help="Use report templates from this folder.")] = None,
    root: Root = None,
    plan: PlanPath = None,
    submissions: SubmissionsPath = None,
    lang: Lang = "vi",
    no_cache: NoCache = False,
) -> None:
    """Write the report of a period (bao-cao-papi-<P>.<md|html|json>)."""
    from papi_cli.commands import report as command

    raise typer.Exit(command.run(_paths(root, plan, submissions), period=period, fmt=fmt, out_dir=out_dir,
                                 as_of=as_of, templates=templates, lang=lang, cache=not no_cache))


@app.command()
def new(
    agency: Annotated[str, typer.Option("--agency", help="The agency code, e.g. so-ldtbxh.")],
    period: Annotated[str, typer.Option("--period", help="The quarter, e.g. 2020-Q2.")],
    root: Root = None,
    plan: PlanPath = None,
    submissions: SubmissionsPath = None,
    lang: Lang = "vi",
) -> None:
    """Write a skeleton submission for an agency and quarter (never overwrites)."""
    from papi_cli.commands import new as command

    raise typer.Exit(command.run(_paths(root, plan, submissions, reading=False), agency=agency, period=period, lang=lang))


@app.command()
def codeowners(root: Root = None, plan: PlanPath = None, lang: Lang = "vi") -> None:
    """Print a CODEOWNERS file: each agency's submissions to its owners."""
    from papi_cli.commands import codeowners as command

    raise typer.Exit(command.run(_paths(root, plan, None), lang=lang))


@app.command()
def schema(root: Root = None, plan: PlanPath = None, lang: Lang = "vi") -> None:
    """Print the JSON Schema of a submission file, with the plan's codes as enums."""
    from papi_cli.commands import schema as command

    raise typer.Exit(command.run(_paths(root, plan, None), lang=lang))


@app.command()
def outcome(
    year: Annotated[int, typer.Option("--year", help="The PAPI survey year, e.g. 2020.")],
    scores: Annotated[Optional[Path], typer.Option("--scores", help="CSV of scores (default: plan/papi-scores-<year>.csv).")] = None,
    fmt: TableOrJson = "table",
    root: Root = None,
    plan: PlanPath = None,
    lang: Lang = "vi",
) -> None:
    """The province's published PAPI scores against goal 1.3; exit 1 when the goal is not met."""
    from papi_cli.commands import outcome as command

    raise typer.Exit(command.run(_paths(root, plan, None), year=year, scores=scores, fmt=fmt, lang=lang))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``papi`` script: one-line usage errors (exit 2), no tracebacks."""
    from papi_cli.errors import UsageError

    args = sys.argv[1:] if argv is None else argv
    if argv is None and hasattr(signal, "SIGPIPE"):
        # `papi status | head`: end quietly as Unix tools do, not with click's exit 1.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    command = typer.main.get_command(app)
    # A short run whose values are freed by reference counting: the cyclic collector's passes over
    # thousands of parsed values cost about a tenth of it, for no memory saved (issue 6).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = command.main(args, prog_name="papi", standalone_mode=False)
    except click_errors.UsageError as err:
        see = "see" if _lang_of(args) == "en" else "xem"
        hint = f" ({see} '{err.ctx.command_path} --help')" if err.ctx else ""
        print(f"papi: {err.format_message()}{hint}", file=sys.stderr)
        code = 2
    except UsageError as err:
        print(f"papi: {err.message(_lang_of(args))}", file=sys.stderr)
        code = 2
    except typer.Abort:
        print("papi: aborted", file=sys.stderr)
        code = 130
    except click_errors.ClickException as err:
        print(f"papi: {err.format_message()}", file=sys.stderr)
        code = err.exit_code
    except BrokenPipeError:
        code = 0
    except Exception:  # a bug: say so briefly and keep the details for the report
        code = _internal_error()
    finally:
        if collecting:
            gc.enable()
    if argv is None:
        sys.exit(code or 0)
    return code or 0


def _lang_of(args: list[str]) -> str:
    """The --lang of a command line that failed after parsing (else PAPI_LANG, else vi)."""
    import os

    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("PAPI_LANG", "vi")


def _internal_error() -> int:
    import os
    import tempfile
    import traceback

    from papi_cli.i18n import t

    fd, log = tempfile.mkstemp(prefix="papi-crash-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"papi {__version__}\nargv: {sys.argv!r}\n\n")
        traceback.print_exc(file=handle)
    print(t("internal_error", _lang_of(sys.argv[1:]), log=log), file=sys.stderr)
    return 3
