"""What a print product declares. A product is one small file in products/ with a subclass of Product, listed in
products/__init__.py; the pipeline (run.py) draws the documents it names, cuts, numbers, outlines and joins its
outputs and writes them where paths() says."""
from __future__ import annotations

import re
import unicodedata

from .model import Document, Output

LEADING_NUMBER = re.compile(r"^(h?\d+-)")


class Product:
    """A kind of PDF. Override paths() and outputs(); documents() when it draws documents of its own (a page it
    builds from the session data and a template, with its own page size) besides the shared module documents."""

    def paths(self, manual, lang: str, labels: dict) -> dict[str, str]:
        """Where each of the language's outputs goes, relative to the language's root, by output key. Known
        before any page is written (pages and the catalog link them), so it needs only the manual and labels."""
        return {}

    def documents(self, source) -> dict[str, Document]:
        """The documents to draw for it, by name (a name another product also draws is drawn once)."""
        return {}

    def outputs(self, source) -> list[Output]:
        """The PDFs it makes of the drawn documents (their keys among paths())."""
        return []


def slug_of(key: str) -> str:
    """A page's file name as a PDF name anyone can type, send or put on a USB stick: no ordering prefix,
    no spaces or accents ("02-La sesión Nº 1" -> "la-sesion-no-1")."""
    name = LEADING_NUMBER.sub("", key.rsplit("/", 1)[-1])
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "pagina"


def page_pdf_paths(manual, lang: str, page_type: str) -> dict[str, str]:
    """One PDF per page of the type, named in the sheet's language: from the Spanish file name in the first
    language, from the title in the others."""
    paths = {}
    for page in manual.of(lang, page_type):
        words = page.key if lang == manual.languages[0] else str(page.meta.get("title") or page.key).replace("/", " ")
        paths[page.id] = f"pdf/{page.id}-{slug_of(words)}.pdf"
    return paths
