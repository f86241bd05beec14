"""Putting rendered PDFs together with qpdf (pikepdf): page numbers written on a body, and bodies joined into one
document with its own outline (bookmarks) and internal links.

Each module is rendered once, without page numbers (a "body": its opening, sessions and handouts). A session's or
handout's own PDF is its pages of that body with "Page i of N" written on; the module packs and the complete manual
join the same bodies. The numbers are one
short text per page in the footer, in the same DejaVu Sans as the rest, embedded as a subset of just the
characters they use (rendering and merging a page-number document cost more than all the joining). Nothing
time-based is written and the id is deterministic: the same inputs give the same bytes. (pypdf did this before;
qpdf joins in a fifth of the time, which a cold build spends on the same two cores as the drawing.)"""
from __future__ import annotations

import functools
import hashlib
import io
import subprocess
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

FONT_NAME = "/ManualPageNumber"
FONT_FAMILY = "DejaVu Sans"  # the print stylesheet's first font
FONT_SIZE = 8
GREY = 0.267  # #444, as the rest of the footer
# Where print.css puts the footer: right margin and baseline, in points, for portrait and landscape pages.
PORTRAIT = (48.2, 27.5)   # 17 mm right margin; the middle of the 22 mm bottom margin
LANDSCAPE = (39.7, 22.0)  # 14 mm and 18 mm


@dataclass(frozen=True)
class SubsetFont:
    name: str                 # PostScript name with its subset tag, e.g. ABCDEF+DejaVuSans
    data: bytes               # the TrueType subset
    widths: tuple[int, ...]   # advance widths for codes 32–255 (WinAnsiEncoding), per 1000 units
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int

    def width(self, text: str) -> float:
        codes = text.encode("cp1252", "replace")
        return sum(self.widths[code - 32] if 32 <= code <= 255 else 0 for code in codes) * FONT_SIZE / 1000


@functools.lru_cache(maxsize=4)
def font_file(family: str = FONT_FAMILY) -> Path | None:
    """The font file fontconfig picks for the family (the one WeasyPrint embeds in the pages). Asked once per
    process: fc-match is a process of its own, and every PDF made needs the answer."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(found) if found and Path(found).is_file() else None


@functools.lru_cache(maxsize=16)
def subset_font(path: str, characters: str) -> SubsetFont:
    """The font reduced to `characters` (fontTools, which WeasyPrint also uses), with what a PDF needs to
    describe it. Cached: every document of a language asks for the same characters (numbered_characters).
    The numbers are shown one code per glyph (WinAnsiEncoding, no shaping), so the font's layout tables are left
    out rather than subset: DejaVu's are large, and subsetting them cost ≈ 0.3 s a call."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(path, lazy=True)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "FFTM"]  # FFTM: a FontForge timestamp, which fontTools warns it drops
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    widths = []
    for code in range(32, 256):
        char = bytes([code]).decode("cp1252", "replace")
        glyph = cmap.get(ord(char))
        widths.append(round(font["hmtx"][glyph][0] * scale) if glyph else 0)
    head, os2 = font["head"], font["OS/2"]
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(characters.encode("utf-8")).digest()[:6])
    base = font["name"].getDebugName(6) or "DejaVuSans"
    return SubsetFont(f"{tag}+{base}", out.getvalue(), tuple(widths),
                      tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
                      round(os2.sTypoAscender * scale), round(os2.sTypoDescender * scale),
                      round(getattr(os2, "sCapHeight", 0) * scale) or 700)


@dataclass(frozen=True)
class OutlineEntry:
    level: int   # 1 = top
    title: str
    page: int    # 0-based page of the joined document
    x: float     # points from the left
    y: float     # points from the top


@dataclass(frozen=True)
class InternalLink:
    page: int                                 # where the link is
    rect: tuple[float, float, float, float]   # x, y from the top, width, height (points)
    target_page: int
    target_x: float
    target_y: float                           # from the top


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")  # WinAnsiEncoding
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _font_object(pdf, font: SubsetFont):
    """A simple TrueType font (WinAnsiEncoding) with its subset embedded."""
    from pikepdf import Array, Dictionary, Name, Stream
    data = Stream(pdf, font.data)
    data.Length1 = len(font.data)
    descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name(f"/{font.name}"), Flags=32,
                            FontBBox=Array(font.bbox), ItalicAngle=0, Ascent=font.ascent, Descent=font.descent,
                            CapHeight=font.cap_height, StemV=80, FontFile2=pdf.make_indirect(data))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name(f"/{font.name}"), FirstChar=32, LastChar=255,
        Widths=Array(font.widths), Encoding=Name.WinAnsiEncoding, FontDescriptor=pdf.make_indirect(descriptor)))


def _size(page) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(v) for v in page.mediabox)
    return x2 - x1, y2 - y1


def numbered_characters(texts: list[str]) -> str:
    """The characters a document's page numbers are written with: its texts' and every digit, so that every
    document of a language (the same label, other numbers) shares one subset instead of one per set of digits
    (a cold build made twenty)."""
    return "".join(sorted(set("".join(texts)) | set("0123456789")))


def _number_pages(pdf, texts: list[str]) -> None:
    """Write each page's text right-aligned in its footer. The page's own content is wrapped in q … Q first, so
    whatever graphics state it leaves cannot move the number; nothing in it is parsed or rewritten."""
    from pikepdf import Array, Dictionary, Stream
    if not any(texts):  # a document printed without numbers (a wall sheet): no font to embed (an empty subset fails)
        return
    path = font_file()
    if path is None:
        raise RuntimeError(f"no font file found for {FONT_FAMILY} (install fonts-dejavu-core)")
    font = subset_font(str(path), numbered_characters(texts))
    font_ref = _font_object(pdf, font)
    opening = pdf.make_indirect(Stream(pdf, b"q\n"))
    for page, text in zip(pdf.pages, texts):
        if not text:
            continue
        width, height = _size(page)
        right, baseline = LANDSCAPE if width > height else PORTRAIT
        x = width - right - font.width(text)
        # an artifact for screen readers, as WeasyPrint's own running footer: not part of the text
        drawing = (f"Q\n/Artifact BMC q BT {FONT_NAME} {FONT_SIZE} Tf {GREY} g {x:.2f} {baseline:.2f} Td ".encode("ascii")
                   + _pdf_string(text) + b" Tj ET Q EMC\n")
        contents = page.obj.get("/Contents")
        existing = list(contents) if isinstance(contents, Array) else [contents]
        page.obj.Contents = Array([opening, *existing, pdf.make_indirect(Stream(pdf, drawing))])
        resources = page.obj.Resources
        if "/Font" not in resources:
            resources.Font = Dictionary()
        resources.Font[FONT_NAME] = font_ref


# One join at a time: the opened bodies are shared, and `mkdocs serve` also cuts sheets in a background thread
# (qpdf reads a document lazily, so two threads reading one could race).
_JOINING = threading.Lock()


# How many opened bodies a process keeps (pdf_tags keeps the structure it read from as many).
OPEN_BODIES = 32


@functools.lru_cache(maxsize=OPEN_BODIES)
def _source(data: bytes):
    """One opened body per process, shared by every document cut from it or joining it (a module's sessions and
    handouts, its pack, the complete manual). Only read: qpdf copies what a document takes from it."""
    import pikepdf
    return pikepdf.Pdf.open(io.BytesIO(data))


def _box(rect) -> tuple[float, ...]:
    """A rectangle as (left, bottom, right, top), however its corners were written."""
    x1, y1, x2, y2 = (float(v) for v in rect)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _is_web_link(annotation) -> bool:
    action = annotation.get("/A")
    return annotation.get("/Subtype") == "/Link" and action is not None and action.get("/S") == "/URI"


def join(pieces: list[tuple[bytes, int, int]], texts: list[str], outline: list[OutlineEntry],
         links: list[InternalLink], metadata: dict, lang: str) -> bytes:
    """One document from pieces of rendered bodies, in order — (body, first page, last page), 0-based and
    inclusive: each page's number (`texts`) written on, the outline built from `outline` (levels nest under the
    nearest lower level) and `links` written as explicit destinations. Joined by qpdf (pikepdf): what pages of
    one body share (fonts, images) is copied once, and the result is packed into compressed object streams,
    which makes a sheet about 40 % lighter to download. Same input, same bytes.

    Links to the web are kept; the bodies' own internal links point at named places of the body, which mean
    nothing in another document: they are dropped and written again from `links`."""
    from pikepdf import PageCopyWarning

    with _JOINING, warnings.catch_warnings():
        # pikepdf warns that copied pages lose their named destinations and form fields: the bodies have no form
        # fields, and their internal links are written again from `links` (above). In a worker process, where
        # the complete manuals are joined, the warning would reach the build's report as is.
        warnings.simplefilter("ignore", PageCopyWarning)
        return _join(pieces, texts, outline, links, metadata, lang)


def _join(pieces, texts, outline, links, metadata, lang) -> bytes:
    from pikepdf import Array, Dictionary, Name, ObjectStreamMode, OutlineItem, Pdf, String

    from .pdf_tags import carry_structure

    pdf = Pdf.new()
    taken = []  # (source, source page, new page): the structure for screen readers follows the pages (pdf_tags)
    for data, first, last in pieces:
        source = _source(data)
        pdf.pages.extend(source.pages[first:last + 1])
        taken += [(source, page.obj, None) for page in source.pages[first:last + 1]]
    annotations = {}  # (page, a kept link annotation of its source page) -> its copy
    internal = {}     # page -> [(rectangle, objgen)] of the source's internal links, written again below
    for position, page in enumerate(pdf.pages):
        taken[position] = (*taken[position][:2], page.obj)
        if "/Annots" in page.obj:
            for original, copy in zip(taken[position][1].get("/Annots", []), page.obj.Annots):
                if _is_web_link(copy):
                    annotations[position, original.objgen] = copy
                elif "/Rect" in copy:
                    internal.setdefault(position, []).append((_box(copy.Rect), original.objgen))
            kept = [annotation for annotation in page.obj.Annots if _is_web_link(annotation)]
            if kept:
                page.obj.Annots = Array(kept)
            else:
                del page.obj.Annots
    _number_pages(pdf, texts)
    heights = [_size(page)[1] for page in pdf.pages]
    with pdf.open_outline() as tree:
        parents: dict[int, OutlineItem] = {}
        for entry in outline:
            parent = next((parents[level] for level in range(entry.level - 1, 0, -1) if level in parents), None)
            item = OutlineItem(entry.title, entry.page, "XYZ", left=entry.x, top=heights[entry.page] - entry.y, zoom=0)
            (parent.children if parent is not None else tree.root).append(item)
            parents[entry.level] = item
            for deeper in [level for level in parents if level > entry.level]:
                del parents[deeper]
    for link in links:
        x, y, width, height = link.rect
        top = heights[link.page]
        page = pdf.pages[link.page].obj
        annotation = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array([x, top - y - height, x + width, top - y]),
            Border=Array([0, 0, 0]), Dest=Array([pdf.pages[link.target_page].obj, Name.XYZ, link.target_x,
                                                heights[link.target_page] - link.target_y, 0])))
        if "/Annots" not in page:
            page.Annots = Array()
        page.Annots.append(annotation)
        drawn = _box(annotation.Rect)  # the link it replaces, whose text's element then points at it
        for box, objgen in internal.get(link.page, []):
            if max(abs(a - b) for a, b in zip(box, drawn)) < 0.5:
                annotations[link.page, objgen] = annotation
                break
    carry_structure(pdf, taken, annotations)
    for key, value in metadata.items():
        pdf.docinfo[Name(f"/{key}")] = String(value)
    pdf.Root.Lang = String(lang)
    pdf.Root.PageMode = Name.UseOutlines
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=ObjectStreamMode.generate, compress_streams=True, deterministic_id=True)
    return out.getvalue()
