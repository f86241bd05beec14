"""Putting rendered PDFs together with pypdf: page numbers written on a body, and bodies joined into one
document with its own outline (bookmarks) and internal links.

Each module is rendered once, without page numbers (a "body": its opening, sessions and handouts). A session's or
handout's own PDF is its pages of that body with "Page i of N" written on; the module packs and the complete manual
join the same bodies. The numbers are one
short text per page in the footer, in the same DejaVu Sans as the rest, embedded as a subset of just the
characters they use (rendering and merging a page-number document cost more than all the joining). pypdf
writes no time-based data and pikepdf a deterministic id: the same inputs give the same bytes."""
from __future__ import annotations

import functools
import hashlib
import io
import subprocess
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
    describe it. Cached: every document of a language uses the same few characters."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(path)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
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


def _write(writer) -> bytes:
    """The document, compacted: pypdf writes every object on its own, so qpdf (pikepdf) packs the small ones into
    compressed object streams, which makes a sheet about 40 % lighter to download. Same input, same bytes."""
    import pikepdf
    out = io.BytesIO()
    writer.write(out)
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        compact = io.BytesIO()
        pdf.save(compact, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 deterministic_id=True)
    return compact.getvalue()


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")  # WinAnsiEncoding
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _font_object(writer, font: SubsetFont):
    """A simple TrueType font (WinAnsiEncoding) with its subset embedded."""
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject)
    data = DecodedStreamObject()
    data.set_data(font.data)
    data[NameObject("/Length1")] = NumberObject(len(font.data))
    data = data.flate_encode()
    descriptor = DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): NameObject(f"/{font.name}"),
        NameObject("/Flags"): NumberObject(32), NameObject("/FontBBox"): ArrayObject(map(NumberObject, font.bbox)),
        NameObject("/ItalicAngle"): NumberObject(0), NameObject("/Ascent"): NumberObject(font.ascent),
        NameObject("/Descent"): NumberObject(font.descent), NameObject("/CapHeight"): NumberObject(font.cap_height),
        NameObject("/StemV"): NumberObject(80), NameObject("/FontFile2"): writer._add_object(data)})
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/TrueType"),
        NameObject("/BaseFont"): NameObject(f"/{font.name}"), NameObject("/FirstChar"): NumberObject(32),
        NameObject("/LastChar"): NumberObject(255), NameObject("/Widths"): ArrayObject(NumberObject(w) for w in font.widths),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/FontDescriptor"): writer._add_object(descriptor)}))


def _number_pages(writer, texts: list[str]) -> None:
    """Write each page's text right-aligned in its footer. The page's own content is wrapped in q … Q first, so
    whatever graphics state it leaves cannot move the number; nothing in it is parsed or rewritten."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject
    path = font_file()
    if path is None:
        raise RuntimeError(f"no font file found for {FONT_FAMILY} (install fonts-dejavu-core)")
    characters = "".join(sorted(set("".join(texts))))
    font = subset_font(str(path), characters)
    font_ref = _font_object(writer, font)

    def stream(data: bytes):
        item = DecodedStreamObject()
        item.set_data(data)
        return writer._add_object(item)

    opening = stream(b"q\n")
    for page, text in zip(writer.pages, texts):
        if not text:
            continue
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        right, baseline = LANDSCAPE if width > height else PORTRAIT
        x = width - right - font.width(text)
        drawing = (f"Q\nq BT {FONT_NAME} {FONT_SIZE} Tf {GREY} g {x:.2f} {baseline:.2f} Td ".encode("ascii")
                   + _pdf_string(text) + b" Tj ET Q\n")
        contents = page.get("/Contents")
        existing = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([opening, *existing, stream(drawing)])
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        if fonts is None:
            resources[NameObject("/Font")] = DictionaryObject({NameObject(FONT_NAME): font_ref})
        else:
            fonts.get_object()[NameObject(FONT_NAME)] = font_ref


@functools.lru_cache(maxsize=32)
def _reader(data: bytes):
    """One parsed reader per body, shared by every document cut from it or joining it (a module's sessions and
    handouts, its pack, the complete manual): pypdf reads a body's whole page tree before it can take any page
    from it, and that was most of the time spent cutting. Readers are only read; writers copy what they take."""
    from pypdf import PdfReader
    return PdfReader(io.BytesIO(data))


def join(pieces: list[tuple[bytes, int, int]], texts: list[str], outline: list[OutlineEntry],
         links: list[InternalLink], metadata: dict, lang: str) -> bytes:
    """One document from pieces of rendered bodies, in order — (body, first page, last page), 0-based and
    inclusive: each page's number (`texts`) written on, the outline built from `outline` (levels nest under the
    nearest lower level) and `links` written as explicit destinations. Pieces of the same body share one reader,
    so the fonts and images they use are written once (and the body is parsed once per process: _reader)."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, NameObject, TextStringObject

    writer = PdfWriter()
    for data, first, last in pieces:
        writer.append(_reader(data), pages=(first, last + 1), import_outline=False)
    _number_pages(writer, texts)
    heights = [float(page.mediabox.height) for page in writer.pages]
    parents: dict[int, object] = {}
    for entry in outline:
        parent = next((parents[level] for level in range(entry.level - 1, 0, -1) if level in parents), None)
        item = writer.add_outline_item(entry.title, entry.page, parent=parent,
                                       fit=Fit.xyz(left=entry.x, top=heights[entry.page] - entry.y, zoom=0))
        parents[entry.level] = item
        for deeper in [level for level in parents if level > entry.level]:
            del parents[deeper]
    for link in links:
        x, y, width, height = link.rect
        top = heights[link.page]
        writer.add_annotation(link.page, Link(rect=(x, top - y - height, x + width, top - y),
                                              target_page_index=link.target_page,
                                              fit=Fit.xyz(left=link.target_x, top=heights[link.target_page] - link.target_y, zoom=0)))
    writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.page_mode = "/UseOutlines"
    return _write(writer)
