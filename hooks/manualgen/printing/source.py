"""PrintSource: one language's material for the print products — the pages as MkDocs rendered them, the validated
manual, labels, settings and the theme's templates — with the helpers every product's HTML is made with, and the
module documents that session sheets, handouts, packs and the complete manual all cut from. No MkDocs: the hook
fills it in (hooks/pdf_output.py), a test can fill it with a small Jinja environment."""
from __future__ import annotations

from dataclasses import dataclass, field

import segno
from markupsafe import Markup

from .. import paper
from ..pdf import demote_headings, prefix_ids, print_links
from ..safety import statements_as_html
from ..views import attendance_view, session_view
from .model import Document


@dataclass
class PrintSource:
    lang: str
    labels: dict
    manual: object         # manualgen.model.Manual
    settings: object       # manualgen.settings.Settings: modules_dir, pdf, attendance_rows, sign_in_rows, home, schedule
    pages: dict            # rendered pages of the language: source path -> {"html", "url", "title"}
    templates: object      # the theme's Jinja environment, configured as for pages
    prefix: str            # the language's folder in the site ("" or "en/")
    site_url: str | None   # the published site, with a final "/", for printed links and QR codes
    site_name: str
    author: str
    description: str
    publisher: dict        # the covers' organisation, licence and contact
    edition: str           # the complete manual's cover date, in the language's format
    helplines: list = field(default_factory=list)
    print_type: object = None
    references: dict = field(default_factory=dict)  # how [[fact:…]], [[safety:…]]… read (pipeline.reference_renderers)
    _made: dict = field(default_factory=dict, repr=False)

    @property
    def statement_html(self):
        """Safety statement id -> its HTML in the language (None: unknown), for checklists: from the references."""
        return statements_as_html(self.references.get("safety"))

    @property
    def base_view(self) -> dict:
        """What every print template gets as `manual`."""
        return {"labels": self.labels, "helplines": self.helplines, "lang": self.lang, "prefix": self.prefix,
                "print": True, "anchor_prefix": "", "print_type": self.print_type}

    def once(self, name: str, make):
        """`make()` the first time `name` is asked for, the same result after (documents several products share)."""
        if name not in self._made:
            self._made[name] = make()
        return self._made[name]

    def render(self, template: str, **context) -> str:
        return self.templates.get_template(template).render(**context)

    def doc(self, kind: str, title: str, **extra) -> dict:
        """A print template's `doc`: what the document is, its title and running head."""
        return {"lang": self.lang, "kind": kind, "title": title, "author": self.author, "description": self.description,
                "running_title": self.site_name, "site_name": self.site_name, **extra}

    def content(self, src_uri: str, unique: str, demote: int = 0) -> Markup:
        """A rendered page's HTML for print: links made absolute (or plain text), ids made unique with `unique`,
        headings moved down `demote` levels; nothing for a page not rendered."""
        entry = self.pages.get(src_uri)
        if entry is None:
            return Markup("")
        html = prefix_ids(print_links(entry["html"], entry["url"], self.site_url), unique)
        return Markup(demote_headings(html, demote) if demote else html)  # allow-listed page HTML (rendered_check)

    def page_content(self, page, demote: int = 0) -> Markup:
        return self.content(f"{self.settings.modules_dir}/{page.key}.{page.lang}.md", page.id, demote)

    def qr(self, page) -> str | None:
        """A QR code of the page's online address, when the site has one."""
        url = f"{self.site_url}{self.prefix}{page.url}" if self.site_url else None
        return segno.make(url, error="m").svg_data_uri(scale=4, border=1) if url else None

    def of_module(self, page_type: str, module_id: str) -> list:
        return [page for page in self.manual.of(self.lang, page_type) if page.meta["module"] == module_id]

    @property
    def module_documents(self) -> dict[str, Document]:
        return self.once("module documents", lambda: module_documents(self))


def module_document(module_id: str) -> str:
    """The name of a module's document: its opening, sessions and handouts, each starting on a new page."""
    return f"module-{module_id}"


def sheet_start(page_id: str) -> str:
    """The anchor where a session's or handout's pages start in its module's document (print templates)."""
    return f"{page_id}-titulo"


def module_documents(source: PrintSource) -> dict[str, Document]:
    """One document per module — its opening, sessions and handouts — drawn once; a session's or handout's own PDF,
    its module's pack and the complete manual are cut from it."""
    documents, lang, labels, manual = {}, source.lang, source.labels, source.manual
    for module in manual.of(lang, "module"):
        sessions, handouts = source.of_module("session", module.id), source.of_module("handout", module.id)
        items = [{"kind": "session", "item": {"id": page.id, "title": page.meta["title"], "qr": source.qr(page),
                                               "content": Markup(paper.for_paper(source.page_content(page)))},
                  "manual": {**source.base_view, "session": session_view(page, manual, lang, labels),
                             "anchor_prefix": f"{page.id}-"}} for page in sessions]
        items += [{"kind": "handout", "item": _handout_item(source, page, module)} for page in handouts]
        opening = {"anchor": module.id, "order": module.meta["order"], "title": module.meta["title"],
                   "objectives": module.meta["objectives"], "content": source.page_content(module, 1), "items": items}
        html = source.render("print/manual.html", manual=source.base_view,
                             doc=source.doc("manual", module.meta["title"], part="module", module=opening))
        documents[module_document(module.id)] = Document(html, tuple(sheet_start(p.id) for p in sessions + handouts))
    return documents


def _handout_item(source: PrintSource, page, module) -> dict:
    settings = source.settings
    attendance = page.meta.get("sheet") == "attendance"
    return {"id": page.id, "title": page.meta["title"], "kind": page.meta["kind"],
            "audience": page.meta.get("audience", "participants"), "sheet": page.meta.get("sheet"),
            "attendance": attendance_view(source.manual, source.lang, settings.attendance_rows) if attendance else None,
            "sign_in_rows": settings.sign_in_rows, "help": settings.home.get("help", []),
            "module": {"order": module.meta["order"], "title": module.meta["title"]},
            "qr": source.qr(page), "content": Markup(paper.for_paper(source.page_content(page)))}

