"""What search finds (issue 26): hyphens folded like accents, and a query naming a section lands on it."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from helpers import search_results

pytestmark = pytest.mark.browser


def first_results(page, query: str) -> list[str]:
    return [unquote(href) for href in search_results(page, query)]


@pytest.mark.parametrize("query", ["timeout", "time-out", "Time-Out"])
def test_timeout_finds_time_out(visit, query):
    page = visit.open("en/index.html")
    links = first_results(page, query)
    assert "04-emociones-ira-y-salud/" in links[0], links[:3]
    assert "time-out" in page.locator(".md-search-result__list").inner_text().lower()


@pytest.mark.parametrize("query", ["cofacilita", "co-facilita"])
def test_a_hyphenated_spanish_word_is_found_joined_or_hyphenated(visit, query):
    """«co-facilita» is written with its hyphen only in module 4's and 5's sessions."""
    links = first_results(visit.open("index.html"), query)
    assert any("04-emociones-ira-y-salud/" in link for link in links), links[:5]


@pytest.mark.parametrize("lang,query,expected", [
    ("es", "(caja del hombre)", "02-la-caja-del-hombre.html"), ("es", "¿tiempo fuera?", "02-la-ira-y-el-tiempo-fuera.html"),
    ("en", "(man box)", "02-la-caja-del-hombre.html"), ("en", "(time out)", "02-la-ira-y-el-tiempo-fuera.html")])
def test_a_query_pasted_with_its_punctuation_finds_the_words(visit, lang, query, expected):
    """Brackets, question marks and quotation marks around a word split it like a space, in the index and in the
    query (the index's separator): «(caja» and «fuera?» were once query terms that met nothing."""
    links = first_results(visit.open(("" if lang == "es" else "en/") + "index.html"), query)
    assert expected in links[0], links[:3]


@pytest.mark.parametrize("lang,query", [("es", "línea 100"), ("es", "linea 100"), ("en", "Línea 100")])
def test_a_query_naming_a_section_lands_on_that_section(visit, lang, query):
    page = visit.open(("" if lang == "es" else "en/") + "index.html")
    best = first_results(page, query)[0]
    assert "contexto-peru.html" in best and best.endswith("#línea-100"), best
    page.keyboard.press("Enter")  # Material's Enter follows the group head with the highest score
    page.wait_for_url("**/contexto-peru.html*", timeout=10000)
    assert unquote(page.url).endswith("contexto-peru.html?h=100+linea#línea-100"), page.url


@pytest.mark.parametrize("lang,query,other_home,found", [
    ("es", "anger", "en/index.html?q=anger", "Nada en español para esta búsqueda, pero sí en inglés."),
    ("en", "mandatos", "index.html?q=mandatos", "Nothing in English for this search, but there are results in Spanish."),
    # words the other index holds only in a title or excerpt (its body leaves them out: search_index.py)
    ("es", "caregiving", "en/index.html?q=caregiving", "Nada en español para esta búsqueda, pero sí en inglés."),
    ("en", "estructura", "index.html?q=estructura", "Nothing in English for this search, but there are results in Spanish.")])
def test_a_query_found_only_in_the_other_language_says_so_and_links_there(visit, lang, query, other_home, found):
    page = visit.open(("" if lang == "es" else "en/") + "index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query)
    note = page.locator(".manual-search-elsewhere")
    note.wait_for(timeout=20000)
    assert found in note.inner_text()
    assert unquote(note.locator("a").get_attribute("href")) == visit.base + other_home
    note.locator("a").click()
    page.wait_for_url("**" + other_home.split("?")[0] + "*")
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)  # Material searches ?q= there
    assert query in page.locator(".md-search-result__list").inner_text().lower()
    # a query with results here, or with none anywhere, shows no such note
    for nothing_to_say in ("caja" if lang == "es" else "box", "zzqx"):
        page = visit.open(("" if lang == "es" else "en/") + "index.html")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially(nothing_to_say)
        answered = {"es": "documento", "en": "document"}[lang]  # «No se encontraron documentos», «15 matching documents»
        page.locator(".md-search-result__meta", has_text=answered).first.wait_for(timeout=20000)
        page.wait_for_timeout(1500)  # the other language's index would have been read by now (a local file)
        assert page.locator(".manual-search-elsewhere").count() == 0, nothing_to_say
