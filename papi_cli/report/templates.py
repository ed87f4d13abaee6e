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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#]|&(?=#?\w+;))")


def search_path(root: Path, chosen: Path | None = None) -> list[Path]:
    """Where templates are looked for, first match wins."""
    folders = [chosen] if chosen is not None else []
    return [*folders, root / "templates", PACKAGED]


def md_escape(value: Any) -> str:
    """A value as literal Markdown text: special characters backslash-escaped, line breaks as ``<br>``."""
    if value is None:
        return ""
    lines = _MD_SPECIAL.sub(r"\\\1", str(value)).splitlines()
    return "<br>".join(lines)


def css_string(value: Any) -> Markup:
    """A value as a quoted CSS string, every character that is not a letter, digit or space
    written as a CSS escape (so nothing can close the string or the ``<style>`` element)."""
    from markupsafe import Markup

    # CSS reads one whitespace after a hex escape as its end: the space after each escape is eaten
    chars = (ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(value))
    return Markup('"' + "".join(chars) + '"')


def render(view: Any, fmt: str, folders: list[Path], label: Callable[[Path], str]) -> tuple[str | None, list[Problem]]:
    """The report text in ``fmt`` (md or html), or None with the template's problem."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders if f.is_dir()]),
        autoescape=fmt == "html",
        finalize=md_escape if fmt == "md" else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    try:
        template = env.get_template(NAMES[fmt])
        text = template.render(v=view, t=partial(say, lang=view.lang))
    except jinja2.TemplateSyntaxError as err:
        file = label(Path(err.filename)) if err.filename else err.name or NAMES[fmt]
        return None, [Problem.at(file, Mark(err.lineno, 1), "template-error", detail=err.message)]
    except jinja2.TemplateNotFound as err:
        where = ", ".join(label(f) for f in folders)
        return None, [Problem.at(NAMES[fmt], None, "template-missing", name=err.name, folders=where)]
    except Exception as err:  # raised while rendering: located at the template line that ran
        path, line = _template_frame(err, folders)
        detail = f"{type(err).__name__}: {err}"
        return None, [Problem.at(label(path) if path else NAMES[fmt], Mark(line, 1) if line else None,
                                 "template-error", detail=detail)]
    return text, []


def _template_frame(err: Exception, folders: list[Path]) -> tuple[Path | None, int | None]:
    """The innermost traceback frame in a template file (Jinja2 rewrites frames to template lines)."""
    roots = [str(f.resolve()) for f in folders]
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        path = Path(frame.filename)
        if path.is_file() and any(str(path.resolve()).startswith(r) for r in roots):
            return path, frame.lineno
    return None, None
