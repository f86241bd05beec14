"""What the certificate page (overrides/manual/certificate.html) gets from the catalog, the labels and the day
rules: only what a certificate prints or the day split reads, and only the certificate_* words."""
from manualgen.certificate import certificate_view
from manualgen.timing import DayRules

CATALOG = {
    "modules": [{"id": "m01", "order": 1, "title": "Encuadre", "summary": "long text", "sessions": ["m01-s01"]}],
    "sessions": [{"id": "m01-s01", "module": "m01", "order": 1, "title": "Bienvenida <b>", "duration": 135,
                  "sensitivity": "low", "objectives": ["…"], "materials": [], "activities": [], "handouts": [],
                  "preparation": ["…"], "url": "x.html", "pdf": None}],
}


def test_the_page_gets_the_sessions_words_and_day_rules_it_needs():
    view = certificate_view(CATALOG, {"certificate_title": "Constancia", "planner_plan": "Plan", "print": "Imprimir"},
                            DayRules(sessions_per_day=3, high_per_day=1, max_day_minutes=300))
    assert view["data"] == {
        "modules": [{"id": "m01", "order": 1, "title": "Encuadre"}],
        "sessions": [{"id": "m01-s01", "module": "m01", "order": 1, "title": "Bienvenida <b>", "duration": 135,
                      "sensitivity": "low"}],
    }
    assert view["words"] == {"title": "Constancia"}
    # The names planner.js reads (dayWarnings, planAgenda), from the settings given (not the defaults)
    assert view["rules"] == {"sessionsPerDay": 3, "highPerDay": 1, "maxDayMinutes": 300, "lunchWindow": 60,
                             "agreementsSession": None}
