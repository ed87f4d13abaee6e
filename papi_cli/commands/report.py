"""``papi report``: write the report of a period, ``bao-cao-papi-<P>.<md|html|json>``, into ``--out``.

The evaluation is that of ``papi status --period P`` (the quarters up to and including P, as of
the last day of P's last month, or ``--as-of``); for a quarter after the first, the period's own
quarter is evaluated too, to show what it added. The annual report adds the PAPI results when
``plan/papi-scores-<year>.csv`` exists. The file is written atomically: rendered in memory, then
a temporary file in ``--out`` renamed over the target, so a failed run leaves nothing behind.

Exit 0 when written; 1 when the plan, the scores file or a template has problems; 2 for a bad
option value.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

from papi_cli.clock import today_vn
from papi_cli.commands.common import evaluate_period, plan_or_none, print_problems
from papi_cli.errors import UsageError
from papi_cli.i18n import t
from papi_cli.load import Paths


def run(paths: Paths, *, period: str, fmt: str = "md", out_dir: Path | None = None, as_of: str | None = None,
        templates: Path | None = None, lang: str = "vi", cache: bool = True, out: IO[str] | None = None,
        err: IO[str] | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates: '{templates}' không phải thư mục", f"--templates: '{templates}' is not a folder")
    plan = plan_or_none(paths, lang, err, cache=cache)
    if plan is None:
        return 1
    today = today_vn()
    chosen, loaded, evaluation = evaluate_period(plan, paths, period, as_of, cache=cache, today=today)

    from papi_cli.evaluate import evaluate
    from papi_cli.load import default_scores, load_outcome
    from papi_cli.report import view as report_view

    in_period = None
    if chosen.quarters[0] > 1:  # earlier quarters exist: show what this period's own reports gave
        own = [s for s in loaded.submissions if s.period in chosen.quarter_codes]
        in_period = evaluate(plan, own, evaluation.as_of, chosen)
    outcome = None
    scores = default_scores(paths, plan.year)
    if chosen.kind == "year" and scores.is_file():
        outcome, problems, source = load_outcome(plan, scores, paths.label(scores), plan.year)
        if outcome is None:
            print_problems(problems, lang, err, {paths.label(scores): source} if source else None)
            return 1
    view = report_view.build(plan, evaluation, chosen, issued_on=today, data_version=data_version(paths),
                             in_period=in_period, outcome=outcome, lang=lang)
    if fmt == "json":
        text = json.dumps(report_view.as_json(view), ensure_ascii=False, indent=2) + "\n"
    else:
        from papi_cli.report.templates import render, search_path

        text, problems = render(view, fmt, search_path(paths.root, templates), paths.label)
        if text is None:
            print_problems(problems, lang, err)
            return 1
    out_dir = out_dir if out_dir is not None else paths.root / "reports"  # beside plan/ and submissions/
    target = out_dir / f"bao-cao-papi-{chosen.code}.{fmt}"
    try:
        write_atomic(target, text)
    except OSError as error:  # --out is a file, not writable, the target is a folder…
        reason = error.strerror or str(error)
        raise UsageError(f"--out: không ghi được {target}: {reason}", f"--out: cannot write {target}: {reason}") from None
    if loaded.skipped:
        print(t("status_skipped", lang, n=len(loaded.skipped), files=", ".join(loaded.skipped)), file=err)
    print(t("report.written", lang, file=target), file=out)
    return 0


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same folder, then rename it
    over the target: readers see the old file or the new one, never a part, and a failure
    leaves no temporary file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp creates 0600; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def data_version(paths: Paths):
    """The git commit of the root (short hash) and whether the plan or submissions have
    uncommitted changes; unknown when the root is not a git checkout or git is missing."""
    from papi_cli.report.model import DataVersion

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-c", "core.fsmonitor=false", "-C", str(paths.root), *args],
                              capture_output=True, text=True, timeout=30, check=False)

    try:
        head = git("rev-parse", "--short", "HEAD")
        if head.returncode != 0:
            return DataVersion()
        changes = git("status", "--porcelain", "--", str(paths.plan.parent.resolve()),
                      str(paths.submissions.resolve()))
    except (OSError, subprocess.SubprocessError):
        return DataVersion()
    if changes.returncode != 0:
        return DataVersion()
    return DataVersion(head.stdout.strip(), dirty=bool(changes.stdout.strip()))
