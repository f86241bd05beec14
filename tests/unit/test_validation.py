"""Every error class an author can make, each asserting the message names the file, the field and a fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import LANGS, edit
from manualgen.model import load_manual

SESSION_ES = "modules/01-prueba/01-sesion.es.md"
SESSION_EN = "modules/01-prueba/01-sesion.en.md"
HANDOUT_ES = "modules/01-prueba/h01-ficha.es.md"


def problems_for(root: Path, schema) -> list:
    _, problems = load_manual(root, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    return problems


def only(problems, path: str, field: str):
    found = [p for p in problems if p.path == path and p.field == field]
    assert found, f"no problem for {path} / {field}; got: {[str(p) for p in problems]}"
    return found[0]


def test_the_fixture_is_valid(mini, schema):
    assert problems_for(mini, schema) == []


def test_missing_field(mini, schema):
    edit(mini / SESSION_ES, "sensitivity: medium\n", "")
    problem = only(problems_for(mini, schema), SESSION_ES, "sensitivity")
    assert "falta el campo obligatorio 'sensitivity'" in problem.message and problem.hint


def test_unknown_field_lists_the_allowed_ones(mini, schema):
    edit(mini / SESSION_ES, "duration: 60\n", "duration: 60\nduracion: 60\n")
    problem = only(problems_for(mini, schema), SESSION_ES, "duracion")
    assert problem.line == 8 and "campo desconocido" in problem.message and "duration" in problem.hint


def test_ill_typed_field(mini, schema):
    edit(mini / SESSION_ES, "duration: 60", "duration: sesenta")
    problem = only(problems_for(mini, schema), SESSION_ES, "duration")
    assert problem.line == 7 and "número entero" in problem.message


def test_wrong_enum_value(mini, schema):
    edit(mini / SESSION_ES, "sensitivity: medium", "sensitivity: alta")
    problem = only(problems_for(mini, schema), SESSION_ES, "sensitivity")
    assert "low, medium, high" in problem.hint


def test_minutes_must_add_up_to_duration(mini, schema):
    edit(mini / SESSION_ES, "minutes: 45", "minutes: 40")
    problem = only(problems_for(mini, schema), SESSION_ES, "duration")
    assert problem.line == 7 and "suman 55 (15 + 40)" in problem.message and "60" in problem.message


@pytest.mark.parametrize("value", ["0", "-5"])
def test_zero_or_negative_minutes(mini, schema, value):
    edit(mini / SESSION_ES, "minutes: 15", f"minutes: {value}")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque activity: minutes")
    assert problem.line == 23 and "al menos 1" in problem.message


def test_unknown_block_type_lists_the_allowed_ones(mini, schema):
    edit(mini / SESSION_ES, "/// facilitator", "/// facilitador")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque facilitador")
    assert "desconocido" in problem.message
    assert "activity, facilitator, safety, discussion, answers, key-messages" in problem.hint


def test_missing_required_block(mini, schema):
    edit(mini / SESSION_ES, "/// key-messages\n- Los mandatos se aprenden y se pueden cambiar.\n///\n", "")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque key-messages")
    assert "falta al menos un bloque" in problem.message


def test_sensitive_session_needs_a_safety_block(mini, schema):
    for path in (SESSION_ES, SESSION_EN):
        text = (mini / path).read_text(encoding="utf-8")
        start = text.index("/// safety")
        end = text.index("///\n", start + 4) + 4
        (mini / path).write_text(text[:start] + text[end:], encoding="utf-8")
    problem = only(problems_for(mini, schema), SESSION_ES, "sensitivity")
    assert "safety" in problem.message


def test_unknown_handout_id(mini, schema):
    edit(mini / SESSION_ES, "handouts: [m01-h01]", "handouts: [m01-h09]")
    problem = only(problems_for(mini, schema), SESSION_ES, "handouts")
    assert "'m01-h09' no existe" in problem.message and problem.line == 18


def test_same_id_twice(mini, schema):
    for lang in LANGS:
        src = mini / f"modules/01-prueba/01-sesion.{lang}.md"
        (mini / f"modules/01-prueba/02-copia.{lang}.md").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    problem = only(problems_for(mini, schema), "modules/01-prueba/02-copia.es.md", "id")
    assert "ya se usa en modules/01-prueba/01-sesion.es.md" in problem.message


def test_page_in_one_language_only(mini, schema):
    (mini / SESSION_EN).unlink()
    problem = only(problems_for(mini, schema), SESSION_ES, "traducción")
    assert "falta la versión 'en'" in problem.message and SESSION_EN in problem.hint


@pytest.mark.parametrize("old,new,field", [
    ("id: m01-s01", "id: m01-s02", "id"),
    ("duration: 60", "duration: 75", "duration"),
    ("handouts: [m01-h01]", "handouts: []", "handouts"),
])
def test_translation_disagrees_with_the_source(mini, schema, old, new, field):
    edit(mini / SESSION_EN, old, new)
    if field == "duration":
        edit(mini / SESSION_EN, "minutes: 45", "minutes: 60")
    problem = only(problems_for(mini, schema), SESSION_EN, field)
    assert "no coincide con el original" in problem.message and SESSION_ES in problem.message


def test_translation_with_a_different_number_of_activities(mini, schema):
    edit(mini / SESSION_EN, "    minutes: 45\n    grouping: small_groups\n\n1. Draw the man box.\n///\n",
         "    minutes: 30\n    grouping: small_groups\n\n1. Draw the man box.\n///\n\n/// activity | Extra\n    minutes: 15\n    grouping: pairs\n\nMore.\n///\n")
    problem = only(problems_for(mini, schema), SESSION_EN, "actividades")
    assert "tiene 3 actividades" in problem.message and "el original 2" in problem.message


def test_file_that_is_not_utf8(mini, schema):
    (mini / SESSION_ES).write_bytes((mini / SESSION_ES).read_text(encoding="utf-8").encode("latin-1"))
    problem = only(problems_for(mini, schema), SESSION_ES, "archivo")
    assert "UTF-8" in problem.message


def test_front_matter_that_is_not_a_mapping(mini, schema):
    (mini / HANDOUT_ES).write_text("---\njust a sentence\n---\nText\n", encoding="utf-8")
    problem = only(problems_for(mini, schema), HANDOUT_ES, "front matter")
    assert "nombre: valor" in problem.message


def test_broken_source_is_one_problem_not_also_a_missing_translation(mini, schema):
    edit(mini / SESSION_ES, 'title: "Sesión de prueba: la caja del hombre"', 'title: "Sesión de prueba: la caja del hombre" editado')
    problems = problems_for(mini, schema)
    assert [(p.path, p.field) for p in problems] == [(SESSION_ES, "front matter")], [str(p) for p in problems]
    assert "YAML no válido" in problems[0].message and problems[0].line == 6


def test_unknown_fact_reference(mini, schema):
    edit(mini / SESSION_ES, "[[fact:endes-2024-partner-violence-ever]]", "[[fact:no-existe]]")
    problem = only(problems_for(mini, schema), SESSION_ES, "referencia")
    assert "'no-existe' no existe" in problem.message


def test_stray_file_type(mini, schema):
    """Refused before validation, with the kinds mkdocs.yml lets through (published_files.py)."""
    from manualgen.published_files import published_file_problems
    (mini / "modules/01-prueba/notas.docx").write_bytes(b"PK\x03\x04")
    (mini / "modules/01-prueba/foto.png").write_bytes(b"\x89PNG")
    assert problems_for(mini, schema) == []
    types = frozenset({"png", "svg"})
    problem = only(published_file_problems(mini, mini / "docs", mini / "modules", types), "modules/01-prueba/notas.docx", "archivo")
    assert "no admitido ('.docx')" in problem.message and ".png, .svg" in problem.message


def test_every_problem_is_reported_not_just_the_first(mini, schema):
    edit(mini / SESSION_ES, "duration: 60", "duration: sesenta")
    edit(mini / HANDOUT_ES, "kind: worksheet", "kind: poster")
    problems = problems_for(mini, schema)
    assert {p.path for p in problems} >= {SESSION_ES, HANDOUT_ES}


def test_memo_rechecks_only_the_edited_file_and_still_checks_across_pages(mini, schema):
    memo: dict = {}
    facts = {"fact": {"endes-2024-partner-violence-ever"}}
    first, problems = load_manual(mini, "modules", LANGS, schema, facts, memo=memo)
    assert problems == []
    edit(mini / SESSION_ES, "duration: 60", "duration: 61")
    second, problems = load_manual(mini, "modules", LANGS, schema, facts, memo=memo)
    reused = {p.path for p in second.pages if any(p is q for q in first.pages)}
    assert SESSION_ES not in reused and HANDOUT_ES in reused and SESSION_EN in reused
    assert any(p.path == SESSION_ES and p.field == "duration" for p in problems)  # the page's own check
    cross = only(problems, SESSION_EN, "duration")  # the check across languages, on a reused page
    assert "no coincide con el original" in cross.message
    assert len(memo) == len(second.pages)
    # A changed schema is a different rule set: nothing is reused.
    stricter = {**schema, "$comment": "edited"}
    third, _ = load_manual(mini, "modules", LANGS, stricter, facts, memo=memo)
    assert not any(p is q for p in third.pages for q in second.pages)


def test_high_sensitivity_sessions_are_capped_at_twenty(mini, schema):
    edit(mini / SESSION_ES, "group_size: {min: 8, max: 20}\nsensitivity: medium", "group_size: {min: 8, max: 25}\nsensitivity: high")
    problem = only(problems_for(mini, schema), SESSION_ES, "group_size.max")
    assert problem.line == 8 and "como máximo 20, no 25" in problem.message and "sensibilidad alta" in problem.hint


def test_high_sensitivity_sessions_need_a_group_size(mini, schema):
    edit(mini / SESSION_ES, "group_size: {min: 8, max: 20}\nsensitivity: medium", "sensitivity: high")
    problem = only(problems_for(mini, schema), SESSION_ES, "group_size")
    assert "falta el campo obligatorio 'group_size'" in problem.message


def test_a_round_must_fit_the_largest_group(mini, schema):
    edit(mini / SESSION_ES, "    minutes: 15\n    grouping: plenary", "    minutes: 15\n    grouping: plenary\n    per_person: 1")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque activity: Bienvenida")
    assert problem.line == 23 and "dura 15 minutos" in problem.message and "al menos 20" in problem.message
    assert "group_size.max" in problem.hint


def test_a_round_that_fits_passes(mini, schema):
    edit(mini / SESSION_ES, "    minutes: 15\n    grouping: plenary", "    minutes: 15\n    grouping: plenary\n    per_person: 0.5")
    assert problems_for(mini, schema) == []


def test_every_group_presenting_must_fit(mini, schema):
    edit(mini / SESSION_ES, "    minutes: 45\n    grouping: small_groups",
         "    minutes: 45\n    grouping: small_groups\n    per_group: 12\n    groups_of: 5")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque activity: La caja")
    assert "4 grupos de 5" in problem.message and "al menos 48" in problem.message


def test_adaptations_must_name_every_context(mini, schema):
    edit(mini / SESSION_ES, "/// key-messages", "/// adaptations\n- **Lectura y escritura:** lea en voz alta.\n"
                                                "- **Zona rural o urbana:** igual.\n///\n\n/// key-messages")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque adaptations")
    assert "Quechua o aimara" in problem.message and "Participantes jóvenes" in problem.message
    assert "Lectura y escritura" not in problem.message and "**Quechua o aimara:**" in problem.hint


def test_complete_adaptations_pass_in_each_language(mini, schema):
    for path, labels in ((SESSION_ES, ("Lectura y escritura", "Quechua o aimara", "Zona rural o urbana", "Participantes jóvenes")),
                         (SESSION_EN, ("Reading and writing", "Quechua or Aymara", "Rural or urban setting", "Younger participants"))):
        block = "/// adaptations\n" + "".join(f"- **{label}:** texto.\n" for label in labels) + "///\n\n/// key-messages"
        edit(mini / path, "/// key-messages", block)
    assert problems_for(mini, schema) == []


@pytest.mark.parametrize("value,message,hint", [
    ("12.5", "número entero, no 12.5", "minutes: 15"),
    ("0", "al menos 1, no 0", "escriba un valor al menos 1"),
])
def test_minutes_hints_say_what_to_write_in_that_field(mini, schema, value, message, hint):
    edit(mini / SESSION_ES, "minutes: 15", f"minutes: {value}")
    problem = only(problems_for(mini, schema), SESSION_ES, "bloque activity: minutes")
    assert message in problem.message and hint in problem.hint
    assert "duration: 90" not in problem.hint and "sangría" not in problem.hint


def test_labels_file_mistakes_name_the_file_and_line(tmp_path):
    from manualgen.labels import load_labels
    path = tmp_path / "labels.yml"
    for text, line, fragment in (("", 1, "un bloque por idioma"), ("es:\n  a: b\n   c: d\n", 3, "YAML no válido"),
                                 ("es:\n  a: b\n  c: d\nen:\n  a: x\n", 4, "faltan claves: c"),
                                 ("es:\n  a: b\n", 1, "faltan las palabras del idioma 'en'")):
        path.write_text(text, encoding="utf-8")
        labels, problems = load_labels(path, ("es", "en"), "data/labels.yml")
        assert labels == {} and problems[0].path == "data/labels.yml" and problems[0].line == line, (text, problems)
        assert fragment in problems[0].message
    path.write_text("es:\n  a: b\nen:\n  a: c\n", encoding="utf-8")
    assert load_labels(path, ("es", "en"), "data/labels.yml") == ({"es": {"a": "b"}, "en": {"a": "c"}}, [])


def test_front_matter_values_are_plain_text(mini, schema):
    edit(mini / SESSION_ES, "  - Pegue un papelógrafo en la pared.", "  - Pegue el [papelógrafo](x.md) en la **pared**.")
    problem = only(problems_for(mini, schema), SESSION_ES, "preparation.0")
    assert problem.line == 17 and "texto simple" in problem.message and "cuerpo" in problem.hint
