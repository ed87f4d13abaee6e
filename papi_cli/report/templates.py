"""Finding and rendering the report templates (Jinja2).

Each template file is looked up in order in ``--templates DIR``, then ``ROOT/templates`` (the
province's own, in its repository), then the defaults shipped inside the package
(``papi_cli/templates``, found through ``importlib.resources`` so that an installed wheel finds
them as a source checkout does). A province may so override one file (``report.css``, say) and
keep the others.

Templates run sandboxed. HTML is autoescaped; in Markdown every ``{{ value }}`` is escaped for
Markdown, its line breaks turned into ``<br>`` so it stays inside a table cell. A template that
fails (syntax, an unknown name, an error while rendering) is a Problem with its file and line,
not a crash.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papi_cli import files
from papi_cli.problems import Mark, Problem
from papi_cli.words import say

if TYPE_CHECKING:
    from markupsafe import Markup

NAMES = {"md": "report.md.j2", "html": "report.html.j2"}


def _packaged() -> Path:
    """The default templates inside the package (a folder on disk: papi is not run from a zip)."""
    from importlib.resources import files

    return Path(str(files("papi_cli").joinpath("templates")))


PACKAGED = _packaged()



def search_path(root: Path, chosen: Path | None = None) -> list[tuple[Path, Path]]:
    """Where templates are looked for, first match wins, each folder with the folder its files
    must lie in: the project's own ``templates/`` (which a pull request may change) within the
    project, ``--templates`` (the user's choice) and the defaults within themselves."""
    folders = [(chosen, chosen)] if chosen is not None else []
    return [*folders, (root / "templates", root), (PACKAGED, PACKAGED)]


def md_escape(value: Any) -> str:
    """A value as literal Markdown text (``render/markdown.py``), line breaks as ``<br>``; a value
    a filter already made Markdown (``md_runs``, a Markup) as it is."""
    from markupsafe import Markup

    from papi_cli.render.markdown import escape

    if isinstance(value, Markup):
        return str(value)
    return escape(value)


_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])")


def md_runs(runs: Any) -> Markup:
    """A narrative paragraph or list entry (``model.Run``s) as Markdown: each run escaped and
    marked ``**bold**``/``*italic*``, and a start Markdown would read as a list or an underline
    (``- ``, ``+ ``, ``1. ``, ``=``) escaped too, so a paragraph stays a paragraph."""
    from markupsafe import Markup

    from papi_cli.render.markdown import escape

    pieces = []
    for index, run in enumerate(runs):
        text = escape(run.text, line_break=" ")
        if index == 0 and not (run.bold or run.italic):
            number = _LIST_NUMBER.match(text)
            if number:
                text = number.group(1) + "\\" + text[number.end(1):]
            elif text[:1] in ("-", "+", "="):
                text = "\\" + text
        mark = ("**" if run.bold else "") + ("*" if run.italic else "")
        pieces.append(mark + text + mark[::-1])
    return Markup("".join(pieces))


def css_string(value: Any) -> Markup:
    """A value as a quoted CSS string, every character that is not a letter, digit or space
    written as a CSS escape (so nothing can close the string or the ``<style>`` element)."""
    from markupsafe import Markup

    # CSS reads one whitespace after a hex escape as its end: the space after each escape is eaten
    chars = (ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(value))
    return Markup('"' + "".join(chars) + '"')


def render(view: Any, fmt: str, places: list[tuple[Path, Path]],
           label: Callable[[Path], str]) -> tuple[str | None, list[Problem]]:
    """The report text in ``fmt`` (md or html), or None with the template's problem."""
    texts, problems = render_each([view], fmt, places, label, NAMES[fmt])
    return (None, problems) if texts is None else (texts[0], [])


def render_each(views: Sequence[Any], fmt: str, places: list[tuple[Path, Path]], label: Callable[[Path], str],
                name: str) -> tuple[list[str] | None, list[Problem]]:
    """Each view through the template ``name`` (the report's, or the reminder letters'
    ``letter.html.j2``), loaded and compiled once; or None with the template's problem."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    folders = [folder for folder, _ in places]
    env = SandboxedEnvironment(
        loader=_loader(places, label),
        autoescape=fmt == "html",
        finalize=md_escape if fmt == "md" else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    env.filters["md_runs"] = md_runs
    try:
        template = env.get_template(name)
        texts = [template.render(v=view, t=partial(say, lang=view.lang)) for view in views]
    except _Refused as refused:
        return None, [refused.problem]
    except jinja2.TemplateSyntaxError as err:
        file = label(Path(err.filename)) if err.filename else err.name or name
        return None, [Problem.at(file, Mark(err.lineno, 1), "template-error", detail=err.message)]
    except jinja2.TemplateNotFound as err:
        where = ", ".join(label(f) for f in folders)
        return None, [Problem.at(name, None, "template-missing", name=err.name, folders=where)]
    except Exception as err:  # raised while rendering: located at the template line that ran
        path, line = _template_frame(err, folders)
        detail = f"{type(err).__name__}: {err}"
        return None, [Problem.at(label(path) if path else name, Mark(line, 1) if line else None,
                                 "template-error", detail=detail)]
    return texts, []


def _template_frame(err: Exception, folders: list[Path]) -> tuple[Path | None, int | None]:
    """The innermost traceback frame in a template file (Jinja2 rewrites frames to template lines)."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        path = Path(frame.filename)
        if any(files.inside(path, folder) for folder in folders) and files.is_file(path):
            return path, frame.lineno
    return None, None


class _Refused(Exception):
    """A template papi will not read (outside its folder, not a regular file, too large, not UTF-8)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _loader(places: list[tuple[Path, Path]], label: Callable[[Path], str]) -> Any:
    """Templates looked up folder by folder, each read only when it lies inside its folder once
    every symbolic link is followed (``templates/report.css → /etc/hostname`` is refused, as is an
    ``{% include %}`` of ``../x``), and read as papi reads every file: a regular file, the size
    bound, UTF-8."""
    import jinja2

    class Confined(jinja2.BaseLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
            parts = Path(template).parts
            if not parts or Path(template).is_absolute() or ".." in parts:
                raise jinja2.TemplateNotFound(template)
            for folder, boundary in places:
                path = folder / template
                if not files.lexists(path):
                    continue
                if not (files.inside(path, folder) and files.inside(path, boundary)):
                    raise _Refused(Problem.at(label(path), None, "template-outside", name=template,
                                              folder=label(folder), target=files.realpath(path)))
                raw, problems = files.read_bytes(path, label(path))
                text = None
                if raw is not None:
                    text, problems = files.decode(label(path), raw)
                if text is None:
                    raise _Refused(problems[0])
                return text, str(path), lambda: True
            raise jinja2.TemplateNotFound(template)

    return Confined()
