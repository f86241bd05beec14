"""A session's one-page facilitator checklist (before, during, after), made from the session's own data: its
preparation, materials with quantities, the sheets to print (a copy per participant or one for the facilitator),
the safety statements it cites, the helpline; its activities with minutes and its safety moments; and what to do
after (attendance count, referral log, evaluation, report). Pure: the print product (printing/products/checklist.py)
draws it with overrides/print/checklist.html."""
from __future__ import annotations

import re

from .catalog import for_whom, handouts_needed, material_entry
from .problems import Problem
from .references import references_in
from .timing import agenda, duration

# How much a checklist holds (its words, and a line's worth for each item it lists): above these it is set smaller
# so that it stays on one A4 page (print.css .sc--compact, .sc--tight, .sc--tightest); measured on the manual's 40
# checklists (tests/integration/test_pdfs.py checks one page each).
LINE_WORDS = 8
COMPACT, TIGHT, TIGHTEST = 600, 860, 1000
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
    return view


def density(view: dict) -> str:
    """"", "compact", "tight" or "tightest": how small the checklist is set, from how much it holds."""
    lists = ("preparation", "materials", "for_participants", "for_facilitator", "activities", "moments", "after")
    words = sum(len(TAG.sub(" ", str(text)).split()) for text in (
        view["preparation"] + [m["item"] for m in view["materials"]] + view["for_participants"] + view["for_facilitator"]
        + view["statements"] + [a["title"] for a in view["activities"]] + [m["what"] for m in view["moments"]] + view["after"]))
    amount = words + LINE_WORDS * sum(len(view[name]) for name in lists)
    return "tightest" if amount > TIGHTEST else "tight" if amount > TIGHT else "compact" if amount > COMPACT else ""


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
