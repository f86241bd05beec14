"""The site as a reader uses it: offline, both languages, search, switcher, PDFs, accessibility, phone, print."""
from __future__ import annotations

import pytest

from helpers import search_results

pytestmark = pytest.mark.browser

SESSION = "modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html"
HANDOUT = "modules/02-genero-y-masculinidades/h01-la-caja-del-hombre.html"
MODULE = "modules/02-genero-y-masculinidades/index.html"


def all_pages(site):
    # 404.html is for web servers (absolute links by design); every other page must work from file://.
    # offline/ holds the notices the one-language zips are made with, not pages (scripts/build.py removes them).
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "assets" not in p.parts and "offline" not in p.parts and p.name != "404.html")


def test_every_page_loads_offline_without_errors(visit, real_site):
    pages = all_pages(real_site.site)
    assert len(pages) > 80
    if visit.base.startswith("http"):
        pages = pages[::5]  # a sample over http; every page from file://
    for rel in pages:
        visit.open(rel)
        assert visit.page.locator("h1").count() >= 1, rel
    assert visit.blocked == [], f"requests to other hosts: {visit.blocked[:5]}"
    assert visit.errors == [], f"console errors: {visit.errors[:5]}"


@pytest.mark.parametrize("lang,query,expected", [("es", "caja del hombre", "caja del hombre"), ("en", "man box", "man box")])
def test_search_finds_the_man_box_and_results_open(visit, lang, query, expected):
    page = visit.open(("" if lang == "es" else "en/") + "index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key as a reader does: Material reads the query on keyup, and fill() sends none, so a
    # fill() that lands after the index is ready was never searched (a flaky test, not a site bug).
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20000)
    texts = page.locator(".md-search-result__list").inner_text().lower()
    assert expected.split()[0] in texts
    href = results.first.get_attribute("href")
    results.first.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1, href
    assert visit.blocked == []


def test_language_switch_keeps_the_session_and_comes_back(visit):
    page = visit.open(SESSION)
    es_title = page.locator("h1").inner_text()
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("en/" + SESSION)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() != es_title and "man box" in page.locator("h1").inner_text().lower()
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="es"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith(SESSION) and "/en/" not in page.url
    assert page.locator("h1").inner_text() == es_title


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pdf_links_open_existing_files(visit, real_site, prefix):
    for rel in (HANDOUT, SESSION, MODULE, "programa.html"):
        page = visit.open(prefix + rel)
        link = page.locator(".page-actions a[download]")
        assert link.count() == 1, rel
        target = page.evaluate("(a) => a.href", link.element_handle())
        assert target.endswith(".pdf")
        relative = target[len(visit.base):]
        assert (real_site.site / relative).is_file(), target


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_accessibility_violations(visit, prefix, scheme):
    """Both colour schemes: the phone's dark setting selects Material's slate scheme and the manual's dark colours."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    visit.page.emulate_media(color_scheme=scheme)
    for rel in ("index.html", MODULE, SESSION, HANDOUT, "horario.html", "descargas.html", "datos.html"):
        page = visit.open(prefix + rel)
        assert page.locator("body").get_attribute("data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
        results = axe.run(page)
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{prefix}{rel} ({scheme}): {serious}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_other_page_type_is_accessible_on_a_phone(visit, scheme):
    """The remaining page types at 360 px, where wide tables scroll in their own box (which must take the focus)."""
    if not visit.base.startswith("file:"):
        pytest.skip("the same pages as from file://")
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    visit.page.set_viewport_size({"width": 360, "height": 640})
    visit.page.emulate_media(color_scheme=scheme)
    for rel in ("programa.html", "glosario.html", "materiales.html", "contexto-peru.html", "mensajes-clave.html",
                "sin-conexion.html", "modules/07-compromiso-y-accion/h05-registro-de-derivaciones.html",
                "modules/01-encuadre/h02-lista-de-asistencia.html", "en/dinamicas.html", "en/seguimiento.html"):
        page = visit.open(rel)
        page.wait_for_timeout(100)
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe.run(page).response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{rel} ({scheme}): {serious}"


def test_the_scheme_switch_is_named_in_the_page_language_and_remembered(visit):
    page = visit.open("index.html")
    switch = page.locator("label[for='__palette_1']")
    assert switch.get_attribute("title") == "Cambiar a modo oscuro"
    switch.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page = visit.open("en/" + SESSION)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("label[for='__palette_0']").get_attribute("title") == "Switch to light mode"


PAGE_TYPES = ["index.html", SESSION, "en/" + SESSION, HANDOUT, MODULE, "programa.html", "horario.html",
              "planificador.html", "descargas.html", "datos.html", "glosario.html", "materiales.html",
              "en/index.html", "en/" + MODULE]


@pytest.mark.parametrize("rel", PAGE_TYPES + ["404.html"])
def test_fits_a_small_phone_without_horizontal_scrolling(visit, rel):
    visit.page.set_viewport_size({"width": 360, "height": 640})
    page = visit.open(rel)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


# Every word of every table cell on one line: a word broken in the middle («aprendim|os») has two boxes. A line
# may still end after a hyphen or dash («m07-|h01»), as in print, so each part up to a dash is checked.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("article table td, article table th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-–]+[\\-–]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("rel", [MODULE, SESSION, "en/" + MODULE, "programa.html", "horario.html", "materiales.html"])
def test_table_words_are_never_broken_on_a_phone(visit, rel):
    visit.page.set_viewport_size({"width": 360, "height": 640})
    page = visit.open(rel)
    assert page.locator("article table").count() >= 1
    assert page.evaluate(BROKEN_WORDS) == []


def test_print_hides_navigation_and_shows_content(visit):
    page = visit.open(SESSION)
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    actions = page.locator(".page-actions")
    assert actions.count() == 2  # downloads and the run-mode launcher
    assert not any(actions.nth(i).is_visible() for i in range(actions.count()))
    assert page.locator(".agenda").is_visible() and page.locator(".session-card").is_visible()


def printed(page) -> "PdfReader":
    """The page as the browser prints it on A4 (Chromium's own print path, print stylesheet applied)."""
    import io
    from pypdf import PdfReader
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


@pytest.mark.parametrize("rel", [SESSION, "en/" + SESSION, "modules/07-compromiso-y-accion/02-si-alguien-me-cuenta.html"])
def test_a_printed_session_page_is_no_longer_than_its_pdf(visit, real_site, rel):
    if not visit.base.startswith("file:"):
        pytest.skip("the same page and stylesheet as from file://")
    page = visit.open(rel)
    pdf_href = page.locator(".page-actions a[download]").get_attribute("href")
    sheet = __import__("pypdf").PdfReader((real_site.site / rel).parent / pdf_href)
    browser_print = printed(page)
    assert len(browser_print.pages) <= len(sheet.pages), (len(browser_print.pages), len(sheet.pages))
    text = "\n".join(p.extract_text() for p in browser_print.pages)
    assert page.locator("h1").inner_text() in text.replace("\n", " ")
    assert "Imprimir" not in text and "Print" not in text.split("\n")[0]  # no buttons on paper


def test_the_schedule_and_a_one_day_plan_print_compactly(visit):
    if not visit.base.startswith("file:"):
        pytest.skip("the same page and stylesheet as from file://")
    page = visit.open("horario.html")
    days = page.locator("h2[id^='dia-']").count()
    assert len(printed(page).pages) <= days * 2 // 3 + 1
    page = visit.open("planificador.html#s=m01-s01,m01-s02&t=09:00&b=15")
    page.locator(".planner-plan table").first.wait_for()
    plan = printed(page)
    assert len(plan.pages) <= 2
    first = plan.pages[0].extract_text()
    assert "Agenda" in first and "Bienvenida y presentación del curso" in first  # the agenda starts on page 1
    everything = "\n".join(p.extract_text() for p in plan.pages)
    assert everything.count("Total") == 1  # the total row printed once, not on every page
    assert not [line for line in everything.splitlines() if line.rstrip().endswith("·")], "a dangling separator"


def test_print_on_a_page_with_a_pdf_offers_the_pdf_first(visit):
    page = visit.open(SESSION)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    choice = page.locator("#print-choice")
    assert choice.is_hidden()
    page.locator("[data-print-choice]").click()
    assert choice.is_visible()
    assert choice.locator("a").get_attribute("href") == page.locator(".page-actions a[download]").get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(".pdf")
    assert page.evaluate("window.printed") == 0
    choice.locator("[data-print]").click()
    assert page.evaluate("window.printed") == 1
    page = visit.open("horario.html")  # no PDF of its own: prints at once
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.locator("[data-print]").first.click()
    assert page.evaluate("window.printed") == 1


@pytest.mark.parametrize("lang,size", [("es", "6,4 MB"), ("en", "6.4 MB")])
def test_offline_editions_are_offered_only_where_they_are_published(visit, lang, size):
    """From file:// (the USB edition itself) nothing is asked and the section stays hidden; over http each edition
    the listing names appears with its size (a plain build lists none: the section stays hidden)."""
    asked = []

    def listing(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="application/json",
                      body='{"files": {"zip": {"path": "offline/manual-masculinidades-offline.zip", "size": 6371877}, '
                           '"zip-es": {"path": "offline/manual-masculinidades-offline-es.zip", "size": 3371877}}}')
    page = visit.open(("" if lang == "es" else "en/") + "descargas.html")
    section = page.locator("[data-offline-editions]")
    page.wait_for_timeout(300)
    assert section.is_hidden(), "a build without the editions lists none"
    visit.page.route("**/offline/editions.json", listing)
    page = visit.open(("" if lang == "es" else "en/") + "descargas.html")
    if visit.base.startswith("file:"):
        page.wait_for_timeout(300)
        assert asked == [] and section.is_hidden()
        return
    zip_row = page.locator("[data-offline-file=zip]")
    zip_row.wait_for(state="visible", timeout=5000)
    assert section.is_visible() and zip_row.locator("[data-offline-size]").inner_text() == size
    assert page.locator("[data-offline-file=zim]").is_hidden()
    assert zip_row.locator("a").get_attribute("href").endswith("offline/manual-masculinidades-offline.zip")
    # Each language page offers its own zip, listed first; the English one is not in this listing.
    own = page.locator(f"[data-offline-file=zip-{lang}]")
    assert own.is_visible() == (lang == "es")
    if lang == "es":
        rows = page.locator("[data-offline-file]")
        assert rows.first.get_attribute("data-offline-file") == "zip-es"
        assert own.locator("[data-offline-size]").inner_text() == "3,4 MB" and "castellano" in own.inner_text()
    assert len(asked) == 1


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_one_language_zip_opens_in_its_language_and_its_language_switch_explains(browser, real_site, tmp_path, lang):
    """The lighter download: unpacked and opened from file://, index.html opens this language's home page; the
    language switch leads to the notice, whose link comes back to this language's home."""
    import zipfile
    from helpers import Visit, watch
    from manualgen.bundle import write_offline_zip
    helplines = {"linea-100": {"name": {"es": "Línea 100", "en": "Línea 100"}, "number": "100"}, "policia": {"number": "105"}}
    archive = write_offline_zip(real_site.site, tmp_path / "edition.zip", "manual", "test", 1700000000, ("es", "en"),
                                helplines, lang)
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(tmp_path / "usb")
    base = (tmp_path / "usb" / "manual").as_uri() + "/"
    context = browser.new_context(viewport={"width": 360, "height": 640})
    visit = Visit(context.new_page(), base)
    watch(context, visit.page, base, visit.blocked, visit.errors)
    page = visit.open("index.html")
    page.wait_for_url("**/en/index.html" if lang == "en" else "**/manual/index.html")
    assert page.locator("html").get_attribute("lang") == lang
    home = page.url
    page = visit.open(("en/" if lang == "en" else "") + SESSION)
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang={'es' if lang == 'en' else 'en'}]").click()
    page.wait_for_load_state("load")
    notice = page.locator("main").inner_text()
    assert ("This page is not in this copy" in notice and "manual in Spanish only" in notice) if lang == "es" else (
        "Esta página no está en esta copia" in notice and "manual solo en inglés" in notice)
    page.locator("main section").first.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url == home and page.locator("h1").count() >= 1
    assert visit.blocked == [] and visit.errors == [], (visit.blocked, visit.errors)
    context.close()


@pytest.mark.parametrize("prefix,ways", [("", ["Voy a facilitar", "Necesito ayuda ahora", "Busco una sesión"]),
                                         ("en/", ["I am going to facilitate", "I need help now", "I am looking for a session"])])
def test_home_page_offers_three_ways_in_on_the_first_phone_screen(visit, prefix, ways):
    visit.page.set_viewport_size({"width": 360, "height": 640})
    page = visit.open(prefix + "index.html")
    headings = page.locator(".home-way h2")
    assert headings.all_inner_texts() == ways
    for index in range(3):
        assert headings.nth(index).bounding_box()["y"] + 20 < 640, ways[index]
    calls = page.locator(".home-way--help a[href^='tel:']")
    assert [calls.nth(i).get_attribute("href") for i in range(calls.count())] == ["tel:100", "tel:105", "tel:113"]
    last = calls.nth(2).bounding_box()
    assert last["y"] + last["height"] <= 640, "every call button is on the first screen"
    # Each way leads somewhere real, and the page's own text is still there below
    for link in page.locator(".home-way--facilitate a, .home-way--find a").all():
        href = link.get_attribute("href")
        assert href.endswith(".html") and not href.startswith(("http", "/")), href
    assert page.locator(".home-way--find li").count() == 7
    assert page.locator("h2#sobre-el-manual").count() == 1 and page.locator("h2#sobre-el-manual ~ p").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # "Search the manual" opens search with the cursor in the box
    page.locator("[data-open-search]").click()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_language_switch_keeps_the_place_on_the_page(visit):
    """An activity linked by its anchor, and a planned workshop in the planner's address, survive the switch."""
    page = visit.open(SESSION + "#m02-s02-actividad-3")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("en/" + SESSION + "#m02-s02-actividad-3")
    assert page.evaluate("document.getElementById('m02-s02-actividad-3').getBoundingClientRect().top") < 200
    page = visit.open("planificador.html#s=m01-s01,m02-s02&t=09:00&b=10")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("en/planificador.html#s=m01-s01,m02-s02&t=09:00&b=10")
    assert "man box" in page.locator("main").inner_text().lower()


@pytest.mark.parametrize("lang,plain,accented,expected", [
    ("es", "genero", "género", "02-genero-y-masculinidades"),
    ("es", "linea 100", "línea 100", "07-compromiso-y-accion"),
    ("en", "linea 100", "Línea 100", "07-compromiso-y-accion")])
def test_search_ignores_accents_and_stays_in_its_language(visit, lang, plain, accented, expected):
    page = visit.open(("" if lang == "es" else "en/") + "index.html")
    without, with_accent = search_results(page, plain), search_results(page, accented)
    assert without == with_accent and len(without) >= 3
    assert any(expected in href for href in without)
    in_english = [href for href in without if "/en/" in href]
    assert (in_english == []) if lang == "es" else (len(in_english) == len(without))
    # Accented text is shown with its accents in the results
    assert ("género" if lang == "es" else "Línea") in page.locator(".md-search-result").inner_text()


def test_the_search_index_is_downloaded_only_when_search_opens(browser, http_root):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(http_root + SESSION)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "search_index" in url or "search/" in url.removeprefix(http_root)], requests
    search_results(page, "caja")
    fetched = [url.removeprefix(http_root) for url in requests if "search_index" in url]
    assert fetched and all(url.startswith("search/") for url in fetched), fetched  # the Spanish index only
    context.close()


def test_previous_and_next_follow_the_menu(visit):
    order = [("index.html", "como-usar.html"), ("como-usar.html", "guia-facilitacion.html"),
             ("programa.html", "horario.html"), ("planificador.html", "constancia.html"), ("constancia.html", "cambio.html"),
             ("cambio.html", "informe.html"), ("informe.html", "descargas.html")]
    for rel, following in order:
        page = visit.open(rel)
        assert page.locator("a.md-footer__link--next").get_attribute("href") == following, rel
    page = visit.open("como-usar.html")
    assert page.locator("a.md-footer__link--prev").get_attribute("href") == "index.html"


@pytest.mark.parametrize("rel", [SESSION, "en/" + SESSION, "index.html", HANDOUT])
def test_helplines_are_tap_to_call_links(visit, rel):
    page = visit.open(rel)
    numbers = set(page.eval_on_selector_all("a[href^='tel:']", "links => links.map(a => a.getAttribute('href'))"))
    assert "tel:100" in numbers and "tel:105" in numbers, numbers
    # and no helpline number is left as plain text beside them
    text = page.locator("article").inner_text()
    assert "Línea 100" in text


def test_not_found_page_works_from_a_usb_stick(visit):
    page = visit.open("404.html")
    assert page.locator("h1").inner_text() in ("Página no encontrada",)
    assert page.locator("section[lang=en] h2").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.querySelector('a.home')).backgroundColor") == "rgb(74, 28, 107)"
    if visit.base.startswith("file:"):
        page.locator("a.home").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/index.html") and page.locator(".home-ways").count() == 1
        page = visit.open("404.html")
        page.locator("section[lang=en] a.home").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/en/index.html")


def test_browser_prints_carry_page_numbers_and_the_helpline_and_no_addresses(visit):
    """Session, schedule and planner printed from the browser: every sheet's foot has its page number («Página 2 de
    5») and the helpline; no web address is printed inline. A certificate prints with no margin at all, so the
    browser adds none of its own header or footer (date, the address holding the plan, the title)."""
    import re
    if not visit.base.startswith("file:"):
        pytest.skip("the same page and stylesheet as from file://")
    for rel in (SESSION, "horario.html", "planificador.html#s=m01-s01,m01-s02&t=09:00&b=15"):
        page = visit.open(rel)
        if "planificador" in rel:
            page.locator(".planner-plan table").first.wait_for()
        pages = printed(page).pages
        for number, sheet in enumerate(pages, start=1):
            text = " ".join(sheet.extract_text().split())
            assert f"Página {number} de {len(pages)}" in text, (rel, number, text[-200:])
            assert "Línea 100" in text, (rel, number)
            assert not re.search(r"https?://", text), (rel, number)
    # A certificate printed as a browser prints by default, its own header and footer switched on: with no page
    # margin there is nowhere to put them, so neither the address (holding the plan) nor the page's title appear.
    import io
    from pypdf import PdfReader
    page = visit.open("constancia.html")
    sheet = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True, display_header_footer=True)))
    text = " ".join(p.extract_text() for p in sheet.pages)
    assert "constancia" not in text and "file:" not in text, text[:300]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_list_of_tick_boxes_shows_no_bullet_before_each_box(visit, prefix):
    """The community action plan's lists open each item on a tick box: the box is the item's mark, as on paper."""
    page = visit.open(prefix + "modules/07-compromiso-y-accion/h03-plan-de-accion-comunitaria.html")
    items = page.locator("article li.ticked")
    assert items.count() >= 2
    for index in range(items.count()):
        item = items.nth(index)
        assert item.inner_text().lstrip().startswith("☐")
        assert item.evaluate("li => getComputedStyle(li).listStyleType") == "none"
