"""What this build has made so far, shared between hooks: every page's rendered HTML and every PDF's size, per
language. Not a hook itself: hook files import it."""
from __future__ import annotations

from manualgen.views import format_size, size_mark

# Rendered HTML of every page, per language: {lang: {src_uri: {"html", "url", "title"}}}. Filled as MkDocs
# renders Markdown (all pages are rendered before any template runs), read by aggregate pages and PDFs.
rendered: dict[str, dict[str, dict]] = {}

# Size in bytes of every PDF written in this build, per language: {lang: {path relative to the language root: size}}.
# Filled by pdf_output before pages are written; read by the downloads page.
pdf_sizes: dict[str, dict[str, int]] = {}
# Languages whose PDFs are being drawn while their pages are written (pdf_output.on_env): their pages carry a
# mark where a size goes, filled in once the PDFs are made (pdf_output.on_post_build).
pdf_sizes_pending: set[str] = set()


def pdf_size_text(lang: str, rel: str) -> str | None:
    """A PDF's size as the page shows it ("1,2 MB"), the mark that stands for it while the PDF is being made, or
    None when there is no such PDF (preview, PDFs off)."""
    if lang in pdf_sizes_pending:
        return size_mark(rel, lang)
    sizes = pdf_sizes.get(lang, {})
    return format_size(sizes[rel], lang) if rel in sizes else None
