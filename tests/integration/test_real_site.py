"""The real manual, built strictly: session pages, module and programme pages, catalogs, both languages."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT

LANG_PREFIX = {"es": "", "en": "en/"}
SESSION = "modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html"


def test_build_is_clean(real_site):
    assert "WARNING" not in real_site.output and "ERROR" not in real_site.output


@pytest.mark.parametrize("lang,words", [
    ("es", ["Duración", "Participantes", "Sensibilidad", "Agenda", "Materiales", "Plenaria", "Línea 100", "caja del hombre"]),
    ("en", ["Duration", "Participants", "Sensitivity", "Agenda", "Materials", "Plenary", "Línea 100", "man box"]),
])
def test_session_page_has_card_agenda_checklist_and_safety_box(real_site, lang, words):
    html = real_site.html(LANG_PREFIX[lang] + SESSION)
    assert f'<html lang="{lang}"' in html
    for word in words:
        assert word in html, word
    assert 'class="session-card"' in html and 'class="safety-box"' in html and 'class="checklist"' in html
    spans = re.findall(r'<td class="agenda__time">([0-9:–]+)</td>', html)
    assert spans[0].startswith("0:00–") and spans[-1].endswith("–2:00")
    # consecutive rows: each starts where the previous ended
    assert all(a.split("–")[1] == b.split("–")[0] for a, b in zip(spans, spans[1:]))
    assert html.count('class="activity admonition"') == len(spans)  # activities: /// html | div.admonition.activity
    assert 'class="admonition facilitator"' in html and 'class="admonition discussion"' in html
    assert "///" not in html and "[[fact:" not in html


@pytest.mark.parametrize("lang", ["es", "en"])
def test_low_sensitivity_session_has_no_safety_box(real_site, lang):
    html = real_site.html(LANG_PREFIX[lang] + "modules/02-genero-y-masculinidades/01-sexo-y-genero.html")
    assert 'class="session-card"' in html and 'class="safety-box"' not in html


@pytest.mark.parametrize("lang", ["es", "en"])
def test_catalog_matches_the_pages(real_site, lang):
    catalog = real_site.catalog(lang)
    assert catalog["language"] == lang
    assert [m["id"] for m in catalog["modules"]] == [f"m0{n}" for n in range(1, 8)]
    assert len(catalog["sessions"]) >= 17 and len(catalog["handouts"]) >= 7
    for session in catalog["sessions"]:
        assert 60 <= session["duration"] <= 150
        assert sum(a["minutes"] for a in session["activities"]) == session["duration"]
        assert (real_site.site / LANG_PREFIX[lang] / session["url"]).is_file()
        assert 1 <= len(session["objectives"]) <= 4
    for module in catalog["modules"]:
        own = [s for s in catalog["sessions"] if s["module"] == module["id"]]
        assert module["duration"] == sum(s["duration"] for s in own) and module["sessions"] == [s["id"] for s in own]
        assert any(h["id"].startswith(module["id"]) for h in catalog["handouts"]), f"{module['id']} has no handout"
    handout_ids = {h["id"] for h in catalog["handouts"]}
    assert all(set(s["handouts"]) <= handout_ids for s in catalog["sessions"])
    for handout in catalog["handouts"]:
        assert (real_site.site / LANG_PREFIX[lang] / handout["url"]).is_file()


def test_both_catalogs_have_the_same_structure_and_different_text(real_site):
    es, en = real_site.catalog("es"), real_site.catalog("en")
    shape = lambda c: [(s["id"], s["duration"], [a["minutes"] for a in s["activities"]], s["handouts"]) for s in c["sessions"]]  # noqa: E731
    assert shape(es) == shape(en)
    assert [s["title"] for s in es["sessions"]] != [s["title"] for s in en["sessions"]]


@pytest.mark.parametrize("lang,total_label", [("es", "Duración total del módulo"), ("en", "Total time for the module")])
def test_module_and_programme_pages_show_totals(real_site, lang, total_label):
    module = real_site.html(LANG_PREFIX[lang] + "modules/02-genero-y-masculinidades/index.html")
    catalog = real_site.catalog(lang)
    assert total_label in module
    for session in (s for s in catalog["sessions"] if s["module"] == "m02"):
        assert session["title"].replace('"', "&#34;") in module or session["title"] in module
    programme = real_site.html(LANG_PREFIX[lang] + "programa.html")
    assert programme.count('class="module-sessions"') == 7
    hours = catalog["duration"] // 60
    assert f"{hours} h" in programme


def test_language_switch_keeps_the_page(real_site):
    es = real_site.html(SESSION)
    en = real_site.html("en/" + SESSION)
    assert 'href="../../en/modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html" hreflang="en"' in es
    assert 'href="../../../modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html" hreflang="es"' in en


def test_no_page_references_another_host(real_site):
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', re.I)
    offenders = [p for p in real_site.site.rglob("*.html") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize("lang,sourced_word", [("es", "fuente secundaria"), ("en", "secondary source")])
def test_facts_are_rendered_with_their_source_and_how_far_they_are_checked(real_site, lang, sourced_word):
    from html import unescape

    import yaml
    facts = {f["id"]: f for f in yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["facts"]}
    html = real_site.html(LANG_PREFIX[lang] + "contexto-peru.html")
    shown = re.findall(r'<strong class="fact fact--(verified|sourced|uncertain)">', html)
    assert "verified" in shown and "sourced" in shown  # the two kinds look different
    assert html.count(sourced_word) >= shown.count("sourced") and 'class="fact-source"' in html
    page = real_site.html(LANG_PREFIX[lang] + "datos.html")
    assert page.count('<section class="fact-entry') == len(facts)
    for fact_id, fact in facts.items():
        entry = page.split(f'id="{fact_id}"', 1)[1].split("</section>", 1)[0]
        assert f"fact-status--{fact['status']}" in entry
        if fact["status"] == "verified":
            assert "<blockquote" in entry and fact["evidence"]["checked"].isoformat() in entry
        if fact.get("note"):  # the note in the page's language, never the other one
            other = "en" if lang == "es" else "es"
            text = unescape(entry)
            assert fact["note"][lang] in text and fact["note"][other] not in text


@pytest.mark.parametrize("lang,term", [("es", "caja del hombre"), ("en", "man box")])
def test_glossary_terms_are_explained_on_hover(real_site, lang, term):
    html = real_site.html(LANG_PREFIX[lang] + SESSION)
    assert re.search(rf'<abbr title="[^"]{{20,}}">{term}</abbr>', html, re.I)
    assert "<abbr" not in real_site.html(LANG_PREFIX[lang] + "glosario.html").split('<article')[1]


def test_no_placeholder_text_in_the_content():
    from helpers import ROOT
    # Upper case only for the markers: "todo" is an ordinary Spanish word.
    pattern = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|(?i:lorem ipsum|placeholder|\bpendiente de redactar\b)")
    found = [p for folder in ("modules", "docs") for p in (ROOT / folder).rglob("*.md")
             if pattern.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_english_pages_and_pdfs_use_typographic_quotes(real_site):
    """Translators type plain quotes; the English pages, catalog and PDFs show “…” and ’ (Spanish keeps «…»)."""
    html = real_site.html("en/modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html")
    article = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", html.split("<article", 1)[1].split(">", 1)[1].split("</article>", 1)[0], flags=re.S)
    text = re.sub(r"<[^>]+>", " ", article)
    assert "“man box”" in text and "“Act like a man!”" in text
    assert '"' not in text and "&#34;" not in text and "&quot;" not in text
    assert re.search(r"\w’\w", text) and not re.search(r"\w'\w", text)
    titles = [a["title"] for s in real_site.catalog("en")["sessions"] for a in s["activities"]]
    assert "“Act like a man!”" in titles and not [t for t in titles if '"' in t]
    spanish = real_site.html("modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html")
    assert "«¡Pórtate como hombre!»" in spanish and "“" not in spanish.split("<article", 1)[1]
    from pypdf import PdfReader
    session = next(s for s in real_site.catalog("en")["sessions"] if s["id"] == "m02-s02")
    sheet = PdfReader(real_site.site / "en" / session["pdf"])
    assert "“" in "".join(page.extract_text() for page in sheet.pages)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_safety_statement_reads_the_same_wherever_it_is_cited(real_site, lang):
    """The statements of data/safety.yml are printed word for word, in the page's language, and every one of them
    is used somewhere; run mode's safety card carries the four tiers as the guide writes them."""
    import html as html_lib

    import yaml
    statements = yaml.safe_load((ROOT / "data" / "safety.yml").read_text(encoding="utf-8"))["statements"]

    def plain(text: str) -> str:
        text = re.sub(r"\[\[helpline:[a-z0-9-]+\]\]", "", re.sub(r"\*\*", "", text))
        text = html_lib.unescape(re.sub(r"<[^>]+>", "", text))
        # English pages set typographic quotes (extra.manual.typographic_quotes): compare the words, not the quotes.
        return " ".join(text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})).split())

    pages = {p: plain(p.read_text(encoding="utf-8")) for p in (real_site.site / LANG_PREFIX[lang]).rglob("*.html")
             if lang == "en" or "/en/" not in p.as_posix()}
    for statement_id, texts in statements.items():
        # The statement's words up to its first helpline: the part no rendering changes.
        head = plain(texts[lang].split("[[helpline:")[0])[:120]
        assert any(head in text for text in pages.values()), f"{statement_id} ({lang}) is cited nowhere"
    assert not any("[[safety:" in p.read_text(encoding="utf-8") for p in pages)
    # run mode's view is the language's run-view.js (one JSON literal), not part of the session page
    import json
    script = (real_site.site / LANG_PREFIX[lang] / "run-view.js").read_text(encoding="utf-8")
    card = plain(json.loads(script.split("window.manualRunView = ", 1)[1].rstrip().rstrip(";"))["dialogs"])
    for tier in ("nivel-1", "nivel-2", "nivel-3", "nivel-4"):
        assert plain(statements[tier][lang].split("[[helpline:")[0])[:120] in card, f"run card lacks {tier}"
