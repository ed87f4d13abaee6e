"""Opening papi's Word and Excel files the way people do: LibreOffice converts them headless.

``convert(source, "pdf", folder)`` runs ``soffice --headless --convert-to`` with a profile of its
own (so that tests running side by side never share LibreOffice's lock) and returns the file
written. A conversion LibreOffice cannot do writes nothing: the test then fails on the missing
file, with LibreOffice's own output in the message.

Needs Debian's ``libreoffice-writer-nogui`` and ``libreoffice-calc-nogui`` (and poppler's
``pdftotext``, ``pdfinfo`` and ``pdffonts`` to read the PDFs). In CI (``CI=true``) a missing
tool fails the test; elsewhere the test is skipped with the command that installs it.
``.ci/run`` installs them when it runs as root.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")
INSTALL = ("sudo apt-get update && sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui "
           "libreoffice-calc-nogui poppler-utils fonts-liberation2 fonts-croscore")


def require_office() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed; install with: {INSTALL}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: the LibreOffice test must run, but {message}")
    pytest.skip(message)


def convert(source: Path, fmt: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice into ``folder`` (``fmt``: pdf, xlsx, docx…)."""
    require_office()
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / f".lo-profile-{source.stem}-{fmt}"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    target = folder / f"{source.stem}.{fmt.split(':')[0]}"
    assert target.is_file() and target.stat().st_size > 0, (
        f"LibreOffice did not convert {source.name} to {fmt} (exit {done.returncode}): {done.stdout}{done.stderr}")
    return target


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages by form feeds)."""
    return pdf_text(pdf).split("\f")[:-1]


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """Each page's size in points (width, height)."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


def pdf_fonts(pdf: Path) -> set[str]:
    """The fonts' family names (subset prefix and style dropped: ``LiberationSerif``)."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    names = set()
    for line in listing.splitlines()[2:]:
        name = line.split()[0]
        name = name.split("+", 1)[-1]
        names.add(re.sub(r"[-,](Bold|Italic|BoldItalic|Regular)$", "", name))
    return names
