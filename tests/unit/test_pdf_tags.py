"""The structure for screen readers follows the pages when sheets are cut from a rendered body and joined
(pdf_compose.join, pdf_tags.carry_structure): read back with pikepdf."""
from __future__ import annotations

import io
import warnings

import pikepdf
import pytest
import weasyprint

from manualgen.pdf_compose import join

HTML = """<html lang="es"><body>
<h1>Sesión uno</h1><p>Texto con <a href="https://www.gob.pe/mimp">un enlace</a> y <a href="#dos">otro interno</a>.</p>
<table><tr><th>Actividad</th></tr><tr><td>Bienvenida</td></tr></table>
<h2 id="dos" style="break-before: page">Ficha</h2><p>Segunda página.</p>
<img alt="Un grupo en círculo" src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>">
<p style="break-before: page">Tercera página.</p></body></html>"""


@pytest.fixture(scope="module")
def body() -> bytes:
    return weasyprint.HTML(string=HTML).render().write_pdf(pdf_tags=True)


def joined(pieces, pages) -> pikepdf.Pdf:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pikepdf's note on copying pages: the links are written again by join
        data = join(pieces, [f"{n + 1}" for n in range(pages)], [], [], {"Title": "x"}, "es")
    return pikepdf.open(io.BytesIO(data))


def walk(element, page_of, out):
    """(role, page index, kids as MCIDs or roles) of every element, in reading order."""
    kids = element.get("/K")
    kids = [] if kids is None else (list(kids) if isinstance(kids, pikepdf.Array) else [kids])
    shown = []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
            shown.append("link annotation")
        elif isinstance(kid, pikepdf.Dictionary):
            shown.append(str(kid.S))
        else:
            shown.append(int(kid))
    out.append((str(element.S), page_of.get(element.Pg.objgen) if "/Pg" in element else None, shown))
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
            walk(kid, page_of, out)
    return out


def test_a_sheet_cut_from_the_middle_carries_its_pages_structure_only(body):
    pdf = joined([(body, 1, 2)], 2)
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    tree = pdf.Root.StructTreeRoot
    found = walk(tree.K[0], page_of, [])
    assert [(role, page) for role, page, _ in found] == [
        ("/Document", None), ("/H2", 0), ("/P", 0), ("/NonStruct", 0), ("/Figure", 0), ("/P", 1)]
    assert pdf.Root.MarkInfo.Marked is True and pdf.Root.ViewerPreferences.DisplayDocTitle is True
    figure = next(e for e in tree.K[0].K if e.S == "/NonStruct").K[0]
    assert figure.Alt == "Un grupo en círculo"
    # Each page's marked content leads back to its element.
    nums = tree.ParentTree.Nums
    assert [int(page.obj.StructParents) for page in pdf.pages] == [0, 1] == [int(nums[0]), int(nums[2])]
    assert str(nums[1][0].S) == "/H2" and str(nums[3][0].S) == "/P"


def test_pieces_joined_out_of_order_read_in_page_order_and_keep_web_links(body):
    pdf = joined([(body, 2, 2), (body, 0, 0)], 2)
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    found = walk(pdf.Root.StructTreeRoot.K[0], page_of, [])
    assert [role for role, _, _ in found][:4] == ["/Document", "/P", "/H1", "/P"]
    assert [page for _, page, _ in found[1:]] == sorted(page for _, page, _ in found[1:])
    links = [kids for role, _, kids in found if role == "/Link"]
    # The web link keeps its annotation; the internal one (written again by join, elsewhere) keeps its text only.
    assert links == [["link annotation", 2], [4]]
    annotation = next(a for a in pdf.pages[1].obj.Annots if "/A" in a)
    entry = dict(zip([int(n) for n in pdf.Root.StructTreeRoot.ParentTree.Nums[::2]],
                     pdf.Root.StructTreeRoot.ParentTree.Nums[1::2]))[int(annotation.StructParent)]
    assert entry.S == "/Link"
    table = [kids for role, _, kids in found if role in ("/TH", "/TD")]
    assert len(table) == 2 and all(len(kids) == 1 and isinstance(kids[0], int) for kids in table)  # text straight
    # in its cell: WeasyPrint's bare spans said nothing to a screen reader


def test_same_pieces_same_bytes_and_an_untagged_body_stays_untagged(body):
    first = joined([(body, 0, 1)], 2)
    again = joined([(body, 0, 1)], 2)
    saved = [io.BytesIO(), io.BytesIO()]
    first.save(saved[0], deterministic_id=True)
    again.save(saved[1], deterministic_id=True)
    assert saved[0].getvalue() == saved[1].getvalue()
    plain = weasyprint.HTML(string=HTML).render().write_pdf()
    untagged = joined([(plain, 0, 0), (body, 1, 1)], 2)  # one piece without structure: none is claimed
    assert "/StructTreeRoot" not in untagged.Root and "/MarkInfo" not in untagged.Root


def test_table_header_ids_stay_paired_and_differ_between_joined_bodies(body):
    other = weasyprint.HTML(string=HTML.replace("Sesión uno", "Sesión dos")).render().write_pdf(pdf_tags=True)
    pdf = joined([(body, 0, 0), (other, 0, 0)], 2)
    cells = []

    def collect(element):
        if element.get("/S") in ("/TH", "/TD"):
            cells.append(element)
        kids = element.get("/K")
        for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
                collect(kid)
    collect(pdf.Root.StructTreeRoot.K[0])
    headers = [str(c.ID) for c in cells if c.S == "/TH"]
    assert len(headers) == 2 and len(set(headers)) == 2  # the same table in two bodies: two ids
    assert [[str(h) for h in c.A.Headers] for c in cells if c.S == "/TD"] == [[headers[0]], [headers[1]]]
    # Two bodies number their objects alike: each page still gets its own body's elements and links.
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    found = walk(pdf.Root.StructTreeRoot.K[0], page_of, [])
    assert [(role, page) for role, page, _ in found if role in ("/H1", "/Link")] == [
        ("/H1", 0), ("/Link", 0), ("/Link", 0), ("/H1", 1), ("/Link", 1), ("/Link", 1)]
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    entries = dict(zip([int(n) for n in nums[::2]], nums[1::2]))
    for index, page in enumerate(pdf.pages):
        annotation = next(a for a in page.obj.Annots if "/A" in a)
        assert page_of[entries[int(annotation.StructParent)].Pg.objgen] == index


def test_an_internal_link_written_again_by_the_join_is_reached_from_its_text(tmp_path):
    from manualgen.pdf import render_body
    from manualgen.pdf_compose import InternalLink
    data, meta = render_body(HTML, tmp_path)
    [(page, x, y, width, height, target)] = meta["links"]
    to_page, to_x, to_y = meta["anchors"][target]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pdf = pikepdf.open(io.BytesIO(join([(data, 0, 1)], ["1", "2"], [], [InternalLink(page, (x, y, width, height),
                                                                                          to_page, to_x, to_y)],
                                           {"Title": "x"}, "es")))
    written = next(a for a in pdf.pages[0].obj.Annots if "/Dest" in a)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    element = dict(zip([int(n) for n in nums[::2]], nums[1::2]))[int(written.StructParent)]
    assert element.S == "/Link" and any(isinstance(kid, pikepdf.Dictionary) and kid.Obj == written for kid in element.K)
