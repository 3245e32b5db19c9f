#!/usr/bin/env python3
"""Stamps the example professor material in reference_dashboards/ with the watermarks the real
course pages carry (see the README, "Watermarks"): zero-width runs in Markdown, a signed comment
and rights meta tags in HTML, a visible Hash ID footer. Idempotent: old marks are replaced."""
import hashlib
import re
import sys
from pathlib import Path

# Our own course Hash ID and dates: invented for the fixtures, not the real professor's.
HASH_ID = hashlib.sha256(b"huella: material de referencia de ejemplo").hexdigest()
DATE = "20260213"
TIMESTAMP = "2026-02-13 09:30:00"
AUTHOR = "Prof. Ejemplo Ficticio"
HANDLE = "@profe-ficticio"
REPOSITORY = "https://example.org/curso-big-data-python"
LICENSE = "CC BY-NC-SA 4.0"
ZERO_WIDTH = "\ufeff\u200b\u200c\u200d"


def zero_width_run(payload: str) -> str:
    """U+FEFF, each byte as 8 bits (U+200B = 0, U+200C = 1) joined by U+200D, U+FEFF."""
    encoded = "\u200d".join(
        "".join("\u200c" if byte >> bit & 1 else "\u200b" for bit in range(7, -1, -1))
        for byte in payload.encode("ascii"))
    return "\ufeff" + encoded + "\ufeff"


def payload_for(name: str) -> str:
    return f"TE:{HASH_ID[:16]}:{DATE}:{hashlib.md5(name.encode()).hexdigest()[:8]}"


def stamp_markdown(path: Path) -> None:
    text = "".join(c for c in path.read_text(encoding="utf-8") if c not in ZERO_WIDTH)
    text = re.sub(r"(Hash ID de Certificacion: )\S+", lambda m: m.group(1) + HASH_ID, text)
    lines = text.split("\n")
    run = zero_width_run(payload_for(path.name))
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    first_paragraph = next(i for i in range(title + 1, len(lines))
                           if lines[i].strip() and not lines[i].startswith("#"))
    footer = max(i for i, line in enumerate(lines) if line.strip() == "---")
    before_footer = max(i for i in range(footer) if lines[i].strip())
    for i in (title, first_paragraph, before_footer):
        lines[i] += run
    path.write_text("\n".join(lines), encoding="utf-8")


def stamp_html(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--\s*TodoEconometria:watermark.*?-->\n", "", text, flags=re.S)
    text = re.sub(r'<meta name="(author|copyright|dcterms\.rightsHolder|dcterms\.license)"[^>]*>\n',
                  "", text)
    check = hashlib.sha256(f"{path.name}:{HASH_ID}:{TIMESTAMP}".encode()).hexdigest()[:32]
    comment = (f"<!--\n  TodoEconometria:watermark\n  Autor: {AUTHOR}\n  Handle: {HANDLE}\n"
               f"  Repositorio: {REPOSITORY}\n  Hash ID: {HASH_ID}\n  Licencia: {LICENSE}\n"
               f"  Archivo: {path.name}\n  Timestamp: {TIMESTAMP}\n  Verificacion: {check}\n-->\n")
    metas = (f'<meta name="author" content="{AUTHOR}">\n'
             f'<meta name="copyright" content="{AUTHOR}, {DATE[:4]}">\n'
             f'<meta name="dcterms.rightsHolder" content="{AUTHOR}">\n'
             f'<meta name="dcterms.license" content="{LICENSE}">\n')
    text = re.sub(r"(<!DOCTYPE html>\n)", lambda m: m.group(1) + comment, text, count=1, flags=re.I)
    text = re.sub(r"(<head>\n)", lambda m: m.group(1) + metas, text, count=1)
    path.write_text(text, encoding="utf-8")


def main(folder: Path) -> None:
    for path in sorted(folder.glob("*.md")):
        stamp_markdown(path)
    for path in sorted(folder.glob("*.html")):
        stamp_html(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "reference_dashboards"))
