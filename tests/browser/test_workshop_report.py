"""The one-page workshop report (docs/informe.*.md) from file:// and http:// in both languages: opened with the
planner's hash of the real manual's largest workshop (every session), the trainer types counts, minutes, referrals,
the change tally's summary and a note; the sheet prints on one A4 page, the plain text fits one message, and
nothing typed leaves the page."""
from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

PAGE = {"es": "informe.html", "en": "en/informe.html"}
WORDS = {"es": {"row": "1.1: 18 part., 125 de {planned} min", "referrals": "Orientaciones: L100 — Línea 100 o Chat 100: 3", "limits": "No evalúan",
                "change": "4 de 12 frases con un cambio importante hacia la igualdad; 1 en sentido contrario."},
         "en": {"row": "1.1: 18 part., 125 of {planned} min", "referrals": "Referrals: L100 — Línea 100 or Chat 100: 3", "limits": "assess no one",
                "change": "4 of 12 statements with an important change towards equality; 1 the other way."}}
STORED = """() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie,
                                 location.href, history.length])"""
NOTE = "Grupo puntual. Volver a trabajar la sesión de consentimiento. " * 8  # longer than the report keeps


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_largest_workshop_fits_one_a4_page_and_one_message(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    sessions = catalog["sessions"]
    page = visit.open(PAGE[lang] + f"#s={','.join(s['id'] for s in sessions)}&d=2026-12-05")
    assert page.locator("html").get_attribute("lang") == lang
    address = page.url
    page.wait_for_load_state("networkidle")  # the page's own loading (Chromium asks for the favicon late) is done
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.locator("#report-form").is_visible()
    assert page.locator("#report-sessions tr").count() == len(sessions)
    page.fill("#report-place", "Comunidad Tres Ríos")
    page.fill("#report-last", "2026-12-20")
    for box in page.locator("#report-sessions input[data-field='participants']").all():
        box.fill("18")
    for box in page.locator("#report-sessions input[data-field='minutes']").all():
        box.fill("125")
    page.fill("#report-service-linea-100", "3")
    page.fill("#report-towards", "4")
    page.fill("#report-away", "1")
    page.fill("#report-note", NOTE)

    sheet = page.inner_text("#report-sheet")
    assert "Tres Ríos" in sheet and WORDS[lang]["change"] in sheet and WORDS[lang]["limits"] in sheet
    assert page.locator("#report-sheet a[href='tel:100']").count() == 1
    text = page.input_value("#report-text")
    assert WORDS[lang]["row"].format(planned=sessions[0]["duration"]) in text and WORDS[lang]["referrals"] in text
    assert len(text) <= 1500 and "%" not in text and "Tres Ríos" in text
    assert page.inner_text("#report-status") == ""

    # One A4 page, the sheet alone
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    assert len(pdf.pages) == 1, f"{len(pdf.pages)} pages"
    printed = pdf.pages[0].extract_text()
    assert "Tres Ríos" in printed and "125" in printed
    page.emulate_media(media="screen")

    # A box that is not a number is named
    page.fill("#report-towards", "cuatro")
    assert page.inner_text("#report-status") != ""

    stored = page.evaluate(STORED)
    assert "Tres Ríos" not in stored and json.dumps("Tres Ríos")[1:-1] not in stored and "Grupo puntual" not in stored
    assert page.url == address and requests == [] and visit.blocked == []
    assert visit.errors == [], visit.errors[:5]


def test_without_a_plan_the_page_points_to_the_planner(visit):
    page = visit.open(PAGE["es"])
    assert page.locator("#report-no-plan").is_visible() and not page.locator("#report-form").is_visible()
    assert page.locator("#report-no-plan a").get_attribute("href").endswith("planificador.html")
