"""The clerk's guide (docs/huong-dan-nop-bao-cao.md) as sessions that can be replayed.

The guide shows what a clerk types and what papi answers, so that they recognise it on their
screen. Each such example is a session:

- a ```yaml block whose first line is ``# tệp: <path>`` is a file written before the next
  commands (``<path>`` from the project folder; ``(UTF-16)`` after it: saved in that encoding);
- a ```text block whose first line starts with ``$ `` holds commands, each ``$ papi …`` (or
  ``$ cd <folder>``) followed by exactly what papi prints; a last line ``…`` means the output
  goes on (only its first lines are shown).

``replay`` runs a session in a fresh project with the bundled plan, on 2020-12-31, with no
terminal (80 columns), and gives each command's expected and actual lines.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

FILE_HEADER = re.compile(r"# tệp: (?P<path>\S+)(?: \((?P<encoding>UTF-16)\))?\n")
BLOCK = re.compile(r"```(?P<lang>\w*)\n(?P<body>.*?)```", re.S)


@dataclass
class Command:
    line: str  # as the guide shows it, without "$ "
    expected: list[str] = field(default_factory=list)

    @property
    def prefix_only(self) -> bool:
        return bool(self.expected) and self.expected[-1] == "…"


@dataclass
class Session:
    files: list[tuple[str, str, str]]  # path, content, encoding
    commands: list[Command]


def sessions(guide: str) -> list[Session]:
    found: list[Session] = []
    pending: list[tuple[str, str, str]] = []
    for block in BLOCK.finditer(guide):
        body = block["body"]
        header = FILE_HEADER.match(body)
        if block["lang"] == "yaml" and header:
            pending.append((header["path"], body[header.end():], header["encoding"] or "utf-8"))
        elif block["lang"] == "text" and body.startswith("$ "):
            commands: list[Command] = []
            for line in body.rstrip("\n").split("\n"):
                if line.startswith("$ "):
                    commands.append(Command(line[2:]))
                else:
                    commands[-1].expected.append(line)
            found.append(Session(pending, commands))
            pending = []
    return found


def replay(session: Session, plan: Path, workspace: Path) -> list[tuple[Command, list[str]]]:
    """Each command of the session with the lines papi printed (standard output, then errors)."""
    from papi_cli.cli import main

    project = workspace / "du-an"
    shutil.copytree(plan, project / "plan")
    (project / "submissions").mkdir()
    for name, content, encoding in session.files:
        path = (project / name).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode(encoding))
    here, results = project, []
    previous = Path.cwd()
    try:
        for command in session.commands:
            words = shlex.split(command.line)
            if words[0] == "cd":
                here = (here / words[1]).resolve()
                results.append((command, []))
                continue
            assert words[0] == "papi", command.line
            os.chdir(here)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                main(words[1:])
            printed = (out.getvalue() + err.getvalue()).rstrip("\n")
            results.append((command, printed.split("\n") if printed else []))
    finally:
        os.chdir(previous)
    return results


def matches(command: Command, printed: list[str]) -> bool:
    if command.prefix_only:
        return printed[:len(command.expected) - 1] == command.expected[:-1]
    return printed == command.expected
