from manualgen.glossary import abbreviations, parse_glossary

GLOSSARY = """---
title: Glosario
---

Intro con un [enlace](contexto-peru.md).

Caja del hombre
:   Imagen de los **mandatos** que se imponen a los hombres. Vea el [contexto](x.md).

CEM
:   Centro Emergencia Mujer.
"""


def test_definition_list_becomes_terms_with_plain_definitions():
    assert parse_glossary(GLOSSARY) == [
        ("Caja del hombre", "Imagen de los mandatos que se imponen a los hombres. Vea el contexto."),
        ("CEM", "Centro Emergencia Mujer."),
    ]


def test_abbreviations_cover_the_mid_sentence_form_but_not_acronyms():
    glossary = abbreviations(parse_glossary(GLOSSARY))
    assert glossary["Caja del hombre"] == "Imagen de los mandatos que se imponen a los hombres. Vea el contexto."
    assert glossary["caja del hombre"] == glossary["Caja del hombre"]
    assert glossary["CEM"] == "Centro Emergencia Mujer." and "cEM" not in glossary


def test_the_glossary_page_keeps_no_hover_boxes():
    from manualgen.glossary import strip_abbreviations
    assert strip_abbreviations('<p><abbr title="x">CEM</abbr> y más</p>') == "<p>CEM y más</p>"
