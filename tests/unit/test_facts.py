from pathlib import Path

import pytest

from manualgen.facts import Fact, format_value, load_facts, render_fact
from manualgen.references import citations_of, references_in, replace_references

ROOT = Path(__file__).resolve().parents[2]
LABELS = {"fact_uncertain": "cifra no confirmada", "fact_sourced": "fuente secundaria"}


def fact(**changes):
    base = dict(id="x", value=52.0, unit="percent", year=2024, label={"es": "mujeres", "en": "women"},
                source="INEI, ENDES 2024", url="https://example.org/endes", status="verified")
    return Fact(**{**base, **changes})


def test_numbers_follow_each_language():
    assert format_value(fact(), "es") == "52,0\u00a0%"
    assert format_value(fact(), "en") == "52.0%"
    assert format_value(fact(unit="count", value=359468), "es") == "359\u202f468"
    assert format_value(fact(unit="count", value=359468), "en") == "359,468"
    assert format_value(fact(unit="count", value=1191), "es") == "1191"
    assert format_value(fact(unit="date", value="2015-11-23"), "es") == "23 de noviembre de 2015"


def test_reference_shows_value_and_source_and_flags_uncertain_figures():
    facts = {"x": fact()}
    text = replace_references("El [[fact:x]] de las mujeres", {"fact": lambda ref: render_fact(facts[ref], "es", LABELS)})
    assert "**52,0\u00a0%**" in text and "(https://example.org/endes)" in text and "INEI, ENDES 2024]" in text
    assert "no confirmada" not in text and "secundaria" not in text and ".fact--verified" in text
    uncertain = render_fact(fact(status="uncertain"), "es", LABELS)
    assert "cifra no confirmada" in uncertain and ".fact--uncertain" in uncertain
    assert "fuente secundaria" in render_fact(fact(status="sourced"), "es", LABELS)


def test_data_values_cannot_become_markup():
    hostile = fact(source="INEI <img src=x onerror=alert(1)>](javascript:x)", label={"es": '"><script>', "en": "x"})
    text = render_fact(hostile, "es", LABELS)
    assert "<img" not in text and "<script>" not in text and "&lt;img" in text and "&quot;&gt;&lt;script&gt;" in text
    assert "\\]\\(javascript" in text  # the link text cannot close early


def test_the_real_facts_file_is_complete_and_every_fact_has_a_source():
    facts, problems = load_facts(ROOT / "data" / "facts.yml", ("es", "en"))
    assert problems == []
    assert len(facts) >= 15
    assert all(f.url.startswith("http") and f.source for f in facts.values())
    assert facts["endes-2018-partner-violence-ever"].status == "uncertain"


def test_fact_file_problems_are_reported(tmp_path):
    path = tmp_path / "facts.yml"
    path.write_text("facts:\n  - id: a\n    value: 1\n", encoding="utf-8")
    _, problems = load_facts(path, ("es", "en"))
    assert problems and "faltan campos" in problems[0].message


def test_reference_pattern():
    assert references_in("a [[fact:endes-2024]] b\n[[helpline:linea-100]] [[manual:sessions]]") == [
        (0, "fact", "endes-2024"), (1, "helpline", "linea-100"), (1, "manual", "sessions")]


def test_helplines_render_as_tap_to_call_links_and_bad_settings_are_reported():
    from manualgen.helplines import helpline_markdown, load_helplines
    lines, problems = load_helplines({"linea-100": {"number": "100", "name": {"es": "Línea 100", "en": "Línea 100"}},
                                      "mal": {"number": "cien", "name": {"es": "x", "en": "x"}},
                                      "sin": {"name": {"es": "y"}}}, ("es", "en"))
    assert list(lines) == ["linea-100"]
    assert helpline_markdown(lines["linea-100"], "es") == "[Línea 100](tel:100){: .helpline }"
    assert sorted(p.field for p in problems) == ["extra.manual.helplines.mal.number", "extra.manual.helplines.sin.name"]


def test_unknown_references_are_reported_with_their_line():
    from manualgen.references import reference_problems
    text = "uno\n[[helpline:linea-999]] y [[fakt:x]]\n[[manual:sessions]]"
    problems = reference_problems("p.md", text, 10, {"helpline": {"linea-100"}, "manual": {"sessions"}})
    assert [(p.line, p.message) for p in problems] == [
        (11, "la línea de ayuda 'linea-999' no existe"), (11, "tipo de referencia desconocido '[[fakt:…]]'")]
    assert "linea-100" in problems[0].hint


FACT_ENTRY = """facts:
  - id: f
    value: 65.8
    unit: percent
    year: 2023
    label: {es: feminicidios, en: femicides}
    source: INEI
    url: https://www.inei.gob.pe/x
    status: STATUS
EXTRA"""


def load(tmp_path, status, extra=""):
    path = tmp_path / "data" / "facts.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(FACT_ENTRY.replace("STATUS", status).replace("EXTRA", extra), encoding="utf-8")
    return load_facts(path, ("es", "en"), "data/facts.yml")


EVIDENCE = """    evidence:
      url: URL
      quote: "QUOTE"
      checked: 2026-11-29
"""


@pytest.mark.parametrize("url,quote,ok", [
    ("https://www.inei.gob.pe/media/x.pdf", "el 65,8 % de los casos fueron cometidos por la pareja", True),
    ("https://www.inei.gob.pe/media/x.pdf", "el 65.8% were committed by a partner", True),
    ("https://www.inei.gob.pe/media/x.pdf", "el 70 % de los casos", False),          # the quote does not state the figure
    ("https://www.infobae.com/peru/x", "el 65,8 % de los casos", False),             # not an official page
    # the host is what follows the user info: an official name before '@' proves nothing
    ("https://www.inei.gob.pe:x@evil.example.org/x.pdf", "el 65,8 % de los casos", False),
    ("https://www.inei.gob.pe@evil.example.org/x.pdf", "el 65,8 % de los casos", False),
    ("https://evil.example.org/www.inei.gob.pe/x.pdf", "el 65,8 % de los casos", False),
    ("https://x.inei.gob.pe.evil.example.org/x.pdf", "el 65,8 % de los casos", False),
    ("https://WWW.INEI.GOB.PE./media/x.pdf", "el 65,8 % de los casos", True),          # case and the root dot
])
def test_a_verified_fact_needs_an_official_quote_that_states_the_figure(tmp_path, url, quote, ok):
    facts, problems = load(tmp_path, "verified", EVIDENCE.replace("URL", url).replace("QUOTE", quote))
    assert (facts != {}) is ok and (problems == []) is ok
    if not ok:
        assert problems[0].path == "data/facts.yml" and problems[0].line == 2


@pytest.mark.parametrize("field,written", [("value: 65.8", "value: .inf"), ("value: 65.8", "value: -.Inf"),
                                           ("value: 65.8", "value: .nan"), ("year: 2023", "year: .inf")])
def test_infinite_or_not_a_number_values_are_refused(tmp_path, field, written):
    path = tmp_path / "facts.yml"
    path.write_text(FACT_ENTRY.replace("STATUS", "sourced").replace("EXTRA", '    note: {es: "x", en: "x"}\n').replace(field, written),
                    encoding="utf-8")
    facts, problems = load_facts(path, ("es", "en"), "data/facts.yml")
    assert facts == {} and len(problems) == 1
    assert problems[0].field == f"facts.0 (f).{written.split(':')[0]}" and "valor no válido" in problems[0].message


def test_unverified_facts_say_why_in_every_language(tmp_path):
    _, problems = load(tmp_path, "sourced")
    assert problems and problems[0].field.endswith(".note") and problems[0].line == 2
    facts, problems = load(tmp_path, "uncertain", '    note: {es: "Solo lo publica un diario.", en: "Only a newspaper states it."}\n')
    assert problems == [] and facts["f"].note == {"es": "Solo lo publica un diario.", "en": "Only a newspaper states it."}


@pytest.mark.parametrize("note", ['"Solo lo publica un diario."', '{es: "Solo lo publica un diario."}',
                                  '{es: "Solo lo publica un diario.", en: "  "}', '{es: a, en: b, qu: c}'])
def test_a_note_in_one_language_only_is_refused(tmp_path, note):
    """A note typed once would show in that language on both pages (the Spanish page showed English notes)."""
    facts, problems = load(tmp_path, "sourced", f"    note: {note}\n")
    assert facts == {} and [(p.path, p.line, p.field) for p in problems] == [("data/facts.yml", 2, "facts.0 (f).note")]
    assert "cada idioma" in problems[0].message and "es: …, en: …" in problems[0].hint


def test_the_facts_page_shows_each_note_in_the_page_language():
    from manualgen.views import facts_view
    noted = fact(status="sourced", note={"es": "Cifra publicada por la prensa.", "en": "Reported by the press."})
    for lang, words in (("es", "Cifra publicada por la prensa."), ("en", "Reported by the press.")):
        entry = facts_view({"x": noted}, lang, {})["groups"][0]["facts"][0]
        assert entry["note"] == words


@pytest.mark.parametrize("field,address,embedded", [
    ("url", "https://www.gob.pe/https://www.inei.gob.pe/media/x.pdf", "https://www.inei.gob.pe"),
    ("url", "https://andina.pe/agencia/seccion-clic-35.aspx/apps.reniec.gob.pe/plpi/noticia-x-1013917.aspx", "apps.reniec.gob.pe"),
    ("evidence.url", "https://www.gob.pe/institucion/x/www.inei.gob.pe/noticia", "www.inei.gob.pe"),
])
def test_an_address_with_another_site_inside_its_path_is_refused(tmp_path, field, address, embedded):
    evidence = EVIDENCE.replace("QUOTE", "el 65,8 % de los casos")
    evidence = evidence.replace("URL", address if field == "evidence.url" else "https://www.inei.gob.pe/media/x.pdf")
    path = tmp_path / "data" / "facts.yml"
    path.parent.mkdir(exist_ok=True)
    text = FACT_ENTRY.replace("STATUS", "verified").replace("EXTRA", evidence)
    if field == "url":
        text = text.replace("url: https://www.inei.gob.pe/x", f"url: {address}")
    path.write_text(text, encoding="utf-8")
    facts, problems = load_facts(path, ("es", "en"), "data/facts.yml")
    assert facts == {} and len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.field) == ("data/facts.yml", 2, f"facts.0 (f).{field}")
    assert f"«{embedded}»" in problem.message and "canónica" in problem.message and "copie la dirección" in problem.hint


@pytest.mark.parametrize("address", [
    "https://andina.pe/agencia/noticia-minsa-cierra-2024-288-centros-salud-mental-comunitaria-funcionando-todo-pais-1013917.aspx",
    "https://www.gob.pe/institucion/warmi%C3%B1an/noticias/1269877-mimp-acredita",
    "https://busquedas.elperuano.pe/api/visor_html/1941276-3", "https://infopress.pe/?p=22705",
    "https://www.inei.gob.pe/media/MenuRecursivo/publicaciones_digitales/Est/Lib1986/libro.pdf",
])
def test_canonical_addresses_pass(address):
    from manualgen.facts import embedded_host
    assert embedded_host(address) is None


def test_facts_file_refuses_aliases_and_reports_yaml_errors_with_line(tmp_path):
    path = tmp_path / "facts.yml"
    path.write_text("a: &x [1]\nfacts: *x\n", encoding="utf-8")
    _, problems = load_facts(path, ("es", "en"), "data/facts.yml")
    assert problems[0].line == 1 and "alias" in problems[0].message
    path.write_text("facts:\n  - id: a\n   value: 1\n", encoding="utf-8")
    _, problems = load_facts(path, ("es", "en"), "data/facts.yml")
    assert problems[0].path == "data/facts.yml" and problems[0].line == 3 and "YAML" in problems[0].message


def test_written_numbers_are_read_in_either_style():
    from manualgen.facts import quote_states
    assert quote_states("se registraron 1 191 casos", 1191, "count") and quote_states("1,191 cases", 1191, "count")
    assert quote_states("1.191 casos", 1191, "count") and quote_states("359 468 llamadas", 359468, "count")
    assert not quote_states("1 190 casos", 1191, "count") and quote_states("el 52,0 %", 52.0, "percent")


def test_citations_list_each_citing_page_once_in_page_order():
    pages = [("m01/s1.html", "Sesión 1", "Cifra [[fact:femicidios]] y otra vez [[fact:femicidios]]; [[helpline:linea-100]]"),
             ("contexto.html", "Contexto", "[[fact:encuesta]] y [[fact:femicidios]]"),
             ("glosario.html", "Glosario", "sin referencias")]
    assert citations_of("fact", pages) == {
        "femicidios": [{"url": "m01/s1.html", "title": "Sesión 1"}, {"url": "contexto.html", "title": "Contexto"}],
        "encuesta": [{"url": "contexto.html", "title": "Contexto"}]}
    assert list(citations_of("helpline", pages)) == ["linea-100"]
