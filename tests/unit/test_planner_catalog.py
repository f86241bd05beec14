"""The catalog as the planner page embeds it (manualgen.catalog.planner_catalog): what planner.js reads of each
session, not the objectives, preparation and module summaries it never shows (the page's first load, issue 26)."""
from manualgen.catalog import PLANNER_SESSION_FIELDS, planner_catalog

SESSION = {
    "id": "m01-s01", "module": "m01", "order": 1, "title": "Bienvenida", "url": "modules/01/01.html", "duration": 90,
    "sensitivity": "low", "group_size": {"min": 10, "max": 25}, "objectives": ["Conocerse como grupo."],
    "materials": [{"item": "Papelógrafos", "qty": 6}], "preparation": ["Prepare la sala con tiempo."],
    "activities": [{"title": "Bienvenida", "minutes": 90, "grouping": "plenary"}], "handouts": ["m01-h01"],
    "pdf": "pdf/m01-s01.pdf", "wall_sheets": None, "checklist_pdf": "pdf/checklist-m01-s01.pdf",
    "participant_handouts": ["m01-h01"], "facilitator_forms": [],
}
MODULE = {"id": "m01", "order": 1, "title": "Encuadre", "summary": "Un resumen largo del módulo.",
          "url": "modules/01/index.html", "duration": 90, "sessions": ["m01-s01"], "handouts": ["m01-h01"],
          "pack_pdf": None}
HANDOUT = {"id": "m01-h01", "module": "m01", "order": 1, "title": "Acuerdos", "kind": "worksheet",
           "audience": "participants", "url": "modules/01/h01.html", "pdf": "pdf/m01-h01.pdf", "sessions": ["m01-s01"]}
CATALOG = {"version": 1, "language": "es", "duration": 90, "modules": [MODULE], "sessions": [SESSION],
           "handouts": [HANDOUT], "pdfs": {"manual": None, "packs": {}}}


def test_each_session_keeps_what_the_planner_reads_and_nothing_else():
    session = planner_catalog(CATALOG)["sessions"][0]
    assert set(session) == set(PLANNER_SESSION_FIELDS)
    assert "objectives" not in session and "preparation" not in session and "group_size" not in session
    assert session["activities"] == SESSION["activities"] and session["materials"] == SESSION["materials"]
    assert session["checklist_pdf"] == "pdf/checklist-m01-s01.pdf" and session["participant_handouts"] == ["m01-h01"]


def test_modules_lose_their_summary_handouts_and_the_rest_stay_whole():
    planner = planner_catalog(CATALOG)
    assert planner["modules"] == [{k: v for k, v in MODULE.items() if k != "summary"}]
    assert planner["handouts"] == [HANDOUT] and planner["pdfs"] == CATALOG["pdfs"] and planner["language"] == "es"
    assert CATALOG["sessions"][0]["objectives"] == ["Conocerse como grupo."]  # the catalog itself is untouched
