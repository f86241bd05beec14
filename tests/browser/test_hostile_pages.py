"""What a hostile author or translator writes cannot run in a reader's browser: every page of a manual with
hostile values in every printed field (tests/hostile.py) opened in Chromium, from file:// with the network
blocked — no dialog, no script error from the values, no request to any other host, the values shown as text."""
from __future__ import annotations

import pytest

from helpers import mkdocs_build
from hostile import hostile_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    build = mkdocs_build(project, project.parent / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    return build.site


def test_hostile_values_never_run_and_never_call_out(browser, hostile_site):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    dialogs, outside, errors = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    context.route("**/*", guard)
    pages = sorted(p for p in hostile_site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")
    assert len(pages) >= 10
    shown = 0
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)  # an onerror handler would fire as the broken image fails
        shown += "<script>alert(2)</script>" in page.locator("body").inner_text()
        assert page.evaluate("document.querySelectorAll('img[onerror], [onclick], [onload]').length") == 0, path.name
    assert dialogs == [] and outside == [] and errors == []
    assert shown >= 6, "the values are shown to the reader as the text that was written"
    # Search, run from the hostile index, shows the value as text too
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((hostile_site / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Sesión")
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    page.wait_for_timeout(300)
    assert dialogs == [] and page.evaluate("document.querySelectorAll('.md-search-result img').length") == 0
    context.close()
