"""Turn manual pages into facilitator-ready pages: typed blocks become styled boxes, [[fact:ID]]
becomes a sourced figure, and session/module/handout/programme pages get their template data."""
from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink

import build_state
import framing_views
import language_views
import loaded_manual
import manual_settings
import reporting
from manualgen.paper import mark_ticked
from manualgen.pipeline import page_markdown
from manualgen.templating import escaped_values
from manualgen.typography import smart_quotes, smart_quotes_html
from manualgen.views import handout_view, home_view, module_view, session_view

TEMPLATES = {"session": "manual/session.html", "module": "manual/module.html", "handout": "manual/handout.html"}


def manual_page(page, config):
    """The validated Page behind a MkDocs page in modules/, or None for framing pages."""
    s = manual_settings.settings(config)
    src = page.file.src_uri
    prefix = s.modules_dir + "/"
    if not src.startswith(prefix):
        return None
    lang = manual_settings.current_language(config)
    key = src[len(prefix):].rsplit(".", 2)[0]
    return loaded_manual.loaded(config).manual.by_key(lang, key)


@reporting.reported
def on_page_markdown(markdown, page, config, files):
    data = loaded_manual.loaded(config)
    lang = manual_settings.current_language(config)
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        if lang in data.settings.typographic_quotes:
            title = smart_quotes(title)
        # Material prints titles raw (navigation, <title>, search): it gets them escaped once, here.
        page.meta["title"] = escape(title)
    found = manual_page(page, config)
    if found is not None:
        page.meta["template"] = TEMPLATES[found.type]
    else:
        # A framing page's other values (validated by the schema's `framing` definition) reach Material's
        # templates, which print them raw (a description in <meta>): escaped once, here, like the title.
        page.meta.update({key: escaped_values(value) for key, value in page.meta.items() if key not in ("title", "template")})
    return page_markdown(markdown, found, lang, data.labels[lang], language_views.reference_renderers(config, lang), data.schema)


def _template_headings(page, before: list[tuple[str, str]], after: list[tuple[str, str]]) -> None:
    """Headings the page template writes around the content, added to the page's table of contents (MkDocs
    builds it from the Markdown only), so they can be jumped to and linked like any other."""
    page.toc.items[:0] = [AnchorLink(escape(title), anchor, 2) for title, anchor in before]
    page.toc.items.extend(AnchorLink(escape(title), anchor, 2) for title, anchor in after)


@event_priority(-60)  # after rendered_check (-50): aggregate pages and PDFs reuse the allow-listed HTML
@reporting.reported
def on_page_content(html, page, config, files):
    lang = manual_settings.current_language(config)
    html = mark_ticked(html)  # our own class, added after the allow-list checked the page (rendered_check, -50)
    if lang in loaded_manual.loaded(config).settings.typographic_quotes:
        html = smart_quotes_html(html)  # text only: tags, attributes and code stay as they are
    build_state.rendered.setdefault(lang, {})[page.file.src_uri] = {"html": html, "url": page.url, "title": page.title}
    return html


@reporting.reported
def on_page_context(context, page, config, nav):
    data = loaded_manual.loaded(config)
    lang = manual_settings.current_language(config)
    labels = data.labels[lang]
    view = {"labels": labels, "prefix": manual_settings.language_prefix(lang, config),
            "helplines": language_views.helplines_view(config, lang), "lang": lang, "print": False,
            # where search looks when this language has nothing for a query (search-setup.js)
            "other_prefix": next((manual_settings.language_prefix(other, config)
                                  for other in manual_settings.settings(config).languages if other != lang), None)}
    if config.site_url:  # the published site: the same page in each language, for search engines (main.html)
        view["alternates"] = language_views.alternates(config, page.url, view["prefix"])
    found = manual_page(page, config)
    view.update(language_views.pdf_links(config, lang, found.id if found is not None else None))
    if found is not None and found.type == "session":
        view["session"] = session_view(found, data.manual, lang, labels)
        _template_headings(page, [(labels["objectives"], "objetivos"), (labels["agenda"], "agenda"),
                                  (labels["materials"], "materiales"), (labels["preparation"], "preparacion")],
                           [(labels["handouts"], "fichas")])
    elif found is not None and found.type == "module":
        view["module"] = module_view(found, data.manual, lang)
        after = [(labels["module_sessions"], "sesiones")] + ([(labels["module_handouts"], "fichas")] if view["module"]["handouts"] else [])
        _template_headings(page, [(labels["objectives"], "objetivos")], after)
    elif found is not None and found.type == "handout":
        view["handout"] = handout_view(found, data.manual, lang, data.settings.attendance_rows,
                                       data.settings.sign_in_rows, tuple(data.settings.home.get("help", [])))
    template = page.meta.get("template")
    if template == "manual/home.html":
        pages = [(p.file.src_uri.rsplit("/", 1)[-1].split(".")[0], p.title, p.url) for p in nav.pages]
        try:
            view["home"] = home_view(pages, data.settings.home, language_views.catalog(config, lang), view["helplines"])
        except ValueError as problem:
            raise PluginError(str(problem)) from None
        _template_headings(page, [(labels["home_about"], "sobre-el-manual")], [])
    elif template:
        view.update(framing_views.framing_view(template, page, config, lang))
    context["manual"] = view
    return context
