"""What a hostile author or translator writes cannot run in a reader's browser, nor hide or replace what the build
puts on the page: every page of a manual with hostile values in every printed field (tests/hostile.py), in both
languages, opened in Chromium from file:// and over http with every other host blocked — no dialog, no script
error, no request elsewhere, no duplicate id, the values shown as text, the safety boxes visible, search results
inert, and the planner and certificate pages reading the build's own data."""
from __future__ import annotations


import pytest

from helpers import mkdocs_build, served, watch
from hostile import EVIL, hostile_project

pytestmark = pytest.mark.browser

SEARCH_WORD = "Código"  # starts the hostile session in both languages, before a code span holding EVIL


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    build = mkdocs_build(project, project.parent / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="module")
def hostile_http(hostile_site):
    with served(hostile_site) as base:
        yield base


@pytest.fixture(params=["file", "http"])
def reader(request, browser, hostile_site):
    base = hostile_site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("hostile_http")
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    seen = {"dialogs": [], "outside": [], "errors": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    watch(context, page, base, seen["outside"], seen["errors"])
    yield page, base, seen
    context.close()


def _pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "assets" not in p.parts and p.name != "404.html" and "offline" not in p.parts)


def test_hostile_values_never_run_never_call_out_and_never_hide_the_safety_guidance(reader, hostile_site):
    page, base, seen = reader
    pages = _pages(hostile_site)
    assert len(pages) >= 14 and any(p.startswith("en/") for p in pages)
    shown = 0
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)  # an onerror handler would fire as the broken image fails
        shown += "<script>alert(2)</script>" in page.locator("body").inner_text()
        assert page.evaluate("document.querySelectorAll('img[onerror], [onclick], [onload], [onmouseover]').length") == 0, rel
        duplicates = page.evaluate("""() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                                       return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]; }""")
        assert duplicates == [], (rel, duplicates)
        boxes = page.locator(".admonition.safety, .safety-box")
        for index in range(boxes.count()):  # the safety guidance is on the page, not folded or hidden away
            box = boxes.nth(index)
            box.scroll_into_view_if_needed()
            assert box.is_visible() and box.evaluate("e => !e.closest('details')"), rel
        if "01-sesion" in rel:
            assert boxes.count() >= 2, rel  # the template's safety box and the session's safety block
    assert seen == {"dialogs": [], "outside": [], "errors": []}
    assert shown >= 12, "the values are shown to the reader as the text that was written, in both languages"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_search_results_show_what_the_index_holds_as_text(reader, lang):
    page, base, seen = reader
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + ("" if lang == "es" else "en/") + "index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(SEARCH_WORD)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20000)
    page.wait_for_timeout(300)
    text = page.locator(".md-search-result").inner_text()
    assert "<img src=x onerror=alert(1)>" in text, text  # the code span's markup, shown as text
    assert page.evaluate("document.querySelectorAll('.md-search-result img, .md-search-result script').length") == 0
    assert page.locator(".md-search-result mark").count() >= 1  # the search word is still highlighted
    assert seen == {"dialogs": [], "outside": [], "errors": []}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_planner_and_the_certificate_read_their_own_data(reader, lang):
    """Headings titled like the scripts' data («Planner rules», «Certificate words») get other ids: the planner
    still checks the day rules (three sessions in a day break them) and the certificate page still starts."""
    page, base, seen = reader
    prefix = "" if lang == "es" else "en/"
    page.goto(base + prefix + "planificador.html#s=m01-s01,m01-s01,m01-s01&d=2026-12-07&t=09:00&b=15")
    page.wait_for_load_state("load")
    form = page.locator("form#planner-form")
    form.wait_for(state="visible", timeout=10000)
    assert page.locator("#h-planner-rules").count() == 1 and page.locator("#planner-rules").evaluate("e => e.tagName") == "SCRIPT"
    page.goto(base + prefix + "constancia.html")
    page.wait_for_load_state("load")
    page.locator("#certificate-no-plan").wait_for(state="visible", timeout=10000)
    assert page.locator("#h-certificate-words").count() == 1
    assert seen == {"dialogs": [], "outside": [], "errors": []}
    assert EVIL  # the hostile manual, in both languages
