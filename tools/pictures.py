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
            # a sheet's printed page is mostly empty paper: the top of it, larger, is what people see
            sheet = source.suffix.lower() in (".xlsx", ".ods")
            size = _picture(pdf, page, target, args.dpi * 2 if sheet else args.dpi, top=0.35 if sheet else 1.0)
            print(f"{target} ({size // 1024} KB)")
    return 0


def _parse(item: str) -> tuple[Path, int]:
    name, _, page = item.rpartition(":") if item.rpartition(":")[2].isdigit() else (item, "", "1")
    return Path(name), int(page)


def _default_documents(work: Path) -> list[tuple[Path, int]]:
    """The bundled data's documents, made with the papi of this checkout: the 2020-Q2 report
    (HTML, Word, Excel), the annual report (Word) and a reminder letter, each dated as it would
    have been sent."""
    papi = [sys.executable, "-m", "papi_cli"]
    made = []
    documents = (("2020-Q2", "html", (1,), "2020-07-06"), ("2020-Q2", "docx", (1, 0), "2020-07-06"),
                 ("2020-Q2", "xlsx", (2,), "2020-07-06"), ("2020", "docx", (1,), "2021-01-05"))
    for period, fmt, pages, issued in documents:
        subprocess.run([*papi, "report", "--period", period, "--format", fmt, "--out", str(work / fmt),
                        "--issued-on", issued, "--root", str(ROOT)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        made += [(work / fmt / f"bao-cao-papi-{period}.{fmt}", page) for page in pages]
    letters = work / "letters"
    subprocess.run([*papi, "remind", "--period", "2020-Q2", "--as-of", "2020-07-10", "--format", "docx",
                    "--out", str(letters), "--root", str(ROOT)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    made += [(letter, 1) for letter in sorted(letters.glob("don-doc-*.docx"))[:1]]
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


def _picture(pdf: Path, page: int, target: Path, dpi: int, top: float = 1.0) -> int:
    """Renders one page (its ``top`` part), optimises it, and lowers the resolution until it is
    under the limit."""
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    size_line = next(line for line in info.splitlines() if line.startswith("Page") and "size:" in line)
    width, height = (float(v) for v in size_line.split("size:")[1].split()[0:3:2])
    while True:
        stem = target.with_suffix("")
        crop = ["-x", "0", "-y", "0", "-W", str(round(width * dpi / 72)), "-H", str(round(height * top * dpi / 72))]
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), *crop, "-png", "-singlefile",
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
