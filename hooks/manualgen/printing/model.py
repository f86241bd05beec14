"""The print document model, pure page arithmetic: no MkDocs, no WeasyPrint, no qpdf.

A product declares Outputs; an Output is Parts of drawn documents (a whole document, or one sheet of it: from the
sheet's start anchor to the next sheet's). Once a document is drawn its description (manualgen.pdf.render_body:
page count, anchors, bookmarks, internal links) turns each Part into a Piece — a page span — and the joined
document's page texts ("Page i of N"), outline and internal links follow from the pieces in order."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..pdf_compose import InternalLink, OutlineEntry

FRONT_ENTRIES_PER_PAGE = 36  # contents lines on an A4 page (print.css .toc), for a first guess of its length


@dataclass(frozen=True)
class Document:
    """An HTML document to draw, and the anchors where the sheets cut from it start (a module's sessions and
    handouts); a document printed whole has none."""
    html: str
    sheets: tuple[str, ...] = ()


@dataclass
class Body:
    """A document being made: its HTML, cache key, and once drawn its PDF and description (render_body)."""
    html: str
    key: str
    sheets: tuple[str, ...] = ()
    data: bytes | None = None
    meta: dict | None = None


@dataclass(frozen=True)
class Part:
    """What an output takes from a document: all of it, or the sheet starting at `sheet` (one of its `sheets`)."""
    body: str
    sheet: str | None = None


@dataclass(frozen=True)
class Piece:
    """Pages first..last (0-based, inclusive) of a drawn document."""
    body: str
    first: int
    last: int

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Front:
    """An opening drawn after everything else (a cover and contents with page numbers): `contents` are entries
    (level, kind, title, anchor), `html(numbered)` the opening's HTML for those entries with their
    `page` filled in; `outline` comes before the parts' own bookmarks (e.g. the contents page)."""
    contents: tuple[dict, ...]
    html: Callable[[list[dict]], str]
    outline: tuple[OutlineEntry, ...] = ()


@dataclass(frozen=True)
class Output:
    """One PDF a product makes: `key` names its path (the product's paths()), `title` its PDF title, `parts` its
    pages in order. Each part's bookmarks move `shift` levels (-1: a sheet's title becomes a top bookmark); pages
    are numbered from `first_numbered` on, or not at all when not `numbered` (a wall sheet). With a `front`, the
    front is drawn last and put before the parts.
    `preview`: made by `make serve` too (from one document, without waiting for the rest)."""
    key: str
    title: str
    parts: tuple[Part, ...]
    shift: int = -1
    first_numbered: int = 0
    numbered: bool = True
    front: Front | None = None
    preview: bool = False

    @property
    def bodies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(part.body for part in self.parts))


def piece_of(part: Part, body: Body) -> Piece:
    """A part's pages once its document is drawn: all of them, or its sheet's — from the sheet's start to the page
    before the next sheet's start in that document."""
    meta = body.meta
    if part.sheet is None:
        return Piece(part.body, 0, meta["pages"] - 1)
    first = meta["anchors"][part.sheet][0]
    starts = sorted({meta["anchors"][anchor][0] for anchor in body.sheets if anchor in meta["anchors"]})
    later = [page for page in starts if page > first]
    return Piece(part.body, first, later[0] - 1 if later else meta["pages"] - 1)


def page_texts(page_of: str, total: int, first_numbered: int = 0, numbered: bool = True) -> list[str]:
    """Each page's footer number from the label (e.g. "Page {page} of {pages}"); pages before `first_numbered`
    (a cover) have none, nor has any page of a document not `numbered`."""
    return ["" if index < first_numbered or not numbered else page_of.format(page=index + 1, pages=total) for index in range(total)]


def outline_of(piece: Piece, meta: dict, start: int, shift: int = 0) -> list[OutlineEntry]:
    """A piece's bookmarks (from its headings, print.css) placed at `start` in a larger document, levels moved;
    a bookmark moved above the top level is dropped."""
    return [OutlineEntry(level + shift, label, start + page - piece.first, x, y)
            for level, label, page, x, y in meta["bookmarks"]
            if piece.first <= page <= piece.last and level + shift >= 1]


def outline(pieces: list[Piece], metas: dict[str, dict], shift: int, first: tuple[OutlineEntry, ...] = ()) -> list[OutlineEntry]:
    """The joined document's outline: `first`, then every piece's bookmarks in order."""
    entries, start = list(first), 0
    for piece in pieces:
        entries += outline_of(piece, metas[piece.body], start, shift)
        start += piece.length
    return entries


def anchor_pages(pieces: list[Piece], metas: dict[str, dict], start: int = 0) -> dict[str, tuple[int, float, float]]:
    """Where each anchor of the pieces lands in the joined document (page, x, y), the first one of a name winning."""
    anchors = {}
    for piece in pieces:
        for name, (page, x, y) in metas[piece.body]["anchors"].items():
            if piece.first <= page <= piece.last:
                anchors.setdefault(name, (start + page - piece.first, x, y))
        start += piece.length
    return anchors


def links(pieces: list[Piece], metas: dict[str, dict]) -> list[InternalLink]:
    """The pieces' internal links (agenda to activity, contents to chapter) pointed anew in the joined document;
    a link to a page left out is dropped."""
    anchors, found, start = anchor_pages(pieces, metas), [], 0
    for piece in pieces:
        for page, x, y, width, height, target in metas[piece.body]["links"]:
            if piece.first <= page <= piece.last and target in anchors:
                to_page, to_x, to_y = anchors[target]
                found.append(InternalLink(start + page - piece.first, (x, y, width, height), to_page, to_x, to_y))
        start += piece.length
    return found


def numbered_contents(contents: tuple[dict, ...], pieces: list[Piece], metas: dict[str, dict], front_pages: int) -> list[dict]:
    """Contents entries with the printed page number (1-based) of their anchor, the pieces following a front of
    `front_pages` pages; an anchor not found gets "" (drawn without a number)."""
    pages = {name: page + 1 for name, (page, _x, _y) in anchor_pages(pieces, metas, front_pages).items()}
    return [{**entry, "page": pages.get(entry["anchor"], "")} for entry in contents]


def front_pages_guess(entries: int) -> int:
    """A first guess of a front's length: the cover, then the contents at FRONT_ENTRIES_PER_PAGE lines a page."""
    return 1 + -(-entries // FRONT_ENTRIES_PER_PAGE)
