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
    assert "escriba" in doc["body"].split()  # still found by its words
