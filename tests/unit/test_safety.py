"""The safety guidance as data: statements written once per language, cited as [[safety:ID]]; a page that
retells one in its own words is refused with its line and the id to cite instead."""
from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.pipeline import reference_renderers
from manualgen.references import replace_references
from manualgen.safety import load_safety, paraphrase_problems, statement_markdown

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("es", "en")
KNOWN = {"helpline": {"linea-100", "policia", "linea-113"}, "fact": set()}


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "safety.yml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """statements:
  nivel-1:
    what: tier 1
    es: Quien facilita actúa ese mismo día; en una emergencia, [[helpline:policia]].
    en: The facilitator acts that same day; in an emergency, [[helpline:policia]].
paraphrases:
  es:
    - {pattern: 'peligro\\s+grave', use: nivel-1, says: otra forma de nombrar el peligro}
  en:
    - {pattern: 'serious\\s+danger', use: nivel-1, says: another name for the danger}
"""


@pytest.fixture(scope="module")
def real():
    safety, problems = load_safety(ROOT / "data" / "safety.yml", LANGS, "data/safety.yml", KNOWN)
    assert problems == []
    return safety


def test_the_real_statements_exist_in_both_languages(real):
    for statement_id in ("peligro-inmediato", "nivel-1", "nivel-2", "nivel-3", "nivel-4", "confidencialidad",
                         "acuerdo-confidencialidad", "secreto", "deber-servidores", "ruta-crisis", "regla-breve",
                         "para-participantes"):
        assert real.text(statement_id, "es") and real.text(statement_id, "en"), statement_id


def test_the_statements_name_the_danger_with_the_one_term(real):
    # The first two phrases of each language are the variant names of the trigger (peligro grave, en peligro…).
    for statement_id, texts in real.statements.items():
        for lang, text in texts.items():
            variants = real.paraphrases[lang][:2]
            assert not any(p.pattern.search(text) for p in variants), (statement_id, lang)


def test_one_set_of_tiers_high_risk_signs_leave_the_decision_with_her(real):
    assert "La decisión sigue siendo de ella" in real.text("nivel-2", "es")
    assert "The decision stays hers" in real.text("nivel-2", "en")
    assert "ese mismo día" in real.text("nivel-1", "es") and "that same day" in real.text("nivel-1", "en")


@pytest.mark.parametrize("lang,text,line,use", [
    ("es", "título\n\nSi alguien corre un peligro grave, actúe.\n", 3, "peligro-inmediato"),
    ("es", "uno\ndos\nSi hay un niño en riesgo, busque ayuda ese mismo día.", 3, "nivel-1"),
    ("es", "Lo que se cuenta aquí, aquí se queda.", 1, "confidencialidad"),
    ("es", "Si está en peligro, llame.", 1, "peligro-inmediato"),
    ("es", "como dice el punto 2 de la regla", 1, "regla-breve"),
    ("en", "x\nIf someone is in serious danger, act.", 2, "peligro-inmediato"),
    ("en", "If anyone is in danger, the facilitator seeks help that same day.", 1, "peligro-inmediato"),
    ("en", "Listen, believe her and respect her decision.", 1, "nivel-3"),
])
def test_a_paraphrase_is_refused_with_its_line_and_the_id_to_cite(real, lang, text, line, use):
    problems = paraphrase_problems("docs/x.md", text, lang, real)
    assert problems, text
    assert problems[0].line == line
    assert f"[[safety:{use}]]" in problems[0].hint
    assert any(f"[[safety:{use}]]" in p.hint for p in problems)


@pytest.mark.parametrize("lang,text", [
    ("es", "Si hay peligro inmediato, se aplica el nivel 1.\n\n[[safety:nivel-1]]\n"),
    ("es", "Dos sesiones no van el mismo día."),  # scheduling, not the rule
    ("en", "This is immediate danger: tier 1 applies. [[safety:regla-breve]]"),
])
def test_the_term_and_references_pass(real, lang, text):
    assert paraphrase_problems("docs/x.md", text, lang, real) == []


def test_a_statement_cites_its_helplines_in_the_page_language(tmp_path):
    safety, problems = load_safety(write(tmp_path, MINIMAL), LANGS, "safety.yml", KNOWN)
    assert problems == []
    cite = lambda text: replace_references(text, {"helpline": lambda ref: f"<{ref}>"})  # noqa: E731
    assert statement_markdown(safety, "nivel-1", "en", cite) == "The facilitator acts that same day; in an emergency, <policia>."
    assert statement_markdown(safety, "nivel-9", "en", cite) is None


def test_references_put_the_statement_in_place_with_its_helpline_as_a_link(tmp_path):
    from manualgen.helplines import load_helplines
    from manualgen.model import Manual
    safety, _ = load_safety(write(tmp_path, MINIMAL), LANGS, "safety.yml", KNOWN)
    helplines, _ = load_helplines({"policia": {"number": "105", "name": {"es": "105", "en": "105"}}}, LANGS)
    renderers = reference_renderers(Manual(LANGS), {}, helplines, {}, "es", {}, safety)
    out = replace_references("Antes.\n\n[[safety:nivel-1]]\n", renderers)
    assert out == "Antes.\n\nQuien facilita actúa ese mismo día; en una emergencia, [105](tel:105){: .helpline }.\n"


@pytest.mark.parametrize("change,field,message", [
    (("es: Quien facilita", "de: Quien facilita"), "statements.nivel-1.es", "falta el texto en 'es'"),
    (("[[helpline:policia]].\n    en", "[[helpline:bomba]].\n    en"), "statements.nivel-1.es", "'[[helpline:bomba]]' no existe"),
    (("[[helpline:policia]].\n    en", "[[safety:nivel-1]].\n    en"), "statements.nivel-1.es", "no puede citar '[[safety:…]]'"),
    (("actúa ese mismo día;", "actúa [ese día](https://x.pe);"), "statements.nivel-1.es", "sin enlaces ni HTML"),
    (("use: nivel-1, says: otra", "use: nivel-7, says: otra"), "paraphrases.es.0.use", "'nivel-7' no existe"),
    (("'peligro\\s+grave'", "'peligro(grave'"), "paraphrases.es.0.pattern", "expresión no válida"),
])
def test_mistakes_in_the_data_file_name_the_field_and_line(tmp_path, change, field, message):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL, change
    safety, problems = load_safety(write(tmp_path, text), LANGS, "safety.yml", KNOWN)
    assert safety.statements == {}
    found = [p for p in problems if p.field == field]
    assert found and message in found[0].message, problems
    assert found[0].line is not None


def test_every_helpline_names_the_fact_that_sources_its_number():
    from manualgen.helplines import helpline_source_problems, load_helplines
    lines, _ = load_helplines({"policia": {"number": "105", "name": {"es": "105", "en": "105"}, "source": "policia-105"},
                               "samu": {"number": "106", "name": {"es": "106", "en": "106"}},
                               "bomberos": {"number": "116", "name": {"es": "116", "en": "116"}, "source": "nada"}}, LANGS)
    problems = helpline_source_problems(lines, {"policia-105": object()})
    assert [(p.field, p.message) for p in problems] == [
        ("extra.manual.helplines.samu.source", "falta la fuente del número"),
        ("extra.manual.helplines.bomberos.source", "el dato 'nada' no existe")]


def test_the_real_helplines_are_all_sourced():
    import yaml as yaml_lib

    from manualgen.facts import load_facts
    from manualgen.helplines import helpline_source_problems, load_helplines

    class Loader(yaml_lib.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV and !!python tags
    config = yaml_lib.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    lines, problems = load_helplines(config["extra"]["manual"]["helplines"], LANGS)
    facts, _ = load_facts(ROOT / "data" / "facts.yml", LANGS)
    assert problems == [] and len(lines) >= 5
    assert helpline_source_problems(lines, facts) == []


def test_with_statements_shows_the_references_behind_a_cited_statement(real):
    from manualgen.safety import with_statements
    out = with_statements("Antes.\n\n[[safety:nivel-1]]\n\n[[safety:nada]] [[helpline:linea-100]]", real, "es")
    assert "[[helpline:policia]]" in out and "[[safety:nivel-1]]" not in out
    assert "[[safety:nada]] [[helpline:linea-100]]" in out  # unknown ids and other kinds stay as written
