"""Tagged PDFs (issue 27): every PDF of the fixture manual, in both languages — a session's or handout's own sheet
cut from its module's document, a pack joined from several, the complete manual — carries the structure a
screen reader reads (headings, paragraphs, tables, lists, links), and only for its own pages (read with pypdf)."""
from __future__ import annotations

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NullObject

from helpers import FIXTURE, make_project, mkdocs_build

PREFIX = {"es": "", "en": "en/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tagged")
    build = mkdocs_build(make_project(folder / "p", FIXTURE), folder / "site", SOURCE_DATE_EPOCH="1700000000")
    assert build.returncode == 0, build.output
    return build


def elements(node, found=None):
    """Every structure element under `node`, depth first (the reading order)."""
    found = [] if found is None else found
    node = node.get_object()
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []):
        if isinstance(kid, IndirectObject) or isinstance(kid, DictionaryObject):
            kid = kid.get_object()
            if kid.get("/Type") in ("/OBJR", "/MCR"):
                continue
            found.append(kid)
            elements(kid, found)
    return found


def all_pdfs(build, lang):
    catalog = build.catalog(lang)
    named = [s["pdf"] for s in catalog["sessions"]] + [h["pdf"] for h in catalog["handouts"]]
    return named + list(catalog["pdfs"]["packs"].values()) + [catalog["pdfs"]["manual"]]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_pdf_is_tagged_for_its_own_pages(site, lang):
    pdfs = all_pdfs(site, lang)
    assert len(pdfs) >= 4
    for rel in pdfs:
        pdf = PdfReader(site.site / PREFIX[lang] / rel)
        root = pdf.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True, rel  # noqa: E712
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], rel
        tree = root["/StructTreeRoot"]
        document = tree["/K"][0].get_object()
        assert document["/S"] == "/Document", rel
        found = elements(document)
        own_pages = {page.indirect_reference.idnum for page in pdf.pages}
        drawn_on = {element.raw_get("/Pg").idnum for element in found if "/Pg" in element}
        assert drawn_on == own_pages, rel  # every page has its structure, and none refers to another document's
        nums = tree["/ParentTree"]["/Nums"]
        keys = {int(nums[i]) for i in range(0, len(nums), 2)}
        assert {int(page["/StructParents"]) for page in pdf.pages} <= keys, rel
        roles = {str(element["/S"]) for element in found}
        assert "/P" in roles and roles & {"/H1", "/H2", "/H3"}, (rel, roles)
        for page in pdf.pages:  # the page's text is reached from its elements
            marked = nums[[int(n) for n in nums[::2]].index(int(page["/StructParents"])) * 2 + 1]
            assert any(ref is not None and not isinstance(ref, NullObject) for ref in marked), rel


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_session_sheet_keeps_its_headings_tables_and_links_tagged(site, lang):
    session = site.catalog(lang)["sessions"][0]
    pdf = PdfReader(site.site / PREFIX[lang] / session["pdf"])
    roles = [str(element["/S"]) for element in elements(pdf.trailer["/Root"]["/StructTreeRoot"]["/K"][0])]
    assert "/Table" in roles and "/TH" in roles and "/TD" in roles  # the agenda
    assert roles.index("/H1") < roles.index("/Table")  # reading order: the title before the agenda
    kinds = []
    for page in pdf.pages:  # every link, to the web or (written again by the join) inside the sheet, is reached
        for annotation in page.get("/Annots", []):  # from its text's element
            annotation = annotation.get_object()
            kinds.append("web" if "/A" in annotation else "inside")
            assert "/StructParent" in annotation, annotation
    assert "inside" in kinds  # the agenda links to its activities
