"""Rewrite a page's typed blocks into Material admonitions, with titles in the page's language."""
from __future__ import annotations

from .source import Source
from .timing import offset
from .wall_sheets import wall_line

BLOCK_CLASS = {"key-messages": "key-messages"}


def activity_anchor(page_id: str, index: int) -> str:
    """Unique across the whole manual, so the joined PDF keeps every agenda link working."""
    return f"{page_id}-actividad-{index}" if page_id else f"actividad-{index}"


def block_title(block_type: str, title: str, labels: dict) -> str:
    default = labels.get(f"block_{block_type}", "")
    return title or default


def rewrite_blocks(source: Source, labels: dict) -> str:
    """Return the page body with each top-level block rewritten for pymdownx.blocks.admonition.

    Activities get their start–end offset in the title, an id for the agenda's links and a
    line with minutes and grouping; write-in blocks get ruled lines; options are consumed.
    """
    lines = source.body.split("\n")
    first = source.body_line
    elapsed, activity = 0, 0
    replacements: dict[int, list[str]] = {}
    skipped: set[int] = set()
    for block in source.blocks:
        at = block.line - first
        for k in range(block.option_lines):
            skipped.add(at + 1 + k)
        if block.type == "activity":
            activity += 1
            minutes = int(block.options.get("minutes", 0))
            span = f"{offset(elapsed)}–{offset(elapsed + minutes)}"
            elapsed += minutes
            grouping = labels.get(str(block.options.get("grouping")), "")
            # A real heading (not an admonition title): it has an id the agenda links to, and it is in the
            # page's table of contents and the PDF bookmarks.
            replacements[at] = [
                f"{block.fence} html | div.admonition.activity",
                "",
                f"## {span} · {block.title} {{ #{activity_anchor(source.meta.get('id', ''), activity)} .admonition-title }}",
                "",
                f"*{minutes} min · {grouping}*",
                "{: .activity-meta }",
            ]
            if block.options.get("same_day"):  # shown with the activity, whatever day the session falls on
                replacements[at] += ["", f"**{labels.get('same_day_opening', '')}:** {block.options['same_day']}", "{: .same-day }"]
        elif block.type == "write":
            count = int(block.options.get("lines", 3))
            outer = block.fence + "/"
            replacements[at] = [f"{outer} write | {block.title}"]
            closing = block.end_line - first
            replacements[closing] = ["", f"/// html | div.write-lines.lines-{count}", "///", outer]
        else:
            replacements[at] = [f"{block.fence} {block.type} | {block_title(block.type, block.title, labels)}"]
        if block.type == "key-messages" and labels.get("wall_marker"):
            # A message's short wall version is for the rotafolio only (wall_sheets): the page says the message whole.
            wall = wall_line(labels["wall_marker"])
            skipped.update(n - first for n in range(block.line + 1, block.end_line) if wall.match(lines[n - first]))
    out = []
    for index, line in enumerate(lines):
        if index in skipped:
            continue
        out.extend(replacements.get(index, [line]))
    return "\n".join(out)
