"""A query that arrives in one input event (pasted, a keyboard's suggestion, voice typing, a fast typist on a slow
link) is searched as soon as the index is there, in both languages, over http and from file:// (issue 26).
Material reads the query on keyup only: an input event with no key after it was never searched."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

QUERIES = {"es": ("caja del hombre", "caja del hombre"), "en": ("man box", "man box")}


def open_home(visit, lang):
    return visit.open(("" if lang == "es" else "en/") + "index.html")


def results_text(page) -> str:
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)
    return page.locator(".md-search-result__list").inner_text().lower()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_query_filled_at_once_when_search_opens_gets_its_results(visit, lang):
    """Over http the index is held back until the query is in the box; from file:// the box is filled at once
    after opening search (the index is a local script there: it is ready by then, and no key ever follows)."""
    query, expected = QUERIES[lang]
    page = open_home(visit, lang)
    held = []
    if visit.base.startswith("http"):
        page.route("**/search/search_index.json", lambda route: held.append(route))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    if visit.base.startswith("http"):
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "search did not ask for its index when opened"
    page.locator("input.md-search__input").fill(query)  # one input event, no key
    for route in held:
        route.continue_()
    assert expected in results_text(page)
    assert visit.errors == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_query_in_one_input_event_after_the_index_is_ready_gets_its_results(visit, lang):
    """The index arrived (Material says "Type to start searching") and then the query comes in one input event."""
    query, expected = QUERIES[lang]
    page = open_home(visit, lang)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    placeholder = {"es": "Teclee para comenzar búsqueda", "en": "Type to start searching"}[lang]
    page.locator(".md-search-result__meta", has_text=placeholder).wait_for(timeout=20000)
    page.locator("input.md-search__input").fill(query)
    assert expected in results_text(page)
