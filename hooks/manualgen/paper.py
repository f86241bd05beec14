"""Paper for people who read little: the print typography of each audience, set in one place (mkdocs.yml,
extra.manual.pdf.type) and checked against the floors a participant sheet must keep, and the print-only rewrites of
a handout's HTML that give a pen room (tick boxes drawn as squares, placeholder dots turned into empty cells).

The stylesheet that applies the sizes is overrides/print/audience.css (a Jinja include of print/base.html)."""
from __future__ import annotations

import re

AUDIENCES = ("participants", "facilitators")
# What each key means, in the unit its name says: body and table text, the key-message and help boxes, the side
# of a tick box, the height of a writing row (ruled line or empty cell) and the least lines an open question gets.
KEYS = ("body_pt", "table_pt", "box_pt", "tick_mm", "row_mm", "open_lines")
# DESIGN.md (non-negotiables) and issue 23: the floors of a participant sheet. A facilitator's form may be denser.
PARTICIPANT_FLOORS = {"body_pt": 12, "table_pt": 11, "tick_mm": 6, "row_mm": 10, "open_lines": 3}
WHERE = "mkdocs.yml, extra.manual.pdf.type"


class PaperSettingsError(ValueError):
    """A print typography setting that is missing or below what participants need (the message says which)."""


def print_type(raw: dict | None) -> dict[str, dict[str, float]]:
    """The typography of each audience, checked: every key given as a positive number, participants at or above
    PARTICIPANT_FLOORS and their boxes at least their body size. Raises PaperSettingsError listing every problem."""
    problems, found = [], {}
    raw = raw or {}
    for audience in AUDIENCES:
        values = raw.get(audience)
        if not isinstance(values, dict):
            problems.append(f"{WHERE}.{audience}: missing; give {', '.join(KEYS)}")
            continue
        found[audience] = {}
        for key in KEYS:
            value = values.get(key)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                problems.append(f"{WHERE}.{audience}.{key}: {value!r} is not a positive number")
                continue
            found[audience][key] = value
        if unknown := sorted(set(values) - set(KEYS)):
            problems.append(f"{WHERE}.{audience}: unknown {', '.join(unknown)} (allowed: {', '.join(KEYS)})")
    participants = found.get("participants", {})
    for key, floor in PARTICIPANT_FLOORS.items():
        if key in participants and participants[key] < floor:
            problems.append(f"{WHERE}.participants.{key}: {participants[key]:g} is below {floor:g}, the least a "
                            "participant sheet may have (people who read little)")
    if {"box_pt", "body_pt"} <= set(participants) and participants["box_pt"] < participants["body_pt"]:
        problems.append(f"{WHERE}.participants.box_pt: {participants['box_pt']:g} is below body_pt "
                        f"({participants['body_pt']:g}): the key messages and the help box are read first")
    if problems:
        raise PaperSettingsError("\n".join(problems))
    return found


TICK = "☐"
TICKED_ITEM = re.compile(rf"<li>(?=\s*(?:<p>\s*)?{TICK})")
# A table cell holding only placeholder dots (“…………”, “.....”): on screen a hint where to write, on paper a cell
# to write in, empty so that print.css gives it a writing row's height.
DOTTED_CELL = re.compile(r"(<td\b[^>]*>)\s*[.…]+\s*(</td>)")


# A table row followed by one whose first cell is empty: the second continues the first (a statement's entry row
# and its exit row), so the two are one unit on paper.
# A paragraph opening in bold that is short («Paso 1. …», «**Antes de escribir**»): a lead-in, kept with what follows.
# A long paragraph that merely opens in bold is not: chained, such paragraphs could not break and left half pages.
LEAD_IN = re.compile(r"<p>(?=<strong>(?:(?!</p>).){0,160}</p>)", re.S)
PAIRED_ROW = re.compile(r"<tr>(?=(?:(?!</tr>).)*</tr>\s*<tr>\s*<td>\s*</td>)", re.S)


def mark_ticked(html: str) -> str:
    """A list item that opens on a tick box is ticked, not bulleted: a bullet before the square reads as two marks,
    on screen (page_render) as on paper (for_paper)."""
    return TICKED_ITEM.sub('<li class="ticked">', str(html))  # str: Markup.sub would escape the new markup


def for_paper(html: str) -> str:
    """A handout's page HTML as it is printed: each tick box a drawn square (a glyph is 3 mm at text size; a
    square is sized by the audience's tick_mm) and a list item opening on one without its bullet, dotted placeholder cells empty, short bold lead-ins marked to stay
    with what follows, and a row whose next row continues it (an empty first cell) marked to stay with it."""
    html = mark_ticked(html)
    html = html.replace(TICK, '<span class="tick"></span>')
    html = DOTTED_CELL.sub(r"\1\2", html)
    html = LEAD_IN.sub('<p class="lead-in">', html)
    return PAIRED_ROW.sub('<tr class="keep-with-next">', html)
