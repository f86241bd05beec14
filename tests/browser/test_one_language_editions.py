"""The language switch in an edition that holds one language (issue 27), as a reader opens it from file:// with
no network: in the English-only zip, «Español» on the English home page used to reach the root index.html, which
sends the reader straight back to English (nothing seemed to happen); it now opens the notice that says plainly
where the other language is. The zip's files come from the same function that writes the zip (zip_entries)."""
from __future__ import annotations

import pytest

from helpers import Visit, served, watch
from manualgen.bundle import zip_entries

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def english_zip(real_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("english-zip")
    for rel, data in zip_entries(real_site.site, ("es", "en"), "en"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def test_in_the_english_zip_espanol_on_the_home_page_says_where_the_spanish_manual_is(browser, english_zip):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    visit = Visit(page, english_zip.as_uri() + "/")
    watch(context, page, visit.base, visit.blocked, visit.errors)
    page = visit.open("index.html")  # the zip opens in English
    page.wait_for_url("**/en/index.html")
    page.eval_on_selector('a.md-select__link[hreflang="es"]', "a => a.click()")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # a page that sent the reader on would have done so by now
    assert page.url == visit.base + "otro-idioma.html"
    assert page.locator("h1").inner_text() == "Esta página no está en esta copia"
    assert "solo en inglés" in page.locator("main").inner_text()
    # Its way back: the English home.
    page.locator("a").first.click()
    page.wait_for_url("**/en/index.html")
    assert visit.errors == [] and visit.blocked == []
    context.close()


@pytest.fixture(scope="module")
def kiwix_like(real_site, tmp_path_factory):
    """The built site with the pages marked as the ZIM writer marks them, served over http as kiwix-serve does."""
    import shutil

    from manualgen.zim import mark_zim_channel
    folder = tmp_path_factory.mktemp("kiwix") / "site"
    shutil.copytree(real_site.site, folder)
    for page in folder.rglob("*.html"):
        page.write_text(mark_zim_channel(page.read_text(encoding="utf-8")), encoding="utf-8")

    with served(folder) as base:
        yield base


@pytest.mark.parametrize("lang", ["es", "en"])
def test_inside_kiwix_no_search_button_that_does_nothing_and_no_request_for_a_listing(browser, kiwix_like, lang):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    visit = Visit(page, kiwix_like)
    watch(context, page, visit.base, visit.blocked, visit.errors)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    prefix = "" if lang == "es" else "en/"
    page = visit.open(prefix + "index.html")
    assert page.locator("html").get_attribute("data-channel") == "zim"
    assert page.locator("[data-open-search]").count() == 1 and not page.locator("[data-open-search]").is_visible()
    page = visit.open(prefix + "descargas.html")
    page.wait_for_timeout(300)
    assert not [url for url in asked if "/offline/" in url], asked
    assert visit.errors == [] and visit.blocked == []
    context.close()
