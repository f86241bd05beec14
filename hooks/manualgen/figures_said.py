"""Figures as a facilitator says them and as a participant reads them: inside a spoken script («Diga:» /
"Say:") and on a participant handout a cited fact reads as its value alone; its source goes to a footnote at the
foot of the page or sheet (Python-Markdown's footnotes extension), never inline in the sentence. One mechanism
for scripts and for participant paper. Plain text transforms, no MkDocs."""
from __future__ import annotations

import re
from collections.abc import Callable

from .references import REFERENCE

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def spoken_marker(word: str) -> re.Pattern:
    """A paragraph that starts a script line: optional indent and quote marks, then **Diga:** (the page's word)."""
    return re.compile(r"^[ \t]*(?:>[ \t]*)*\*\*" + re.escape(word) + r"\s*:\*\*")


def figures_said_plainly(markdown: str, said: Callable[[str], bool], value_of: Callable[[str], str | None],
                         note_of: Callable[[str], str | None]) -> str:
    """Each [[fact:ID]] in a paragraph, from its first line for which `said(rest of the paragraph)` is true, becomes its value (value_of) and a
    footnote mark; the notes (note_of: source and status) follow at the end of the page, one per fact, in the
    order first cited. Facts elsewhere, unknown ids and pages without such paragraphs are left as written."""
    notes: dict[str, str] = {}

    def plain(match: re.Match) -> str:
        if match["kind"] != "fact":
            return match.group(0)
        value, note = value_of(match["id"]), note_of(match["id"])
        if value is None or note is None:
            return match.group(0)  # an unknown fact is reported by validation; leave it for the usual message
        notes.setdefault(match["id"], note)
        return f"{value}[^{match['id']}]"

    parts = PARAGRAPH_BREAK.split(markdown)
    breaks = PARAGRAPH_BREAK.findall(markdown)
    out = []
    for index, part in enumerate(parts):
        if "[[fact:" in part:
            lines = part.split("\n")
            # A script may start under a block's header line (/// safety), with no blank line between them.
            start = next((n for n in range(len(lines)) if said("\n".join(lines[n:]))), None)
            if start is not None:
                part = "\n".join(lines[:start] + [REFERENCE.sub(plain, "\n".join(lines[start:]))])
        out.append(part)
        if index < len(breaks):
            out.append(breaks[index])
    text = "".join(out)
    if not notes:
        return text
    return text.rstrip("\n") + "\n\n" + "\n".join(f"[^{ref}]: {note}" for ref, note in notes.items()) + "\n"
