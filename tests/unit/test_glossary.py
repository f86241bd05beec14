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
    lines = abbreviations(parse_glossary(GLOSSARY)).splitlines()
    assert "*[Caja del hombre]: Imagen de los mandatos que se imponen a los hombres. Vea el contexto." in lines
    assert any(line.startswith("*[caja del hombre]:") for line in lines)
    assert "*[CEM]: Centro Emergencia Mujer." in lines and not any(line.startswith("*[cEM]") for line in lines)
