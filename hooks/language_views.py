"""What templates and outputs show of the loaded manual in one language: PDF paths, helplines, how references
read, where facts are cited, the catalog and the forms; each computed once per loaded manual (Loaded.computed).
Not a hook itself: hook files import it."""
from __future__ import annotations

import yaml

import build_state
from loaded_manual import loaded
from manual_settings import language_prefix, pdf_enabled, settings
from manualgen import pipeline
from manualgen.catalog import build_catalog
from manualgen.printing.products import pdf_paths
from manualgen.references import citations_of
from manualgen.referrals import service_label
from manualgen.source import split_front_matter
from manualgen.validate import docs_pages
from manualgen.views import format_size, size_mark
from manualgen.web_address import language_alternates


def pdfs(config, lang: str) -> dict[str, str]:
    """PDF paths of the language, relative to its root; empty when PDFs are switched off."""
    if not pdf_enabled():
        return {}
    data = loaded(config)
    key = ("pdfs", lang)
    if key not in data.computed:
        data.computed[key] = pdf_paths(data.manual, lang, data.labels[lang])
    return data.computed[key]


def pdf_links(config, lang: str, page_id: str | None) -> dict:
    """The links a page gives to its own PDF (a session's or a handout's, a module's pack) and to the complete
    manual's: {pdf_url, pdf_size, manual_pdf_url, manual_pdf_size} and a session's wall sheets (`wall`), each only when that PDF is made."""
    paths, prefix, links = pdfs(config, lang), language_prefix(lang, config), {}
    own = paths.get(page_id, paths.get(f"pack-{page_id}")) if page_id is not None else None
    if own is not None:
        links["pdf_url"], links["pdf_size"] = prefix + own, pdf_size_text(lang, own)
    if page_id is not None and f"wall-{page_id}" in paths:  # the session's rotafolio, beside its PDF
        sheets, tiles = paths[f"wall-{page_id}"], paths[f"wall-a4-{page_id}"]
        links["wall"] = {"pdf": prefix + sheets, "pdf_size": pdf_size_text(lang, sheets),
                         "tiles": prefix + tiles, "tiles_size": pdf_size_text(lang, tiles)}
    if "manual" in paths:
        links["manual_pdf_url"], links["manual_pdf_size"] = prefix + paths["manual"], pdf_size_text(lang, paths["manual"])
    return links


def pdf_size_text(lang: str, rel: str) -> str | None:
    """A PDF's size as the page shows it ("1,2 MB"), the mark that stands for it while the PDF is being made, or
    None when there is no such PDF (preview, PDFs off)."""
    if lang in build_state.pdf_sizes_pending:
        return size_mark(rel, lang)
    sizes = build_state.pdf_sizes.get(lang, {})
    return format_size(sizes[rel], lang) if rel in sizes else None


def helplines_view(config, lang: str) -> dict:
    """Every helpline as templates print it: {id: {name, href, purpose}} (tap-to-call links, names in this language)."""
    return {line.id: {"name": line.name[lang], "href": line.href, "purpose": (line.purpose or {}).get(lang)}
            for line in loaded(config).helplines.values()}


def reference_renderers(config, lang: str) -> dict:
    """How [[fact:…]], [[helpline:…]], [[manual:…]] and [[safety:…]] read in this language (computed once per
    loaded manual)."""
    data = loaded(config)
    key = ("references", lang)
    if key not in data.computed:
        data.computed[key] = pipeline.reference_renderers(data.manual, data.facts, data.helplines, data.labels[lang], lang,
                                                          data.settings.schedule, data.safety, data.change_check, data.referrals)
    return data.computed[key]


def fact_citations(config, lang: str) -> dict[str, list[dict]]:
    """Where each fact is cited in this language: {fact id: [{url, title}]} (manual pages, then framing pages)."""
    data = loaded(config)
    key = ("citations", lang)
    if key not in data.computed:
        pages = [(p.url, p.meta["title"], p.source.body) for p in data.manual.pages if p.lang == lang]
        for path, _ in docs_pages(data.settings):
            if path.name.endswith(f".{lang}.md"):
                head, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
                title = (yaml.safe_load(head) or {}).get("title", path.stem) if head else path.stem
                pages.append((path.relative_to(data.settings.docs_dir).as_posix().rsplit(".", 2)[0] + ".html", title, body))
        data.computed[key] = citations_of("fact", pages)
    return data.computed[key]


def catalog(config, lang: str) -> dict:
    """The language's catalog (see DESIGN.md, Outputs), computed once per loaded manual."""
    data = loaded(config)
    key = (lang, pdf_enabled())
    if key not in data.computed:
        data.computed[key] = build_catalog(data.manual, lang, pdfs(config, lang))
    return data.computed[key]


def forms(config) -> list[tuple[str, str, bytes]]:
    """The XLSForms of manualgen.xlsform as (file name, title per language, .xlsx bytes), made once per loaded
    manual: the sessions come from both languages' catalogs, the referral categories from the referral log's list."""
    from manualgen import xlsform
    data = loaded(config)
    if "forms" not in data.computed:
        languages = data.settings.languages
        catalogs = {lang: catalog(config, lang) for lang in languages}
        titles = {lang: {s["id"]: s["title"] for s in catalogs[lang]["sessions"]} for lang in languages}
        sessions = [{"id": s["id"], "duration": s["duration"], "title": {lang: titles[lang].get(s["id"], s["title"]) for lang in languages}}
                    for s in catalogs[languages[0]]["sessions"]]
        services = [(service.id, {lang: service_label(service, lang) for lang in languages}) for service in data.referrals]
        main_line = data.helplines.get(FORMS_HELPLINE) or next(iter(data.helplines.values()))
        made = xlsform.forms(data.change_check, sessions, services, main_line.name, data.labels, languages)
        from manualgen.disk_memo import DiskMemo
        memo = DiskMemo(data.settings.root / data.settings.cache_dir / "checked" / "forms.json", xlsform.memo_version())
        data.computed["forms"] = [(form.filename, form.title, xlsform.xlsx_bytes(form, languages, memo)) for form in made]
        memo.save()
    return data.computed["forms"]


FORMS_HELPLINE = "linea-100"  # the line the change-check form names for anyone who needs help


def alternates(config, page_url: str, prefix: str) -> dict:
    """The page's address in each language, absolute, for the published site's canonical and hreflang links."""
    s = settings(config)
    prefixes = {lang: language_prefix(lang, config) for lang in s.languages}
    return language_alternates(config.site_url, page_url, prefix, prefixes)
