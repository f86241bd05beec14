"""Glossary terms explained on hover: the definition list of the language's glossary page (docs/glosario)
becomes the abbr extension's glossary, so every page marks "caja del hombre", "CEM"… with <abbr title>."""
from __future__ import annotations

import language_views
import manual_settings
import reporting
from manualgen.glossary import abbreviations, anchor_terms, parse_glossary, strip_abbreviations, with_term_ids
from manualgen.references import replace_references


def _glossary_stem(config) -> str:
    return (config.extra.get("manual") or {}).get("glossary", "glosario")


@reporting.reported
def on_config(config):
    """Runs again for each language build (PITFALLS.md §8). Giving the extension its glossary is far
    cheaper than appending a hundred '*[term]: …' lines to every page for Markdown to parse."""
    i18n = config.plugins["i18n"]
    lang = i18n.current_language or i18n.default_language
    path = manual_settings.settings(config).docs_dir / f"{_glossary_stem(config)}.{lang}.md"
    def resolve(text: str) -> str:  # only when a definition cites a helpline, fact or count (loads the manual)
        return replace_references(text, language_views.reference_renderers(config, lang))
    entries = parse_glossary(path.read_text(encoding="utf-8"), resolve) if path.is_file() else []
    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviations(entries)
    return config


@reporting.reported
def on_page_markdown(markdown, page, config, files):
    """Each glossary term's id is written into the page before Markdown reads it, so links to a term are checked
    (and kept) like links to a heading."""
    if page.file.src_uri.split(".")[0] == _glossary_stem(config):
        return with_term_ids(markdown)
    return markdown


@reporting.reported
def on_page_content(html, page, config, files):
    """The glossary page itself shows every definition: no hover boxes there; each term gets an anchor."""
    if page.file.src_uri.split(".")[0] == _glossary_stem(config):
        return anchor_terms(strip_abbreviations(html))
    return html
