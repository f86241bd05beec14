"""Tagged PDFs (structure for screen readers) through the cutting and joining of pdf_compose.

WeasyPrint writes the structure (pdf_tags) of each rendered body: a StructTreeRoot whose Document element lists,
page by page, elements that never span pages (each has the /Pg it is drawn on; a paragraph broken across pages
is two), and a ParentTree mapping each page's marked content (MCID) and each link annotation back to its element.
Copying pages (qpdf) leaves all that behind, so a cut sheet or a joined pack used to be untagged. Because the
elements are page-local, a document made of pages of several bodies gets its structure by copying, for each page
it takes, the elements drawn on that page, with their references pointed at the new page and annotations:
nothing is re-rendered and the reading order is the pages' order."""
from __future__ import annotations

from pikepdf import Array, Dictionary, Name, Object, String  # imported when a PDF is joined (pdf_compose._join)


def carry_structure(pdf, taken: list[tuple[object, object, object]], annotations: dict) -> bool:
    """Give `pdf` (pikepdf, its pages already copied) the structure of its source pages. `taken` lists, in
    page order, (source Pdf, source page, new page) of pikepdf objects; `annotations` maps (page index, source
    annotation's objgen) to the annotation that stands for it on the new page (a link with none leaves its text
    tagged, without it). False, and nothing written, when a source has no structure: no page is then said to be
    tagged."""

    roots = [source.Root.get("/StructTreeRoot") for source, _, _ in taken]
    if not taken or any(root is None or root.get("/K") is None for root in roots):
        return False
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    nums = Array()
    copier = _Copier(pdf, annotations)
    # per source document (not per object number: two bodies number their objects alike): its elements by page,
    # its ParentTree, read once
    pages_of, marked_of = {}, {}
    for index, ((source, source_page, page), root) in enumerate(zip(taken, roots)):
        body = id(source)
        if body not in pages_of:
            pages_of[body], marked_of[body] = _elements_by_page(root), _parent_tree(root)
        copier.page_map, copier.copied, copier.position = {source_page.objgen: page}, {}, index
        copier.id_prefix = f"{list(pages_of).index(body)}-"  # table header ids are per body
        for element in pages_of[body].get(source_page.objgen, []):
            document.K.append(copier.element(element, document))
        marked = marked_of[body].get(int(source_page.get("/StructParents", -1)))
        nums.append(index)
        nums.append(Array([copier.copied[ref.objgen] if _is_dict(ref) and ref.objgen in copier.copied else None
                           for ref in (marked or [])]))
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


def _elements_by_page(root) -> dict:
    """The elements under the source's Document element (WeasyPrint: one Document, its kids page by page), by
    the objgen of the page each is drawn on."""
    kids = root.K
    found: dict = {}
    for document in (list(kids) if not _is_dict(kids) else [kids]):
        inner = document.get("/K")
        for kid in (inner if inner is not None and not _is_dict(inner) else [inner]):
            if _is_dict(kid) and kid.get("/Pg") is not None:
                found.setdefault(kid.Pg.objgen, []).append(kid)
    return found


def _parent_tree(root) -> dict:
    """The ParentTree as {key: value} (a flat /Nums array, as WeasyPrint writes it)."""
    nums = root.ParentTree.get("/Nums") if root.get("/ParentTree") is not None else None
    return {} if nums is None else {int(nums[i]): nums[i + 1] for i in range(0, len(nums) - 1, 2)}


BARE = ("/Span", "/NonStruct")
PLAIN_KEYS = {"/Type", "/S", "/P", "/Pg", "/K"}


def _same_page(element, parent) -> bool:
    return (element.get("/Pg") is not None and parent.get("/Pg") is not None
            and element.Pg.objgen == parent.Pg.objgen)


class _Copier:
    """Copies structure elements into the new document: /P to the new parent, /Pg to the new page, link
    annotations (OBJR) to their copies; every other key (role, attributes, alternate text, ids) as it is."""

    def __init__(self, pdf, annotations: dict):
        self.pdf, self.annotations = pdf, annotations
        self.page_map: dict = {}
        self.id_prefix = ""         # before each /ID and /Headers: ids of two bodies joined could be the same
        self.position = 0           # the page being copied (its index in the new document)
        self.copied: dict = {}      # source element objgen -> its copy, for that page (numbers repeat across bodies)
        self.linked: list = []      # (new annotation, element whose kid it is)

    def element(self, source, parent):
        copy = self.pdf.make_indirect(Dictionary(Type=Name.StructElem))
        self.copied[source.objgen] = copy
        for key, value in source.items():
            if key in ("/K", "/P", "/Pg", "/Type"):
                continue
            copy[key] = self._value(value) if key != "/ID" else String(self.id_prefix + str(value))
        copy.P = parent
        page = self._page(source.get("/Pg"))
        if page is not None:
            copy.Pg = page
        copy.K = Array(self._kids(source, copy))
        return copy

    def _kids(self, source, copy) -> list:
        """The copied kids of `source` under `copy`. A bare /Span or /NonStruct (no attributes: it says nothing
        to a screen reader) on the same page gives its kids to `copy` instead, which halves the elements
        WeasyPrint writes (one Span per run of text) and so the structure's weight in every PDF."""
        kids = source.get("/K")
        kids = [] if kids is None else ([kids] if _is_dict(kids) or not hasattr(kids, "__iter__") else list(kids))
        found = []
        for kid in kids:
            if _is_dict(kid) and kid.get("/S") in BARE and set(kid.keys()) <= PLAIN_KEYS and _same_page(kid, source):
                self.copied[kid.objgen] = copy
                found += self._kids(kid, copy)
                continue
            kid = self._kid(kid, copy)
            if kid is not None:
                found.append(kid)
        return found

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

    def _page(self, page):
        return None if page is None else self.page_map.get(page.objgen)

    def _kid(self, kid, parent):
        if not _is_dict(kid):
            return kid  # an MCID on the element's page
        kind = kid.get("/Type")
        if kind == Name.OBJR:
            annotation = self.annotations.get((self.position, kid.Obj.objgen))
            page = self._page(kid.get("/Pg"))
            if annotation is None or page is None:
                return None
            self.linked.append((annotation, parent))
            return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page)
        if kind == Name.MCR:
            page = self._page(kid.get("/Pg"))
            return None if page is None else Dictionary(Type=Name.MCR, MCID=kid.MCID, Pg=page)
        return self.element(kid, parent)
