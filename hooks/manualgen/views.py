"""Template data for session, module, handout and programme pages (plain dicts, no MkDocs)."""
from __future__ import annotations

import re

from markupsafe import Markup

from .aggregate import extract_blocks, merge_materials, rebase_links
from .catalog import audience_of, for_whom, material_entry
from .model import Manual, Page
from .render import activity_anchor
from .timing import DayRules, agenda, duration, offset, plan_warnings, schedule


def session_view(page: Page, manual: Manual, lang: str, labels: dict) -> dict:
    meta = page.meta
    rows = agenda([(b.title, b.options["minutes"], b.options["grouping"]) for b in page.activities])
    size = meta.get("group_size")
    handouts = [manual.by_id(lang, h) for h in meta["handouts"]]
    participants, forms = for_whom(manual, lang, meta["handouts"])
    return {
        "id": page.id,
        "order": meta["order"],
        "duration": duration(meta["duration"]),
        "duration_minutes": meta["duration"],
        "group_size": labels["group_size_value"].format(**size) if size else None,
        "sensitivity": meta["sensitivity"],
        "sensitivity_label": labels[f"sensitivity_{meta['sensitivity']}"],
        "objectives": meta["objectives"],
        "materials": [material_entry(m) for m in meta["materials"]],
        "preparation": meta["preparation"],
        "agenda": [{"index": r.index, "anchor": activity_anchor(page.id, r.index), "span": f"{offset(r.start)}–{offset(r.end)}", "title": r.title,
                    "minutes": r.minutes, "grouping": labels[r.grouping], "grouping_key": r.grouping} for r in rows],
        "handouts": [{"id": h.id, "title": h.meta["title"], "url": h.url} for h in handouts if h],
        "participant_handouts": [_sheet(h) for h in participants],
        "facilitator_forms": [_sheet(h) for h in forms],
        "adapted_from": meta.get("adapted_from") or [],
        "module": _module_link(manual, lang, meta["module"]),
    }


def _sheet(page: Page) -> dict:
    return {"id": page.id, "title": page.meta["title"], "url": page.url, "kind": page.meta["kind"]}


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
        "handouts": [{"id": h.id, "title": h.meta["title"], "url": h.url, "kind": h.meta["kind"],
                      "audience": audience_of(h)} for h in manual.of(lang, "handout") if h.meta["module"] == page.id],
    }


def handout_view(page: Page, manual: Manual, lang: str, attendance_rows: int = 20, sign_in_rows: int = 16,
                 help_lines: tuple[str, ...] = ()) -> dict:
    sessions = [s for s in manual.of(lang, "session") if page.id in s.meta["handouts"]]
    return {
        "id": page.id,
        "kind": page.meta["kind"],
        "description": page.meta["description"],
        "audience": page.meta.get("audience", "participants"),
        "sheet": page.meta.get("sheet"),
        "attendance": attendance_view(manual, lang, attendance_rows) if page.meta.get("sheet") == "attendance" else None,
        "sign_in_rows": sign_in_rows,
        "help": help_lines,
        "sessions": [{"id": s.id, "title": s.meta["title"], "url": s.url} for s in sessions],
        "module": _module_link(manual, lang, page.meta["module"]),
    }


def attendance_view(manual: Manual, lang: str, rows: int) -> dict:
    """The attendance sheet: a column per session of the programme, numbered module.session, and `rows` lines."""
    orders = {m.id: m.meta["order"] for m in manual.of(lang, "module")}
    return {"rows": rows, "sessions": [{"number": f"{orders[s.meta['module']]}.{s.meta['order']}", "title": s.meta["title"]}
                                       for s in manual.of(lang, "session")]}


def programme_view(manual: Manual, lang: str) -> dict:
    modules = []
    for module in manual.of(lang, "module"):
        view = module_view(module, manual, lang)
        view.update(title=module.meta["title"], url=module.url, order=module.meta["order"])
        modules.append(view)
    total = sum(s.meta["duration"] for s in manual.of(lang, "session"))
    return {"modules": modules, "total": duration(total), "sessions": len(manual.of(lang, "session"))}


def _modules_with_sessions(manual: Manual, lang: str):
    for module in manual.of(lang, "module"):
        yield module, [s for s in manual.of(lang, "session") if s.meta["module"] == module.id]


def gathered_blocks_view(manual: Manual, lang: str, kinds: list[str], rendered: dict, modules_dir: str, page_url: str) -> list[dict]:
    """Blocks of the given kinds from every session, grouped by module, each linking back to its session."""
    out = []
    for module, sessions in _modules_with_sessions(manual, lang):
        entries = []
        for session in sessions:
            page = rendered.get(f"{modules_dir}/{session.key}.{lang}.md")
            if page is None:
                continue
            blocks = [{"kind": kind, "html": Markup(rebase_links(block, page["url"], page_url))}  # allow-listed HTML
                      for kind, block in extract_blocks(page["html"], *kinds)]
            if blocks:
                entries.append({"id": session.id, "title": session.meta["title"], "url": session.url, "blocks": blocks})
        out.append({"id": module.id, "order": module.meta["order"], "title": module.meta["title"], "url": module.url,
                    "sessions": entries})
    return out


def materials_view(manual: Manual, lang: str) -> list[dict]:
    out = []
    for module, sessions in _modules_with_sessions(manual, lang):
        titles = {s.id: s.meta["order"] for s in sessions}
        merged = merge_materials([(s.id, s.meta["materials"]) for s in sessions])
        for item in merged:
            item["sessions"] = [f"{module.meta['order']}.{titles[sid]}" for sid in item["sessions"]]
        out.append({"id": module.id, "order": module.meta["order"], "title": module.meta["title"], "url": module.url,
                    "materials": merged, "sessions": [{"id": s.id, "order": s.meta["order"], "title": s.meta["title"],
                                                       "url": s.url} for s in sessions]})
    return out


def schedule_view(manual: Manual, lang: str, labels: dict, options: dict) -> dict:
    """The whole programme as workshop days with clock times (settings: extra.manual.schedule)."""
    sessions = []
    module_titles = {m.id: m.meta for m in manual.of(lang, "module")}
    for page in manual.of(lang, "session"):
        sessions.append({"id": page.id, "order": page.meta["order"], "title": page.meta["title"], "url": page.url, "duration": page.meta["duration"],
                         "sensitivity": page.meta["sensitivity"],
                         "module": page.meta["module"], "module_order": module_titles[page.meta["module"]]["order"],
                         "activities": [{"title": b.title, "minutes": b.options["minutes"],
                                         "grouping": labels[b.options["grouping"]],
                                         **({"same_day": b.options["same_day"]} if b.options.get("same_day") else {})}
                                        for b in page.activities]})
    lunch = options.get("lunch") or {}
    rules = DayRules.from_settings(options)
    module_order = {mid: m["order"] for mid, m in module_titles.items()}
    for warning in plan_warnings(sessions, module_order, rules):
        if warning["rule"] == "agreements":  # the planner would warn about the very order this page prints
            raise ValueError(f"mkdocs.yml: extra.manual.schedule.agreements_session: {rules.agreements_session!r} comes "
                             f"after the high-sensitivity session(s) {', '.join(warning['sessions'])} in the manual's "
                             "order — name the session where the group makes its agreements, which must come before "
                             "any high-sensitivity session, or remove the setting")
    days = schedule(sessions, options.get("start", "09:00"), rules, int(options.get("break_minutes", 15)),
                    lunch.get("at"), int(lunch.get("minutes", 0)))
    for day in days:
        day["total_label"] = duration(day["total"])
        day["session_label"] = duration(day["session_minutes"])
    modules = [{"order": m["order"], "title": m["title"],
                "total": duration(sum(s["duration"] for s in sessions if s["module"] == mid)),
                "days": sorted({d["number"] for d in days for i in d["items"]
                                if i["kind"] == "session" and i["session"]["module"] == mid})}
               for mid, m in module_titles.items()]
    return {"days": days, "modules": modules, "start": options.get("start", "09:00"),
            "break_minutes": int(options.get("break_minutes", 15)), "lunch": lunch, "rules": rules,
            "max_day": duration(rules.max_day_minutes),
            "total": duration(sum(s["duration"] for s in sessions))}


def facts_view(facts: dict, lang: str, citations: dict[str, list[dict]]) -> dict:
    """Every fact grouped by how far it is checked (verified, sourced, uncertain), in the file's order, with
    its value as pages show it, its evidence and where the manual cites it."""
    from .facts import format_value
    groups = {status: [] for status in ("verified", "sourced", "uncertain")}
    for fact in facts.values():
        groups[fact.status].append({
            "id": fact.id, "value": format_value(fact, lang), "label": fact.label[lang], "year": fact.year,
            "source": fact.source, "url": fact.url, "status": fact.status, "note": fact.note[lang] if fact.note else "",
            "evidence": fact.evidence, "evidence_lang": quote_language(fact.evidence.quote) if fact.evidence else None,
            "cited_in": citations.get(fact.id, []),
        })
    return {"total": len(facts), "counts": {k: len(v) for k, v in groups.items()},
            "groups": [{"status": k, "facts": v} for k, v in groups.items() if v]}


def quote_language(text: str) -> str:
    """Quotes are verbatim from their source, mostly Spanish; tell screen readers which voice to use."""
    words = text.lower().split()
    spanish = sum(w in ("de", "la", "el", "los", "las", "que", "en", "por", "del", "y") for w in words)
    english = sum(w in ("the", "of", "and", "in", "by", "to", "were", "was") for w in words)
    return "en" if english > spanish else "es"


def format_size(size: int, lang: str) -> str:
    """1234567 -> '1,2 MB' / '1.2 MB'; 34567 -> '35 kB' (decimal units, as phones show data use)."""
    from .facts import format_number
    if size >= 1_000_000:
        return f"{format_number(round(size / 1_000_000, 1), lang, 1)} MB"
    return f"{format_number(max(1, round(size / 1000)), lang, 0)} kB"


# Where a PDF's size goes on a page written while that PDF is still being made (hooks/pdf_output.py draws while
# the build goes on): filled in by fill_size_marks once every PDF is written. Brackets no page uses and nothing
# escapes, around the language and the PDF's path.
SIZE_MARK_START, SIZE_MARK_END = "\u27e6pdf-size ", "\u27e7"
SIZE_MARK = re.compile("\u27e6pdf-size (?P<lang>[A-Za-z_-]+) (?P<path>[^\u27e7\\s<>\"']+)\u27e7")


def size_mark(path: str, lang: str) -> str:
    return f"{SIZE_MARK_START}{lang} {path}{SIZE_MARK_END}"


def fill_size_marks(text: str, sizes: dict[str, dict[str, int]]) -> str:
    """`text` with each size mark replaced by the size of its PDF (`sizes`: language -> path -> bytes), as
    format_size writes it; "—" for a PDF that was not written."""
    def size(match: re.Match) -> str:
        known = sizes.get(match["lang"], {})
        return format_size(known[match["path"]], match["lang"]) if match["path"] in known else "—"
    return SIZE_MARK.sub(size, text)


def downloads_view(catalog: dict, size_text, lang: str, labels: dict) -> dict:
    """Every PDF of the language (catalog paths; `size_text(path)`: its size as shown, or None when it was not
    written), by module, and the offline editions' places beside the published site (bundle.published_copy)."""
    from .bundle import published_copy
    def entry(path, title, kind=None):
        return {"path": path, "title": title, "kind": kind, "size": size_text(path) or "—"}
    manual_path = catalog["pdfs"]["manual"]
    modules = []
    for module in catalog["modules"]:
        sessions = [s for s in catalog["sessions"] if s["module"] == module["id"]]
        items = []
        for s in (s for s in sessions if s["pdf"]):
            items.append(entry(s["pdf"], f"{module['order']}.{s['order']} {s['title']}", "session"))
            if s.get("checklist_pdf"):
                items.append(entry(s["checklist_pdf"], f"{module['order']}.{s['order']} {labels['checklist_download']}: {s['title']}",
                                   "checklist"))
        # each session's rotafolio: the sheets, then the same on A4 tiles
        items += [entry(s["wall_sheets"][part], f"{module['order']}.{s['order']} {s['title']}", kind)
                  for s in sessions if s.get("wall_sheets") for part, kind in (("pdf", "wall"), ("tiles", "wall-tiles"))]
        items += [entry(h["pdf"], h["title"], "handout") for h in catalog["handouts"] if h["module"] == module["id"] and h["pdf"]]
        modules.append({"id": module["id"], "order": module["order"], "title": module["title"],
                        "pack": entry(module["pack_pdf"], labels["pack_title"]) if module["pack_pdf"] else None, "files": items})
    return {"manual": entry(manual_path, labels["manual_edition"]) if manual_path else None,
            "modules": modules,
            # This language's own zip first (the lighter download), then both languages, then Kiwix's file.
            "offline": [{"key": key, "path": published_copy(key), "title": labels[label], "kind": key[:3].upper()}
                        for key, label in ((f"zip-{lang}", "downloads_zip_language"), ("zip", "downloads_zip"),
                                           ("zim", "downloads_zim"))]}


def forms_view(forms: list[tuple[str, dict, bytes]], lang: str) -> list[dict]:
    """The XLSForms (file name, title per language, bytes) as the downloads page lists them, with their sizes."""
    from .xlsform import FOLDER
    return [{"path": f"{FOLDER}/{name}", "title": title[lang], "size": format_size(len(content), lang)}
            for name, title, content in forms]


def home_view(pages: list[tuple[str, str, str]], settings_home: dict, catalog: dict, helplines: dict) -> dict:
    """The home page's three ways in: pages to facilitate (configured stems, in that order, as (stem, title, url)
    of this language's pages), the modules to find a session in, and the helplines to call now."""
    by_stem = {stem: {"title": title, "url": url} for stem, title, url in pages}
    missing = [stem for stem in settings_home.get("facilitate", []) if stem not in by_stem]
    unknown = [line for line in settings_home.get("help", []) if line not in helplines]
    if missing or unknown:
        raise ValueError("mkdocs.yml, extra.manual.home: "
                         + "; ".join([f"facilitate: no page «{stem}» (use a file name in docs/ without .es.md)" for stem in missing]
                                     + [f"help: no helpline «{line}» (see extra.manual.helplines)" for line in unknown]))
    return {"facilitate": [by_stem[stem] for stem in settings_home.get("facilitate", [])],
            "modules": [{"order": m["order"], "title": m["title"], "url": m["url"]} for m in catalog["modules"]],
            "help": [helplines[line] for line in settings_home.get("help", [])]}
