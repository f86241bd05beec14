"""Drawing one print document: the content-hash cache, link and id rewriting, and rendering with WeasyPrint
through a fetcher that only reads local files (no request leaves the machine)."""
from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import re
import time
from pathlib import Path

from .atomic import write_atomically

HREF = re.compile(r'href="(?P<url>[^"#][^"]*|#[^"]*)"')
ID_ATTR = re.compile(r'\sid="(?P<id>[^"]+)"')
HEADING = re.compile(r"<(/?)h([1-5])\b")


def cache_key(html: str, renderer: str) -> str:
    return hashlib.sha256(f"{renderer}\n{html}".encode("utf-8")).hexdigest()


class PdfCache:
    """PDFs by content hash, outside site/ so clean builds and `mkdocs serve` reuse them.

    Each entry is stored with a SHA-256 of its file name (the key it was made for) and its bytes, checked on
    every read: a truncated or damaged file (a full disk, a killed build, a bad copy) and an entry moved or
    swapped with another (its file and checksum together) are never published; such an entry counts as missing,
    is reported once through `on_damaged` and is rendered again."""

    def __init__(self, folder: Path, on_damaged=None):
        self.folder = folder
        self.on_damaged = on_damaged or (lambda path: None)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def _sum_path(self, path: Path) -> Path:
        return path.with_name(path.name + ".sha256")

    @staticmethod
    def _checksum(path: Path, data: bytes) -> str:
        """The entry's proof: its bytes bound to the name it is stored under (key and kind, .pdf or .json)."""
        return hashlib.sha256(path.name.encode("utf-8") + b"\0" + data).hexdigest()

    def _read(self, path: Path) -> bytes | None:
        """The file's bytes when they match their stored checksum; None when missing or damaged."""
        if not path.is_file():
            return None
        try:
            data = path.read_bytes()
            expected = self._sum_path(path).read_text(encoding="ascii").strip()
        except OSError:
            data, expected = b"", ""
        if self._checksum(path, data) != expected:
            self.on_damaged(path)
            for damaged in (path, self._sum_path(path)):
                damaged.unlink(missing_ok=True)
            return None
        self._touch(path)
        self._touch(self._sum_path(path))
        return data

    def _write(self, path: Path, data: bytes) -> None:
        write_atomically(path, data)
        write_atomically(self._sum_path(path), self._checksum(path, data).encode("ascii"))

    def get(self, key: str) -> bytes | None:
        return self._read(self.path(key))

    def has(self, key: str) -> bool:
        """Whether a sound entry exists (checked: a damaged one is removed and reported)."""
        return self.get(key) is not None

    def keep(self, key: str) -> None:
        """Mark an entry (PDF and page data) as still needed without reading it."""
        for path in (self.path(key), self.path(key).with_suffix(".json")):
            for file in (path, self._sum_path(path)):
                if file.is_file():
                    self._touch(file)

    @staticmethod
    def _touch(path: Path) -> None:
        """Mark an entry as used (its modification time), so prune() keeps what builds still need."""
        try:
            os.utime(path)
        except OSError:
            pass

    def prune(self, unused_days: float, now: float | None = None) -> int:
        """Delete entries no build has used for `unused_days` (old versions of edited pages); returns
        how many files went. Without it the cache would grow with every edit, forever."""
        limit = (now if now is not None else time.time()) - unused_days * 86400
        removed = 0
        for path in self.folder.glob("*/*"):
            try:
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def get_meta(self, key: str) -> dict | None:
        """A part's page data, only while the part's PDF itself is sound."""
        raw = self._read(self.path(key).with_suffix(".json"))
        if raw is None or self.get(key) is None:
            return None
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            return None

    def put_meta(self, key: str, meta: dict) -> None:
        self._write(self.path(key).with_suffix(".json"), json.dumps(meta, sort_keys=True).encode("utf-8"))

    def put(self, key: str, data: bytes) -> None:
        self._write(self.path(key), data)


def print_links(html: str, page_url: str, site_url: str | None) -> str:
    """Links in a printed page: absolute to the published site when there is one, else plain text.

    A relative link means nothing on paper or in a PDF opened on its own; a file:// path would leak
    the build folder into the PDF and break reproducibility."""
    from posixpath import dirname, join, normpath

    def rewrite(match: re.Match) -> str:
        url = match["url"]
        if url.startswith(("http://", "https://", "mailto:", "tel:", "#")):
            return match.group(0)
        if site_url:
            target = normpath(join(dirname(page_url), url))
            return f'href="{site_url.rstrip("/")}/{target}"'
        return 'data-href="local"'
    return HREF.sub(rewrite, html)


def prefix_ids(html: str, prefix: str) -> str:
    """Make ids unique when several pages are joined in one PDF (and keep in-page links working). Ids that
    already start with the prefix (a session's activity anchors) are unique as they are."""
    def unique(name: str) -> str:
        return name if name.startswith(f"{prefix}-") else f"{prefix}-{name}"
    html = ID_ATTR.sub(lambda m: f' id="{unique(m["id"])}"', html)
    return re.sub(r'href="#(?P<id>[^"]+)"', lambda m: f'href="#{unique(m["id"])}"', html)


def demote_headings(html: str, levels: int = 1) -> str:
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}", html)


# fontTools, WeasyPrint's font subsetter, warns in every worker that it drops DejaVu's FFTM table (a FontForge
# timestamp no PDF reader uses): noise in the build's report that nobody can act on.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

PX = 0.75  # WeasyPrint measures in CSS pixels; PDF coordinates are points


def render_body(html: str, base_dir: Path) -> tuple[bytes, dict]:
    """Render one document and describe it for joining: its page count and sizes (points), where each anchor
    and bookmark falls (page, x, y from the top, points) and every internal link's rectangle and target.

    The same body serves alone (a session's PDF) and inside larger documents (the packs, the complete
    manual), so each page is rendered once; a body's own internal links point at its named places, which mean
    nothing in another document, so they are kept here to be written again (pdf_compose.join)."""
    document = _document(html, base_dir)
    kept = []  # the documents the tightened sheets were drawn in stay alive until the PDF is written (their fonts)
    document = _tightened(document, html, base_dir, kept)
    meta = {"pages": len(document.pages), "sizes": [], "anchors": {}, "bookmarks": [], "links": []}
    for index, page in enumerate(document.pages):
        meta["sizes"].append([round(page.width * PX, 2), round(page.height * PX, 2)])
        for name, (x, y, *_rest) in page.anchors.items():  # (x1, y1, x2, y2) from the top left
            meta["anchors"].setdefault(name, [index, round(x * PX, 2), round(y * PX, 2)])
        for level, label, (x, y), _state in page.bookmarks:
            meta["bookmarks"].append([level, label, index, round(x * PX, 2), round(y * PX, 2)])
        for kind, target, (x1, y1, x2, y2), _box in page.links:
            if kind == "internal":
                meta["links"].append([index, round(x1 * PX, 2), round(y1 * PX, 2), round((x2 - x1) * PX, 2),
                                      round((y2 - y1) * PX, 2), target])
    # pdf_tags: the structure for screen readers (headings, paragraphs, lists, tables, figures with their alt
    # text), which pdf_compose carries into every sheet, pack and the complete manual (pdf_tags.py)
    return document.write_pdf(pdf_identifier=b"manual", uncompressed_pdf=False, pdf_tags=True), meta


def local_file(url: str, root: Path) -> Path | None:
    """The file a `file:` URL opens, read the way WeasyPrint's opener will read it (query cut, IRI encoded,
    fragment dropped, host empty or localhost, path percent-decoded by url2pathname), when it is a file inside
    `root`; else None. Checking the literal path and letting the opener decode `%2e%2e` would reach any file of
    the build machine."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import iri_to_uri

    if not url.lower().startswith("file:"):
        return None
    parts = urlsplit(iri_to_uri(url.split("?", 1)[0]).split("#", 1)[0])
    if parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path)).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


# print/manual.html's marks around a module's opening and each of its sheets (sheet_alone)
OPENING_MARK, SHEET_MARK_START, SHEETS_END_MARK = "<!--module-opening-->", "<!--sheet:", "<!--/sheets-->"
SLIVER = 0.30  # issue 23: a page using less of its text area than this is wasted paper, unless a deliberate end


def page_used(page) -> float:
    """How much of a rendered page's text area (inside its margins) the content uses, from its top to its lowest
    line, image or drawn box (the running header and footer, in the margins, do not count)."""
    from weasyprint.formatting_structure import boxes
    box = page._page_box  # WeasyPrint's layout tree: the one place a page's content is measured
    top, bottom = box.content_box_y(), box.content_box_y() + box.height
    lowest = top
    for child in box.children:
        if isinstance(child, boxes.MarginBox):
            continue
        for found in child.descendants():
            if isinstance(found, (boxes.LineBox, boxes.ReplacedBox)):
                lowest = max(lowest, found.position_y + found.height)
            elif isinstance(found, boxes.BlockBox) and (found.style["background_image"] != (("none", None),)
                                                        or found.border_top_width or found.border_bottom_width):
                lowest = max(lowest, found.position_y + found.margin_height() - found.margin_bottom)
    return max(0.0, min(lowest, bottom) - top) / (bottom - top)


def sliver_ends(document) -> list[tuple[str, int, int]]:
    """The sessions and handouts (by id: their title's anchor is `<id>-titulo`) of more than one page whose last
    page is a sliver (under SLIVER of its text area used), with their first and last page in the document."""
    starts = []
    for index, page in enumerate(document.pages):
        starts += [(index, name[:-len("-titulo")]) for name in page.anchors if name.endswith("-titulo")]
    found = []
    for position, (first, section) in enumerate(starts):
        last = (starts[position + 1][0] if position + 1 < len(starts) else len(document.pages)) - 1
        if last > first and page_used(document.pages[last]) < SLIVER:
            found.append((section, first, last))
    return found


def sheet_alone(html: str, sheet: str) -> str | None:
    """A module document's HTML holding only one of its sheets (print/manual.html marks the opening and each sheet
    with comments): the same head, styles and running heads, without the module's opening and the other sheets.
    None for a document without those marks."""
    start, part = html.find(OPENING_MARK), html.find(f"{SHEET_MARK_START}{sheet}-->")
    end = html.find(SHEETS_END_MARK, part)
    if min(start, part, end) < 0:
        return None
    following = html.find(SHEET_MARK_START, part + 1)  # the next sheet's mark
    return html[:start] + html[part:following if 0 <= following < end else end] + html[end:]


def _tightened(document, html: str, base_dir: Path, kept: list):
    """The document with each sheet that ends on a sliver set a little tighter (`fit`), when that saves its last
    page. Only that sheet is drawn again, on its own (sheet_alone), and its pages take the place of the first ones:
    every sheet starts on a new page, so the pages before and after it are the same either way. Drawing the whole
    module document again cost a cold build ≈ 15 s of processor time. A document without sheet marks is drawn again
    whole, as one."""
    found = sliver_ends(document)
    if not found:
        return document
    alone = {section: sheet_alone(html, section) for section, _first, _last in found}
    if None in alone.values():
        tighter = _document(tighten(html, list(alone)), base_dir)
        return tighter if len(tighter.pages) < len(document.pages) else document
    pages, changed = list(document.pages), False
    for section, first, last in reversed(found):  # from the end: the earlier sheets' page numbers stay valid
        fitted = _document(tighten(alone[section], [section]), base_dir)
        if len(fitted.pages) < last - first + 1:
            kept.append(fitted)
            pages[first:last + 1] = fitted.pages
            changed = True
    return document.copy(pages) if changed else document


def tighten(html: str, sections: list[str]) -> str:
    """The document with those sections marked `fit` (print.css sets them with less leading and spacing)."""
    for section in sections:
        html = re.sub(rf'(<section class="[^"]*)(" id="{re.escape(section)}")', r"\1 fit\2", html, count=1)
    return html


def _document(html: str, base_dir: Path):
    import weasyprint

    root = base_dir.resolve()
    fetcher = _local_fetcher(root)
    styles = STYLE.findall(html)
    body = STYLE.sub("", html)
    if OTHER_STYLE.search(body):  # a style element written otherwise: WeasyPrint reads them all, in their order
        return weasyprint.HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher).render()
    fonts, counters = _shared_settings()
    return weasyprint.HTML(string=body, base_url=str(root) + "/", url_fetcher=fetcher).render(
        stylesheets=[_stylesheet(text, root) for text in styles], font_config=fonts, counter_style=counters)


# Every printed document carries the same print stylesheet (print/base.html: print.css, audience.css and
# pictograms.css, ≈ 20 kB) in its own <style> element; parsing and indexing it cost ≈ 0.06 s of processor time a
# document, seconds in a cold build of ≈ 90 documents. Each process now parses each <style>'s text once and hands it
# to WeasyPrint ready, in the document's order. WeasyPrint ranks stylesheets given to render() as the user's, not
# the author's: against its own stylesheet both win alike, and they differ only where an `!important` meets a style
# attribute, which the print stylesheets never use (tests/unit/test_pdf.py) and the allow-list removes
# from content. The PDFs are the same byte for byte.
STYLE = re.compile(r"<style>(.*?)</style>", re.S)
OTHER_STYLE = re.compile(r"<style\b", re.I)


@functools.lru_cache(maxsize=1)
def _shared_settings():
    """One font configuration and counter-style registry per process: a parsed stylesheet belongs to the ones it
    was parsed with (its @font-face and @counter-style rules are registered there)."""
    from weasyprint.css.counters import CounterStyle
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration(), CounterStyle()


@functools.lru_cache(maxsize=16)  # the shared sheet stays; each document's running heads come and go
def _stylesheet(text: str, root: Path):
    import weasyprint
    fonts, counters = _shared_settings()
    return weasyprint.CSS(string=text, base_url=str(root) + "/", url_fetcher=_local_fetcher(root),
                          font_config=fonts, counter_style=counters)


@functools.lru_cache(maxsize=4)
def _local_fetcher(root: Path):
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_file(url, root)
            if path is not None:  # opened by its resolved path, so what is read is what was checked
                return super().fetch(path.as_uri(), headers)
            raise ValueError(f"blocked non-local resource: {url}")

    return LocalOnlyFetcher()


@functools.lru_cache(maxsize=1)
def renderer_version() -> str:
    """Part of every cache key: the renderer and this module's own code, pdf_compose's, pdf_tags' and the print
    model's (rendering options, metadata, joining, structure, compression, numbering and outlines) and the PDF
    libraries' versions, so a change to either renders again instead of reusing stale PDFs. Versions come from the
    installed packages' metadata: importing WeasyPrint only to read its version cost a warm build half a second per
    language."""
    from importlib.metadata import version
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join(path.read_bytes() for path in
                                   (here / "pdf.py", here / "pdf_compose.py", here / "pdf_tags.py",
                                    here / "printing" / "model.py", here / "printing" / "run.py")))
    return (f"weasyprint-{version('weasyprint')}-pikepdf-{version('pikepdf')}"
            f"-{code.hexdigest()[:16]}")
