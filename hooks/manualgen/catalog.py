"""catalog.json: the machine-readable contract other tools (planner, tests) read. Built per language."""
from __future__ import annotations

from .model import Manual, Page

CATALOG_VERSION = 1


def material_entry(item) -> dict:
    if isinstance(item, dict):
        return {"item": item["item"], "qty": item.get("qty")}
    return {"item": item, "qty": None}


def activities(page: Page) -> list[dict]:
    """Each activity's title, minutes and grouping, and for an opening that reviews a week of home practice what
    it does instead when the session follows the previous one on the same day (same_day)."""
    return [{"title": b.title, "minutes": b.options.get("minutes"), "grouping": b.options.get("grouping"),
             **({"same_day": b.options["same_day"]} if b.options.get("same_day") else {})}
            for b in page.activities]


def session_entry(page: Page, pdfs: dict[str, str]) -> dict:
    meta = page.meta
    return {
        "id": page.id, "module": meta["module"], "order": meta["order"], "title": meta["title"], "url": page.url,
        "duration": meta["duration"], "sensitivity": meta["sensitivity"], "group_size": meta.get("group_size"),
        "objectives": list(meta["objectives"]), "materials": [material_entry(m) for m in meta["materials"]],
        "preparation": list(meta["preparation"]), "activities": activities(page),
        "handouts": list(meta["handouts"]), "pdf": pdfs.get(page.id),
    }


def build_catalog(manual: Manual, lang: str, pdfs: dict[str, str] | None = None,
                  collections: dict | None = None) -> dict:
    """pdfs maps page ids (and 'pack-mNN', 'manual') to PDF paths relative to the language root."""
    pdfs = pdfs or {}
    sessions = [session_entry(p, pdfs) for p in manual.of(lang, "session")]
    used_in: dict[str, list[str]] = {}
    for session in sessions:
        for handout in session["handouts"]:
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
