"""The certificate of participation page (docs/constancia, overrides/manual/certificate.html): what its script
needs from the catalog, its words and the day rules (to warn when a plan crowds a day). Pure: no MkDocs."""
from __future__ import annotations

from .timing import DayRules

WORDS_PREFIX = "certificate_"


def certificate_view(catalog: dict, labels: dict, rules: DayRules) -> dict:
    """{data: {modules, sessions}, words, rules} for the page. Only what a certificate prints or the day split
    reads is kept from the catalog (the planner's page carries the whole of it), so the page stays small."""
    return {
        "data": {
            "modules": [{"id": m["id"], "order": m["order"], "title": m["title"]} for m in catalog["modules"]],
            "sessions": [{"id": s["id"], "module": s["module"], "order": s["order"], "title": s["title"],
                          "duration": s["duration"], "sensitivity": s["sensitivity"]} for s in catalog["sessions"]],
        },
        "words": {key[len(WORDS_PREFIX):]: text for key, text in labels.items() if key.startswith(WORDS_PREFIX)},
        # The names planner.js's dayWarnings and planAgenda read (the planner's page passes the same).
        "rules": rules.for_script(),
    }
