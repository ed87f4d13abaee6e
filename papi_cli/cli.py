"""The command line: options written once, one function per command, exit codes.

Exit codes: 0 fine, 1 the data has errors (or a checked target is not met, where a command says
so), 2 bad command-line usage, 3 an internal error (a bug: a short message and a log file).

Each option is defined once below (its flags, and its help under ``help.opt.<name>`` in the
catalogue); each command's function only lists the options it takes and hands their raw values
to ``_dispatch``, which turns them into typed values (a ``Period``, a date, a format checked
against the command's ``FORMATS``) and calls ``papi_cli/commands/<verb>.py``'s ``run``, imported
only then so that ``papi --help`` stays fast. Help screens and click's own usage errors are
written here in the language of ``--lang``/``PAPI_LANG`` (Vietnamese by default), which is read
from the command line before click parses it.
"""

# No `from __future__ import annotations` here: typer would then evaluate every option's annotation
# from its text at each start (about 4 ms; see docs/performance.md).
import datetime as dt
import gc
import io
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click import exceptions as click_errors  # typer >= 0.29 vendors click
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo

from papi_cli import __version__
from papi_cli.errors import DataError, UsageError
from papi_cli.message import Message, Refusal
from papi_cli.words import LANGS, Lang, say

# The formats of each command, the default first.
FORMATS: dict[str, tuple[str, ...]] = {
    "validate": ("text", "json", "github"),
    "status": ("table", "json", "md"),
    "report": ("md", "html", "json", "docx", "xlsx"),
    "tasks": ("table", "json"),
    "agencies": ("table", "json"),
    "outcome": ("table", "json"),
    "plan_check": ("text", "json", "github"),
    "remind": ("md", "html", "docx"),
    "new": ("yaml", "xlsx"),
    "import": ("text", "json", "github"),
    "export": ("xlsx",),
}
FAIL_ON = ("missed", "at_risk")
DATE_OPTIONS = {"as_of": "--as-of", "by": "--by", "issued_on": "--issued-on"}  # parameter → its option
MODULES = {"import": "import_form"}  # a command whose module cannot bear its name

# Help keys that differ from ``help.opt.<parameter>`` for one command.
HELP_OVERRIDES = {("new", "agency"): "help.opt.agency_new", ("new", "period"): "help.opt.quarter",
                  ("new", "out"): "help.opt.out_form", ("new", "fmt"): "help.opt.fmt_new",
                  ("export", "out"): "help.opt.out_form", ("export", "agency"): "help.opt.agency_new",
                  ("export", "period"): "help.opt.quarter", ("import", "files"): "help.opt.files_import",
                  ("add", "files"): "help.opt.files_add",
                  **{(command, "year"): "help.opt.plan_year" for command in ("status", "tasks", "agencies")},
                  ("schema", "year"): "help.opt.plan_year_all", ("codeowners", "year"): "help.opt.plan_year_all",
                  ("report", "as_of"): "help.opt.as_of_report",
                  ("remind", "as_of"): "help.opt.as_of_remind", ("remind", "period"): "help.opt.quarter",
                  ("remind", "out"): "help.opt.out_remind"}
METAVARS = {"root": "folder", "submissions": "folder", "out": "folder", "templates": "folder", "plan": "file",
            "scores": "file", "period": "period", "as_of": "date", "agency": "code", "dimension": "code",
            "fmt": "format", "year": "year", "fail_on": "status", "lang": "lang", "by": "date", "issued_on": "date",
            "number": "value"}

_lang: Lang = "vi"  # the language of this run, read from argv before parsing (``main``)


def _say(what: Message | str, **args: Any) -> str:
    return say(what, _lang, **args)


# --- the options, each written once ----------------------------------------------------------------
Root = Annotated[Path | None, typer.Option("--root", show_default=False)]
PlanPath = Annotated[Path | None, typer.Option("--plan", show_default=False)]
SubmissionsPath = Annotated[Path | None, typer.Option("--submissions", show_default=False)]
LangOption = Annotated[str, typer.Option("--lang", envvar="PAPI_LANG")]
NoCache = Annotated[bool, typer.Option("--no-cache", envvar="PAPI_NO_CACHE")]
Agency = Annotated[str | None, typer.Option("--agency", show_default=False)]
RequiredAgency = Annotated[str, typer.Option("--agency")]
Dimension = Annotated[str | None, typer.Option("--dimension", show_default=False)]
Format = Annotated[str | None, typer.Option("--format", show_default=False)]
Period = Annotated[str | None, typer.Option("--period", show_default=False)]
RequiredPeriod = Annotated[str, typer.Option("--period")]
AsOf = Annotated[str | None, typer.Option("--as-of", show_default=False)]
FailOn = Annotated[str | None, typer.Option("--fail-on", show_default=False)]
OutDir = Annotated[Path | None, typer.Option("--out", show_default=False)]
Templates = Annotated[Path | None, typer.Option("--templates", show_default=False)]
Year = Annotated[str, typer.Option("--year")]
OptionalYear = Annotated[str | None, typer.Option("--year", show_default=False)]
Scores = Annotated[Path | None, typer.Option("--scores", show_default=False)]
Files = Annotated[list[Path] | None, typer.Argument(show_default=False)]
Replace = Annotated[bool, typer.Option("--replace")]
By = Annotated[str | None, typer.Option("--by", show_default=False)]
IssuedOn = Annotated[str | None, typer.Option("--issued-on", show_default=False)]
Number = Annotated[str | None, typer.Option("--number", show_default=False)]
RequireNarrative = Annotated[bool, typer.Option("--require-narrative")]
NarrativeFlag = Annotated[bool, typer.Option("--narrative")]


# --- help in the chosen language ---------------------------------------------------------------------
class _Help:
    """Help screens in papi's words: usage line, the command's help, its options (or commands)."""

    name: str | None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # papi status → "status", papi plan check → "plan_check" (the keys of its help texts)
        command = "_".join(ctx.command_path.split()[1:]) or "papi"
        formatter.write_usage(ctx.command_path, " ".join(self._usage_pieces(ctx)), prefix=_say("help.usage") + " ")
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(_say(f"help.{command}"))
        rows = [self._row(command, param) for param in self.get_params(ctx)]  # type: ignore[attr-defined]
        arguments = [row for row, is_argument in rows if is_argument]
        for title, entries in (("help.arguments", arguments), ("help.options", [r for r, a in rows if not a])):
            if entries:
                with formatter.section(_say(title)):
                    formatter.write_dl(entries)
        commands = getattr(self, "commands", None)
        if commands:
            with formatter.section(_say("help.commands")):
                prefix = "" if command == "papi" else f"{command}_"
                formatter.write_dl([(name, _say(f"help.{prefix}{name}")) for name in commands])

    def _usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [_say("help.options_metavar")]
        for param in self.params:  # type: ignore[attr-defined]
            if isinstance(param, typer.core.TyperArgument):
                pieces.append(f"[{_say('help.metavar.' + METAVARS.get(param.name or '', 'file'))}]...")
        if getattr(self, "commands", None):
            pieces.append(_say("help.command_metavar"))
        return pieces

    def _row(self, command: str, param: Any) -> tuple[tuple[str, str], bool]:
        name = param.name or ""
        if isinstance(param, typer.core.TyperArgument):
            key = HELP_OVERRIDES.get((command, name), f"help.opt.{name}")
            return (_say("help.metavar." + METAVARS.get(name, "file")), _say(key)), True
        flags = ", ".join(sorted([*param.opts, *param.secondary_opts], key=lambda flag: (flag.startswith("--"), flag)))
        if not param.is_flag:
            flags += " " + _say("help.metavar." + METAVARS.get(name, "value"))
        if name in ("help", "version"):
            return (flags, _say(f"help.{name}")), False
        key = HELP_OVERRIDES.get((command, name), f"help.opt.{name}")
        text = _say(key, choices=", ".join(FORMATS.get(command, ()))) if name == "fmt" else _say(key)
        notes = []
        if name == "fmt" and command in FORMATS:
            notes.append(_say("help.default", default=FORMATS[command][0]))
        if param.required:
            notes.append(_say("help.required"))
        if param.envvar:
            notes.append(_say("help.envvar", var=param.envvar))
        return (flags, " ".join([text, *notes])), False


class PapiCommand(_Help, TyperCommand):
    pass


class PapiGroup(_Help, TyperGroup):
    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command in papi's words, with the commands it may have meant."""
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            from difflib import get_close_matches

            unknown = Message("click.no_such_command", name=args[0])
            close = get_close_matches(args[0], list(self.commands))
            if close:
                unknown = Message("click.did_you_mean", message=unknown, names=", ".join(f"'{c}'" for c in close))
            raise _UsageAt(unknown, ctx)
        return super().resolve_command(ctx, args)


class _UsageAt(click_errors.UsageError):
    """A usage error of the command line itself, already in papi's words."""

    def __init__(self, message: Message, ctx: Any) -> None:
        super().__init__(message.key, ctx)
        self.papi_message = message


app = typer.Typer(name="papi", cls=PapiGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    if value:
        print(f"papi {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
          lang: LangOption = "vi") -> None:
    """``--lang`` here too (``papi --lang en --help``); it was read before parsing (``_lang_of``)."""
    _choice("--lang", lang, LANGS)


@app.command(cls=PapiCommand)
def tasks(agency: Agency = None, dimension: Dimension = None, fmt: Format = None, year: OptionalYear = None,
          root: Root = None, plan: PlanPath = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("tasks", locals())


@app.command(cls=PapiCommand)
def agencies(fmt: Format = None, year: OptionalYear = None, root: Root = None, plan: PlanPath = None,
             lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("agencies", locals())


@app.command(cls=PapiCommand)
def validate(files: Files = None, fmt: Format = None, root: Root = None, plan: PlanPath = None,
             submissions: SubmissionsPath = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("validate", locals())


@app.command(cls=PapiCommand)
def status(as_of: AsOf = None, period: Period = None, year: OptionalYear = None, agency: Agency = None,
           dimension: Dimension = None, fmt: Format = None, fail_on: FailOn = None, root: Root = None,
           plan: PlanPath = None,
           submissions: SubmissionsPath = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("status", locals())


@app.command(cls=PapiCommand)
def report(period: RequiredPeriod, fmt: Format = None, out: OutDir = None, as_of: AsOf = None,
           issued_on: IssuedOn = None, number: Number = None, require_narrative: RequireNarrative = False,
           templates: Templates = None, root: Root = None, plan: PlanPath = None,
           submissions: SubmissionsPath = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("report", locals())


@app.command(cls=PapiCommand)
def new(period: RequiredPeriod, agency: Agency = None, narrative: NarrativeFlag = False, fmt: Format = None,
        out: OutDir = None, root: Root = None, plan: PlanPath = None, submissions: SubmissionsPath = None,
        lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    raw = dict(locals())
    if narrative == (agency is not None):  # exactly one of the two
        raise UsageError(Message("usage.agency_with_narrative" if narrative else "usage.agency_or_narrative"))
    del raw["narrative"]
    if narrative:  # the skeleton of narrative/<P>.md, for any period (commands/new_narrative.py)
        if fmt is not None or out is not None:
            raise UsageError(Message("usage.format_with_narrative"))
        del raw["agency"], raw["fmt"], raw["out"]
    _dispatch("new_narrative" if narrative else "new", raw)


@app.command(cls=PapiCommand)
def add(files: Files = None, replace: Replace = False, root: Root = None, plan: PlanPath = None,
        submissions: SubmissionsPath = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("add", locals())


DryRun = Annotated[bool, typer.Option("--dry-run")]


@app.command("import", cls=PapiCommand)
def import_(files: Files = None, replace: Replace = False, dry_run: DryRun = False, fmt: Format = None,
            root: Root = None, plan: PlanPath = None, submissions: SubmissionsPath = None, lang: LangOption = "vi",
            no_cache: NoCache = False) -> None:
    _dispatch("import", locals())


@app.command(cls=PapiCommand)
def export(agency: RequiredAgency, period: RequiredPeriod, fmt: Format = None, out: OutDir = None, root: Root = None,
           plan: PlanPath = None, submissions: SubmissionsPath = None, lang: LangOption = "vi",
           no_cache: NoCache = False) -> None:
    _dispatch("export", locals())


@app.command(cls=PapiCommand)
def remind(period: RequiredPeriod, fmt: Format = None, out: OutDir = None, as_of: AsOf = None, by: By = None,
           root: Root = None, plan: PlanPath = None, submissions: SubmissionsPath = None, lang: LangOption = "vi",
           no_cache: NoCache = False) -> None:
    _dispatch("remind", locals())


@app.command(cls=PapiCommand)
def codeowners(year: OptionalYear = None, root: Root = None, plan: PlanPath = None, lang: LangOption = "vi",
               no_cache: NoCache = False) -> None:
    _dispatch("codeowners", locals())


@app.command(cls=PapiCommand)
def schema(year: OptionalYear = None, root: Root = None, plan: PlanPath = None, lang: LangOption = "vi",
           no_cache: NoCache = False) -> None:
    _dispatch("schema", locals())


@app.command(cls=PapiCommand)
def outcome(year: Year, scores: Scores = None, fmt: Format = None, root: Root = None, plan: PlanPath = None,
            lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("outcome", locals())


plan_app = typer.Typer(name="plan", cls=PapiGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                       pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(plan_app, name="plan")


PlanFileArgument = Annotated[Path, typer.Argument(show_default=False)]


@plan_app.command("check", cls=PapiCommand)
def plan_check(file: PlanFileArgument, fmt: Format = None, lang: LangOption = "vi", no_cache: NoCache = False) -> None:
    _dispatch("plan_check", {**locals(), "root": None, "plan": file})


# --- from raw option values to a command's arguments ---------------------------------------------------
def _dispatch(command: str, raw: dict[str, Any]) -> None:
    """Check and convert the options, run ``commands/<command>.py``, exit with its code."""
    import importlib

    from papi_cli.commands.context import Context
    from papi_cli.layout import Paths

    values = dict(raw)
    _choice("--lang", values.pop("lang"), LANGS)
    root, plan, submissions = values.pop("root"), values.pop("plan"), values.pop("submissions", None)
    for option, folder in (("--root", root), ("--submissions", submissions if not command.startswith("new") else None)):
        if folder is not None and not folder.is_dir():
            raise UsageError(Message("usage.no_folder", option=option, folder=str(folder)))
    ctx = Context(Paths.resolve(root, plan, submissions), _lang, cache=not values.pop("no_cache", False))
    arguments = {name: _convert(command, name, value) for name, value in values.items()}
    module = importlib.import_module(f"papi_cli.commands.{MODULES.get(command, command)}")
    raise typer.Exit(module.run(ctx, **arguments))


def _convert(command: str, name: str, value: Any) -> Any:
    if name == "fmt":
        return _choice("--format", value, FORMATS[command]) if value is not None else FORMATS[command][0]
    if name == "fail_on":
        return None if value is None else _choice("--fail-on", value, FAIL_ON)
    if name == "period" and value is not None:
        return _period(value, quarter=command in ("new", "remind", "export"))
    if name in DATE_OPTIONS and value is not None:
        return _date(DATE_OPTIONS[name], value)
    if name == "number" and value is not None:
        return _number(value)
    if name == "year":
        return None if value is None else _year(value)
    if name == "files":
        return list(value or [])
    if name == "templates" and value is not None and not value.is_dir():
        raise UsageError(Message("usage.not_a_folder", option="--templates", value=str(value)))
    return value


def _choice(option: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise UsageError(Message("usage.choice", option=option, value=value, choices=", ".join(choices)))
    return value


def _period(value: str, *, quarter: bool) -> Any:
    from papi_cli.periods import parse, parse_quarter

    try:
        return parse_quarter(value) if quarter else parse(value)
    except Refusal as refusal:
        raise UsageError(Message("usage.refused", option="--period", detail=refusal.message)) from None


def _date(option: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Message("usage.bad_date", option=option, value=value)) from None


def _number(value: str) -> str:
    """A report number as printed in the header ("45/BC-SNV"): some text, short, no control characters."""
    text = value.strip()
    if not text or len(text) > 60 or not text.isprintable():
        raise UsageError(Message("usage.bad_number", option="--number", value=value))
    return text


def _year(value: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise UsageError(Message("usage.bad_year", option="--year", value=value))
    return int(value)


# --- the entry point ----------------------------------------------------------------------------------
def _command_for(args: list[str]) -> Any:
    """The click command of this run, built for what it asks. typer builds every command's click
    object on each run (a few milliseconds for fifteen): here only the command named, or, for the
    top level (``--help``, ``--version``, no command), every command as its name alone, which is
    all the listing shows (``_Help.format_help`` takes the texts from words.py). When the first word
    names no command, everything, for the suggestions of ``PapiGroup.resolve_command``."""
    first = _first_word(args)
    commands, groups = app.registered_commands, app.registered_groups
    names = [info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")
             for info in commands]
    if first is None:
        app.registered_commands = [CommandInfo(name, cls=PapiCommand, callback=_listed_only) for name in names]
    elif first in names:
        app.registered_commands, app.registered_groups = [commands[names.index(first)]], []
    try:
        return typer.main.get_command(app)
    finally:
        app.registered_commands, app.registered_groups = commands, groups


def _first_word(args: list[str]) -> str | None:
    """The command word of ``args``: the first that is neither an option of ``papi`` itself
    (``--lang VALUE``, ``--version``, ``--help``) nor its value."""
    value_of_lang = False
    for arg in args:
        if value_of_lang:
            value_of_lang = False
        elif arg == "--lang":
            value_of_lang = True
        elif not arg.startswith("-"):
            return arg
    return None


def _listed_only() -> None:
    """A command as the top-level help lists it (``_command_for``): it never runs."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``papi`` script: one-line usage errors (exit 2), no tracebacks."""
    global _lang
    args = sys.argv[1:] if argv is None else argv
    _lang = _lang_of(args)
    if argv is None and hasattr(signal, "SIGPIPE"):
        # `papi status | head`: end quietly as Unix tools do, not with click's exit 1.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if sys.stdout is None or sys.stderr is None:  # `papi status >&-`: there is nowhere to answer
        if sys.stderr is not None:
            print(_say("usage.line", message=Message("usage.no_output")), file=sys.stderr)
        return _exit(1, argv)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show Vietnamese gets escapes
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    real_out = sys.stdout
    sys.stdout = _Output(real_out)
    command = _command_for(args)
    # A short run whose values are freed by reference counting: the cyclic collector's passes over
    # thousands of parsed values cost about a tenth of it, for no memory saved.
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = command.main(args, prog_name="papi", standalone_mode=False)
        sys.stdout.flush()
    except OutputError as err:  # a full disk or a closed pipe reader: say so, do not claim success
        print(_say("usage.line", message=Message("usage.output_failed", reason=err.reason)), file=sys.stderr)
        _discard(real_out)
        code = 1
    except click_errors.NoArgsIsHelpError as err:
        print(err.ctx.get_help(), file=sys.stderr)
        code = 2
    except click_errors.UsageError as err:
        print(_say("usage.line", message=_click_message(err)) + _see_help(err), file=sys.stderr)
        code = 2
    except UsageError as err:
        print(_say("usage.line", message=err.message), file=sys.stderr)
        code = 2
    except DataError as err:
        from papi_cli.render.problems import text_lines

        for line in text_lines(err.problems, _lang, err.sources):
            print(line, file=sys.stderr)
        if err.note is not None:
            print(_say(err.note), file=sys.stderr)
        code = 1
    except typer.Abort:
        print(_say("usage.aborted"), file=sys.stderr)
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception:  # a bug: say so briefly and keep the details for the report
        code = _internal_error()
    finally:
        sys.stdout = real_out
        if collecting:
            gc.enable()
    return _exit(code, argv)


def _exit(code: Any, argv: list[str] | None) -> int:
    if argv is None:
        sys.exit(code or 0)
    return int(code or 0)


class OutputError(Exception):
    """Standard output could not be written (a full disk, a closed file): not papi's bug."""

    def __init__(self, error: OSError) -> None:
        from papi_cli.files import os_reason

        super().__init__(str(error))
        self.reason = os_reason(error)


class _Output:
    """Standard output whose write errors are OutputError (a broken pipe stays itself: SIGPIPE's)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _discard(stream: Any) -> None:
    """After a failed write, send what is still buffered nowhere, so that the interpreter's own
    flush at exit does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _lang_of(args: list[str]) -> Lang:
    """The --lang of a command line not yet parsed (else PAPI_LANG, else vi; vi for a bad value,
    which the option's own check then refuses)."""
    chosen = os.environ.get("PAPI_LANG", "vi")
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGS:
            chosen = args[i + 1]
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            chosen = arg.split("=", 1)[1]
    return "en" if chosen == "en" else "vi"


def _click_message(err: click_errors.UsageError) -> Message:
    """click's usage errors in papi's words, by their kind (their own text is English only)."""
    if isinstance(err, _UsageAt):
        return err.papi_message
    if isinstance(err, click_errors.MissingParameter):
        param = err.param
        if isinstance(param, typer.core.TyperArgument):
            metavar = "help.metavar." + METAVARS.get(param.name or "", "file")
            return Message("click.missing_argument", name=Message(metavar))
        option = (param.opts[0] if param is not None and param.opts else str(err.param_hint or ""))
        return Message("click.missing_option", option=option)
    if isinstance(err, click_errors.NoSuchOption):
        unknown = Message("click.no_such_option", option=err.option_name)
        if err.possibilities:
            return Message("click.did_you_mean", message=unknown, names=", ".join(sorted(err.possibilities)))
        return unknown
    if isinstance(err, click_errors.BadOptionUsage):
        key = "click.takes_no_value" if "does not take a value" in err.message else "click.needs_value"
        return Message(key, option=err.option_name)
    if isinstance(err, click_errors.BadParameter):
        hint = err.param.opts[0] if err.param is not None and getattr(err.param, "opts", None) else str(err.param_hint)
        return Message("click.bad_value", option=hint)
    if err.message.startswith("Got unexpected extra argument"):
        extra = err.message[err.message.index(") (") + 3:].rstrip(")") if ") (" in err.message else ""
        return Message("click.extra_arguments", arguments=extra, count=len(extra.split()))
    if err.message.startswith("Missing command"):
        return Message("click.missing_command")
    return Message("click.other", message=err.message)


def _see_help(err: click_errors.UsageError) -> str:
    return " " + _say("usage.see_help", command=err.ctx.command_path) if err.ctx is not None else ""


def _internal_error() -> int:
    import tempfile
    import traceback

    fd, log = tempfile.mkstemp(prefix="papi-crash-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"papi {__version__}\nargv: {sys.argv!r}\n\n")
        traceback.print_exc(file=handle)
    print(_say("internal_error", log=log), file=sys.stderr)
    return 3
