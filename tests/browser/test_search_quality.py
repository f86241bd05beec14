"""What search finds (issue 26): hyphens folded like accents, and a query naming a section lands on it."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.browser


def first_results(page, query: str) -> list[str]:
    """The result links, in order, for a query typed as a reader types it, once the list stops changing."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, .md-search__input").first.click()
    box.fill("")
    box.press_sequentially(query)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)
    previous, stable = None, 0
    while stable < 3:
        page.wait_for_timeout(150)
        current = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        stable = stable + 1 if current == previous else 0
        previous = current
    return [unquote(href) for href in previous]


@pytest.mark.parametrize("query", ["timeout", "time-out", "Time-Out"])
def test_timeout_finds_time_out(visit, query):
    page = visit.open("en/index.html")
    links = first_results(page, query)
    assert "04-emociones-ira-y-salud/" in links[0], links[:3]
    assert "time-out" in page.locator(".md-search-result__list").inner_text().lower()


@pytest.mark.parametrize("lang,query", [("es", "línea 100"), ("es", "linea 100"), ("en", "Línea 100")])
def test_a_query_naming_a_section_lands_on_that_section(visit, lang, query):
    page = visit.open(("" if lang == "es" else "en/") + "index.html")
    best = first_results(page, query)[0]
    assert "contexto-peru.html" in best and best.endswith("#línea-100"), best
    page.keyboard.press("Enter")  # Material's Enter follows the group head with the highest score
    page.wait_for_url("**/contexto-peru.html*", timeout=10000)
    assert unquote(page.url).endswith("contexto-peru.html?h=100+linea#línea-100"), page.url
