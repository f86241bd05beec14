"""The one-page workshop report page (docs/informe, overrides/manual/workshop-report.html): what its script needs
from the catalog (the sessions a plan can hold, numbered as the programme numbers them), the services referrals are
counted by (the helplines, then any other), the number of statements of the change check, and its words. Pure."""
from __future__ import annotations

WORDS_PREFIX = "report_"


def workshop_report_view(catalog: dict, services: list[tuple[str, str]], statements: int, labels: dict) -> dict:
    """services: (id, name in this language) of the helplines; an "other" service is added last."""
    modules = {m["id"]: m["order"] for m in catalog["modules"]}
    return {
        "data": {
            "sessions": [{"id": s["id"], "number": f"{modules.get(s['module'], '?')}.{s['order']}", "title": s["title"],
                          "duration": s["duration"]} for s in catalog["sessions"]],
            "services": [{"id": sid, "name": name} for sid, name in services] + [{"id": "other", "name": labels["report_other_service"]}],
            "statements": statements,
        },
        "words": {key[len(WORDS_PREFIX):]: text for key, text in labels.items() if key.startswith(WORDS_PREFIX)},
    }
