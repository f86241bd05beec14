"""A session's one-page facilitator checklist (before, during, after), made from the session's own data: its
preparation, materials with quantities, the sheets to print (a copy per participant or one for the facilitator),
the safety statements it cites, the helpline; its activities with minutes and its safety moments; and what to do
after (attendance count, referral log, evaluation, report). Pure: the print product (printing/products/checklist.py)
draws it with overrides/print/checklist.html."""
from __future__ import annotations

import math
import re

from .catalog import for_whom, handouts_needed, material_entry
from .problems import Problem
from .references import references_in
from .timing import agenda, duration

# How much a checklist holds (its words, and a line's worth for each item it lists): above these it is set smaller
# so that it stays on one A4 page (print.css .sc--compact 8.2 pt, .sc--tight and .sc--tighter 7.5 pt with less
# leading, .sc--tightest 7 pt); measured on the manual's 40 checklists, each given the largest size it fits on one
# page with a few lines to spare (tests/integration/test_pdfs.py checks one page each). Only a session citing as much
# as 7.2 does (seven statements) needs the last step, which nothing at 7.5 pt fits.
LINE_WORDS = 8
DENSITIES = (("tightest", 1150), ("tighter", 940), ("tight", 770), ("compact", 600))
TAG = re.compile(r"<[^>]+>")


def cited_statements(body: str) -> list[str]:
    """The safety statements a session cites ([[safety:ID]]), each once, in the order they first appear."""
    found: list[str] = []
    for _, kind, ref in references_in(body):
        if kind == "safety" and ref not in found:
            found.append(ref)
    return found


def safety_moments(page, labels: dict) -> list[dict]:
    """Each safety note of the session ("/// safety"): when it comes (at the start, or in the activity it follows)
    and what it is about (its title, or else its first sentence as plain words)."""
    moments, current = [], None
    for block in page.blocks:
        if block.type == "activity":
            current = block.title
        elif block.type == "safety":
            when = labels["checklist_moment_in"].format(activity=current) if current else labels["checklist_moment_start"]
            moments.append({"when": when, "what": block.title or first_sentence(block.content)})
    return moments


MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REFERENCE_MARK = re.compile(r"\[\[[a-z]+:[a-z0-9-]+\]\]")


def first_sentence(markdown: str) -> str:
    """A note's first sentence as plain words: links as their text, emphasis and references left out."""
    text = REFERENCE_MARK.sub("", MARKDOWN_LINK.sub(r"\1", markdown))
    text = " ".join(text.replace("**", "").replace("*", "").split())
    end = re.search(r"[.!?](\s|$)", text)
    return text[:end.end()].strip() if end else text


def checklist_view(page, manual, lang: str, labels: dict, statement, after_sheets: dict[str, str]) -> dict:
    """The checklist of session `page`. statement(id) -> the statement's text as printed (None: unknown);
    after_sheets: {"referral_log": handout id, "evaluation": handout id} (extra.manual.checklist); a manual
    without one of those sheets (a small one, a test's) gets the sheet named in general words instead."""
    meta = page.meta
    sheets = {}
    for role, handout_id in after_sheets.items():
        sheet = manual.by_id(lang, handout_id)
        sheets[role] = sheet.meta["title"] if sheet is not None else labels[f"checklist_{role}"]
    # the sheets the catalog and the planner list for it: its handouts and those its materials name
    participants, forms = for_whom(manual, lang, handouts_needed(meta, {h.id for h in manual.of(lang, "handout")}))
    module = manual.by_id(lang, meta["module"])
    statements = [text for text in (statement(ref) for ref in cited_statements(page.source.body)) if text]
    rows = agenda([(b.title, b.options["minutes"], b.options["grouping"]) for b in page.activities])
    view = {
        "id": page.id,
        "number": f"{module.meta['order']}.{meta['order']}" if module else str(meta["order"]),
        "title": meta["title"],
        "duration": duration(meta["duration"]),
        "sensitivity": labels[f"sensitivity_{meta['sensitivity']}"],
        "group_size": labels["group_size_value"].format(**meta["group_size"]) if meta.get("group_size") else None,
        "preparation": list(meta["preparation"]),
        "materials": [material_entry(m) for m in meta["materials"]],
        "for_participants": [h.meta["title"] for h in participants],
        "for_facilitator": [h.meta["title"] for h in forms],
        "statements": statements,
        "activities": [{"title": r.title, "minutes": r.minutes, "grouping": labels[r.grouping]} for r in rows],
        "moments": safety_moments(page, labels),
        "after": [labels["checklist_after_attendance"],
                  labels["checklist_after_referrals"].format(sheet=sheets["referral_log"]),
                  labels["checklist_after_evaluation"].format(sheet=sheets["evaluation"]),
                  labels["checklist_after_report"]],
    }
    view["density"] = density(view)
    lists, cited = (line_chars(size) for size in SIZES[view["density"]])
    view["before"] = before_columns(before_sections(view), lists)
    view["statement_columns"] = statement_columns(statements, cited)
    return view


def amount(view: dict) -> int:
    """How much a checklist holds: its words, and a line's worth (LINE_WORDS) for each item it lists."""
    lists = ("preparation", "materials", "for_participants", "for_facilitator", "activities", "moments", "after")
    words = sum(len(TAG.sub(" ", str(text)).split()) for text in (
        view["preparation"] + [m["item"] for m in view["materials"]] + view["for_participants"] + view["for_facilitator"]
        + view["statements"] + [a["title"] for a in view["activities"]] + [m["what"] for m in view["moments"]] + view["after"]))
    return words + LINE_WORDS * sum(len(view[name]) for name in lists)


def density(view: dict) -> str:
    """"", "compact", "tight", "tighter" or "tightest": how small the checklist is set, from how much it holds."""
    held = amount(view)
    return next((name for name, above in DENSITIES if held > above), "")


# The two columns of "before" and of the cited statements are decided here, not by the renderer: WeasyPrint balancing
# CSS multi-columns cost ≈ 0.27 s of a checklist's ≈ 0.43 s. Heights are estimated in lines of text: a column is
# ≈ 85 mm (241 pt) wide (A4's 176 mm text width less the 6 mm gap, halved) and a DejaVu Sans character averages
# ≈ 0.55 em; the lists' and the statements' sizes (pt) at each density are print.css's (.sc, .sc--*), which
# tests/unit/test_checklist_sizes.py reads to hold this copy to them.
COLUMN_WIDTH, CHARACTER_WIDTH = 241, 0.55
SIZES = {"": (9, 7.9), "compact": (8.2, 7.5), "tight": (7.5, 7.5), "tighter": (7.5, 7.5), "tightest": (7, 7)}
HEADING_LINES = 1.6    # an h3 with its margins
ITEM_SPACE = 0.1       # the space under a list item (1 pt)
PARAGRAPH_SPACE = 0.25 # the space under a statement's paragraph (2 pt)
CHECK_INDENT = 3       # a list item's box and hanging indent, in characters


def line_chars(size: float) -> int:
    """About how many characters a column's line holds at a type size (pt)."""
    return round(COLUMN_WIDTH / (CHARACTER_WIDTH * size))


def text_lines(text: str, chars: int, indent: int = 0) -> int:
    """How many lines a text (HTML tags left out) takes in a column that holds `chars` characters a line."""
    return max(1, math.ceil((len(" ".join(TAG.sub(" ", text).split())) + indent) / chars))


def before_sections(view: dict) -> list[dict]:
    """The lists of "before" in reading order, each item as the template prints it: its text, its quantity (materials)
    and its copies ("participant" or "facilitator": the sheets to print)."""
    def item(text, qty=None, copies=None):
        return {"text": text, "qty": qty, "copies": copies}
    return [{"heading": "checklist_preparation", "items": [item(text) for text in view["preparation"]]},
            {"heading": "checklist_materials", "items": [item(m["item"], m["qty"]) for m in view["materials"]]},
            {"heading": "checklist_print", "items": [item(t, copies="participant") for t in view["for_participants"]]
             + [item(t, copies="facilitator") for t in view["for_facilitator"]]}]


def split_even(heights: list[float]) -> int:
    """Where the right column starts: the break between two units that makes the two columns' heights closest, the
    left one kept the taller on a tie (it is read first). One unit or none: all on the left."""
    total, above, best, best_gap = sum(heights), 0.0, len(heights), math.inf
    for index, height in enumerate(heights):
        if index:
            gap = abs(total - 2 * above) - (0.001 if 2 * above >= total else 0)
            if gap < best_gap:
                best, best_gap = index, gap
        above += height
    return best


def before_columns(sections: list[dict], chars: int) -> dict[str, list[dict]]:
    """The "before" lists split into a left and a right column of even estimated height: a break falls between two
    items, never inside one, and never between a heading and its list's first item; a list the break cuts goes on
    at the top of the right column without its heading again ("continued"). A list with no items is its heading."""
    units = []  # (section index, item or None, height)
    for number, section in enumerate(sections):
        head = HEADING_LINES
        for entry in section["items"] or [None]:
            height = 0 if entry is None else text_lines(_item_text(entry), chars, CHECK_INDENT) + ITEM_SPACE
            units.append((number, entry, head + height))
            head = 0
    cut = split_even([height for *_, height in units])
    columns = {"left": [], "right": []}
    for position, (number, entry, _height) in enumerate(units):
        column = columns["left" if position < cut else "right"]
        if not column or column[-1]["index"] != number:
            continued = column is columns["right"] and any(s["index"] == number for s in columns["left"])
            column.append({"index": number, "heading": sections[number]["heading"], "continued": continued,
                           "items": []})
        if entry is not None:
            column[-1]["items"].append(entry)
    return columns


def _item_text(entry: dict) -> str:
    # the quantity and the copies are printed too: "6 × " before, " — una copia por participante" (≈ 30) after
    return (f"{entry['qty']} × " if entry["qty"] else "") + entry["text"] + (" " * 30 if entry["copies"] else "")


def statement_columns(statements: list[str], chars: int) -> dict[str, list[str]]:
    """The cited statements split into two columns of even estimated height, a statement never cut; a single one
    (all on the left, none on the right) is printed across the box's width."""
    heights = [sum(text_lines(paragraph, chars) + PARAGRAPH_SPACE
                   for paragraph in text.split("</p>") if TAG.sub("", paragraph).strip()) for text in statements]
    cut = split_even(heights)
    return {"left": statements[:cut], "right": statements[cut:]}


def setting_problems(after_sheets: dict[str, str], defaults: dict[str, str], manual, lang: str) -> list[Problem]:
    """A sheet named in extra.manual.checklist that is not a handout of the manual: a mistyped id would otherwise
    print the sheet's role in general words on every checklist, unnoticed. The defaults may be missing (a small
    manual, a test's, has no referral log): only an id the author wrote is held to it."""
    problems = []
    for role, handout_id in after_sheets.items():
        page = manual.by_id(lang, handout_id)
        if handout_id != defaults.get(role) and (page is None or page.type != "handout"):
            problems.append(Problem("mkdocs.yml", None, f"extra.manual.checklist.{role}",
                                    f"'{handout_id}' no es el id de una ficha del manual",
                                    "escriba el id de la ficha (p. ej. m07-h05) o borre la línea para usar el predeterminado"))
    return problems
