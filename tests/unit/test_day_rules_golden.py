"""The schedule page's day rules (hooks/manualgen/timing.py) on the golden cases the planner's JavaScript is held to
as well (tests/js/day_rules.test.js): tests/golden/day_rules.json. A trainer who chooses one of the schedule's days
in the planner must see the same times, lunch, same-day openings and warnings. The certificate's dates are the
browser's alone (certificate.js); here the plan's own days they come from."""
from __future__ import annotations

import json

import pytest

from helpers import ROOT
from manualgen.timing import DayRules, day_agenda, day_rule_breaks, plan_warnings, schedule

GOLDEN = json.loads((ROOT / "tests" / "golden" / "day_rules.json").read_text(encoding="utf-8"))
SESSIONS = {session["id"]: session for session in GOLDEN["sessions"]}


def rules_of(case: dict) -> DayRules:
    return DayRules.from_settings({**GOLDEN["rules"], **case.get("rules", {})})


def lay_out(case: dict, sessions: list[dict]) -> dict:
    lunch = case["lunch"] or {}
    return day_agenda(1, sessions, case["start"], case["break_minutes"], lunch.get("at"), lunch.get("minutes", 0))


def rows(day: dict) -> list[str]:
    """A day as the golden file writes it: one line per session, activity, break and lunch."""
    found = []
    for item in day["items"]:
        if item["kind"] != "session":
            found.append(f"{item['start']}-{item['end']} {item['kind']}")
            continue
        sid = item["session"]["id"]
        found.append(f"{item['start']}-{item['end']} session {sid}")
        for number, activity in enumerate(item["activities"], start=1):
            same_day = " same-day" if number == 1 and item.get("same_day") else ""
            found.append(f"{activity['start']}-{activity['end']} activity {sid} {number}{same_day}")
    return found


def calendar_days(day: dict) -> list[list]:
    days: list[list] = []
    for item in (i for i in day["items"] if i["kind"] == "session"):
        if days and days[-1][0] == item["day_offset"]:
            days[-1][1].append(item["session"]["id"])
        else:
            days.append([item["day_offset"], [item["session"]["id"]]])
    return days


def lunch_after(day: dict) -> str | None:
    items = day["items"]
    return next((items[i - 1]["session"]["id"] for i, item in enumerate(items) if item["kind"] == "lunch"), None)


@pytest.mark.parametrize("case", GOLDEN["plans"], ids=[c["case"] for c in GOLDEN["plans"]])
def test_a_plan(case):
    sessions = [SESSIONS[sid] for sid in case["sessions"]]
    day = lay_out(case, sessions)
    expect = case["expect"]
    assert rows(day) == expect["agenda"]
    assert lunch_after(day) == expect["lunch_after"]
    rules = rules_of(case)
    assert day_rule_breaks(sessions, rules) + plan_warnings(sessions, GOLDEN["modules"], rules) == expect["warnings"]
    assert calendar_days(day) == expect["days"]


@pytest.mark.parametrize("case", GOLDEN["programmes"], ids=[c["case"] for c in GOLDEN["programmes"]])
def test_a_programme(case):
    lunch = case["lunch"] or {}
    days = schedule([SESSIONS[sid] for sid in case["sessions"]], case["start"], rules_of(case), case["break_minutes"],
                    lunch.get("at"), lunch.get("minutes", 0))
    assert [{"sessions": [i["session"]["id"] for i in day["items"] if i["kind"] == "session"], "agenda": rows(day)}
            for day in days] == case["expect"]["days"]


def test_every_rule_and_every_kind_of_row_has_a_case():
    """The file keeps covering what it is for: each warning, lunch and its absence, same-day openings, days."""
    plans = [case["expect"] for case in GOLDEN["plans"]]
    assert {w["rule"] for e in plans for w in e["warnings"]} == {"sessions", "high", "minutes", "order", "agreements"}
    assert {e["lunch_after"] is None for e in plans} == {True, False}
    lines = [row for e in plans for row in e["agenda"]]
    assert any(row.endswith(" break") for row in lines) and any(row.endswith(" same-day") for row in lines)
    assert {len(e["days"]) for e in plans} >= {1, 2} and any(not e["certificate"]["dates"] for e in plans)


def test_the_schedule_page_refuses_an_order_the_planner_would_warn_about(mini, schema):
    """The schedule lays out the manual in its own order: with the agreements session after a high-sensitivity one,
    it would print the order planWarnings flags (rule "agreements"). The setting is named, with what to do."""
    from helpers import LANGS
    from manualgen.model import load_manual
    from manualgen.views import schedule_view
    for lang in LANGS:
        first = mini / f"modules/01-prueba/01-sesion.{lang}.md"
        text = first.read_text(encoding="utf-8")
        (mini / f"modules/01-prueba/02-sesion.{lang}.md").write_text(
            text.replace("id: m01-s01", "id: m01-s02").replace("order: 1", "order: 2"), encoding="utf-8")
        first.write_text(text.replace("sensitivity: medium", "sensitivity: high"), encoding="utf-8")
    manual, _ = load_manual(mini, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    labels = {"plenary": "Plenaria", "small_groups": "Grupos", "pairs": "Parejas", "individual": "Individual"}
    with pytest.raises(ValueError, match=r"agreements_session: 'm01-s02' comes after the high-sensitivity "
                                         r"session\(s\) m01-s01 in the manual's order"):
        schedule_view(manual, "es", labels, {"agreements_session": "m01-s02"})
    assert schedule_view(manual, "es", labels, {"agreements_session": "m01-s01"})["days"]
