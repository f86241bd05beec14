"""catalog.json: the machine-readable contract other tools (planner, tests) read. Built per language."""
from __future__ import annotations

import re

from .model import Manual, Page

CATALOG_VERSION = 1

# A handout's id that an author wrote into a material's name: "Directorio local de servicios (m07-h01)".
HANDOUT_MENTION = re.compile(r"\s*\(\s*(m[0-9]{2}-h[0-9]{2})\s*\)")


def material_entry(item) -> dict:
    """A material as readers see it: its name, never an id (a handout's id written in parentheses is taken out),
    and its quantity (None when not stated)."""
    name, qty = (item["item"], item.get("qty")) if isinstance(item, dict) else (item, None)
    return {"item": HANDOUT_MENTION.sub("", name).strip(), "qty": qty}


def mentioned_handouts(item) -> list[str]:
    """The ids of the handouts a material's name mentions in parentheses."""
    return HANDOUT_MENTION.findall(item["item"] if isinstance(item, dict) else item)


def handouts_needed(meta: dict, known: set[str]) -> list[str]:
    """Every handout a session needs, each once: its own list (front matter), then those its materials mention
    that exist in this language, so the planner's "to print" misses none."""
    needed = list(meta["handouts"])
    for material in meta["materials"]:
        needed += [h for h in mentioned_handouts(material) if h in known and h not in needed]
    return needed


def activities(page: Page) -> list[dict]:
    """Each activity's title, minutes and grouping, and for an opening that reviews a week of home practice what
    it does instead when the session follows the previous one on the same day (same_day)."""
    return [{"title": b.title, "minutes": b.options.get("minutes"), "grouping": b.options.get("grouping"),
             **({"same_day": b.options["same_day"]} if b.options.get("same_day") else {})}
            for b in page.activities]


def audience_of(handout: Page) -> str:
    """Who a handout is for, from its own `audience` field (one source of truth): participants unless it says
    facilitators."""
    return handout.meta.get("audience", "participants")


def for_whom(manual: Manual, lang: str, handout_ids: list[str]) -> tuple[list[Page], list[Page]]:
    """A session's sheets split by who holds them: (handouts, a copy for each participant; forms, one copy for the
    facilitator). The forms also hold every generated sign-in sheet (sheet: sign-in): each session is signed in on
    its own, so a session need not list it."""
    pages = [p for p in (manual.by_id(lang, h) for h in handout_ids) if p is not None]
    participants = [p for p in pages if audience_of(p) == "participants"]
    forms = [p for p in pages if audience_of(p) != "participants"]
    forms += [h for h in manual.of(lang, "handout") if h.meta.get("sheet") == "sign-in" and h not in forms]
    return participants, forms


def session_entry(page: Page, pdfs: dict[str, str], manual: Manual, lang: str, known_handouts: set[str]) -> dict:
    meta = page.meta
    handouts = handouts_needed(meta, known_handouts)
    participants, forms = for_whom(manual, lang, handouts)
    return {
        "id": page.id, "module": meta["module"], "order": meta["order"], "title": meta["title"], "url": page.url,
        "duration": meta["duration"], "sensitivity": meta["sensitivity"], "group_size": meta.get("group_size"),
        "objectives": list(meta["objectives"]), "materials": [material_entry(m) for m in meta["materials"]],
        "preparation": list(meta["preparation"]), "activities": activities(page),
        "handouts": handouts, "pdf": pdfs.get(page.id),
        # the rotafolio: the sheets at their size and tiled onto A4 (printing/products/wall_sheets.py)
        "wall_sheets": {"pdf": pdfs[f"wall-{page.id}"], "tiles": pdfs[f"wall-a4-{page.id}"]} if f"wall-{page.id}" in pdfs else None,
        "checklist_pdf": pdfs.get(f"checklist-{page.id}"),  # its one-page facilitator checklist (printing/products/checklist.py)
        # The same sheets split by who holds them (for_whom): the planner prints a copy of each participant handout
        # per participant and one of each facilitator form.
        "participant_handouts": [p.id for p in participants], "facilitator_forms": [p.id for p in forms],
    }


# What the workshop planner's script reads of a session (docs/assets/javascripts/planner.js; run mode gets the same
# through the planner's agenda). The planner page embeds only these: the objectives and preparation it never shows
# were two thirds of that page's bytes (its first load, issue 26).
PLANNER_SESSION_FIELDS = ("id", "module", "order", "title", "url", "duration", "sensitivity", "activities",
                          "materials", "handouts", "participant_handouts", "facilitator_forms", "pdf",
                          "checklist_pdf", "wall_sheets")


def planner_catalog(catalog: dict) -> dict:
    """The catalog as the planner page embeds it: each session with PLANNER_SESSION_FIELDS only, the modules without
    their summaries; handouts, PDFs and the rest whole."""
    return {
        **catalog,
        "sessions": [{field: session[field] for field in PLANNER_SESSION_FIELDS} for session in catalog["sessions"]],
        "modules": [{k: v for k, v in module.items() if k != "summary"} for module in catalog["modules"]],
    }


def build_catalog(manual: Manual, lang: str, pdfs: dict[str, str] | None = None,
                  collections: dict | None = None) -> dict:
    """pdfs maps page ids (and 'pack-mNN', 'manual') to PDF paths relative to the language root."""
    pdfs = pdfs or {}
    known_handouts = {h.id for h in manual.of(lang, "handout")}
    sessions = [session_entry(p, pdfs, manual, lang, known_handouts) for p in manual.of(lang, "session")]
    used_in: dict[str, list[str]] = {}
    for session in sessions:
        for handout in session["participant_handouts"] + session["facilitator_forms"]:
            used_in.setdefault(handout, []).append(session["id"])
    modules = []
    for page in manual.of(lang, "module"):
        own = [s for s in sessions if s["module"] == page.id]
        modules.append({
            "id": page.id, "order": page.meta["order"], "title": page.meta["title"], "summary": page.meta["summary"],
            "url": page.url, "duration": sum(s["duration"] for s in own), "sessions": [s["id"] for s in own],
            "handouts": [h.id for h in manual.of(lang, "handout") if h.meta["module"] == page.id],
            "pack_pdf": pdfs.get(f"pack-{page.id}"),
        })
    handouts = [{
        "id": h.id, "module": h.meta["module"], "order": h.meta["order"], "title": h.meta["title"], "kind": h.meta["kind"],
        "audience": h.meta.get("audience", "participants"),
        "url": h.url, "pdf": pdfs.get(h.id), "sessions": used_in.get(h.id, []),
    } for h in manual.of(lang, "handout")]
    return {
        "version": CATALOG_VERSION,
        "language": lang,
        "duration": sum(s["duration"] for s in sessions),
        "modules": modules,
        "sessions": sessions,
        "handouts": handouts,
        "pdfs": {"manual": pdfs.get("manual"), "packs": {m["id"]: m["pack_pdf"] for m in modules if m["pack_pdf"]}},
        **(collections or {}),
    }
