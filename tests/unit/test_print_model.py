"""The print document model without MkDocs or WeasyPrint: parts of drawn documents become page spans, numbered,
outlined and linked in the joined document; a front's contents get their page numbers."""
from manualgen.pdf_compose import InternalLink, OutlineEntry
from manualgen.printing import model
from manualgen.printing.model import Body, Output, Part, Piece


def drawn(pages: int, anchors: dict, sheets=(), bookmarks=(), links=()) -> Body:
    """A drawn document as render_body describes it (no PDF bytes needed for the arithmetic)."""
    return Body("<html>", "key", tuple(sheets), b"", {"pages": pages, "anchors": anchors,
                                                         "bookmarks": list(bookmarks), "links": list(links)})


# A module document: opening on page 0, a session on pages 1-3, a handout on page 4, a form on pages 5-6.
MODULE = drawn(7, {"m01": [0, 0, 0], "s1-titulo": [1, 10, 20], "act-1": [2, 10, 300], "h1-titulo": [4, 10, 20],
                   "f1-titulo": [5, 10, 20]},
               sheets=("s1-titulo", "h1-titulo", "f1-titulo", "missing-titulo"),
               bookmarks=[(1, "Module 1", 0, 0, 0), (1, "Session 1", 1, 10, 20), (2, "Activity 1", 2, 10, 300),
                          (1, "Handout 1", 4, 10, 20), (1, "Form 1", 5, 10, 20), (2, "Part 2", 6, 10, 40)],
               links=[(1, 50, 100, 80, 12, "act-1"), (1, 50, 120, 80, 12, "h1-titulo"), (4, 5, 5, 5, 5, "m01")])


def test_a_sheet_runs_from_its_start_to_the_next_sheet_and_the_last_to_the_end():
    assert model.piece_of(Part("module-m01", "s1-titulo"), MODULE) == Piece("module-m01", 1, 3)
    assert model.piece_of(Part("module-m01", "h1-titulo"), MODULE) == Piece("module-m01", 4, 4)
    assert model.piece_of(Part("module-m01", "f1-titulo"), MODULE) == Piece("module-m01", 5, 6)
    assert model.piece_of(Part("module-m01"), MODULE) == Piece("module-m01", 0, 6)
    assert Piece("x", 5, 6).length == 2


def test_page_numbers_start_where_the_output_says():
    assert model.page_texts("Page {page} of {pages}", 3) == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    assert model.page_texts("Página {page} de {pages}", 3, first_numbered=1) == ["", "Página 2 de 3", "Página 3 de 3"]
    assert model.page_texts("Página {page} de {pages}", 2, numbered=False) == ["", ""]


def test_a_sheet_s_outline_is_its_own_bookmarks_moved_up_a_level():
    metas = {"module-m01": MODULE.meta}
    session = model.piece_of(Part("module-m01", "s1-titulo"), MODULE)
    form = model.piece_of(Part("module-m01", "f1-titulo"), MODULE)
    assert model.outline([session], metas, shift=-1) == [OutlineEntry(1, "Activity 1", 1, 10, 300)]
    # joined after the session's three pages, the form's bookmarks land on pages 3 and 4
    assert model.outline([session, form], metas, shift=0, first=(OutlineEntry(1, "Contents", 0, 0, 0),)) == [
        OutlineEntry(1, "Contents", 0, 0, 0), OutlineEntry(1, "Session 1", 0, 10, 20), OutlineEntry(2, "Activity 1", 1, 10, 300),
        OutlineEntry(1, "Form 1", 3, 10, 20), OutlineEntry(2, "Part 2", 4, 10, 40)]


def test_links_are_pointed_anew_and_links_to_pages_left_out_are_dropped():
    metas = {"module-m01": MODULE.meta}
    session = model.piece_of(Part("module-m01", "s1-titulo"), MODULE)
    handout = model.piece_of(Part("module-m01", "h1-titulo"), MODULE)
    assert model.links([session], metas) == [InternalLink(0, (50, 100, 80, 12), 1, 10, 300)]
    assert model.links([handout, session], metas) == [InternalLink(1, (50, 100, 80, 12), 2, 10, 300),
                                                      InternalLink(1, (50, 120, 80, 12), 0, 10, 20)]


def test_contents_are_numbered_after_the_front_and_a_missing_anchor_has_no_number():
    chapter = drawn(2, {"como-usar": [0, 0, 0]})
    metas = {"chapter": chapter.meta, "module-m01": MODULE.meta}
    pieces = [Piece("chapter", 0, 1), Piece("module-m01", 0, 6)]
    contents = ({"anchor": "como-usar"}, {"anchor": "m01"}, {"anchor": "h1-titulo"}, {"anchor": "gone"})
    numbered = model.numbered_contents(contents, pieces, metas, front_pages=2)
    assert [entry["page"] for entry in numbered] == [3, 5, 9, ""]


def test_the_front_s_first_guess_is_a_cover_and_enough_contents_pages():
    assert model.front_pages_guess(0) == 1
    assert model.front_pages_guess(36) == 2
    assert model.front_pages_guess(37) == 3


def test_an_output_names_each_document_it_takes_from_once_in_order():
    output = Output("pack-m01", "Pack", (Part("module-m01", "h1-titulo"), Part("module-m01", "f1-titulo"), Part("extra")))
    assert output.bodies == ("module-m01", "extra")
