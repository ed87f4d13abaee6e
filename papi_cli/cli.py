"""The command line: parses options, calls one function per command, maps results to exit codes.

Exit codes: 0 fine, 1 the data has errors (or a checked target is not met, where a command says
so), 2 bad command-line usage, 3 an internal error (a bug: a short message and a log file).
Each command's work lives in ``papi_cli/commands/<verb>.py`` and is imported only when that
command runs, so ``papi --help`` stays fast.
"""

from __future__ import annotations

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


def _paths(root: Path | None, plan: Path | None, submissions: Path | None):
    from papi_cli.load import Paths

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
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only the tasks this agency leads or implements.")] = None,
    dimension: Annotated[Optional[str], typer.Option("--dimension", help="Only this dimension (I … VII, IX).")] = None,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = "table",
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
) -> None:
    """Check the plan and the submission files; exit 1 when any has an error."""
    from papi_cli.commands import validate as command

    raise typer.Exit(command.run(_paths(root, plan, submissions), files=files or [], fmt=fmt, lang=lang))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``papi`` script: one-line usage errors (exit 2), no tracebacks."""
    from papi_cli.errors import UsageError

    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    try:
        code = command.main(args, prog_name="papi", standalone_mode=False)
    except click_errors.UsageError as err:
        hint = f" (xem / see '{err.ctx.command_path} --help')" if err.ctx else ""
        print(f"papi: {err.format_message()}{hint}", file=sys.stderr)
        code = 2
    except UsageError as err:
        print(f"papi: {err}", file=sys.stderr)
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
    if argv is None:
        sys.exit(code or 0)
    return code or 0


def _internal_error() -> int:
    import os
    import tempfile
    import traceback

    from papi_cli.i18n import t

    fd, log = tempfile.mkstemp(prefix="papi-crash-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"papi {__version__}\nargv: {sys.argv!r}\n\n")
        traceback.print_exc(file=handle)
    lang = os.environ.get("PAPI_LANG", "vi")
    print(t("internal_error", lang, log=log), file=sys.stderr)
    return 3
