"""Certificates of participation (docs/constancia.*.md) as a trainer makes them, from file:// and http://: open the
page with a planner hash, type the participants' names, untick a session, read each certificate (sessions, dates,
total hours from the catalog, the attendance-only statement), print them one A4 sheet each, and check that what was
typed never leaves the page. Expectations come from the built catalog.json; the dates are the plan's own (the days
its agenda runs on), never a second split by the manual's day rules (hooks/manualgen/timing.py)."""
from __future__ import annotations

import io
import json
import re

import pytest

from manualgen.timing import DayRules, day_rule_breaks

pytestmark = pytest.mark.browser

PAGE = {"es": "constancia.html", "en": "en/constancia.html"}
PLANNER = {"es": "planificador.html", "en": "en/planificador.html"}
RULES = DayRules(sessions_per_day=2, high_per_day=1, max_day_minutes=360)  # mkdocs.yml, extra.manual.schedule
WORDS = {  # what a certificate says in each language (data/labels.yml, certificate_*)
    "es": {"session": "Sesión", "dates": "Fechas", "date": "Fecha", "hours": "Duración total de las sesiones",
           "place": "Lugar", "institution": "Institución que organiza", "open": "Imprimir constancias",
           "statement": "Esta constancia certifica únicamente la participación en las sesiones indicadas. "
                        "No certifica rehabilitación, tratamiento ni evaluación alguna de la persona.",
           "one_day": "5 de diciembre de 2026", "saturday": "12 de diciembre de 2026",
           "past_midnight": "12–13 de diciembre de 2026", "day_two": "13 de diciembre de 2026",
           "blank": "por completar a mano",
           "ready": "3 constancias"},
    "en": {"session": "Session", "dates": "Dates", "date": "Date", "hours": "Total length of the sessions",
           "place": "Place", "institution": "Organising institution", "open": "Print certificates",
           "statement": "This certificate attests only to participation in the sessions listed. "
                        "It does not certify rehabilitation, treatment or any assessment of the person.",
           "one_day": "5 December 2026", "saturday": "12 December 2026", "past_midnight": "12 – 13 December 2026",
           "day_two": "13 December 2026", "blank": "to be written in by hand",
           "ready": "3 certificates"},
}
NAMES = ["María Quispe Huamán", "<script>window.injected = 1</script><b>Luis</b>", "José Ñahui Ccori"]
CERTIFICATES = """() => Array.from(document.querySelectorAll('#certificate-output .certificate')).map(c => ({
  name: c.querySelector('.certificate__name').textContent,
  sessions: Array.from(c.querySelectorAll('.certificate__sessions li')).map(li => li.textContent),
  facts: Object.fromEntries(Array.from(c.querySelectorAll('.certificate__facts > div')).map(d =>
    [d.querySelector('dt').textContent, [d.querySelector('dd').textContent, !!d.querySelector('.certificate__blank')]])),
  statement: c.querySelector('.certificate__statement').textContent,
  signers: Array.from(c.querySelectorAll('.certificate__signer')).map(s => s.textContent),
  help: c.querySelector('.certificate__help a') && c.querySelector('.certificate__help a').getAttribute('href'),
  elements: c.querySelectorAll('script, b').length}))"""
STORED = """() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie,
                                 location.href, history.length])"""


def duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins} min" if mins else f"{hours} h"


def workshop_days(sessions):
    """The manual's rule, written again from timing.py: in order, a new day when one more session breaks a rule."""
    days = []
    for session in sessions:
        if days and not day_rule_breaks(days[-1] + [session], RULES):
            days[-1].append(session)
        else:
            days.append([session])
    return days


def crowded_plan(catalog):
    """The first four sessions of the manual: more than one day holds under the day rules, but the planner lays
    them out (and prints them) as one day."""
    plan = catalog["sessions"][:4]
    assert len(workshop_days(plan)) == 2
    return plan


def listed(session, catalog, lang):
    module = next(m for m in catalog["modules"] if m["id"] == session["module"])
    return f"{WORDS[lang]['session']} {module['order']}.{session['order']}: {session['title']}"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_one_certificate_per_name_with_the_ticked_sessions_dates_and_hours(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    words = WORDS[lang]
    plan = crowded_plan(catalog)
    # Issue 27: a one-day plan for Saturday 12 December gave certificates dated 12–14 December.
    page = visit.open(PAGE[lang] + f"#s={','.join(s['id'] for s in plan)}&d=2026-12-12&t=09:00&b=15")
    assert page.locator("html").get_attribute("lang") == lang
    address = page.url
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # Every session of the plan is ticked at first, in the plan's order.
    assert page.eval_on_selector_all('#certificate-choices input', "boxes => boxes.map(b => [b.value, b.checked])") == [
        [s["id"], True] for s in plan]
    page.fill("#certificate-names", "\n".join([NAMES[0], "   ", NAMES[1], NAMES[2] + "  "]))
    page.fill("#certificate-place", "Cusco")
    page.fill("#certificate-facilitators", "Rosa Mamani\nLuis Condori")
    left_out = plan[1]
    page.locator(f'#certificate-choices input[value="{left_out["id"]}"]').uncheck()
    kept = [s for s in plan if s is not left_out]
    assert words["ready"] in page.inner_text("#certificate-status")
    # The plan crowds its day: the trainer is asked to check the dates (the certificates keep the plan's).
    assert page.locator("#certificate-rules-hint").is_visible() and page.locator("#certificate-days-hint").is_visible()

    certificates = page.evaluate(CERTIFICATES)
    assert [c["name"] for c in certificates] == NAMES  # spaces tidied, empty line dropped, markup kept as text
    for c in certificates:
        assert c["sessions"] == [listed(s, catalog, lang) for s in kept]
        assert c["facts"][words["date"]] == [words["saturday"], False]  # the plan's one day, no other
        assert words["dates"] not in c["facts"]
        assert c["facts"][words["hours"]] == [duration(sum(s["duration"] for s in kept)), False]
        assert c["facts"][words["place"]] == ["Cusco", False]
        assert c["facts"][words["institution"]] == [words["blank"], True]  # left empty: a line to write it by hand
        assert c["statement"] == words["statement"]
        assert c["signers"] == ["Rosa Mamani", "Luis Condori"]
        assert c["help"] == "tel:100" and c["elements"] == 0
    assert page.evaluate("window.injected") is None and dialogs == []

    # Dates left to write by hand
    page.check("#certificate-by-hand")
    assert page.evaluate(CERTIFICATES)[0]["facts"][words["date"]] == [words["blank"], True]

    # Nothing typed went anywhere: no request at all, nothing stored, the address unchanged.
    stored = page.evaluate(STORED)
    for typed in NAMES + ["Cusco", "Rosa Mamani", "Quispe"]:
        assert json.dumps(typed)[1:-1] not in stored and typed not in stored
    assert page.url.split("#")[0] == address.split("#")[0] and "Quispe" not in page.url and "Cusco" not in page.url
    assert requests == [] and visit.blocked == []
    assert visit.errors == [], visit.errors[:5]

    # A plan whose agenda runs past midnight has two days: the certificates state both, then only the second
    # (the address changed by hand: Chromium then fetches the page's icon again, so this comes after the check).
    page.evaluate("hash => { location.hash = hash; }", f"s={','.join(s['id'] for s in plan)}&d=2026-12-12&t=20:00&b=15")
    page.uncheck("#certificate-by-hand")
    page.wait_for_function("() => document.getElementById('certificate-dates-shown').textContent.includes('13')")
    assert page.evaluate(CERTIFICATES)[0]["facts"][words["dates"]] == [words["past_midnight"], False]
    for session in plan[:2]:
        page.locator(f'#certificate-choices input[value="{session["id"]}"]').uncheck()
    first = page.evaluate(CERTIFICATES)[0]
    assert first["facts"][words["date"]] == [words["day_two"], False]
    assert first["sessions"] == [listed(s, catalog, lang) for s in plan[2:]]


def test_a_plan_without_a_date_leaves_lines_for_the_dates_and_no_plan_points_to_the_planner(visit, real_site):
    catalog = real_site.catalog("es")
    session = catalog["sessions"][0]
    page = visit.open(PAGE["es"] + f"#s={session['id']},nope&t=25:99")
    assert page.locator("#certificate-no-date").is_visible() and not page.locator("#certificate-by-hand").is_visible()
    page.fill("#certificate-names", "Ana")
    [certificate] = page.evaluate(CERTIFICATES)
    assert certificate["facts"][WORDS["es"]["date"]] == [WORDS["es"]["blank"], True]
    assert certificate["sessions"] == [listed(session, catalog, "es")]
    assert certificate["facts"][WORDS["es"]["hours"]] == [duration(session["duration"]), False]
    assert certificate["signers"] == []  # no facilitator typed: a blank signature line

    page = visit.open(PAGE["es"] + "#s=nope&d=2026-12-05")
    assert page.locator("#certificate-no-plan").is_visible() and not page.locator("#certificate-form").is_visible()
    link = page.locator("#certificate-no-plan a")
    assert page.evaluate("(a) => a.href", link.element_handle()).endswith("/planificador.html")
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_planner_opens_the_certificates_with_its_plan(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    first, second = catalog["sessions"][0], catalog["sessions"][5]
    page = visit.open(PLANNER[lang] + f"#s={first['id']}&d=2026-12-05")
    page.locator(f'input[name="session"][value="{second["id"]}"]').check()
    link = page.get_by_role("link", name=WORDS[lang]["open"])
    assert link.count() == 1
    link.click()
    page.wait_for_url(re.compile(r".*/constancia\.html#.*"))
    assert page.url.startswith(visit.base + PAGE[lang])
    assert page.eval_on_selector_all('#certificate-choices input:checked', "boxes => boxes.map(b => b.value)") == [
        first["id"], second["id"]]
    page.fill("#certificate-names", "Ana")
    # Two sessions that keep the day rules: one day, the plan's date
    assert not day_rule_breaks([first, second], RULES)
    assert page.evaluate(CERTIFICATES)[0]["facts"][WORDS[lang]["date"]] == [WORDS[lang]["one_day"], False]
    assert visit.errors == [] and visit.blocked == []


FACILITATORS = ["Rosa Mamani Quispe", "Luis Condori Huamán", "Ana Ccori", "Pedro Layme", "Juana Apaza", "Teodoro Ticona"]


@pytest.mark.parametrize("sessions, signers", [(None, 6), (7, 2)], ids=["whole-manual-six-signers", "seven-sessions-two-signers"])
def test_each_certificate_prints_on_its_own_a4_sheet_without_the_form(visit, real_site, sessions, signers):
    """The extremes of the layout: every session of the manual with six facilitators (the dense layout), and the
    most sessions the roomy layout takes, with the longest titles and a long institution name."""
    from pypdf import PdfReader
    catalog = real_site.catalog("es")
    plan = catalog["sessions"] if sessions is None else sorted(catalog["sessions"], key=lambda s: -len(s["title"]))[:sessions]
    visit.page.emulate_media(color_scheme="dark")  # printed on white all the same
    page = visit.open(PAGE["es"] + f"#s={','.join(s['id'] for s in plan)}&d=2026-12-05")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.fill("#certificate-names", "\n".join(NAMES))
    page.fill("#certificate-institution", "Municipalidad Distrital de San Jerónimo de Surite, Provincia de Anta")
    page.fill("#certificate-place", "Cusco")
    page.fill("#certificate-facilitators", "\n".join(FACILITATORS[:signers]))
    page.emulate_media(media="print", color_scheme="dark")
    assert not page.locator("#certificate-form").is_visible()
    assert not page.locator(".md-content__inner > h1").is_visible() and not page.locator("#certificate-print").is_visible()
    assert not page.locator(".md-header").is_visible()
    styles = page.eval_on_selector_all(".certificate", """cs => cs.map(c => {
        const s = getComputedStyle(c); return [s.breakAfter, s.color, s.backgroundColor]; })""")
    assert [s[0] for s in styles] == ["page", "page", "auto"]
    assert all(s[1:] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"] for s in styles), styles
    # The browser's own print: one A4 sheet per name, in order, each with the whole list of sessions and signers.
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(reader.pages) == len(NAMES)
    for number, (sheet, name) in enumerate(zip(reader.pages, NAMES)):
        assert round(float(sheet.mediabox.width) / 72 * 25.4) == 210 and round(float(sheet.mediabox.height) / 72 * 25.4) == 297
        text = " ".join(sheet.extract_text().split())
        assert name.replace(" ", "") in text.replace(" ", ""), (number, text[:200])  # a long name wraps
        assert text.count(WORDS["es"]["session"] + " ") == len(plan) and "Línea 100" in text
        assert all(signer in text for signer in FACILITATORS[:signers]) and "únicamente la participación en las sesiones indicadas" in text  # ("fi" prints as a ligature)
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_fits_a_phone_and_is_accessible_in_light_and_dark(visit, real_site, lang, scheme):
    from axe_playwright_python.sync_playwright import Axe
    catalog = real_site.catalog(lang)
    plan = crowded_plan(catalog)
    visit.page.set_viewport_size({"width": 360, "height": 640})
    visit.page.emulate_media(color_scheme=scheme)  # the phone's setting, before the page opens
    page = visit.open(PAGE[lang] + f"#s={','.join(s['id'] for s in plan)}&d=2026-12-05")
    assert page.locator("body").get_attribute("data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
    page.fill("#certificate-names", NAMES[0] + "\nAlejandroMaximilianoCondorcanquiHuaraccaPumacahua")
    page.fill("#certificate-facilitators", "Rosa Mamani")
    assert page.locator("#certificate-output .certificate").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert visit.errors == [], visit.errors[:5]
    # axe reads the stylesheets itself (its console errors from file:// are its own, so errors are checked above)
    serious = [(v["id"], len(v["nodes"])) for v in Axe().run(page).response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert visit.blocked == []


# The pure logic (names, the plan's own days, dates in words, hours): tests/js/certificate.test.js.


def test_both_language_pages_are_built_with_the_statement_and_linked_from_the_planner(real_site):
    for lang, words in WORDS.items():
        html = real_site.html(PAGE[lang])
        assert f'<html lang="{lang}"' in html
        found = re.search(r'<script type="application/json" id="certificate-words">(.*?)</script>', html, re.S)
        assert found and json.loads(found.group(1))["statement"] == words["statement"]
        assert 'data-print' in html and 'href="tel:100"' in html
        planner = real_site.html(PLANNER[lang])
        assert re.search(r'<a class="md-button" id="planner-certificates" href="constancia\.html">' + re.escape(words["open"]),
                         planner), lang


@pytest.mark.parametrize("lang", ["es", "en"])
def test_save_as_pdf_writes_one_file_with_a_page_per_certificate(visit, real_site, lang):
    """«Guardar como PDF»: jsPDF (assets/vendor/jspdf) is loaded from the site only when the button is pressed, and
    the one downloaded file has one A4 page per name, with the name (accents right), every session of the plan, the
    plan's dates, the statement and the helpline — from file:// and http:// alike."""
    from pypdf import PdfReader
    catalog = real_site.catalog(lang)
    plan = catalog["sessions"]  # the largest workshop: every session, the densest certificate
    page = visit.open(PAGE[lang] + f"#s={','.join(s['id'] for s in plan)}&d=2026-12-05")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.fill("#certificate-names", "\n".join(NAMES))
    page.fill("#certificate-facilitators", "Rosa Mamani\nLuis Condori")
    assert page.evaluate("typeof window.jspdf") == "undefined"  # not loaded with the page
    dates = page.evaluate(CERTIFICATES)[0]["facts"][words_dates := WORDS[lang]["dates"]][0]
    assert "2026" in dates and dates != WORDS[lang]["blank"]
    with page.expect_download() as download:
        page.click("#certificate-save-pdf")
    saved = download.value
    assert saved.suggested_filename == {"es": "constancias", "en": "certificates"}[lang] + "-2026-12-05.pdf"
    reader = PdfReader(saved.path())
    assert len(reader.pages) == len(NAMES)
    for sheet, name in zip(reader.pages, NAMES):
        assert round(float(sheet.mediabox.width) / 72 * 25.4) == 210 and round(float(sheet.mediabox.height) / 72 * 25.4) == 297
        text = " ".join(sheet.extract_text().split())
        squeezed = text.replace(" ", "")
        assert name.replace(" ", "") in squeezed, text[:300]  # typed markup is a name like any other, as text
        assert f"{words_dates}:{dates}".replace(" ", "") in squeezed
        assert text.count(WORDS[lang]["session"] + " ") == len(plan)
        assert all(s["title"].replace(" ", "") in squeezed for s in plan)
        assert WORDS[lang]["statement"].replace(" ", "") in squeezed and "Línea 100" in text
        assert "Rosa Mamani" in text and "Luis Condori" in text
    assert "José Ñahui Ccori" in " ".join(reader.pages[2].extract_text().split())
    page.wait_for_function("() => document.getElementById('certificate-status').textContent.includes('PDF')")
    loaded = [url for url in requests if url.startswith(visit.base)]
    assert any(url.endswith("assets/vendor/jspdf/jspdf.umd.min.js") for url in loaded)
    assert visit.blocked == [] and visit.errors == [], visit.errors[:5]
