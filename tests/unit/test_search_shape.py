"""The search index a phone builds when search opens (issue 26: first results within 1 s, CPU slowed 4×): each
word of a section is indexed once. `body` leaves out what the section's title and excerpt already give the
index as they are shown (split at the index's separator and folded, as Material's worker does), and no word a
reader could find before is lost."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT
from manualgen.search_index import SEPARATOR, excerpt, indexed_as_shown, plain_text, searchable_words, shape

INDEX_CONFIG = {"lang": ["es"], "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}


def shaped_doc(title: str, text: str, lang: str = "es") -> dict:
    return shape({"config": INDEX_CONFIG, "docs": [{"location": "x.html#a", "title": title, "text": text}]}, lang)["docs"][0]


def findable(doc: dict) -> set[str]:
    """Every term a query can meet in a shaped section: the shown title and excerpt as the worker splits them,
    and `body`."""
    return indexed_as_shown(f"{doc['title']} {doc['text']}") | set(doc["body"].split())


def indexed_terms(doc: dict) -> int:
    """How many terms the worker indexes for a section (what its time to build the index grows with)."""
    shown = [token for field in ("title", "text") for token in re.split(SEPARATOR, doc[field]) if token]
    return len(shown) + len(doc["body"].split())


def test_body_holds_only_what_the_title_and_excerpt_do_not_index():
    tail = "Después, cada grupo comparte su tiempo-fuera con la plenaria."
    doc = shaped_doc("La caja del hombre", "La caja del hombre es un ejercicio en grupos sobre mandatos. " * 4 + tail)
    body = doc["body"].split()
    assert not {"caja", "hombre", "ejercicio", "grupos", "mandatos"} & set(body), body
    assert ["despues", "cada", "grupo", "comparte", "tiempofuera", "plenaria", "tiempo", "fuera"] == body


def test_a_shown_word_the_worker_would_not_index_whole_stays_in_body():
    """The excerpt gives «time-out» to the index as «timeout» only: its parts stay in body."""
    doc = shaped_doc("Time-out", "Take a time-out when anger rises.", "en")
    assert doc["body"].split() == ["time", "out"]
    assert {"timeout", "take", "anger", "rises"} <= indexed_as_shown(f"{doc['title']} {doc['text']}")


def test_the_index_splits_shown_text_at_punctuation_but_not_at_hyphens_or_references():
    assert indexed_as_shown("«Línea 100», ¿Qué hacer? (CEM) “man box” Fin… EE.UU. time-out R&amp;D a: b.") == {
        "linea", "100", "que", "hacer", "cem", "man", "box", "fin", "ee.uu", "timeout", "r&amp;d", "a", "b"}


def sections(path):
    """A page's sections as Material's index has them: a heading's words, then the text up to the next one."""
    text = re.sub(r"(?s)\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"))
    parts = re.split(r"(?m)^#{1,6} +(.*)$", text)
    return [("", parts[0])] + list(zip(parts[1::2], parts[2::2]))


PAGES = sorted((ROOT / "modules").glob("*/0*.es.md"))[:6] + sorted((ROOT / "modules").glob("*/0*.en.md"))[:6] + \
    [ROOT / "docs" / "contexto-peru.es.md", ROOT / "docs" / "contexto-peru.en.md"]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_no_word_a_reader_finds_is_lost_and_none_is_indexed_twice(path):
    lang = path.suffixes[-2].lstrip(".")
    before = after = 0
    for title, text in sections(path):
        doc = shaped_doc(title, text, lang)
        words = searchable_words(f"{plain_text(title)} {plain_text(text)}", lang)
        lost = set(words.split()) - findable(doc)
        assert not lost, (title, sorted(lost))
        repeated = set(doc["body"].split()) & indexed_as_shown(f"{doc['title']} {doc['text']}")
        assert not repeated, (title, sorted(repeated))
        after += indexed_terms(doc)
        before += indexed_terms({**doc, "body": words})  # body as it was: every word of the section
    assert after < before, (after, before)


def test_every_word_is_found_whatever_the_text(tmp_path):
    """On generated sections too: no word of the title or text is lost from what a query can meet."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from("ab é\u0301ñ-\u2010_1\n\t<>&;#x.,:¿?«»()"), max_size=60),
           st.text(alphabet=st.sampled_from("ab é-1.,:¿?«»"), max_size=20))
    def nothing_lost(text, title):
        doc = shaped_doc(title, text)
        assert set(searchable_words(f"{plain_text(title)} {plain_text(text)}", "es").split()) <= findable(doc)
    nothing_lost()


def test_the_excerpt_shown_is_the_one_indexed():
    text = "palabra " * 60
    assert shaped_doc("T", text)["text"] == excerpt(plain_text(text))


def test_the_excerpt_keeps_the_weight_it_had_when_body_repeated_it():
    """A word of the excerpt counted in text and again in body (often a third time with its punctuation): the
    excerpt's field now weighs three times body's, and the title's stays far above both."""
    fields = shape({"config": INDEX_CONFIG, "docs": []}, "es")["config"]["fields"]
    assert fields["text"]["boost"] == 3 * fields["body"]["boost"]
    assert fields["title"]["boost"] == 1000
