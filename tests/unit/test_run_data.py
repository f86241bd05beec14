"""Run mode's build side (hooks/manualgen/run_mode.py): the safety card's rule cut from the guide's rendered HTML,
the way back to the language root, the data run.js reads and the per-language view script (run-view.js).
Golden cases, one behaviour each."""
from __future__ import annotations

import json
import re

from manualgen.run_mode import (demote_headings, embedded_section, language_root, relative_url, run_words,
                                section_html, session_run_data, view_script)

GUIDE = ('<h1 id="guia">Guía</h1><p>intro</p>'
         '<h2 id="acuerdos">Acuerdos</h2><p>a</p>'
         '<h2 id="regla-de-revelacion">La regla</h2><p>Uno <a href="#crisis">ruta</a> y '
         '<a class="helpline" href="tel:105">105</a>.</p>'
         '<h3 id="la-regla">Sub</h3><ol><li id="x">punto</li></ol>'
         '<h2 id="resistencias">Resistencias</h2><p>b</p>')


def test_a_section_runs_from_its_heading_to_the_next_heading_of_the_same_level():
    assert section_html(GUIDE, "regla-de-revelacion") == (
        '<h2 id="regla-de-revelacion">La regla</h2><p>Uno <a href="#crisis">ruta</a> y '
        '<a class="helpline" href="tel:105">105</a>.</p><h3 id="la-regla">Sub</h3><ol><li id="x">punto</li></ol>')


def test_a_section_at_the_end_of_the_page_runs_to_the_end_and_a_missing_one_is_none():
    assert section_html(GUIDE, "resistencias") == '<h2 id="resistencias">Resistencias</h2><p>b</p>'
    assert section_html(GUIDE, "la-regla") == '<h3 id="la-regla">Sub</h3><ol><li id="x">punto</li></ol>'
    assert section_html(GUIDE, "regla") is None  # an id is matched whole, never as a prefix
    assert section_html(GUIDE, "nowhere") is None


def test_headings_are_demoted_and_never_past_h6():
    assert demote_headings("<h2 class='a'>A</h2><h3>B</h3><h6>C</h6>", 1) == "<h3 class='a'>A</h3><h4>B</h4><h6>C</h6>"


def test_an_embedded_section_drops_ids_rebases_links_and_keeps_tap_to_call_links():
    html = embedded_section(GUIDE, "regla-de-revelacion", "guia-facilitacion.html", "modules/02-g/02-s.html")
    assert html == ('<h3>La regla</h3><p>Uno <a href="../../guia-facilitacion.html#crisis">ruta</a> y '
                    '<a class="helpline" href="tel:105">105</a>.</p><h4>Sub</h4><ol><li>punto</li></ol>')
    assert embedded_section(GUIDE, "nowhere", "a.html", "b.html") is None


def test_english_pages_find_their_guide_under_the_language_folder():
    html = embedded_section(GUIDE, "regla-de-revelacion", "en/guia-facilitacion.html", "en/modules/02-g/02-s.html")
    assert 'href="../../guia-facilitacion.html#crisis"' in html


def test_the_way_to_the_language_root_and_to_another_page():
    assert language_root("modules/02-g/02-s.html", "") == "../../"
    assert language_root("en/modules/02-g/02-s.html", "en/") == "../../"
    assert language_root("planificador.html", "") == ""
    assert language_root("en/planificador.html", "en/") == ""
    assert relative_url("guia-facilitacion.html#regla", "modules/02-g/02-s.html") == "../../guia-facilitacion.html#regla"
    assert relative_url("en/guia.html", "en/modules/m/s.html") == "../../guia.html"


def test_session_run_data_takes_minutes_grouping_and_anchors_from_the_agenda():
    agenda = [{"index": 1, "anchor": "m02-s02-actividad-1", "span": "0:00–0:10", "title": "Bienvenida", "minutes": 10,
               "grouping": "Plenaria"},
              {"index": 2, "anchor": "m02-s02-actividad-2", "span": "0:10–0:25", "title": "«Pórtate»", "minutes": 15,
               "grouping": "Parejas"}]
    data = session_run_data("m02-s02", "La caja", "modules/02-g/02-s.html", "../../", 25, agenda,
                            [{"item": "Papelógrafos", "qty": 6}, "Plumones"])
    assert data == {
        "id": "m02-s02", "title": "La caja", "url": "modules/02-g/02-s.html", "root": "../../", "duration": 25,
        "activities": [{"n": 1, "anchor": "m02-s02-actividad-1", "title": "Bienvenida", "minutes": 10, "grouping": "Plenaria"},
                       {"n": 2, "anchor": "m02-s02-actividad-2", "title": "«Pórtate»", "minutes": 15, "grouping": "Parejas"}],
        "materials": [{"item": "Papelógrafos", "qty": 6}, {"item": "Plumones", "qty": None}],
    }


def test_run_words_are_the_run_labels_without_their_prefix():
    assert run_words({"run_start": "Empezar", "planner_run": "Dar este taller", "agenda": "Agenda", "runner": "x"}) == {
        "start": "Empezar"}


def test_the_view_script_carries_words_and_dialogs_as_escaped_data():
    words = {"start": "Empezar", "note_hint": "</script><script>alert(1)</script> & 'ñ' \u2028"}
    dialogs = '<dialog id="run-view"><p title="a &amp; b">Sesión</p></dialog>'
    script = view_script(words, dialogs)
    payload = re.fullmatch(r"/\*.*?\*/\nwindow\.manualRunView = (\{.*\});\n", script, re.S)
    assert payload and json.loads(payload.group(1)) == {"words": words, "dialogs": dialogs}
    # Nothing a word or the guide's text holds can close the script, open a tag or break the line.
    code = script.split("*/", 1)[1]
    assert not re.search(r"[<>&'\u2028]", code) and code.isascii()
    assert r"\u003c/script\u003e" in code and r"\u00f1" in code
