"""The complete facilitator manual: cover and contents, the framing chapters (settings: pdf.front_pages and
pdf.back_pages), every module's document (opening, sessions, handouts marked as such), the back cover (where to get
help, who made it, under which licence); bookmarks down to each session's sections and activities, the contents
clickable, page numbers from the contents page on. The cover and contents are its Front: drawn once every page
number is known."""
from __future__ import annotations

from markupsafe import Markup

from ...pdf_compose import OutlineEntry
from ...views import programme_view, schedule_view
from ..model import Document, Front, Output, Part
from ..product import Product
from ..source import module_document, sheet_start

BACK_COVER = "back-cover"
# Framing pages whose body is generated print their tables too: page stem -> (template, view key).
GENERATED = {"programa": ("manual/_programme_body.html", "programme"), "horario": ("manual/_schedule_body.html", "schedule")}


def chapter_document(stem: str) -> str:
    return f"chapter-{stem}"


class CompleteManual(Product):
    def paths(self, manual, lang, labels):
        return {"manual": f"pdf/{labels['pdf_manual']}.pdf"}

    def documents(self, source):
        return {**source.module_documents, **{chapter_document(stem): document for stem, (_title, document)
                                              in chapters(source).items()},
                BACK_COVER: Document(source.render("print/manual.html", manual=source.base_view, doc=source.doc(
                    "manual", source.site_name, part="back", publisher=source.publisher)))}

    def outputs(self, source):
        labels, settings, lang = source.labels, source.settings, source.lang
        found, names, contents = chapters(source), [], []

        def chapter(stem):
            if stem in found:
                names.append(chapter_document(stem))
                contents.append({"level": 1, "kind": "chapter", "title": found[stem][0], "anchor": stem})

        for stem in settings.pdf.get("front_pages", []):
            chapter(stem)
        for module in source.manual.of(lang, "module"):
            names.append(module_document(module.id))
            contents.append({"level": 1, "kind": "module", "anchor": module.id,
                             "title": f"{labels['module']} {module.meta['order']}: {module.meta['title']}"})
            contents += [{"level": 2, "kind": "session", "anchor": sheet_start(session.id),
                          "title": f"{module.meta['order']}.{session.meta['order']} {session.meta['title']}"}
                         for session in source.of_module("session", module.id)]
            contents += [{"level": 2, "kind": "handout", "anchor": sheet_start(handout.id), "title": handout.meta["title"]}
                         for handout in source.of_module("handout", module.id)]
        for stem in settings.pdf.get("back_pages", []):
            chapter(stem)
        names.append(BACK_COVER)
        title = f"{source.site_name} — {labels['manual_edition']}"

        def front(numbered: list[dict]) -> str:
            doc = {"lang": lang, "kind": "manual", "title": title, "author": source.author, "description": "",
                   "running_title": title, "site_name": source.site_name, "part": "front", "contents": numbered,
                   "edition": source.edition, "publisher": source.publisher}
            return source.render("print/manual.html", doc=doc, manual=source.base_view)

        return [Output("manual", title, tuple(Part(name) for name in names), shift=0, first_numbered=1,
                       front=Front(tuple(contents), front, (OutlineEntry(1, labels["contents"], 1, 0, 0),)))]


def chapters(source) -> dict[str, tuple[str, Document]]:
    """The framing chapters that exist in the language: stem -> (title, document)."""
    return source.once("chapters", lambda: _chapters(source))


def _chapters(source) -> dict[str, tuple[str, Document]]:
    found, lang = {}, source.lang
    for stem in source.settings.pdf.get("front_pages", []) + source.settings.pdf.get("back_pages", []):
        entry = source.pages.get(f"{stem}.{lang}.md")
        if entry is None:
            continue
        body = source.content(f"{stem}.{lang}.md", stem) + _generated(source, stem)
        chapter = {"anchor": stem, "title": entry["title"], "content": Markup(body)}
        found[stem] = (entry["title"], Document(source.render("print/manual.html", manual=source.base_view,
                                                               doc=source.doc("manual", entry["title"], part="chapter", chapter=chapter))))
    return found


def _generated(source, stem: str) -> Markup:
    if stem not in GENERATED:
        return Markup("")
    template, key = GENERATED[stem]
    view = {**source.base_view, "anchor_prefix": f"{stem}-"}  # unique in the joined manual (m01 is also a module's anchor)
    view[key] = (programme_view(source.manual, source.lang) if key == "programme"
                 else schedule_view(source.manual, source.lang, source.labels, source.settings.schedule))
    return Markup(source.render(template, manual=view))
