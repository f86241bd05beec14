"""Template data for session, module, handout and programme pages (plain dicts, no MkDocs)."""
from __future__ import annotations

from .catalog import material_entry
from .model import Manual, Page
from .render import activity_anchor
from .timing import agenda, duration, offset


def session_view(page: Page, manual: Manual, lang: str, labels: dict) -> dict:
    meta = page.meta
    rows = agenda([(b.title, b.options["minutes"], b.options["grouping"]) for b in page.activities])
    size = meta.get("group_size")
    handouts = [manual.by_id(lang, h) for h in meta["handouts"]]
    return {
        "id": page.id,
        "duration": duration(meta["duration"]),
        "duration_minutes": meta["duration"],
        "group_size": labels["group_size_value"].format(**size) if size else None,
        "sensitivity": meta["sensitivity"],
        "sensitivity_label": labels[f"sensitivity_{meta['sensitivity']}"],
        "objectives": meta["objectives"],
        "materials": [material_entry(m) for m in meta["materials"]],
        "preparation": meta["preparation"],
        "agenda": [{"index": r.index, "anchor": activity_anchor(page.id, r.index), "span": f"{offset(r.start)}–{offset(r.end)}", "title": r.title,
                    "minutes": r.minutes, "grouping": labels[r.grouping]} for r in rows],
        "handouts": [{"id": h.id, "title": h.meta["title"], "url": h.url} for h in handouts if h],
        "adapted_from": meta.get("adapted_from") or [],
        "module": _module_link(manual, lang, meta["module"]),
    }


def _module_link(manual: Manual, lang: str, module_id: str) -> dict | None:
    module = manual.by_id(lang, module_id)
    if module is None:
        return None
    return {"id": module.id, "order": module.meta["order"], "title": module.meta["title"], "url": module.url}


def module_view(page: Page, manual: Manual, lang: str) -> dict:
    sessions = [s for s in manual.of(lang, "session") if s.meta["module"] == page.id]
    return {
        "id": page.id,
        "objectives": page.meta["objectives"],
        "sessions": [{"id": s.id, "order": s.meta["order"], "title": s.meta["title"], "url": s.url,
                      "duration": duration(s.meta["duration"]), "sensitivity": s.meta["sensitivity"]} for s in sessions],
        "total": duration(sum(s.meta["duration"] for s in sessions)),
        "handouts": [{"id": h.id, "title": h.meta["title"], "url": h.url, "kind": h.meta["kind"]}
                     for h in manual.of(lang, "handout") if h.meta["module"] == page.id],
    }


def handout_view(page: Page, manual: Manual, lang: str) -> dict:
    sessions = [s for s in manual.of(lang, "session") if page.id in s.meta["handouts"]]
    return {
        "id": page.id,
        "kind": page.meta["kind"],
        "description": page.meta["description"],
        "sessions": [{"id": s.id, "title": s.meta["title"], "url": s.url} for s in sessions],
        "module": _module_link(manual, lang, page.meta["module"]),
    }


def programme_view(manual: Manual, lang: str) -> dict:
    modules = []
    for module in manual.of(lang, "module"):
        view = module_view(module, manual, lang)
        view.update(title=module.meta["title"], url=module.url, order=module.meta["order"])
        modules.append(view)
    total = sum(s.meta["duration"] for s in manual.of(lang, "session"))
    return {"modules": modules, "total": duration(total), "sessions": len(manual.of(lang, "session"))}
