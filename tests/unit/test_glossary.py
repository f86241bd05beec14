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


def test_hover_text_reads_references_as_plain_words():
    from manualgen.helplines import helpline_markdown, load_helplines
    lines, _ = load_helplines({"linea-100": {"number": "100", "name": {"es": "Línea 100", "en": "Línea 100"}}}, ("es", "en"))
    renderers = {"helpline": lambda ref: helpline_markdown(lines[ref], "es")}
    from manualgen.references import replace_references
    entries = parse_glossary("CEM\n:   Centro Emergencia Mujer; también orienta la [[helpline:linea-100]].\n",
                             lambda text: replace_references(text, renderers))
    assert entries == [("CEM", "Centro Emergencia Mujer; también orienta la Línea 100.")]
    # without a resolver the reference stays as written (validation reports unknown ones)
    assert parse_glossary("CEM\n:   ver [[helpline:linea-100]]\n") == [("CEM", "ver [[helpline:linea-100]]")]


def test_every_term_gets_an_anchor_made_from_the_term():
    from manualgen.glossary import anchor_terms, term_anchor
    assert [term_anchor(t) for t in ("Caja del hombre", "Ley N.° 30364", "Warmi Ñan", "CEM", "¿?")] == [
        "caja-del-hombre", "ley-n-30364", "warmi-nan", "cem", "termino"]
    html = '<h2 id="cem">x</h2><dl><dt>CEM</dt><dd>a</dd><dt>Línea <em>100</em></dt><dd>b</dd><dt>CEM</dt></dl>'
    assert anchor_terms(html) == ('<h2 id="cem">x</h2><dl><dt id="cem-2">CEM</dt><dd>a</dd>'
                                  '<dt id="linea-100">Línea <em>100</em></dt><dd>b</dd><dt id="cem-3">CEM</dt></dl>')
