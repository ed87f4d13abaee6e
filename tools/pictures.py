"""Small PNG pictures of report pages, for the README (docs/pictures/).

    .venv/bin/python tools/pictures.py [--out docs/pictures] [--dpi 45] [FILE[:PAGE] …]

Each FILE is a PDF, a Word or Excel file (converted to PDF with LibreOffice first) or an HTML
report (printed to PDF with headless Chromium); PAGE is the page to show (1 unless given; 0 for
the first landscape page, the annex, named ``…-annex.png``). Each picture is
``<file stem>-<format>-p<PAGE>.png``, made by poppler's ``pdftoppm`` at ``--dpi`` and then
optimised with the standard library alone (ancillary chunks dropped, the image data recompressed
at zlib's best level); when a picture is still above 150 KB, it is made again at a lower
resolution.

Without FILE, it writes the bundled data's reports first (``papi report`` 2020-Q2 in HTML and
Word, and the annual 2020 report in Word, into a temporary folder) and pictures page 1 of each
and the first annex page of the Word report, so that ``python tools/pictures.py`` after a merge
refreshes the README's pictures (run it with the Python that has this
checkout's papi). Needs poppler-utils, and LibreOffice or Chromium for the formats
that need them. The pictures are not committed by the tests; whoever updates the README does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 150 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEPT_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="FILE[:PAGE]: a .pdf, .docx, .xlsx or .html document")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "pictures")
    parser.add_argument("--dpi", type=int, default=45)
    args = parser.parse_args(argv)
    for tool in ("pdftoppm", "pdfinfo"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing: sudo apt-get install poppler-utils", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="papi-pictures-") as scratch:
        work = Path(scratch)
        wanted = [_parse(item) for item in args.files] if args.files else _default_documents(work)
        for source, page in wanted:
            pdf = _as_pdf(source, work)
            name = f"{source.stem}-{source.suffix.lstrip('.').lower()}-p{page}"
            if page == 0:  # the first page of the annex (the first landscape page), wherever it falls
                name, page = f"{source.stem}-{source.suffix.lstrip('.').lower()}-annex", _first_landscape_page(pdf)
            target = args.out / f"{name}.png"
            size = _picture(pdf, page, target, args.dpi)
            print(f"{target} ({size // 1024} KB)")
    return 0


def _parse(item: str) -> tuple[Path, int]:
    name, _, page = item.rpartition(":") if item.rpartition(":")[2].isdigit() else (item, "", "1")
    return Path(name), int(page)


def _default_documents(work: Path) -> list[tuple[Path, int]]:
    """The bundled data's reports, made with the papi of this checkout."""
    papi = [sys.executable, "-m", "papi_cli"]
    env = {**os.environ, "PAPI_TODAY": os.environ.get("PAPI_TODAY", "2021-01-05")}
    made = []
    for period, fmt, pages in (("2020-Q2", "html", (1,)), ("2020-Q2", "docx", (1, 0)), ("2020", "docx", (1,))):
        subprocess.run([*papi, "report", "--period", period, "--format", fmt, "--out", str(work / fmt),
                        "--root", str(ROOT)], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        made += [(work / fmt / f"bao-cao-papi-{period}.{fmt}", page) for page in pages]
    return made


def _as_pdf(source: Path, work: Path) -> Path:
    if source.suffix.lower() == ".pdf":
        return source
    folder = work / f"pdf-{source.stem}-{source.suffix.lstrip('.')}"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"{source.stem}.pdf"
    if source.suffix.lower() in (".html", ".htm"):
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={work / 'chromium'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                        source.resolve().as_uri()], check=True, capture_output=True, timeout=180)
    else:
        profile = (work / "libreoffice").resolve().as_uri()
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                        "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=300)
    if not pdf.is_file():
        raise SystemExit(f"could not convert {source} to PDF")
    return pdf


def _first_landscape_page(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            number, size = line.split(" size:")
            width, _, height = size.split()[:3]
            if float(width) > float(height):
                return int(number.split()[1])
    return 1


def _picture(pdf: Path, page: int, target: Path, dpi: int) -> int:
    """Renders one page, optimises it, and lowers the resolution until it is under the limit."""
    while True:
        stem = target.with_suffix("")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                        str(pdf), str(stem)], check=True)
        target.write_bytes(_optimised(target.read_bytes()))
        size = target.stat().st_size
        if size <= LIMIT or dpi <= 25:
            return size
        dpi -= 5


def _optimised(png: bytes) -> bytes:
    """The PNG with only its critical chunks (and transparency), the image data in one IDAT
    chunk recompressed at zlib level 9: the same pixels, fewer bytes."""
    if not png.startswith(PNG_SIGNATURE):
        return png
    chunks, data, position = [], b"", len(PNG_SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        body = png[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IDAT":
            data += body
        elif kind in KEPT_CHUNKS:
            chunks.append((kind, body))
    packed = zlib.compress(zlib.decompress(data), 9)
    out = [PNG_SIGNATURE]
    for kind, body in chunks:
        if kind == b"IEND":
            out.append(_chunk(b"IDAT", packed))
        out.append(_chunk(kind, body))
    return b"".join(out)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


if __name__ == "__main__":
    sys.exit(main())
