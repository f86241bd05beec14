"""The change tally page (docs/cambio.*.md) as a facilitator uses it, from file:// and http:// in both languages:
type the scoring sheet's counts, read the change per statement and per topic as "x of y" (never a percentage)
with the scoring sheet's rule, print the group change report alone, and check that nothing typed leaves the page.
Statements and rule come from the registry (data/change_check.yml)."""
from __future__ import annotations

import json

import pytest

from helpers import ROOT
from manualgen.change_check import load_change_check

pytestmark = pytest.mark.browser

PAGE = {"es": "cambio.html", "en": "en/cambio.html"}
WORDS = {
    "es": {"groups": "Entrada: 12 cuestionarios. Salida: 11 cuestionarios. Códigos en las dos: 10.",
           "differ": "no es el mismo", "item1": "4 más con la respuesta de igualdad — cambio importante",
           "item9": "3 menos con la respuesta de igualdad — cambio importante",
           "item3": "1 más con la respuesta de igualdad", "same": "Igual", "none": "Sin datos para comparar",
           "of": "de", "invalid": "solo números enteros", "consent": "voluntad propia", "no_names": "Sin nombres",
           "roles": "1 de 2 hacia la igualdad; 0 de 2 en sentido contrario. Sin cambio en varias frases del tema.",
           "consent_roles_entry": "7 de 12 respuestas"},
    "en": {"groups": "Entry: 12 questionnaires. Exit: 11 questionnaires. Codes at both: 10.",
           "differ": "not the same", "item1": "4 more with the equality answer — important change",
           "item9": "3 fewer with the equality answer — important change",
           "item3": "1 more with the equality answer", "same": "The same", "none": "No data to compare",
           "of": "of", "invalid": "whole numbers only", "consent": "answered freely", "no_names": "No names",
           "roles": "1 of 2 towards equality; 0 of 2 the other way. No change in several statements of the topic.",
           "consent_roles_entry": "7 of 12 answers"},
}
# (item number, moment) -> (agree, partly, disagree)
COUNTS = {(1, "entry"): (6, 3, 3), (1, "exit"): (2, 2, 7),
          (3, "entry"): (3, 0, 9), (3, "exit"): (1, 0, 10),
          (9, "entry"): (8, 0, 4), (9, "exit"): (5, 0, 6),
          (10, "entry"): (7, 1, 4), (10, "exit"): (7, 1, 3)}
RESULTS = """() => Array.from(document.querySelectorAll('[data-result]')).map(r =>
  Array.from(r.querySelectorAll('td')).map(td => td.textContent))"""
SUBSCALES = """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-subscale]')).map(r =>
  [r.getAttribute('data-subscale'), Array.from(r.querySelectorAll('td')).map(td => td.textContent)]))"""
STORED = """() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie,
                                 location.href, history.length])"""


@pytest.fixture(scope="module")
def registry():
    found, problems = load_change_check(ROOT / "data" / "change_check.yml", ("es", "en"))
    assert problems == []
    return found


def fill(page, registry):
    page.fill("#tally-place", "Comunidad Tres Ríos")
    page.fill("#tally-received-entry", "12")
    page.fill("#tally-received-exit", "11")
    page.fill("#tally-paired", "10")
    for (number, moment), values in COUNTS.items():
        item = registry.items[number - 1]
        for answer, value in zip(("agree", "partly", "disagree"), values):
            page.fill(f'[data-item="{item.id}"] input[data-moment="{moment}"][data-answer="{answer}"]', str(value))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_counts_give_the_change_per_statement_and_topic_as_x_of_y(visit, registry, lang):
    words = WORDS[lang]
    page = visit.open(PAGE[lang])
    assert page.locator("html").get_attribute("lang") == lang
    intro = page.inner_text(".tally-intro")
    assert words["consent"] in intro and words["no_names"] in intro
    assert page.locator(".tally-intro a[href='tel:100']").count() == 1
    address = page.url
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.locator("#tally-form").is_visible()
    legends = page.eval_on_selector_all(".tally-item legend", "ls => ls.map(l => l.textContent)")
    assert legends == [f"{i.number}. {i.text[lang]}" for i in registry.items]

    fill(page, registry)
    assert page.inner_text("#tally-groups").startswith(words["groups"]) and words["differ"] in page.inner_text("#tally-groups")
    assert page.inner_text("#tally-status") == ""
    rows = page.evaluate(RESULTS)
    assert [row[1] for row in rows] == [i.text[lang] for i in registry.items]
    of = words["of"]
    assert rows[0][3:] == [f"3 {of} 12", f"7 {of} 11", words["item1"]]
    assert rows[2][3:] == [f"9 {of} 12", f"10 {of} 11", words["item3"]]
    assert rows[8][3:] == [f"8 {of} 12", f"5 {of} 11", words["item9"]]   # reverse-scored: "agree" is the equality answer
    assert rows[9][3:] == [f"7 {of} 12", f"7 {of} 11", words["same"]]
    assert rows[1][3:] == [f"0 {of} 0", f"0 {of} 0", words["none"]]
    subscales = page.evaluate(SUBSCALES)
    assert subscales["roles"][3] == words["roles"]
    assert subscales["action"][1] == words["consent_roles_entry"]  # items 10 and 12: 7 of 12 answers at entry
    report = page.inner_text("#tally-report")
    assert "%" not in report and "Tres Ríos" in report

    # A box with something that is not a whole number is marked and named
    box = f'[data-item="{registry.items[4].id}"] input[data-moment="exit"][data-answer="agree"]'
    page.fill(box, "3a")
    assert page.get_attribute(box, "aria-invalid") == "true" and words["invalid"] in page.inner_text("#tally-status")
    page.fill(box, "")
    assert page.inner_text("#tally-status") == ""

    # Printed, the report stands alone, with the helpline
    page.emulate_media(media="print")
    assert not page.locator("#tally-form").is_visible() and page.locator("#tally-report").is_visible()
    assert page.locator("#tally-report a[href='tel:100']").is_visible()
    page.emulate_media(media="screen")

    # Nothing typed went anywhere: no request, nothing stored, the address unchanged.
    stored = page.evaluate(STORED)
    assert "Tres Ríos" not in stored and json.dumps("Tres Ríos")[1:-1] not in stored
    assert page.url == address and requests == [] and visit.blocked == []
    assert visit.errors == [], visit.errors[:5]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tally_page_is_accessible_and_fits_a_small_phone(visit, scheme):
    if not visit.base.startswith("file:"):
        pytest.skip("the same page as from file://")
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    visit.page.set_viewport_size({"width": 360, "height": 640})
    visit.page.emulate_media(color_scheme=scheme)
    for rel in PAGE.values():
        page = visit.open(rel)
        page.fill("#tally-received-entry", "12")
        page.fill("#tally-received-exit", "3x")  # the error state too
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe.run(page).response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{rel} ({scheme}): {serious}"
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, rel
