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
