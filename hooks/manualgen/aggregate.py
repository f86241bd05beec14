"""Pages that gather what is spread over the sessions: key messages, facilitator and safety notes,
materials per module. Block HTML is taken from each session's rendered page and its links rebased."""
from __future__ import annotations

import posixpath
import re

from .catalog import material_entry

DIV_TAG = re.compile(r"<div\b|</div>")
HREF = re.compile(r'(href|src)="(?P<url>[^"]*)"')


def extract_blocks(html: str, *css_classes: str) -> list[tuple[str, str]]:
    """(class, outer HTML) of every <div class="admonition X"> for the given classes, in page order
    (nested divs are kept whole)."""
    opener = re.compile(r'<div class="admonition (%s)[ "]' % "|".join(map(re.escape, css_classes)))
    blocks, match = [], opener.search(html)
    while match:
        depth, position = 0, match.start()
        for tag in DIV_TAG.finditer(html, match.start()):
            depth += 1 if tag.group(0) == "<div" else -1
            if depth == 0:
                position = tag.end()
                break
        blocks.append((match.group(1), html[match.start():position]))
        match = opener.search(html, position)
    return blocks


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Links written relative to from_url, made relative to to_url (both relative to the site root)."""
    from_dir, to_dir = posixpath.dirname(from_url), posixpath.dirname(to_url)

    def rewrite(match: re.Match) -> str:
        url = match["url"]
        if url.startswith(("http://", "https://", "mailto:", "tel:", "data:")):
            return match.group(0)
        path, _, anchor = url.partition("#")
        target = posixpath.normpath(posixpath.join(from_dir, path)) if path else from_url
        relative = posixpath.relpath(target, to_dir or ".")
        return f'{match.group(1)}="{relative}{"#" + anchor if anchor else ""}"'
    return HREF.sub(rewrite, html)


def merge_materials(sessions: list[tuple[str, list]]) -> list[dict]:
    """Materials of several sessions as one list: same item (case-insensitive) merged, quantities added
    where stated, and the sessions that need each item."""
    merged: dict[str, dict] = {}
    for session_id, materials in sessions:
        for raw in materials:
            entry = material_entry(raw)
            key = entry["item"].strip().casefold()
            item = merged.setdefault(key, {"item": entry["item"].strip(), "qty": None, "sessions": []})
            if entry["qty"]:
                item["qty"] = (item["qty"] or 0) + entry["qty"]
            if session_id not in item["sessions"]:
                item["sessions"].append(session_id)
    return sorted(merged.values(), key=lambda m: m["item"].casefold())
