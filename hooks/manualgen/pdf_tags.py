"""Tagged PDFs (structure for screen readers) through the cutting and joining of pdf_compose.

WeasyPrint writes the structure (pdf_tags) of each rendered body: a StructTreeRoot whose Document element lists,
page by page, elements that never span pages (each has the /Pg it is drawn on; a paragraph broken across pages
is two), and a ParentTree mapping each page's marked content (MCID) and each link annotation back to its element.
Copying pages (qpdf) leaves all that behind, so a cut sheet or a joined pack used to be untagged. Because the
elements are page-local, a document made of pages of several bodies gets its structure by copying, for each page
it takes, the elements drawn on that page, with their references pointed at the new page and annotations:
nothing is re-rendered and the reading order is the pages' order."""
from __future__ import annotations

from dataclasses import dataclass

from pikepdf import Array, Dictionary, Name, Object, String  # imported when a PDF is joined (pdf_compose._join)

from .pdf_compose import OPEN_BODIES


def carry_structure(pdf, taken: list[tuple[object, object, object]], annotations: dict) -> bool:
    """Give `pdf` (pikepdf, its pages already copied) the structure of its source pages. `taken` lists, in
    page order, (source Pdf, source page, new page) of pikepdf objects; `annotations` maps (page index, source
    annotation's objgen) to the annotation that stands for it on the new page (a link with none leaves its text
    tagged, without it). False, and nothing written, when a source has no structure: no page is then said to be
    tagged."""

    read = [_read_source(source) for source, _, _ in taken]
    if not taken or any(found is None for found in read):
        return False
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    nums = Array()
    copier = _Copier(pdf, annotations)
    bodies: list[int] = []  # the sources in the order they first appear: table header ids are made unique per body
    for index, ((source, source_page, page), (elements, marked_of)) in enumerate(zip(taken, read)):
        if id(source) not in bodies:
            bodies.append(id(source))
        copier.page_map, copier.copied, copier.position = {source_page.objgen: page}, {}, index
        copier.id_prefix = f"{bodies.index(id(source))}-"
        for element in elements.get(source_page.objgen, ()):
            document.K.append(copier.element(element, document))  # append: extend rebuilds the whole array
        marked = marked_of.get(int(source_page.get("/StructParents", -1)))
        nums.append(index)
        nums.append(Array([copier.copied.get(ref) for ref in (marked or ())]))
        page.StructParents = index
    key = len(taken)
    linked = set()
    for annotation, element in copier.linked:
        annotation.StructParent = key
        nums.append(key)  # append, not extend: pikepdf's extend rebuilds the whole array each time
        nums.append(element)
        linked.add(annotation.objgen)
        key += 1
    for annotation in annotations.values():  # a kept link whose element was not copied points nowhere
        if annotation.objgen not in linked and "/StructParent" in annotation:
            del annotation.StructParent
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document]),
                                        ParentTree=pdf.make_indirect(Dictionary(Nums=nums)), ParentTreeNextKey=key))
    document.P = tree
    pdf.Root.StructTreeRoot = tree
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    return True


def _is_dict(value) -> bool:
    return isinstance(value, Dictionary)


@dataclass(frozen=True)
class _Element:
    """A source structure element as read once (a body's pages are copied into several documents: a sheet, its
    pack, the complete manual): its attributes as they are, the objgen of its page, its kids — MCIDs (ints),
    elements, ("objr", annotation objgen, page objgen) and ("mcr", MCID, page objgen) — and the bare spans whose
    kids it took (see _read_kids), which stand for it in the ParentTree."""
    objgen: tuple
    attributes: tuple   # (key, value) of the source, /K /P /Pg /Type left out
    page: tuple | None
    kids: tuple
    absorbed: tuple


BARE = ("/Span", "/NonStruct")
PLAIN_KEYS = {"/Type", "/S", "/P", "/Pg", "/K"}
OWN_KEYS = ("/K", "/P", "/Pg", "/Type")
# The structure read from each source body, kept while the body is: {id(body): (body, elements by page, marked)}. The
# entry holds the body itself, so no other object can take its id while it is here.
_READ: dict[int, tuple] = {}


def _read_source(source):
    """The source's elements by the objgen of their page, and its ParentTree as {key: [element objgens]}; None when
    it has no structure."""
    found = _READ.get(id(source))
    if found is None:
        root = source.Root.get("/StructTreeRoot")
        if root is None or root.get("/K") is None:
            return None
        found = (source, _elements_by_page(root), _parent_tree(root))
        if len(_READ) >= OPEN_BODIES:
            del _READ[next(iter(_READ))]
        _READ[id(source)] = found
    return found[1:]


def _elements_by_page(root) -> dict:
    """The elements under the source's Document element (WeasyPrint: one Document, its kids page by page), read,
    by the objgen of the page each is drawn on."""
    kids = root.K
    found: dict = {}
    for document in (list(kids) if not _is_dict(kids) else [kids]):
        inner = document.get("/K")
        for kid in (inner if inner is not None and not _is_dict(inner) else [inner]):
            if _is_dict(kid) and kid.get("/Pg") is not None:
                found.setdefault(kid.Pg.objgen, []).append(_read(kid))
    return found


def _parent_tree(root) -> dict:
    """The ParentTree as {key: [objgen of each element, or None]} (a flat /Nums array, as WeasyPrint writes it)."""
    nums = root.ParentTree.get("/Nums") if root.get("/ParentTree") is not None else None
    if nums is None:
        return {}
    return {int(nums[i]): [ref.objgen if _is_dict(ref) else None for ref in nums[i + 1]] for i in range(0, len(nums) - 1, 2)}


def _read(source) -> _Element:
    items = dict(source.items())
    page = items.get("/Pg")
    page = page.objgen if page is not None else None
    kids, absorbed = [], []
    _read_kids(items.get("/K"), page, kids, absorbed)
    return _Element(source.objgen, tuple((key, value) for key, value in items.items() if key not in OWN_KEYS), page,
                    tuple(kids), tuple(absorbed))


def _read_kids(kids, page, out: list, absorbed: list) -> None:
    """A bare /Span or /NonStruct (no attributes: it says nothing to a screen reader) on the element's page gives
    its kids to the element instead, which halves the elements WeasyPrint writes (one Span per run of text) and
    so the structure's weight in every PDF."""
    kids = [] if kids is None else ([kids] if _is_dict(kids) or not hasattr(kids, "__iter__") else list(kids))
    for kid in kids:
        if not _is_dict(kid):
            out.append(kid)  # an MCID on the element's page
            continue
        kind = kid.get("/Type")
        if kind == Name.OBJR:
            kid_page = kid.get("/Pg")
            out.append(("objr", kid.Obj.objgen, kid_page.objgen if kid_page is not None else None))
        elif kind == Name.MCR:
            kid_page = kid.get("/Pg")
            out.append(("mcr", kid.MCID, kid_page.objgen if kid_page is not None else None))
        elif kid.get("/S") in BARE and set(kid.keys()) <= PLAIN_KEYS and page is not None \
                and kid.get("/Pg") is not None and kid.Pg.objgen == page:
            absorbed.append(kid.objgen)
            _read_kids(kid.get("/K"), page, out, absorbed)
        else:
            out.append(_read(kid))


class _Copier:
    """Copies read structure elements into the new document: /P to the new parent, /Pg to the new page, link
    annotations (OBJR) to their copies; every other key (role, attributes, alternate text, ids) as it is."""

    def __init__(self, pdf, annotations: dict):
        self.pdf, self.annotations = pdf, annotations
        self.page_map: dict = {}
        self.id_prefix = ""         # before each /ID and /Headers: ids of two bodies joined could be the same
        self.position = 0           # the page being copied (its index in the new document)
        self.copied: dict = {}      # source element objgen -> its copy, for that page (numbers repeat across bodies)
        self.linked: list = []      # (new annotation, element whose kid it is)

    def element(self, source: _Element, parent):
        entries = {key: (String(self.id_prefix + str(value)) if key == "/ID" else self._value(value))
                   for key, value in source.attributes}
        entries["/Type"], entries["/P"] = Name.StructElem, parent
        page = self.page_map.get(source.page)
        if page is not None:
            entries["/Pg"] = page
        copy = self.pdf.make_indirect(Dictionary(entries))
        self.copied[source.objgen] = copy
        for absorbed in source.absorbed:
            self.copied[absorbed] = copy
        copy.K = Array([kid for kid in (self._kid(kid, copy) for kid in source.kids) if kid is not None])
        return copy

    def _value(self, value):
        """An attribute's value in the new document: an object of the source copied (qpdf), a direct dictionary
        or array rebuilt around its copied parts (a direct value of another document cannot be placed as it is)."""
        if not isinstance(value, Object):
            return value  # a number or boolean, already a Python value
        if value.is_indirect:
            return self.pdf.copy_foreign(value)
        if isinstance(value, Dictionary):  # a table cell's /Headers name header ids, made unique like them
            return Dictionary({key: (Array([String(self.id_prefix + str(v)) for v in item]) if key == "/Headers"
                                     else self._value(item)) for key, item in value.items()})
        if isinstance(value, Array):
            return Array([self._value(item) for item in value])
        return value

    def _kid(self, kid, parent):
        if isinstance(kid, _Element):
            return self.element(kid, parent)
        if not isinstance(kid, tuple):
            return kid  # an MCID on the element's page
        kind, what, page = kid
        page = self.page_map.get(page)
        if page is None:
            return None
        if kind == "mcr":
            return Dictionary(Type=Name.MCR, MCID=what, Pg=page)
        annotation = self.annotations.get((self.position, what))
        if annotation is None:
            return None
        self.linked.append((annotation, parent))
        return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page)
