"""A session whose opening reviews a week of home practice says what it does instead when it is given on the same
day as the previous one (activity option same_day); the schedule shows that only where two sessions share a day."""
from __future__ import annotations

from helpers import LANGS, edit
from manualgen.model import load_manual
from manualgen.views import schedule_view

SESSION_ES = "modules/01-prueba/01-sesion.es.md"
OPENING = "    minutes: 15\n    grouping: plenary\n"
SAME_DAY = "    same_day: \"Sin semana de práctica en medio: cada uno dice qué se lleva de la sesión anterior.\"\n"
LABELS = {"plenary": "Plenaria", "small_groups": "Grupos", "pairs": "Parejas", "individual": "Individual"}


def test_same_day_only_on_the_opening_activity(mini, schema):
    text = (mini / SESSION_ES).read_text(encoding="utf-8")
    assert text.count(OPENING) == 1
    edit(mini / SESSION_ES, "    minutes: 45\n", "    minutes: 45\n" + SAME_DAY)
    _, problems = load_manual(mini, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    found = [p for p in problems if p.field == "bloque activity: same_day"]
    assert found and found[0].line == text.split("\n").index("    minutes: 45") + 2
    assert "primera actividad" in found[0].message


def test_the_schedule_shows_the_same_day_opening_for_the_second_session_of_a_day(mini, schema):
    edit(mini / SESSION_ES, OPENING, OPENING + SAME_DAY)
    for lang in LANGS:  # a second session, the same as the first: two fit in one day
        first = (mini / f"modules/01-prueba/01-sesion.{lang}.md").read_text(encoding="utf-8")
        (mini / f"modules/01-prueba/02-sesion.{lang}.md").write_text(
            first.replace("id: m01-s01", "id: m01-s02").replace("order: 1", "order: 2"), encoding="utf-8")
    manual, problems = load_manual(mini, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    assert problems == []
    options = {"start": "09:00", "sessions_per_day": 2, "high_sensitivity_per_day": 1, "max_day_minutes": 360,
               "break_minutes": 15}
    days = schedule_view(manual, "es", LABELS, options)["days"]
    sessions = [i for i in days[0]["items"] if i["kind"] == "session"]
    assert [s["session"]["id"] for s in sessions] == ["m01-s01", "m01-s02"]
    assert "same_day" not in sessions[0]
    assert sessions[1]["same_day"].startswith("Sin semana de práctica en medio")
    # On separate days (one session a day) nobody is told to skip the review.
    days = schedule_view(manual, "es", LABELS, {**options, "sessions_per_day": 1})["days"]
    assert all("same_day" not in i for d in days for i in d["items"])
