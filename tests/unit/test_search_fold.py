"""The search index folds words as the search worker folds queries (docs/assets/javascripts/search-fold.js):
accents and diaeresis go, ñ stays, a hyphen between letters or digits goes, case goes. The cases are shared with
the Node test of the worker's folding (tests/js/search_fold.test.js): tests/golden/search_fold.json."""
from __future__ import annotations

import json

import pytest

from helpers import ROOT
from manualgen.search_index import fold, searchable_words

GOLDEN = json.loads((ROOT / "tests" / "golden" / "search_fold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, folded", GOLDEN["fold"])
def test_fold(text, folded):
    assert fold(text) == folded


def test_searchable_words_are_folded_once_without_short_or_stop_words():
    words = searchable_words("La caja del hombre: el HOMBRE que no llora, la caja de género.", "es").split()
    assert words == ["caja", "hombre", "llora", "genero"]


def test_a_hyphenated_word_is_found_joined_and_by_its_parts():
    assert searchable_words("Take a Time-out, then self-care.", "en").split() == [
        "take", "timeout", "then", "selfcare", "time", "out", "self", "care"]


def test_what_the_index_shows_is_text_whatever_the_page_held():
    """Material inserts a result's title and excerpt as HTML: the index holds them escaped once."""
    from manualgen.search_index import shape
    index = {"config": {"lang": ["es"], "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": [
        {"location": "x.html#a", "title": "Paso &lt;img src=x onerror=alert(1)&gt; <code>&amp;lt;b&amp;gt;</code>",
         "text": "<p>Escriba <code>&lt;script&gt;alert(2)&lt;/script&gt;</code> y &amp;lt;img src=x onerror=alert(3)&amp;gt; fin</p>"},
    ]}
    doc = shape(index, "es")["docs"][0]
    for field in ("title", "text"):
        assert "<" not in doc[field] and ">" not in doc[field], doc[field]
    assert doc["text"] == "Escriba &lt;script&gt;alert(2)&lt;/script&gt; y &amp;lt;img src=x onerror=alert(3)&amp;gt; fin"
    assert doc["title"] == "Paso &lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt;"
    from manualgen.search_index import indexed_as_shown
    assert "escriba" in indexed_as_shown(doc["text"]) | set(doc["body"].split())  # still found by its words


def _parsed_text(html: str) -> str:
    """plain_text without its shortcut: every section through the HTML parser."""
    from manualgen.search_index import _Text
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def _words_both_ways(text: str, lang: str) -> str:
    """searchable_words without its shortcut: the text folded joined and in its parts, always."""
    from manualgen.search_index import JOINING_HYPHEN, STOP_WORDS, WORD
    seen: dict[str, None] = {}
    for word in WORD.findall(fold(text)) + WORD.findall(fold(JOINING_HYPHEN.sub(" ", text))):
        if len(word) > 2 and word not in STOP_WORDS[lang]:
            seen.setdefault(word, None)
    return " ".join(seen)


def test_the_shortcuts_give_the_same_words_and_text_as_the_long_way():
    """The index's sections are shaped faster (no parser for a section without markup, no second fold without a
    hyphen between letters): the same text and words as the long way, on chosen and generated sections."""
    from hypothesis import given, settings, strategies as st
    from manualgen.search_index import plain_text
    cases = ["Prevención de la violencia\n\n  de género", "time-out m02-s01 «Línea 100»", "", "  ", "a\u00a0b\tc",
             "café-bar e\u0301-x", "<p>x</p>", "R&amp;D"]
    for text in cases:
        assert plain_text(text) == _parsed_text(text), text
        for lang in ("es", "en"):
            assert searchable_words(text, lang) == _words_both_ways(text, lang), text

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from("ab é\u0301ñ-\u2010_1\n\t<>&;#x"), max_size=40))
    def same(text):
        assert plain_text(text) == _parsed_text(text)
        assert searchable_words(text, "es") == _words_both_ways(text, "es")
    same()


def test_the_golden_cases_use_the_index_separator():
    from manualgen.search_index import SEPARATOR
    assert GOLDEN["separator"] == SEPARATOR


@pytest.mark.parametrize("stored, terms", GOLDEN["indexed"])
def test_the_terms_the_worker_takes_from_what_a_result_shows(stored, terms):
    """Left out of `body`; the page reckons them the same way (tests/js/search_fold.test.js, search-results.js)."""
    from manualgen.search_index import indexed_as_shown
    assert sorted(indexed_as_shown(stored)) == terms
