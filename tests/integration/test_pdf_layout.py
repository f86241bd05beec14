"""The layout of every printed PDF of both languages, read back with pdfplumber: what a trainer gets when the sheets
come off the printer (nothing cut off, nothing stranded at the foot of a page, no wasted pages, rows a hand can
write in, an attendance sheet for the whole programme, a contents page that works as links).

How the pages are read. Each page is turned once into plain features (`page_features`): its text lines (a band
of characters that share a height on the page, with their font size, boldness and colour), its graphics (rectangles,
rules, curves and images, with their fill; a tiled pattern carries its tile's height) and its size. A session's or
handout's own PDF, its module's pack and the complete manual are the same rendered pages (pdf_compose), so a page
is identified by its drawing (the content streams without the stamped page number) and analysed once however many
documents hold it; the features are kept in `.cache/pdf-layout/`, keyed by the page's drawing and by this file's
extraction code, so a rerun reads them back in seconds and any change to a page or to the extraction reads it again.
The rules below then run over every page of every PDF, in each document's own order.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfdocument import PDFNoOutlines
from pdfminer.pdftypes import resolve1

from helpers import LANGS, ROOT
from manualgen.pdf_compose import FONT_NAME

MM = 72 / 25.4
LANG_PREFIX = {"es": "", "en": "en/"}
# print.css `@page` margins in mm (top, right, bottom, left); pdf_compose stamps page numbers in the same bottom margin.
MARGINS = {"portrait": (20, 17, 22, 17), "landscape": (14, 14, 18, 14)}
RUNNING_SIZE = 8.0          # running header, footer and page number: 8 pt (print.css @top-*, @bottom-left; pdf_compose)
TOLERANCE = 1.0             # points: glyph boxes and half a rule's width may touch the edge of the text area
NEARLY_BLANK = 0.30         # a page using less of its text area's height than this is nearly blank (issue 23: 30 %)
MIN_WRITING_PITCH = 10 * MM  # issue 23: writing rows of 10 mm or more (ruled lines and empty cells), every handout
ATTENDANCE_ROW = 9 * MM     # a row of the attendance sheet: room to sign
ATTENDANCE_NAME = 45 * MM   # the name column: a full name in handwriting
# Worksheets that may take more than two pages, each with its reason.
LONG_WORKSHEETS: dict[str, str] = {
    "m04-h01": "the time-out plan: the five steps as session 4.2 teaches them, each with room to write, what a "
               "time-out is and is not, the services of the area, and a safety box with three routes to help (a man "
               "who has used violence, a person who suffers it, a man in crisis); two pages would mean dropping a "
               "step or a route, or a line per question",
}
HEADER_FILL = "c0.93,0.90,0.95"  # a table head's background, #eee6f3 (as `_colour` writes it)


# --- reading pages -------------------------------------------------------------------------------------------------

def _colour(value) -> str:
    """A fill or text colour as a short string: 'g0.27' for a grey, 'c0.93,0.90,0.95' for a colour, '' for none
    (a pattern, which pdfplumber gives as its name, is handled by the caller)."""
    if value is None or isinstance(value, str):
        return ""
    if isinstance(value, (int, float)):
        value = (value,)
    values = [round(float(v), 3) for v in value]
    if len(values) == 1 or (len(values) == 3 and max(values) - min(values) < 0.01):
        return f"g{values[0]:.2f}"
    return "c" + ",".join(f"{v:.2f}" for v in values)


def _tile_height(page, name: str) -> float | None:
    """A tiling pattern's vertical step on the page, in points: its YStep through its matrix (pattern space to page
    space). WeasyPrint draws a repeated background (`.write-lines`: one ruled line per tile, a writing row high) this way."""
    try:
        patterns = resolve1(page.page_obj.resources.get("Pattern")) or {}
        pattern = resolve1(patterns[name])
        attrs = pattern.attrs if hasattr(pattern, "attrs") else pattern
        a, b, c, d = (float(v) for v in resolve1(attrs.get("Matrix", [1, 0, 0, 1, 0, 0]))[:4])
        return round(abs(float(attrs["YStep"]) * (b ** 2 + d ** 2) ** 0.5), 2)
    except (KeyError, TypeError, ValueError):
        return None


def _lines(chars: list[dict]) -> list[list]:
    """Characters grouped into text lines: a character belongs to the line whose vertical band holds its middle.
    Each line: [top, bottom, x0, x1, size (the most common), bold (share of bold glyphs), grey (share of grey
    glyphs), text, spans (the [x0, x1] of each run of text, split where a gap is wider than a space: the cells of a
    table row)]."""
    bands: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if bands and bands[-1][0]["top"] - 0.5 <= middle <= max(c["bottom"] for c in bands[-1]) + 0.5:
            bands[-1].append(char)
        else:
            bands.append([char])
    lines = []
    for band in bands:
        band.sort(key=lambda c: c["x0"])
        glyphs = [c for c in band if c["text"].strip()]
        if not glyphs:
            continue
        text, previous, spans = "", None, []
        for char in band:
            gap = char["x0"] - previous["x1"] if previous is not None else None
            if gap is not None and gap > char["size"] * 0.15:
                text += " "
            if char["text"].strip():
                if spans and gap is not None and gap <= char["size"] * 0.6:
                    spans[-1][1] = round(char["x1"], 2)
                else:
                    spans.append([round(char["x0"], 2), round(char["x1"], 2)])
            text += char["text"]
            previous = char
        size = Counter(round(c["size"], 1) for c in glyphs).most_common(1)[0][0]
        bold = sum("bold" in c["fontname"].lower() for c in glyphs) / len(glyphs)
        grey = sum(_colour(c["non_stroking_color"]) in ("g0.27", "g0.20") for c in glyphs) / len(glyphs)
        lines.append([round(min(c["top"] for c in band), 2), round(max(c["bottom"] for c in band), 2),
                      round(min(c["x0"] for c in band), 2), round(max(c["x1"] for c in band), 2),
                      size, round(bold, 2), round(grey, 2), re.sub(r"\s+", " ", text).strip(), spans])
    return lines


def page_features(page) -> dict:
    """What the rules need from one page, as plain data (kept in the cache)."""
    graphics = []
    for kind in ("rects", "lines", "curves", "images"):
        for obj in getattr(page, kind):
            raw = obj.get("non_stroking_color") if obj.get("fill") else None
            if isinstance(raw, str):  # a pattern's name: 'p' and its tile's height instead
                pitch = _tile_height(page, raw)
                fill = f"p{pitch}" if pitch else "p?"
            else:
                fill = _colour(raw)
            stroke = _colour(obj.get("stroking_color") if obj.get("stroke") else None)
            graphics.append([kind[:-1], round(obj["x0"], 2), round(obj["top"], 2), round(obj["x1"], 2),
                             round(obj["bottom"], 2), fill, stroke])
    return {"size": [round(float(page.width), 2), round(float(page.height), 2)], "lines": _lines(page.chars),
            "graphics": graphics}


def drawing_hash(page) -> str:
    """The page's identity: its size and its content streams except the stamped page number (pdf_compose wraps the
    rendered page in `q` … `Q` and adds the number in a stream of its own)."""
    digest = hashlib.sha256(repr(tuple(round(float(v), 1) for v in page.mediabox)).encode())
    contents = page.page_obj.contents
    for stream in contents if isinstance(contents, list) else [contents]:
        data = resolve1(stream).get_data()
        if data.strip() == b"q" or FONT_NAME.encode() in data:
            continue
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


EXTRACTION = hashlib.sha256("".join(inspect.getsource(f) for f in (_colour, _tile_height, _lines, page_features))
                            .encode()).hexdigest()[:16]
CACHE = ROOT / ".cache" / "pdf-layout"  # beside the PDF cache; one folder per version of the extraction code


# --- the rules' view of a page -------------------------------------------------------------------------------------

@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: float
    grey: float
    text: str
    spans: list[list[float]]


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    graphics: list[list]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def area(self) -> tuple[float, float, float, float]:
        """The text area (x0, top, x1, bottom) in points, inside the margins."""
        top, right, bottom, left = (m * MM for m in MARGINS["landscape" if self.landscape else "portrait"])
        return left, top, self.width - right, self.height - bottom

    @property
    def content(self) -> list[Line]:
        """Text lines inside the text area (not the running header or footer)."""
        _, top, _, bottom = self.area
        return [line for line in self.lines if line.bottom > top and line.top < bottom]

    @property
    def content_graphics(self) -> list[list]:
        _, top, _, bottom = self.area
        return [g for g in self.graphics if g[4] > top and g[2] < bottom]

    @property
    def body_size(self) -> float:
        sizes = Counter()
        for line in self.content:
            sizes[line.size] += len(line.text)
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @property
    def used(self) -> float:
        """How much of the text area's height is used: from its top to the lowest text or graphic in it."""
        _, top, _, bottom = self.area
        lowest = max([line.bottom for line in self.content] + [g[4] for g in self.content_graphics], default=top)
        return max(0.0, min(lowest, bottom) - top) / (bottom - top)


@dataclass
class Document:
    lang: str
    rel: str
    kind: str            # manual, pack, session or handout
    hashes: list[str]
    ends: set[int] = field(default_factory=set)  # pages that end a document of their own (a part of the manual)
    cover: bool = False  # page 0 is a cover


@dataclass
class Library:
    catalogs: dict[str, dict]
    documents: list[Document]
    pages: dict[str, Page]
    site: Path

    def doc(self, lang: str, rel: str) -> Document:
        return next(d for d in self.documents if d.lang == lang and d.rel == rel)

    def of(self, doc: Document) -> list[Page]:
        return [self.pages[h] for h in doc.hashes]

    def path(self, doc: Document) -> Path:
        return self.site / LANG_PREFIX[doc.lang] / doc.rel


def _read(path: Path, pages: dict[str, Page]) -> list[str]:
    """A PDF's pages by drawing; each new page's features into `pages` (from the cache, or extracted and kept)."""
    hashes = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            key = drawing_hash(page)
            hashes.append(key)
            if key in pages:
                continue
            cached = CACHE / EXTRACTION / key[:2] / f"{key}.json"
            if cached.is_file():
                data = json.loads(cached.read_text(encoding="utf-8"))
                cached.touch()  # still in use (see _prune_cache)
            else:
                data = page_features(page)
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(data), encoding="utf-8")
            pages[key] = Page(*data["size"], [Line(*line) for line in data["lines"]], data["graphics"])
            page.close()
    return hashes


def _prune_cache(unused_days: float = 30) -> None:
    """Drop what the extraction code no longer reads (older versions) and pages no run has used for a month
    (earlier drafts of edited pages), as the PDF cache does."""
    import shutil
    import time
    if not CACHE.is_dir():
        return
    for folder in CACHE.iterdir():
        if folder.name != EXTRACTION:
            shutil.rmtree(folder, ignore_errors=True)
    limit = time.time() - unused_days * 86400
    for entry in CACHE.glob(f"{EXTRACTION}/*/*.json"):
        if entry.stat().st_mtime < limit:
            entry.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def library(real_site) -> Library:
    """Every PDF the build made (the catalog names them all, and nothing else is in pdf/), read once."""
    _prune_cache()
    pages: dict[str, Page] = {}
    documents = []
    catalogs = {lang: real_site.catalog(lang) for lang in LANGS}
    for lang, catalog in catalogs.items():
        root = real_site.site / LANG_PREFIX[lang]
        named = ([(s["pdf"], "session") for s in catalog["sessions"]]
                 + [(h["pdf"], "handout") for h in catalog["handouts"]]
                 + [(rel, "pack") for rel in catalog["pdfs"]["packs"].values()]
                 + [(catalog["pdfs"]["manual"], "manual")]
                 + [(s["checklist_pdf"], "checklist") for s in catalog["sessions"]])  # a facilitator's one-page checklist
        # The wall sheets (A3 or larger, and their A4 tiles) have rules of their own: tests/integration/test_wall_sheets_build.py.
        walls = [rel for s in catalog["sessions"] if s.get("wall_sheets") for rel in s["wall_sheets"].values()]
        assert sorted([rel for rel, _ in named] + walls) == sorted(str(p.relative_to(root)) for p in (root / "pdf").glob("*.pdf"))
        for rel, kind in named:
            documents.append(Document(lang, rel, kind, _read(root / rel, pages), cover=kind == "manual"))
    # Where a document of its own ends inside a larger one: the page before the first page of every session and
    # handout and before every level-1 bookmark (a chapter, a module's opening), and the last page.
    for doc in documents:
        doc.ends.add(len(doc.hashes) - 1)
        if doc.kind in ("manual", "pack"):
            starts = {d.hashes[0] for d in documents if d.lang == doc.lang and d.kind in ("session", "handout")}
            with pdfplumber.open(real_site.site / LANG_PREFIX[doc.lang] / doc.rel) as pdf:
                page_ids = {p.page_obj.pageid: i for i, p in enumerate(pdf.pages)}
                tops = [page_ids.get(_target_page_id(entry)) for entry in _outline(pdf) if entry["level"] == 1]
            for index, key in enumerate(doc.hashes):
                if index > 0 and (key in starts or index in tops):
                    doc.ends.add(index - 1)
    return Library(catalogs, documents, pages, real_site.site)


def _outline(pdf) -> list[dict]:
    """The bookmarks, in order: level (1 = top), title and destination."""
    try:
        return [{"level": level, "title": title, "dest": dest or (resolve1(action) or {}).get("D")}
                for level, title, dest, action, _se in pdf.doc.get_outlines()]
    except PDFNoOutlines:
        return []


def _target_page_id(link: dict) -> int | None:
    """The object id of the page a bookmark or link annotation opens (an explicit destination: [page, /XYZ, …])."""
    dest = resolve1(link.get("dest") or link.get("Dest") or (resolve1(link.get("A")) or {}).get("D"))
    if isinstance(dest, list) and dest:
        return getattr(dest[0], "objid", None)
    return None


def where(doc: Document, index: int) -> str:
    return f"{doc.lang}/{doc.rel} page {index + 1}"


# --- 1. nothing cut off, nothing in the margins --------------------------------------------------------------------

def test_nothing_is_cut_off_or_in_the_margins(library):
    """Every character lies on the page; inside the margins there is only the running header (top) and footer
    and page number (bottom), all in their 8 pt, all within the text area's width; graphics stay in the text area."""
    problems = []
    for doc in library.documents:
        for index, page in enumerate(library.of(doc)):
            x0, top, x1, bottom = page.area
            for line in page.lines:
                if line.x0 < -TOLERANCE or line.top < -TOLERANCE or line.x1 > page.width + TOLERANCE \
                        or line.bottom > page.height + TOLERANCE:
                    problems.append(f"{where(doc, index)}: off the page: {line.text[:60]!r}")
                    continue
                inside_x = line.x0 >= x0 - TOLERANCE and line.x1 <= x1 + TOLERANCE
                inside_y = line.top >= top - TOLERANCE and line.bottom <= bottom + TOLERANCE
                running = (line.bottom <= top or line.top >= bottom) and line.size <= RUNNING_SIZE + 0.1
                if not (inside_x and (inside_y or running)):
                    problems.append(f"{where(doc, index)}: in the margin ({line.x0:.0f}–{line.x1:.0f} × "
                                    f"{line.top:.0f}–{line.bottom:.0f} pt, {line.size} pt): {line.text[:60]!r}")
            for kind, gx0, gtop, gx1, gbottom, *_ in page.graphics:
                if gx0 < x0 - TOLERANCE or gx1 > x1 + TOLERANCE or gtop < top - TOLERANCE \
                        or gbottom > bottom + TOLERANCE:
                    problems.append(f"{where(doc, index)}: {kind} in the margin "
                                    f"({gx0:.0f}–{gx1:.0f} × {gtop:.0f}–{gbottom:.0f} pt)")
    assert not problems, f"{len(problems)} things cut off or in the margins:\n" + "\n".join(sorted(set(problems))[:40])


# --- 2. nothing stranded at the foot of a page; no nearly blank page -----------------------------------------------

def stranded_line(page: Page) -> Line | None:
    """The page's last line of text when it is one that must stay with what follows, and nothing follows it on the
    page; None otherwise.

    The heuristic, from the fonts print.css gives: a line must stay with what follows when it is
    - a heading or a box's title: mostly bold and larger than the page's body text (h1–h3, an activity's title);
    - a bold line: mostly bold at any size (an admonition's title, a worksheet question, a bold lead-in such as
      «Paso 1. …», a table's header row), unless it lies in a table's body (a bold cell of a plain row, such as a
      total: a table is recognised by the rules around the line);
    - a label: small grey text on a line of its own (a handout's kind, an activity's minutes and grouping, a hint).
    It is stranded when no graphic starts below it on the page (a question's ruled lines, a table, a box all start
    below their title), so a title whose box begins on the same page passes. How much room is left below does not
    matter: a title at the foot of a page is wrong with two lines or ten lines to spare, since in either case what it
    introduces is on the next page."""
    lines = page.content
    if not lines:
        return None
    last = lines[-1]
    body = page.body_size
    bold = last.bold >= 0.8
    heading = bold and last.size >= body + 1
    label = last.grey >= 0.8 and last.size < body and not (
        len(lines) > 1 and lines[-2].grey >= 0.8 and lines[-2].size == last.size)  # not a small grey paragraph's end
    if not (heading or bold or label):
        return None
    if bold and not heading and _in_table_body(page, last):
        return None
    follows = [g for g in page.content_graphics if g[2] >= last.bottom - 0.5 and g[4] - g[2] > 2]
    return None if follows else last


def _in_table_body(page: Page, line: Line) -> bool:
    """A line between a table's rules (WeasyPrint draws cell borders as line segments: two or more upright ones
    crossing the line's band) and not on the header fill."""
    crossing = {round(g[1]) for g in page.graphics if g[0] == "line" and g[3] - g[1] < 1
                and g[2] <= line.top + 1 and g[4] >= line.bottom - 1}
    on_header = any(g[0] == "rect" and g[5] == HEADER_FILL and g[2] <= line.top + 1 and g[4] >= line.bottom - 1
                    for g in page.graphics)
    return len(crossing) >= 2 and not on_header


def test_no_page_ends_with_what_belongs_to_the_next(library):
    """No page (but a document's last) ends with a heading, a box's title, a label, a bold question or lead-in or
    a table's header row: see `stranded_line` for how such a line is told from the fonts."""
    problems = []
    for doc in library.documents:
        for index, page in enumerate(library.of(doc)):
            if index in doc.ends:
                continue
            if (line := stranded_line(page)) is not None:
                problems.append(f"{where(doc, index)} ends with {line.text[:70]!r} "
                                f"({line.size} pt, bold {line.bold:.0%})")
    assert not problems, (f"{len(problems)} pages end with a heading, label, question or table head:\n"
                          + "\n".join(problems[:60]))


def test_no_page_is_nearly_blank(library):
    """Less than 30 % of a page's text area used is a wasted sheet (issue 23), except a deliberate end: a cover, the
    last page of a module's opening or of a chapter (the next starts on a new page), and a handout's last page when
    it holds the sheet's whole help box (the sheet closes on where to get help). The last page of a session or
    handout of more than one page is no exception otherwise: a lone bullet or a list's tail on a sheet of its own is
    paper wasted, in its own PDF and in the manual alike (the same drawing)."""
    sheet_ends = {d.hashes[-1] for d in library.documents if d.kind in ("session", "handout") and len(d.hashes) > 1}
    problems = []
    for doc in library.documents:
        for index, page in enumerate(library.of(doc)):
            if page.used >= NEARLY_BLANK or (index == 0 and doc.cover):
                continue
            key = doc.hashes[index]
            if key in sheet_ends:
                if _boxes(page, HELP_FRAME) and doc.kind != "session":
                    continue
            elif index in doc.ends:
                continue
            problems.append(f"{where(doc, index)}: {page.used:.0%} of the text area used")
    assert not problems, f"{len(problems)} nearly blank pages:\n" + "\n".join(sorted(set(problems)))


def _rules(page: Page) -> tuple[list[list], list[list]]:
    """A page's table rules: (horizontal, vertical) line segments, as [x0, top, x1, bottom]."""
    horizontal, vertical = [], []
    for kind, x0, top, x1, bottom, *_ in page.content_graphics:
        if kind != "line":
            continue
        if bottom - top < 1 and x1 - x0 >= 1:
            horizontal.append([x0, top, x1, bottom])
        elif x1 - x0 < 1 and bottom - top >= 1:
            vertical.append([x0, top, x1, bottom])
    return horizontal, vertical


def test_no_table_row_is_split_across_pages(library):
    """A row cut by the page end leaves its cells open: a cell's side rule with no rule across its foot (or its
    head, on the next page). Every side rule of every table must end on a rule across."""
    problems = []
    for doc in library.documents:
        for index, page in enumerate(library.of(doc)):
            horizontal, vertical = _rules(page)
            for x0, top, x1, bottom in vertical:
                for y in (top, bottom):
                    if not any(h[0] - 1 <= x0 <= h[2] + 1 and abs((h[1] + h[3]) / 2 - y) <= 1 for h in horizontal):
                        problems.append(f"{where(doc, index)}: a table cell open at {y:.0f} pt (x {x0:.0f})")
                        break
    assert not problems, f"{len(problems)} split table rows:\n" + "\n".join(sorted(set(problems))[:40])


# --- 3. the attendance sheet ---------------------------------------------------------------------------------------

def _session_numbers(catalog: dict) -> list[str]:
    modules = {m["id"]: m["order"] for m in catalog["modules"]}
    ordered = sorted(catalog["sessions"], key=lambda s: (modules[s["module"]], s["order"]))
    return [f"{modules[s['module']]}.{s['order']}" for s in ordered]


def _labels(lang: str) -> dict:
    import yaml
    return yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_attendance_sheet_is_landscape_with_a_column_per_session(library, lang):
    """m01-h02 alone, in module 1's pack and in the manual: landscape pages; its table has a column for every
    session of the programme (numbered module.session, from the catalog), rows of 9 mm or more to sign in and a
    name column wide enough for a full name in handwriting."""
    catalog = library.catalogs[lang]
    numbers = _session_numbers(catalog)
    assert len(numbers) == len(catalog["sessions"]) >= 15
    labels = _labels(lang)
    sheet = next(h for h in catalog["handouts"] if h["id"] == "m01-h02")
    pack = library.doc(lang, catalog["pdfs"]["packs"]["m01"])
    docs = [library.doc(lang, sheet["pdf"]), library.doc(lang, catalog["pdfs"]["manual"])]
    # Module 1's pack holds the sheets each participant gets; the attendance sheet is one form the facilitator
    # passes round (audience: facilitators), so it is printed alone and in the manual, never in the pack.
    if sheet["audience"] == "participants":
        docs.append(pack)
    else:
        assert not set(docs[0].hashes) & set(pack.hashes), "a facilitators' form in the participants' pack"
    own = docs[0].hashes
    for doc in docs:
        # The sheet's own pages, found in a larger document by their drawing (the same rendered pages).
        start = next((i for i in range(len(doc.hashes)) if doc.hashes[i:i + len(own)] == own), None)
        assert start is not None, f"{doc.lang}/{doc.rel}: the attendance sheet's pages are missing"
        with pdfplumber.open(library.path(doc)) as pdf:
            for index in range(start, start + len(own)):
                page = pdf.pages[index]
                assert page.width > page.height, f"{where(doc, index)}: the attendance sheet is not landscape"
                tables = []
                for table in page.find_tables():
                    head = [re.sub(r"\s+", " ", cell or "").strip() for cell in table.extract()[0]]
                    if labels["attendance_name"] in head:
                        tables.append((table, head))
                assert len(tables) == 1, f"{where(doc, index)}: no table headed «{labels['attendance_name']}»"
                table, head = tables[0]
                assert [t for t in head if re.fullmatch(r"\d+\.\d+", t)] == numbers, \
                    f"{where(doc, index)}: session columns {head}, expected {numbers}"
                widths = [cell[2] - cell[0] for cell in table.rows[0].cells if cell]
                name = widths[head.index(labels["attendance_name"])]
                assert name >= ATTENDANCE_NAME, f"{where(doc, index)}: the name column is {name / MM:.0f} mm wide"
                heights = [row.bbox[3] - row.bbox[1] for row in table.rows]
                assert len(heights) >= 6 and min(heights) >= ATTENDANCE_ROW - 0.5, \
                    f"{where(doc, index)}: rows of {min(heights) / MM:.1f} mm"


# --- 4. the contents page ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_manual_contents_entries_are_links_into_the_document(library, lang):
    """Every line of the complete manual's contents is covered by a link to a page of the manual, and an entry's
    printed page number is the page its link opens."""
    catalog = library.catalogs[lang]
    doc = library.doc(lang, catalog["pdfs"]["manual"])
    contents_title = _labels(lang)["contents"]
    entries = 0
    with pdfplumber.open(library.path(doc)) as pdf:
        pages = {p.page_obj.pageid: i for i, p in enumerate(pdf.pages)}
        tops = [(pages[_target_page_id(e)], e["title"]) for e in _outline(pdf) if e["level"] == 1]
        first = next((page for page, title in tops if title == contents_title), None)
        assert first is not None, f"no bookmark to the contents ({contents_title})"
        following = min(page for page, _ in tops if page > first)
        for index in range(first, following):
            page, features = pdf.pages[index], library.of(doc)[index]
            links = []
            for annot in page.annots:
                target = pages.get(_target_page_id(annot["data"]))
                links.append((annot["top"], annot["bottom"], annot["x0"], annot["x1"], target))
            lines = [line for line in features.content if line.text != contents_title]
            assert lines, f"{where(doc, index)}: no contents"
            for line in lines:
                over = [link for link in links if link[0] <= (line.top + line.bottom) / 2 <= link[1]
                        and link[2] < line.x1 and link[3] > line.x0]
                assert over, f"{where(doc, index)}: the contents entry {line.text!r} is not a link"
                targets = {link[4] for link in over}
                assert None not in targets and len(targets) == 1, f"{where(doc, index)}: {line.text!r} → {targets}"
                if number := re.search(r"(\d+)$", line.text):
                    entries += 1
                    assert targets == {int(number[1]) - 1}, \
                        f"{where(doc, index)}: {line.text!r} opens page {targets.pop() + 1}"
    assert entries >= len(catalog["sessions"]) + len(catalog["handouts"]) + len(catalog["modules"])


# --- 5. room to write ----------------------------------------------------------------------------------------------

def _write_blocks(lang: str) -> dict[str, int]:
    """How many `write` blocks each handout's source has, by handout id."""
    counts = {}
    for path in (ROOT / "modules").glob(f"*/h*.{lang}.md"):
        text = path.read_text(encoding="utf-8")
        if found := re.search(r"^id:\s*(\S+)", text, re.M):
            counts[found[1]] = len(re.findall(r"^/// write\b", text, re.M))
    return counts


@pytest.mark.parametrize("lang", LANGS)
def test_writing_rows_are_at_least_10_mm_apart(library, lang):
    """Ruled writing space (`.write-lines`): WeasyPrint paints it as a rectangle filled with a tiling pattern, one
    ruled line per tile, so the distance between lines is the tile's height (its YStep through its matrix, read
    from the page's resources: `_tile_height`). Every handout with write blocks has one such box per block, every
    tile is 10 mm or taller and every box holds whole rows. Empty table cells (names to write, placeholder dots on
    screen) are 10 mm or taller too: a cell is the space between a table's rules with no text in it."""
    catalog = library.catalogs[lang]
    blocks = _write_blocks(lang)
    problems = []
    for handout in catalog["handouts"]:
        doc = library.doc(lang, handout["pdf"])
        boxes = 0
        for index, page in enumerate(library.of(doc)):
            for kind, x0, top, x1, bottom, fill, _ in page.content_graphics:
                if kind != "rect" or not fill.startswith("p"):
                    continue
                boxes += 1
                pitch = float(fill[1:]) if fill != "p?" else 0.0
                rows = (bottom - top) / pitch if pitch else 0
                if pitch < MIN_WRITING_PITCH:
                    problems.append(f"{where(doc, index)}: writing lines {pitch / MM:.1f} mm apart")
                elif rows < 0.99 or abs(rows - round(rows)) > 0.05:
                    problems.append(f"{where(doc, index)}: a writing box of {rows:.2f} rows")
            if small := _small_empty_cells(page):
                problems.append(f"{where(doc, index)}: {len(small)} empty table cells less than 10 mm tall "
                                f"(the smallest {min(small) / MM:.1f} mm)")
        if boxes < blocks[handout["id"]]:
            problems.append(f"{doc.lang}/{doc.rel}: {blocks[handout['id']]} write blocks but {boxes} ruled boxes")
    assert not problems, "\n".join(problems)


def _small_empty_cells(page: Page) -> list[float]:
    """The heights of a page's empty table cells that are less than 10 mm tall."""
    horizontal, vertical = _rules(page)
    found = []
    for x0, top, x1, _ in horizontal:
        below = [h for h in horizontal if abs(h[0] - x0) < 1 and abs(h[2] - x1) < 1 and h[1] > top + 1]
        if not below:
            continue
        bottom = min(h[1] for h in below)
        if not any(abs(v[0] - x0) < 1.5 and v[1] <= top + 1 and v[3] >= bottom - 1 for v in vertical):
            continue  # not a cell: no rule at its side
        empty = not any(line.top < bottom and line.bottom > top and any(s[0] < x1 and s[1] > x0 for s in line.spans)
                        for line in page.content)
        if empty and bottom - top < MIN_WRITING_PITCH - 0.5:
            found.append(bottom - top)
    return found


# --- 6. a worksheet is one sheet of paper --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_worksheets_fit_on_two_pages(library, lang):
    """A worksheet is printed on both sides of one sheet: two pages at most (exceptions, with their reason, in
    LONG_WORKSHEETS)."""
    catalog = library.catalogs[lang]
    worksheets = [h for h in catalog["handouts"] if h["kind"] == "worksheet"]
    assert len(worksheets) >= 4
    assert set(LONG_WORKSHEETS) <= {h["id"] for h in worksheets}, "LONG_WORKSHEETS names a handout that is no worksheet"
    pages = {h["id"]: len(library.doc(lang, h["pdf"]).hashes) for h in worksheets}
    long = {id_: n for id_, n in pages.items() if n > 2 and id_ not in LONG_WORKSHEETS}
    assert not long, f"worksheets longer than two pages: {long}"
    # An exception is for a sheet that needs its third page, not a licence: it goes when the sheet fits.
    stale = [id_ for id_ in LONG_WORKSHEETS if pages[id_] <= 2]
    assert not stale, f"{stale} fit on two pages now: remove them from LONG_WORKSHEETS"
    assert all(pages[id_] <= 4 for id_ in LONG_WORKSHEETS), {id_: pages[id_] for id_ in LONG_WORKSHEETS}  # two sheets


# --- 7. paper for people who read little (issue 23) ----------------------------------------------------------------

BODY_MIN, TABLE_MIN = 12.0, 11.0   # pt: a participant sheet's body and tables (mkdocs.yml extra.manual.pdf.type)
TICK_MIN = 6 * MM                  # a tick box a pen can hit
SIGNATURE_MIN = 25 * MM            # the sign-in sheet's signature column


def _participant_handouts(catalog: dict) -> list[dict]:
    handouts = [h for h in catalog["handouts"] if h["audience"] == "participants"]
    assert len(handouts) >= 10
    return handouts


def _in_table(page: Page, line: Line) -> bool:
    """A line between a table's upright rules (two or more crossing its band), head or body."""
    crossing = {round(g[1]) for g in page.content_graphics if g[0] == "line" and g[3] - g[1] < 1
                and g[2] <= line.top + 1 and g[4] >= line.bottom - 1}
    return len(crossing) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_participant_sheets_are_set_in_large_type(library, lang):
    """On every page of every participant handout, the text is 12 pt or more, 11 pt or more in a table; the
    key-message and help boxes are body text, so they are held to 12 pt too. Only small grey labels (the sheet's
    kind, the QR code's caption) may be smaller: they are not read to take part."""
    problems = []
    for handout in _participant_handouts(library.catalogs[lang]):
        doc = library.doc(lang, handout["pdf"])
        for index, page in enumerate(library.of(doc)):
            for line in page.content:
                if line.grey >= 0.8:
                    continue
                least = TABLE_MIN if _in_table(page, line) else BODY_MIN
                if line.size < least - 0.05:
                    problems.append(f"{where(doc, index)}: {line.size} pt: {line.text[:60]!r}")
    assert not problems, f"{len(problems)} lines in small type on participant sheets:\n" + "\n".join(problems[:40])


# A facilitator's one-page checklist is read standing, in a dim hall: 7.5 pt or more (issue 23). Its last step, 7 pt
# with a leading of 1.06 (print.css .sc--tightest), is for a checklist that 7.5 pt with 1.1 cannot fit on one page: one
# that fills at least 7 × 1.06 / (7.5 × 1.1) ≈ 90 % of its page at 7 pt (88 %: leave room for rounding).
CHECKLIST_MIN, CHECKLIST_LAST, CHECKLIST_FULL = 7.5, 7.0, 0.88


@pytest.mark.parametrize("lang", LANGS)
def test_facilitator_checklists_are_set_no_smaller_than_they_need(library, lang):
    """Every session's checklist: one page whose text (running head and foot aside) is 7.5 pt or more, or 7 pt when
    the page is so full that 7.5 pt would not have fitted; the statements it cites are held to the same size."""
    problems = []
    for session in library.catalogs[lang]["sessions"]:
        doc = library.doc(lang, session["checklist_pdf"])
        pages = library.of(doc)
        assert len(pages) == 1, (session["id"], len(pages))
        least = min(line.size for line in pages[0].content if line.grey < 0.8)
        if least < CHECKLIST_MIN - 0.05 and (least < CHECKLIST_LAST - 0.05 or pages[0].used < CHECKLIST_FULL):
            problems.append(f"{where(doc, 0)}: {least} pt with {pages[0].used:.0%} of the page used")
    assert not problems, f"{len(problems)} checklists set smaller than they need:\n" + "\n".join(problems)


def _squares(page: Page) -> list[tuple[float, float, float, float]]:
    """Drawn squares of 2 mm or more, as (x0, top, x1, bottom). WeasyPrint fills a box's border as a square with a
    smaller square cut out of it (an even-odd fill): pdfplumber reads both, so a square inside another is its hole."""
    found = [tuple(g[1:5]) for g in page.content_graphics
             if g[0] == "rect" and g[5] and not g[5].startswith("p") and abs((g[3] - g[1]) - (g[4] - g[2])) < 1
             and 2 * MM < g[3] - g[1] < 15 * MM]
    return [sq for sq in found if not any(o != sq and o[0] <= sq[0] and o[1] <= sq[1] and o[2] >= sq[2]
                                          and o[3] >= sq[3] for o in found)]


@pytest.mark.parametrize("lang", LANGS)
def test_tick_boxes_are_drawn_squares_of_6_mm(library, lang):
    """Every ☐ of a handout's source is printed as a drawn square of 6 mm or more (never as a 3 mm glyph)."""
    problems = []
    for handout in library.catalogs[lang]["handouts"]:
        sources = [p for p in (ROOT / "modules").glob(f"*/h*.{lang}.md")
                   if re.search(rf"^id:\s*{handout['id']}\s*$", p.read_text(encoding="utf-8"), re.M)]
        ticks = sources[0].read_text(encoding="utf-8").count("☐") if sources else 0
        doc = library.doc(lang, handout["pdf"])
        squares = [sq for page in library.of(doc) for sq in _squares(page)]
        glyphs = sum(line.text.count("☐") for page in library.of(doc) for line in page.content)
        if glyphs:
            problems.append(f"{doc.lang}/{doc.rel}: {glyphs} tick boxes printed as a glyph")
        if len(squares) < ticks:
            problems.append(f"{doc.lang}/{doc.rel}: {ticks} tick boxes in the source, {len(squares)} drawn squares")
        if small := [sq for sq in squares if min(sq[2] - sq[0], sq[3] - sq[1]) < TICK_MIN - 0.5]:
            problems.append(f"{doc.lang}/{doc.rel}: tick boxes of {(small[0][2] - small[0][0]) / MM:.1f} mm")
    assert not problems, "\n".join(problems)
    assert any(h["id"] == "m01-h03" for h in library.catalogs[lang]["handouts"])  # the questionnaire has 38 of them


@pytest.mark.parametrize("lang", LANGS)
def test_open_questions_get_three_rows_on_participant_sheets(library, lang):
    """A write block of one line is a field (a name, a date, a code); any other is an open question, and on a
    participant sheet it has three ruled rows or more, whatever its source asks for."""
    problems = []
    for handout in _participant_handouts(library.catalogs[lang]):
        doc = library.doc(lang, handout["pdf"])
        for index, page in enumerate(library.of(doc)):
            for kind, x0, top, x1, bottom, fill, _ in page.content_graphics:
                if kind == "rect" and fill.startswith("p") and fill != "p?":
                    rows = round((bottom - top) / float(fill[1:]))
                    if rows == 2:
                        problems.append(f"{where(doc, index)}: an open question with two rows")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_sign_in_sheet_has_a_wide_signature_column_on_one_page(library, lang):
    """The per-session sign-in sheet (m01-h07): one page, a table headed with the signature column 25 mm or wider,
    rows of 10 mm or more, a name column for a full name in handwriting."""
    labels = _labels(lang)
    sheet = next(h for h in library.catalogs[lang]["handouts"] if h["id"] == "m01-h07")
    assert sheet["audience"] == "facilitators"
    doc = library.doc(lang, sheet["pdf"])
    assert len(doc.hashes) == 1, f"{doc.lang}/{doc.rel}: {len(doc.hashes)} pages"
    with pdfplumber.open(library.path(doc)) as pdf:
        page = pdf.pages[0]
        tables = [t for t in page.find_tables()
                  if labels["sign_in_signature"] in [re.sub(r"\s+", " ", c or "").strip() for c in t.extract()[0]]]
        assert len(tables) == 1, f"no table headed «{labels['sign_in_signature']}»"
        table = tables[0]
        head = [re.sub(r"\s+", " ", c or "").strip() for c in table.extract()[0]]
        widths = [cell[2] - cell[0] for cell in table.rows[0].cells if cell]
        assert widths[head.index(labels["sign_in_signature"])] >= SIGNATURE_MIN, widths
        assert widths[head.index(labels["attendance_name"])] >= ATTENDANCE_NAME, widths
        heights = [row.bbox[3] - row.bbox[1] for row in table.rows[1:]]
        assert len(heights) >= 12 and min(heights) >= MIN_WRITING_PITCH - 0.5, \
            f"{len(heights)} rows, the lowest {min(heights) / MM:.1f} mm"


HELP_FRAME = "c0.64,0.09,0.10"      # the help (safety) box's rule, #a4161a
KEY_FILL = "c0.90,0.86,0.93"        # the key messages' shading, #e6dcec


def _boxes(page: Page, fill: str) -> list[tuple[float, float, float, float]]:
    """Boxes of a page drawn in `fill` and 30 mm or wider, outermost only."""
    found = [tuple(g[1:5]) for g in page.content_graphics if g[0] == "rect" and g[5] == fill and g[3] - g[1] > 30 * MM]
    return [b for b in found if not any(o != b and o[0] <= b[0] + 0.5 and o[1] <= b[1] + 0.5 and o[2] >= b[2] - 0.5
                                        and o[3] >= b[3] - 0.5 for o in found)]


@pytest.mark.parametrize("lang", LANGS)
def test_help_box_and_key_messages_differ_in_black_and_white(library, lang):
    """Printed in greyscale (each page holding either box rendered with pdfium and turned to grey), the help box
    is framed on all four sides by a dark rule around a white inside, and the key messages are shaded with no rule
    at their right: the two never look alike. Each carries its pictogram (a drawing inside it, above its text)."""
    catalog = library.catalogs[lang]
    problems, seen = [], {"help": 0, "key": 0}
    for handout in catalog["handouts"] + catalog["sessions"][:3]:
        doc = library.doc(lang, handout["pdf"])
        pages = library.of(doc)
        wanted = [i for i, p in enumerate(pages) if _boxes(p, HELP_FRAME) or _boxes(p, KEY_FILL)]
        if not wanted:
            continue
        with pdfplumber.open(library.path(doc)) as pdf:
            for index in wanted:
                page, scale = pages[index], 2
                grey = pdf.pages[index].to_image(resolution=72 * scale).original.convert("L")

                def at(x: float, y: float) -> int:
                    return grey.getpixel((int(x * scale), int(y * scale)))

                def drawn_inside(box) -> bool:
                    return any(g[0] == "curve" and g[1] >= box[0] and g[3] <= box[2] and g[2] >= box[1]
                               and g[4] <= box[3] for g in page.graphics)
                for box in _boxes(page, HELP_FRAME):
                    seen["help"] += 1
                    x0, top, x1, bottom = box
                    middle_x, middle_y = (x0 + x1) / 2, (top + bottom) / 2
                    edges = [at(x0 + 0.6, middle_y), at(x1 - 0.6, middle_y), at(middle_x, top + 0.6), at(middle_x, bottom - 0.6)]
                    inside = at(x1 - 3, bottom - 3)
                    if max(edges) > 128 or inside < 245:
                        problems.append(f"{where(doc, index)}: help box edges {edges}, inside {inside}")
                    if not drawn_inside(box):
                        problems.append(f"{where(doc, index)}: help box without its pictogram")
                for box in _boxes(page, KEY_FILL):
                    seen["key"] += 1
                    x0, top, x1, bottom = box
                    right, inside = at(x1 - 0.6, (top + bottom) / 2), at(x1 - 3, bottom - 3)
                    if right < 160 or not 170 <= inside <= 235:
                        problems.append(f"{where(doc, index)}: key messages' right edge {right}, shading {inside}")
                    if not drawn_inside(box):
                        problems.append(f"{where(doc, index)}: key messages without their pictogram")
    assert seen["help"] >= 10 and seen["key"] >= 3, seen
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("lang", LANGS)
def test_participant_pack_has_no_cover_sheet(library, lang):
    """A module's pack is its participant handouts' own pages, nothing more: a cover copied for every participant
    cost a sheet per person (issue 23: 140 sheets for 20 people)."""
    catalog = library.catalogs[lang]
    for module_id, rel in catalog["pdfs"]["packs"].items():
        pack = library.doc(lang, rel)
        own = [library.doc(lang, h["pdf"]).hashes for h in catalog["handouts"]
               if h["module"] == module_id and h["audience"] == "participants"]
        assert pack.hashes == [key for hashes in own for key in hashes], f"{lang}/{rel}: pages besides its handouts"


@pytest.mark.parametrize("lang", LANGS)
def test_paired_rows_stay_together(library, lang):
    """The scoring sheet's statements each take two rows (entry, then exit, whose first cell is empty): a page never
    starts its table with an exit row, cut from its entry row on the page before."""
    exit_word = {"es": "Salida", "en": "Exit"}[lang]
    doc = library.doc(lang, next(h["pdf"] for h in library.catalogs[lang]["handouts"] if h["id"] == "m01-h04"))
    rows = 0
    for index, page in enumerate(library.of(doc)):
        body = [line for line in page.content if _in_table(page, line) and not any(
            g[0] == "rect" and g[5] == HEADER_FILL and g[2] <= line.top + 1 and g[4] >= line.bottom - 1
            for g in page.graphics)]
        rows += sum(line.text == exit_word for line in body)
        if body and body[0].text == exit_word:
            problems = f"{where(doc, index)}: the table starts with an exit row"
            pytest.fail(problems)
    assert rows >= 12  # twelve statements, each with its exit row


SOURCE_WORDS = re.compile(r"\b(INEI|ENDES|OMS|WHO)\b|\b(Fuente|Source):")  # data publishers, not services


@pytest.mark.parametrize("lang", LANGS)
def test_no_source_citation_inside_participant_text(library, lang):
    """On a participant sheet a figure reads as its value; who measured it goes to a footnote at the foot of the
    sheet (issue 22's footnotes, guarded here from the PDFs): a line naming a source is a footnote's line (it ends
    with the footnote's back mark ↩, or the footnote it opens does within two lines)."""
    problems, footnotes = [], 0
    for handout in _participant_handouts(library.catalogs[lang]):
        doc = library.doc(lang, handout["pdf"])
        for index, page in enumerate(library.of(doc)):
            texts = [line.text for line in page.content]
            for at, text in enumerate(texts):
                if SOURCE_WORDS.search(text):
                    if any(t.rstrip().endswith("↩") for t in texts[at:at + 3]):
                        footnotes += 1
                    else:
                        problems.append(f"{where(doc, index)}: {text[:80]!r}")
    assert not problems, "sources cited inside participant text:\n" + "\n".join(problems)
    assert footnotes >= 1  # m03-h01's figure keeps its source, at the foot
