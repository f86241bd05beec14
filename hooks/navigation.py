"""Module sections in the navigation carry the module's title ("1. Encuadre…") instead of the folder name."""
from __future__ import annotations

from mkdocs.structure.nav import Section

import build_context


def on_nav(nav, config, files):
    data = build_context.loaded(config)
    lang = build_context.current_language(config)
    s = build_context.settings(config)
    for item in nav.items:
        if isinstance(item, Section) and item.title.lower() == s.modules_dir.lower():
            item.title = data.labels[lang].get("nav_modules", item.title)
            for child in item.children:
                if isinstance(child, Section):
                    _title_module(child, data.manual, lang)
    return nav


def _title_module(section, manual, lang):
    for child in section.children:
        if getattr(child, "is_page", False) and child.file.src_uri.rsplit("/", 1)[-1].startswith("index."):
            folder = child.file.src_uri.split("/")[-2]
            module = manual.by_key(lang, f"{folder}/index")
            if module is not None:
                section.title = f"{module.meta['order']}. {module.meta['title']}"
