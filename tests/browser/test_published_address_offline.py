"""A site built with its published address (site_url) carries canonical and hreflang links to that host (issue 27):
opened over http or as the offline zip from file://, at 360 px in both languages, no page asks that host (or any
other) for anything — Material's script would fetch a sitemap beside every `link[rel=alternate]` it finds — and
the language switch keeps the page."""
from __future__ import annotations


import pytest

from helpers import FIXTURE, Visit, make_project, mkdocs_build, served, watch
from manualgen.bundle import zip_entries

pytestmark = pytest.mark.browser

ADDRESS = "https://manual.example.net/manual/"
SESSION = "modules/01-prueba/01-sesion.html"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("published")
    build = mkdocs_build(make_project(folder / "p", FIXTURE), folder / "site", MANUAL_PDF="0", MANUAL_SITE_URL=ADDRESS)
    assert build.returncode == 0, build.output
    assert ADDRESS + SESSION in build.html(SESSION)  # the links under test are there
    return build.site


@pytest.fixture(scope="module")
def zip_copy(published_site, tmp_path_factory):
    """The offline zip of both languages, unpacked (the files come from the function that writes the zip)."""
    folder = tmp_path_factory.mktemp("zip")
    for rel, data in zip_entries(published_site, ("es", "en")):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def web_root(published_site):
    with served(published_site) as base:
        yield base


@pytest.mark.parametrize("copy", ["web over http", "zip from file"])
@pytest.mark.parametrize("start, other", [("es", "en"), ("en", "es")])
def test_no_request_leaves_and_the_language_switch_keeps_the_page(browser, request, copy, start, other):
    base = request.getfixturevalue("web_root") if copy == "web over http" else request.getfixturevalue("zip_copy").as_uri() + "/"
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    visit = Visit(page, base)
    watch(context, page, base, visit.blocked, visit.errors)
    asked = []
    page.on("request", lambda req: asked.append(req.url))
    prefix = {"es": "", "en": "en/"}
    page = visit.open(prefix[start] + SESSION)
    page.wait_for_load_state("networkidle")
    page.eval_on_selector(f'a.md-select__link[hreflang="{other}"]', "a => a.click()")
    page.wait_for_url(base + prefix[other] + SESSION)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == other
    assert visit.blocked == [] and visit.errors == []
    assert not [url for url in asked if "sitemap" in url]
    context.close()
