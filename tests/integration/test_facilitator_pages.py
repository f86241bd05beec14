"""Schedule, aggregate pages, translation status and the authoring guide, in both languages."""
from __future__ import annotations

import json
import re

import yaml
from pathlib import PurePosixPath

import pytest

from helpers import ROOT

PREFIX = {"es": "", "en": "en/"}


def links_resolve(real_site, lang, rel, html):
    base = PurePosixPath(PREFIX[lang] + rel).parent
    for href in re.findall(r'href="([^"#:]+\.html)(?:#[^"]*)?"', html):
        assert (real_site.site / base / href).resolve().is_file(), href


@pytest.mark.parametrize("lang,day,pause,lunch", [("es", "Día", "Pausa", "Almuerzo"), ("en", "Day", "Break", "Lunch")])
def test_schedule_has_days_breaks_and_clock_times(real_site, lang, day, pause, lunch):
    html = real_site.html(PREFIX[lang] + "horario.html")
    catalog = real_site.catalog(lang)
    options = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nmarkdown_extensions:")[0]
                             .split("\nextra:\n", 1)[1].replace("!ENV", ""))["manual"]["schedule"]
    start = options["start"]
    days = re.findall(rf"<h2 id=\"dia-(\d+)\">{day} \d+ · (\d\d:\d\d)–(\d\d:\d\d)</h2>", html)
    assert len(days) >= len(catalog["sessions"]) / options["sessions_per_day"] and all(s == start for _, s, _ in days)
    assert lunch in html  # with two sessions a day from the start time, lunch falls between them
    first = catalog["sessions"][0]["activities"][0]
    hours, minutes = map(int, start.split(":"))
    assert re.search(rf"{start}–{hours + (minutes + first['minutes']) // 60:02d}:{(minutes + first['minutes']) % 60:02d}"
                     rf"</td><td>{re.escape(first['title'])}", html)
    assert html.count('class="schedule__session"') == len(catalog["sessions"])
    # The safety rules, day by day: at most two sessions, never two of high sensitivity.
    high = {s["id"] for s in catalog["sessions"] if s["sensitivity"] == "high"}
    for section in re.split(r'<h2 id="dia-\d+">', html)[1:]:
        titles = [s for s in catalog["sessions"] if f'href="{s["url"]}"' in section]
        assert 1 <= len(titles) <= options["sessions_per_day"]
        assert len([s for s in titles if s["id"] in high]) <= options["high_sensitivity_per_day"]
    links_resolve(real_site, lang, "horario.html", html)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_key_messages_and_notes_gather_every_session_and_link_back(real_site, lang):
    catalog = real_site.catalog(lang)
    html = real_site.html(PREFIX[lang] + "mensajes-clave.html")
    assert html.count('class="admonition key-messages"') >= len(catalog["sessions"])
    for session in catalog["sessions"]:
        assert f'href="{session["url"]}"' in html
    links_resolve(real_site, lang, "mensajes-clave.html", html)
    notes = real_site.html(PREFIX[lang] + "notas-facilitacion.html")
    session_safety = sum(real_site.html(PREFIX[lang] + s["url"]).count('class="admonition safety"') for s in catalog["sessions"])
    assert notes.count('class="admonition safety"') == session_safety > 0
    assert notes.count('class="admonition facilitator"') >= len(catalog["sessions"])
    links_resolve(real_site, lang, "notas-facilitacion.html", notes)


@pytest.mark.parametrize("lang,item", [("es", "Papelógrafos"), ("en", "Flip chart paper")])
def test_materials_per_module_add_quantities(real_site, lang, item):
    catalog = real_site.catalog(lang)
    html = real_site.html(PREFIX[lang] + "materiales.html")
    assert html.count('<table class="materials">') == 7
    expected = sum(m["qty"] or 0 for s in catalog["sessions"] if s["module"] == "m01"
                   for m in s["materials"] if m["item"].casefold() == item.casefold())
    section = html.split('id="m01"')[1].split('id="m02"')[0]
    assert re.search(rf"<td>{item}</td><td>{expected}</td>", section)


@pytest.mark.parametrize("lang,word", [("es", "al día"), ("en", "up to date")])
def test_translation_status_page(real_site, lang, word):
    html = real_site.html(PREFIX[lang] + "traducciones.html")
    rows = html.count("<tr><td><code>")
    pages = {p.as_posix().rsplit(".", 2)[0] for folder in ("docs", "modules") for p in (ROOT / folder).rglob("*.es.md")}
    assert rows == len(pages)
    assert f">{word}</span>" in html


@pytest.mark.parametrize("lang,words", [("es", ["Campo", "Obligatorio", "Minutos en total"]),
                                        ("en", ["Field", "Required", "Total minutes"])])
def test_authoring_guide_has_the_reference_generated_from_the_schema(real_site, lang, words):
    html = real_site.html(PREFIX[lang] + "guia-autoria.html")
    schema = json.loads((ROOT / "schema" / "manual.schema.json").read_text(encoding="utf-8"))
    for page_type in ("module", "session", "handout"):
        for field in schema["$defs"][page_type]["properties"]:
            assert f"<code>{field}</code>" in html, field
    for block in schema["x-blocks"]["types"]:
        assert f"<code>{block}</code>" in html
    for word in words:
        assert word in html
    assert "[[schema:reference]]" not in html


@pytest.mark.parametrize("lang,page", [("es", "descargas.html"), ("en", "descargas.html")])
def test_downloads_page_lists_every_pdf_with_its_real_size(real_site, lang, page):
    html = real_site.html(PREFIX[lang] + page)
    catalog = real_site.catalog(lang)
    listed = dict(re.findall(r'<a href="([^"]+\.pdf)" download>.*?</a>\s*<span class="download-size">PDF · ([^<]+)</span>',
                             html, re.S))
    named = ([s["pdf"] for s in catalog["sessions"]] + [h["pdf"] for h in catalog["handouts"]]
             + list(catalog["pdfs"]["packs"].values()) + [catalog["pdfs"]["manual"]]
             + [rel for s in catalog["sessions"] if s["wall_sheets"] for rel in s["wall_sheets"].values()]
             + [s["checklist_pdf"] for s in catalog["sessions"]])  # each session's one-page facilitator checklist
    assert sorted(listed) == sorted(named)
    for rel, shown in listed.items():
        size = (real_site.site / PREFIX[lang] / rel).stat().st_size
        number, unit = shown.replace(",", ".").split()
        expected = round(size / 1e6, 1) if unit == "MB" else max(1, round(size / 1e3))
        assert float(number) == expected and unit == ("MB" if size >= 1e6 else "kB"), (rel, shown, size)
    links_resolve(real_site, lang, page, html)
    # Each page's own download button says how much it costs in data, the same figure
    session = catalog["sessions"][0]
    button = re.search(r'href="[^"]+\.pdf" download>[^<]+<span class="download-size">· ([^<]+)</span></a>',
                       real_site.html(PREFIX[lang] + session["url"]))
    assert button and button.group(1) == listed[session["pdf"]]
    # The offline editions: hidden until the published site answers for them (never in the USB edition)
    assert re.search(r'<section class="downloads-offline" hidden data-offline-editions="(\.\./)?offline/editions.json">', html)
    assert json.loads((real_site.site / "offline" / "editions.json").read_text()) == {"files": {}}  # filled by make site
    assert ('href="offline/manual-masculinidades-offline.zip"' if lang == "es"
            else 'href="../offline/manual-masculinidades-offline.zip"') in html


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_planner_rules_link_lands_on_the_written_rules(real_site, lang):
    planner = real_site.html(PREFIX[lang] + "planificador.html")
    target = re.search(r'data-rules-link="([^"#]+)#([^"]+)"', planner)
    assert target, "the planner links its warnings to the rules"
    page = real_site.html(PREFIX[lang] + target.group(1))
    section = page.split(f'id="{target.group(2)}"', 1)[1].split("<h2", 1)[0]
    assert {"es": "Como máximo dos sesiones por día", "en": "At most two sessions a day"}[lang] in section


@pytest.mark.parametrize("lang", ["es", "en"])
def test_framing_pages_state_the_counts_the_catalog_has(real_site, lang):
    """Every count of the manual's parts on a framing page agrees with the catalog (they come from [[manual:…]])."""
    from manualgen.counts import WORDS
    catalog = real_site.catalog(lang)
    expected = {"módulos": len(catalog["modules"]), "modules": len(catalog["modules"]),
                "sesiones": len(catalog["sessions"]), "sessions": len(catalog["sessions"]),
                "fichas": len(catalog["handouts"]), "handouts": len(catalog["handouts"])}
    numbers = {word: index for index, word in enumerate(WORDS[lang])}
    claims = 0
    for page in sorted((ROOT / "docs").glob(f"*.{lang}.md")):
        html = real_site.html(PREFIX[lang] + page.name.split(".")[0] + ".html")
        text = re.sub(r"<[^>]+>", " ", html.split("<article", 1)[1].split("</article>", 1)[0])
        for number, noun in re.findall(r"\b(\w+) (módulos|sesiones|fichas|modules|sessions|handouts)\b", text):
            value = int(number) if number.isdigit() else numbers.get(number.lower())
            if value is None or value < 3 or page.name.startswith("datos."):  # rules ("dos sesiones por día"); cited facts
                continue
            claims += 1
            assert value == expected[noun], f"{page.name}: «{number} {noun}» but the catalog has {expected[noun]}"
    assert claims >= 4


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_session_lists_participants_handouts_apart_from_the_facilitators_forms(real_site, lang):
    """Who a sheet is for comes from the handout's own `audience`: the catalog keeps `handouts` (the session's list)
    and adds the split; the session's page and its PDF list the facilitator's forms (attendance, scoring sheet,
    referral log, the sign-in sheet) under their own heading, never among the participants' handouts."""
    import pdfplumber
    catalog = real_site.catalog(lang)
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]
    audience = {h["id"]: h["audience"] for h in catalog["handouts"]}
    titles = {h["id"]: h["title"] for h in catalog["handouts"]}
    sign_in = [h["id"] for h in catalog["handouts"] if h["id"] == "m01-h07"]
    assert sign_in
    mixed = 0
    for session in catalog["sessions"]:
        participants, forms = session["participant_handouts"], session["facilitator_forms"]
        assert all(audience[h] == "participants" for h in participants), session["id"]
        assert all(audience[h] == "facilitators" for h in forms), session["id"]
        assert set(participants) | set(forms) == set(session["handouts"]) | set(sign_in), session["id"]
        if not any(audience[h] == "facilitators" for h in session["handouts"]):
            continue
        mixed += 1
        html = real_site.html(PREFIX[lang] + session["url"])
        section = html.split('id="fichas"', 1)[1]
        for_participants = section.split(labels["handouts_facilitators"], 1)[0]
        for form in forms:
            assert titles[form] not in for_participants, f"{session['id']}: {form} among participants' handouts"
            assert titles[form] in section
        with pdfplumber.open(real_site.site / PREFIX[lang] / session["pdf"]) as pdf:
            text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages[:4])
        tail = text.rsplit(labels["handouts_participants"].split(" (")[0], 1)[-1]
        assert labels["handouts_facilitators"].split(" (")[0] in tail, session["id"]
        listed = tail.split(labels["handouts_facilitators"].split(" (")[0], 1)[0]
        assert not any(titles[f] in listed for f in forms), f"{session['id']}: a form among participants' handouts"
    assert mixed >= 3  # 1.1 (attendance, scoring sheet), 7.2 (referral log), 7.4 (scoring sheet)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_pictograms_stand_beside_words_shipped_with_the_site(real_site, lang):
    """The agenda's groupings, each handout's kind, the answer scales and the help box carry a pictogram: inline SVG
    (nothing fetched), hidden from screen readers because the words beside it say the same, never alone; the about
    page credits the set and its licence."""
    catalog = real_site.catalog(lang)
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]
    pictogram = re.compile(r'<svg class="pictogram pictogram--([a-z_-]+)"[^>]*aria-hidden="true"[^>]*>.*?</svg>\s*([^<]*)')
    session = next(s for s in catalog["sessions"] if s["sensitivity"] == "high")
    html = real_site.html(PREFIX[lang] + session["url"])
    agenda = html.split('class="agenda"', 1)[1].split("</table>", 1)[0]
    groupings = pictogram.findall(agenda)
    assert [g for g, _ in groupings] == [a["grouping"] for a in session["activities"]]
    assert all(word.strip() == labels[g] for g, word in groupings)
    assert re.search(r'class="safety-box__title"[^>]*><svg class="pictogram pictogram--help"', html)
    for handout in catalog["handouts"]:
        page = real_site.html(PREFIX[lang] + handout["url"])
        kind = re.search(r'<p class="handout-kind">\s*<svg class="pictogram pictogram--([a-z-]+)"[^>]*>.*?</svg>\s*([^<]+)', page)
        assert kind and kind[1] == handout["kind"] and kind[2].strip().startswith(labels[f"kind_{handout['kind']}"])
    questionnaire = real_site.html(PREFIX[lang] + next(h["url"] for h in catalog["handouts"] if h["id"] == "m01-h03"))
    faces = re.findall(r'<th class="scale-step"><svg class="pictogram pictogram--(\w+)"[^>]*>.*?</svg><br>([^<]+)</th>',
                       questionnaire)
    assert [f for f, _ in faces] == ["agree", "partly", "disagree"]
    assert all(word.strip() in labels[f"scale_{face}"] for face, word in faces)
    assert "<svg" in questionnaire and "pictogrammers.com/library" not in questionnaire  # drawn, not fetched
    about = real_site.html(PREFIX[lang] + "acerca.html")
    assert "Material Design Icons" in about and "Apache 2.0" in about


KIT = ["m01-h10", "m07-h07", "m07-h08", "m07-h09", "m07-h10"]  # name tags, role-play scenes, helpline card,
# end-of-workshop evaluation, follow-up meeting record (the guardian's authorisation, m01-h05, came before)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_workshop_kit_is_there_with_pdfs_on_the_downloads_page_and_in_the_planner(real_site, lang):
    """Each kit piece is a handout in both languages with its own PDF, listed on the downloads page; those a session
    uses reach the planner's list to print through the catalog (the planner lists a session's sheets). The cut-out
    sheets hold eight cards on one A4 page; the helpline card's lines are the configured helplines (tap-to-call on
    the web, never a typed number); English PDFs carry English file names."""
    import pdfplumber
    from manualgen.printing.product import slug_of
    catalog = real_site.catalog(lang)
    handouts = {h["id"]: h for h in catalog["handouts"]}
    downloads = real_site.html(PREFIX[lang] + "descargas.html")
    for kit_id in KIT:
        assert kit_id in handouts and handouts[kit_id]["pdf"], kit_id
        assert handouts[kit_id]["pdf"].split("/")[-1] in downloads, f"{kit_id} not on the downloads page"
        assert (real_site.site / PREFIX[lang] / handouts[kit_id]["pdf"]).is_file()
    planned = {h for s in catalog["sessions"] for h in s["participant_handouts"] + s["facilitator_forms"]}
    assert {"m01-h10", "m07-h07", "m07-h08", "m07-h09"} <= planned
    assert "m07-h07" in next(s for s in catalog["sessions"] if s["id"] == "m07-s02")["participant_handouts"]
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]
    helplines = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nmarkdown_extensions:")[0]
                               .split("\nextra:\n", 1)[1].replace("!ENV", ""))["manual"]
    for sheet_id, words in (("m01-h10", labels["name_tag_label"]), ("m07-h08", labels["helpline_card_title"])):
        with pdfplumber.open(real_site.site / PREFIX[lang] / handouts[sheet_id]["pdf"]) as pdf:
            assert len(pdf.pages) == 1, f"{sheet_id}: {len(pdf.pages)} pages"
            text = " ".join((pdf.pages[0].extract_text() or "").split())
        assert text.count(words) == 8, f"{sheet_id}: {text.count(words)} cards"
    card = real_site.html(PREFIX[lang] + handouts["m07-h08"]["url"])
    for line_id in helplines["home"]["help"]:
        number = helplines["helplines"][line_id]["number"]
        assert card.count(f'href="tel:{number}"') >= 8, line_id
    if lang == "en":
        for entry in catalog["sessions"] + catalog["handouts"]:
            assert entry["pdf"] == f"pdf/{entry['id']}-{slug_of(entry['title'].replace('/', ' '))}.pdf", entry["pdf"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_complete_manual_has_covers_naming_publisher_licence_and_contact(real_site, lang):
    import pdfplumber
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "").replace("!!python/name:", "")
                            .split("\nmarkdown_extensions:")[0])
    contact = config["extra"]["manual"]["contact"][lang]
    with pdfplumber.open(real_site.site / PREFIX[lang] / real_site.catalog(lang)["pdfs"]["manual"]) as pdf:
        front = " ".join((pdf.pages[0].extract_text() or "").split())
        back = " ".join((pdf.pages[-1].extract_text() or "").split())
    for text in (front, back):
        assert "CC BY-SA 4.0" in text and contact.split(":")[0] in text
    assert "Línea 100" in back and ("105" in back)
