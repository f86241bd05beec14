"""A session's one-page facilitator checklist (before, during, after): its own document, drawn from the session's
data (manualgen.checklist) with overrides/print/checklist.html, one PDF per session in each language."""
from __future__ import annotations

from markupsafe import Markup

from ...checklist import checklist_view
from ..model import Document, Output, Part
from ..product import Product


def checklist_key(session_id: str) -> str:
    return f"checklist-{session_id}"


class FacilitatorChecklist(Product):
    def paths(self, manual, lang, labels):
        return {checklist_key(page.id): f"pdf/{page.id}-{labels['pdf_checklist']}.pdf" for page in manual.of(lang, "session")}

    def documents(self, source):
        return source.once("checklists", lambda: _documents(source))

    def outputs(self, source):
        return [Output(checklist_key(page.id), f"{source.labels['checklist_title']}: {page.meta['title']}",
                       (Part(checklist_key(page.id)),)) for page in source.manual.of(source.lang, "session")]


def _documents(source) -> dict[str, Document]:
    documents = {}
    for page in source.manual.of(source.lang, "session"):
        view = checklist_view(page, source.manual, source.lang, source.labels, source.statement_html,
                              source.settings.checklist)
        title = f"{source.labels['checklist_title']}: {page.meta['title']}"
        # the build's own statements, rendered, as the box prints them: in its two columns
        view["statement_columns"] = {side: [Markup(text) for text in texts]
                                     for side, texts in view["statement_columns"].items()}
        documents[checklist_key(page.id)] = Document(source.render("print/checklist.html", manual=source.base_view,
                                                                   doc=source.doc("session-checklist", title, checklist=view)))
    return documents
