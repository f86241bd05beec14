"""What this build has made so far, shared between hooks: every page's rendered HTML and every PDF's size, per
language. Not a hook itself: hook files import it."""
from __future__ import annotations

# Rendered HTML of every page, per language: {lang: {src_uri: {"html", "url", "title"}}}. Filled as MkDocs
# renders Markdown (all pages are rendered before any template runs), read by aggregate pages and PDFs.
rendered: dict[str, dict[str, dict]] = {}

# Size in bytes of every PDF written in this build, per language: {lang: {path relative to the language root: size}}.
# Filled by pdf_output before pages are written; read through language_views.pdf_size_text.
pdf_sizes: dict[str, dict[str, int]] = {}
# Languages whose PDFs are being drawn while their pages are written (pdf_output.on_env): their pages carry a
# mark where a size goes, filled in once the PDFs are made (pdf_output.on_post_build).
pdf_sizes_pending: set[str] = set()

