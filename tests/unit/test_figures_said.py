"""Figures as a facilitator says them: in a «Diga:» paragraph (or anywhere on a participant sheet) a fact reads as
its value, with its source in a footnote at the foot; elsewhere the fact keeps its source inline."""
from __future__ import annotations

from manualgen.figures_said import figures_said_plainly, spoken_marker

VALUES = {"endes": "**52,0 %**"}
NOTES = {"endes": "[INEI, ENDES 2024](https://x.pe)"}


def said_by(word: str):
    marker = spoken_marker(word)
    return lambda paragraph: bool(marker.match(paragraph))


def run(text: str, word: str = "Diga") -> str:
    return figures_said_plainly(text, said_by(word), VALUES.get, NOTES.get)


def test_a_spoken_figure_reads_plainly_and_its_source_goes_to_the_foot():
    text = "Intro.\n\n    > **Diga:** «Según la ENDES, [[fact:endes]] de las mujeres…»\n\nOtra cosa.\n"
    out = run(text)
    assert "> **Diga:** «Según la ENDES, **52,0 %**[^endes] de las mujeres…»" in out
    assert out.endswith("Otra cosa.\n\n[^endes]: [INEI, ENDES 2024](https://x.pe)\n")
    assert "[[fact:" not in out


def test_a_script_line_continued_on_the_next_line_is_one_paragraph():
    out = run("> **Say:** \"First line\n> and [[fact:endes]] here.\"\n", word="Say")
    assert "and **52,0 %**[^endes] here." in out


def test_facts_outside_a_script_and_unknown_facts_are_left_for_the_usual_rendering():
    text = "Según la ENDES, [[fact:endes]] sufrió violencia.\n\n> **Diga:** [[fact:nope]] y [[helpline:linea-100]].\n"
    assert run(text) == text


def test_each_fact_gets_one_note_however_often_it_is_said():
    out = run("> **Diga:** [[fact:endes]].\n\n> **Diga:** otra vez [[fact:endes]].\n")
    assert out.count("[^endes]:") == 1 and out.count("[^endes]") == 3


def test_the_marker_is_the_page_language_word():
    assert run("> **Say:** [[fact:endes]]\n") == "> **Say:** [[fact:endes]]\n"
    assert "[^endes]" in run("> **Say:** [[fact:endes]]\n", word="Say")


def test_a_participant_sheet_says_every_figure_plainly():
    out = figures_said_plainly("El [[fact:endes]] de las mujeres.\n", lambda paragraph: True, VALUES.get, NOTES.get)
    assert out == "El **52,0 %**[^endes] de las mujeres.\n\n[^endes]: [INEI, ENDES 2024](https://x.pe)\n"


def test_a_script_right_under_a_block_header_is_found():
    out = run("/// safety\n> **Diga:** «El [[fact:endes]].»\n///\n")
    assert out.startswith("/// safety\n> **Diga:** «El **52,0 %**[^endes].»\n///")
