"""Navigation a trainer can follow: framing pages in reading order (extra.manual.nav_order), module sections
titled "1. Encuadre…" instead of by folder name, the content team's pages (extra.manual.team_pages) in a
section of their own at the end, and Previous/Next links that follow the menu as it is shown."""
from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.nav import Section

import loaded_manual
import manual_settings
import reporting


def _stem(item, modules_dir: str) -> str:
    if isinstance(item, Section):
        return modules_dir if item.title.lower() == modules_dir.lower() else item.title
    return item.file.src_uri.split("/")[-1].split(".")[0] if getattr(item, "file", None) else ""


@reporting.reported
def on_nav(nav, config, files):
    data = loaded_manual.loaded(config)
    lang = manual_settings.current_language(config)
    s = manual_settings.settings(config)
    order = (config.extra.get("manual") or {}).get("nav_order") or []
    rank = {stem: index for index, stem in enumerate(order)}
    nav.items.sort(key=lambda item: rank.get(_stem(item, s.modules_dir), len(rank)))
    for item in nav.items:
        if isinstance(item, Section) and _stem(item, s.modules_dir) == s.modules_dir:
            item.title = escape(data.labels[lang]["nav_modules"])
            for child in item.children:
                if isinstance(child, Section):
                    _title_module(child, data.manual, lang)
    team = set((config.extra.get("manual") or {}).get("team_pages") or [])
    members = [item for item in nav.items if not isinstance(item, Section) and _stem(item, s.modules_dir) in team]
    if members:
        nav.items = [item for item in nav.items if item not in members]
        section = Section(escape(data.labels[lang]["nav_team"]), members)
        for member in members:
            member.parent = section
        nav.items.append(section)
    _link_in_menu_order(nav)
    return nav


def _pages_in_order(items):
    for item in items:
        if isinstance(item, Section):
            yield from _pages_in_order(item.children)
        elif getattr(item, "is_page", False):
            yield item


def _link_in_menu_order(nav) -> None:
    """MkDocs links Previous/Next by file order before hooks reorder the menu: link them again."""
    pages = list(_pages_in_order(nav.items))
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
    nav.pages = pages


def _title_module(section, manual, lang):
    for child in section.children:
        if getattr(child, "is_page", False) and child.file.src_uri.rsplit("/", 1)[-1].startswith("index."):
            module = manual.by_key(lang, f"{child.file.src_uri.split('/')[-2]}/index")
            if module is not None:
                section.title = escape(f"{module.meta['order']}. {module.meta['title']}")  # Material prints it raw
