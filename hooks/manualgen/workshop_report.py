"""The one-page workshop report page (docs/informe, overrides/manual/workshop-report.html): what its script needs
from the catalog (the sessions a plan can hold, numbered as the programme numbers them), the categories referrals are
counted by (the referral log's, data/referrals.yml: the report asks a count for each category the log writes), the number of statements of the change check, and its words. Pure."""
from __future__ import annotations

WORDS_PREFIX = "report_"


def workshop_report_view(catalog: dict, services: list[tuple[str, str]], statements: int, labels: dict) -> dict:
    """services: (id, name in this language) of the referral log's categories, in the log's order."""
    modules = {m["id"]: m["order"] for m in catalog["modules"]}
    return {
        "data": {
            "sessions": [{"id": s["id"], "number": f"{modules.get(s['module'], '?')}.{s['order']}", "title": s["title"],
                          "duration": s["duration"]} for s in catalog["sessions"]],
            "services": [{"id": sid, "name": name} for sid, name in services],
            "statements": statements,
        },
        "words": {key[len(WORDS_PREFIX):]: text for key, text in labels.items() if key.startswith(WORDS_PREFIX)},
    }
