"""The search index folds words as the search worker folds queries (docs/assets/javascripts/search-fold.js):
accents and diaeresis go, ñ stays, case goes."""
from __future__ import annotations

import pytest

from manualgen.search_index import fold, searchable_words


@pytest.mark.parametrize("text, folded", [
    ("Género", "genero"), ("PINGÜINO", "pinguino"), ("año", "año"), ("AÑO", "año"), ("Ñandú", "ñandu"),
    ("e\u0301xito", "exito"),  # an accent typed as a separate combining mark
    ("n\u0303", "ñ"),  # ñ typed as n + tilde is kept, composed
    ("a\u0303", "a"),  # a tilde on any other letter is dropped
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_searchable_words_are_folded_once_without_short_or_stop_words():
    words = searchable_words("La caja del hombre: el HOMBRE que no llora, la caja de género.", "es").split()
    assert words == ["caja", "hombre", "llora", "genero"]


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
