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


SPANISH = """---
title: Glosario
---

Caja del hombre
:   Imagen de los mandatos.

CEM
:   Centro Emergencia Mujer.

Línea 100
:   Línea gratuita.
"""
ENGLISH = """---
title: Glossary
---

CEM
:   Women's Emergency Centre.

Línea 100
:   Free line.

Man box {#caja-del-hombre}
:   A picture of the mandates.
"""


def test_a_translated_term_spelt_differently_carries_the_spanish_terms_id():
    from manualgen.glossary import glossary_terms, shared_id_problems
    assert glossary_terms(ENGLISH) == [(5, "CEM", "cem"), (8, "Línea 100", "linea-100"), (11, "Man box", "caja-del-hombre")]
    assert parse_glossary(ENGLISH)[2] == ("Man box", "A picture of the mandates.")  # the hover term has no {#id}
    assert shared_id_problems("docs/glosario.es.md", SPANISH, "docs/glosario.en.md", ENGLISH) == []


def test_a_term_without_its_spanish_id_is_named_with_its_line_and_the_ids_left():
    from manualgen.glossary import shared_id_problems
    english = ENGLISH.replace("Man box {#caja-del-hombre}", "Man box")
    assert [str(p) for p in shared_id_problems("docs/glosario.es.md", SPANISH, "docs/glosario.en.md", english)] == [
        "docs/glosario.en.md:11: glosario: «Man box» no corresponde a ningún término de docs/glosario.es.md (su id "
        "sería «man-box») — escriba tras el término el id del término original, Man box {#id}; ids sin término "
        "aquí: caja-del-hombre",
        "docs/glosario.es.md:5: glosario: «Caja del hombre» (id «caja-del-hombre») no tiene término en "
        "docs/glosario.en.md — tradúzcalo allí, con {#caja-del-hombre} tras el término si se escribe distinto"]


def test_two_translated_terms_cannot_share_one_spanish_term():
    from manualgen.glossary import shared_id_problems
    english = ENGLISH.replace("CEM\n", "CEM {: #caja-del-hombre }\n")
    found = [str(p) for p in shared_id_problems("docs/glosario.es.md", SPANISH, "docs/glosario.en.md", english)]
    assert found[0].startswith("docs/glosario.en.md:11: glosario: «Man box» lleva el id «caja-del-hombre», que ya lleva «CEM»")
    assert found[1].startswith("docs/glosario.es.md:8: glosario: «CEM» (id «cem») no tiene término en docs/glosario.en.md")


def test_the_real_glossaries_share_every_term():
    from helpers import ROOT
    from manualgen.glossary import glossary_terms, shared_id_problems
    spanish, english = ((ROOT / "docs" / f"glosario.{lang}.md").read_text(encoding="utf-8") for lang in ("es", "en"))
    assert shared_id_problems("es", spanish, "en", english) == []
    assert ("Man box", "caja-del-hombre") in [(term, anchor) for _, term, anchor in glossary_terms(english)]
    assert len(glossary_terms(english)) == len(glossary_terms(spanish)) > 30


def test_every_term_gets_its_id_written_before_markdown_reads_it():
    from manualgen.glossary import with_term_ids
    assert with_term_ids(SPANISH).split("\n")[4:11] == [
        "Caja del hombre {#caja-del-hombre}", ":   Imagen de los mandatos.", "", "CEM {#cem}",
        ":   Centro Emergencia Mujer.", "", "Línea 100 {#linea-100}"]
    assert with_term_ids(ENGLISH).count("{#caja-del-hombre}") == 1  # a written id is kept, not doubled
