"""The change-check registry (data/change_check.yml): loading, the author's mistakes it reports, and the
questionnaire and scoring-sheet tables made from it."""
import re
from pathlib import Path

import pytest
import yaml

from manualgen.change_check import copied_item_problems, load_change_check
from manualgen.change_check_render import change_check_markdown, number_list
from manualgen.references import REFERENCE

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "data" / "change_check.yml"
LANGS = ("es", "en")
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry():
    found, problems = load_change_check(REGISTRY, LANGS)
    assert problems == []
    return found


def load_text(tmp_path, text: str):
    path = tmp_path / "change_check.yml"
    path.write_text(text, encoding="utf-8")
    return load_change_check(path, LANGS, "data/change_check.yml")


def edited(old: str, new: str) -> str:
    text = REGISTRY.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


def test_the_real_registry_holds_the_scoring_sheets_twelve_statements(registry):
    assert [i.number for i in registry.items] == list(range(1, 13))
    assert [i.reverse for i in registry.items] == [False] * 8 + [True] * 4
    assert [(a.id, a.symbol) for a in registry.answers] == [("agree", "●"), ("partly", "◐"), ("disagree", "○")]
    by_subscale = {s.id: [i.number for i in registry.items if i.subscale == s.id] for s in registry.subscales}
    # the groups the scoring sheet tells the facilitator to read together
    assert by_subscale["violence"] == [3, 4, 5] and by_subscale["care"] == [6, 11] and by_subscale["consent"] == [7, 8, 9]
    assert (registry.important_change.at_least, registry.important_change.one_in) == (3, 4)


def test_adapted_items_cite_a_source_whose_licence_is_recorded(registry):
    adapted = [i for i in registry.items if i.origin.source]
    assert {i.origin.source for i in adapted} == {"gem-scale"}
    gem = registry.sources["gem-scale"]
    assert "Pulerwitz" in gem.citation and "2008" in gem.citation and gem.url.startswith("https://doi.org/")
    # no open licence and no permission: the published wording may only be adapted
    assert gem.reproduction == "not-permitted" and all(i.origin.status == "adapted" for i in adapted)
    assert {i.origin.item for i in adapted} == {1, 7, 8, 10, 12}


@pytest.mark.parametrize("lang", LANGS)
def test_every_product_lists_exactly_the_registrys_statements(registry, lang):
    """A product is made from the registry: its numbered rows are the registry's items, in order, in this language."""
    for product in ("questionnaire", "tally"):
        rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", change_check_markdown(registry, product, lang, LABELS[lang]), re.M)
        assert [(int(n), text.strip()) for n, text in rows] == [(i.number, i.text[lang]) for i in registry.items]
    script = change_check_markdown(registry, "script", lang, LABELS[lang])
    read = re.findall(r"^\*\*(\d+)\.\*\* [«\"](.+?)[»\"] ", script, re.M)
    assert [(int(n), text) for n, text in read] == [(i.number, i.text[lang]) for i in registry.items]
    sheet = change_check_markdown(registry, "answers", lang, LABELS[lang])
    assert [int(n) for n in re.findall(r"^\| \*\*(\d+)\*\* \| ● \| ◐ \| ○ \|$", sheet, re.M)] == [i.number for i in registry.items]
    assert not any(i.text[lang] in sheet for i in registry.items), "the answer sheet carries numbers only: the statements are read aloud"
    assert sheet.startswith('<div class="picture-scale" markdown>')
    share = change_check_markdown(registry, "share", lang, LABELS[lang])
    answers = re.findall(r"^\| (\d+) \| ([^|]+) \|", share, re.M)
    assert [(int(n), a.strip()) for n, a in answers] == [
        (i.number, registry.answer(i.equality_answer).label[lang]) for i in registry.items]


def test_the_tally_groups_statements_by_their_equality_answer(registry):
    tally = change_check_markdown(registry, "tally", "es", LABELS["es"])
    assert "**Frases 1 a 8: ideas que justifican la desigualdad o la violencia.** La respuesta que muestra una idea de igualdad es **«En desacuerdo»**." in tally
    assert "**Frases 9 a 12: ideas de igualdad.** La respuesta que muestra una idea de igualdad es **«De acuerdo»**." in tally
    assert tally.count("| Salida |") == 12 and "| Sin respuesta |" in tally.split("\n")[2]
    english = change_check_markdown(registry, "tally", "en", LABELS["en"])
    assert "**Statements 9 to 12: ideas of equality.** The answer that shows an idea of equality is **\"Agree\"**." in english
    assert change_check_markdown(registry, "nothing", "es", LABELS["es"]) is None


def test_number_lists_read_as_ranges_or_lists():
    words = LABELS["es"]
    assert number_list([1, 2, 3, 4], words) == "1 a 4"
    assert number_list([1, 3, 5], words) == "1, 3 y 5"
    assert number_list([2, 3], words) == "2 y 3"
    assert number_list([7], words) == "7"


def test_statements_cannot_become_markup(tmp_path):
    registry, problems = load_text(tmp_path, edited("es: Un hombre de verdad no llora ni muestra miedo.",
                                                    "es: \"<img src=x onerror=alert(1)> [x](javascript:alert(1)) | *no*\""))
    assert problems == []
    table = change_check_markdown(registry, "questionnaire", "es", LABELS["es"])
    row = next(line for line in table.split("\n") if line.startswith("| 6 |"))
    assert "<img" not in row and "&lt;img" in row and "\\[x\\]" in row and "\\| \\*no\\*" in row
    assert row.count(" | ") == 4  # still five columns: the typed bar is escaped


def test_the_manual_pages_use_the_products_and_retype_no_statement(registry):
    """m01-h03 and m01-h04 are products of the registry: they cite its tables and hold none of its statements."""
    expected = {"h03-cuestionario-de-entrada-y-salida": {"questionnaire", "code-boxes"}, "h04-hoja-de-puntaje": {"tally", "share", "notice"},
                "h08-guion-para-leer-en-voz-alta": {"script", "notice"}, "h09-hoja-de-respuestas-con-dibujos": {"answers", "notice", "code-boxes"},
                "h11-mi-codigo-de-participante": {"code", "notice"}}
    for stem, products in expected.items():
        for lang in LANGS:
            text = (ROOT / "modules" / "01-encuadre" / f"{stem}.{lang}.md").read_text(encoding="utf-8")
            assert {m["id"] for m in REFERENCE.finditer(text) if m["kind"] == "changecheck"} == products
    pages = [p for folder in ("modules", "docs") for p in sorted((ROOT / folder).rglob("*.md"))]
    found = [problem for page in pages for problem in copied_item_problems(page.name, page.read_text(encoding="utf-8"), 1, registry)]
    assert found == []


def test_a_retyped_statement_is_refused_with_its_line(registry):
    text = "Introducción\n\n| 3 | Hay ocasiones en que una **mujer** se merece un golpe |\n"
    [problem] = copied_item_problems("modules/x.es.md", text, 10, registry)
    assert (problem.path, problem.line, problem.field) == ("modules/x.es.md", 12, "changecheck")
    assert "frase 3" in problem.message and "[[changecheck:questionnaire]]" in problem.hint


def test_each_line_is_normalised_once_however_many_statements(registry, monkeypatch):
    """The check ran normalised() on every line once per statement and language (~280,000 calls for the real
    manual, half a second of a first build): the same finding with one call per line and per statement."""
    from manualgen import change_check
    calls = []
    real = change_check.normalised
    monkeypatch.setattr(change_check, "normalised", lambda text: calls.append(text) or real(text))
    text = "Introducción\n\n| 3 | Hay ocasiones en que una **mujer** se merece un golpe |\n" + "otra línea\n" * 50
    [problem] = change_check.copied_item_problems("modules/x.es.md", text, 10, registry)
    assert problem.line == 12
    statements = sum(len(item.text) for item in registry.items)
    assert len(calls) <= text.count("\n") + 1 + statements


@pytest.mark.parametrize("old, new, field, words, line_shift", [
    ("      en: A real man does not cry or show fear.\n", "", "items.5.text", "falta la frase en: en", -2),
    ("    subscale: care\n    reverse: false\n    origin: own\n  - id: checks-phone",
     "    subscale: feelings\n    reverse: false\n    origin: own\n  - id: checks-phone", "items.5.subscale", "'feelings' no existe", 0),
    ("    reverse: true\n    origin: own\n  - id: learn-without-violence",
     "    reverse: yes please\n    origin: own\n  - id: learn-without-violence", "items.8.reverse", "true o false", 0),
    ("origin: {source: gem-scale, item: 10, status: adapted}", "origin: {source: gem-scale, item: 10, status: reproduced}",
     "items.0.origin.status", "no permite reproducir", 0),
    ("origin: {source: gem-scale, item: 7, status: adapted}", "origin: {source: gem, item: 7, status: adapted}",
     "items.2.origin.source", "'gem' no existe", 0),
    ("origin: {source: gem-scale, item: 7, status: adapted}", "origin: copied", "items.2.origin", "origen no válido", 0),
    ("  - id: private-matter\n", "  - id: deserves-hit\n", "items.4.id", "id repetido 'deserves-hit'", 0),
    ('    symbol: "◐"\n', '    symbol: "●"\n', "answers", "mismo símbolo", -6),
    ('    symbol: "○"\n', '    symbol: ""\n', "answers.2.symbol", "símbolo no válido", 0),
    ("    reproduction: not-permitted\n", "    reproduction: maybe\n", "sources.0.reproduction", "valor no válido", 0),
    ("important_change: {at_least: 3, one_in: 4}", "important_change: {at_least: 3, one_in: 0}", "important_change",
     "regla no válida", 0),
])
def test_an_authors_mistake_names_file_line_field_and_fix(tmp_path, old, new, field, words, line_shift):
    registry, problems = load_text(tmp_path, edited(old, new))
    assert registry is None
    [problem] = [p for p in problems if p.field == field]
    assert problem.path == "data/change_check.yml" and words in problem.message and problem.hint
    assert problem.line == line_of(REGISTRY.read_text(encoding="utf-8"), old) + line_shift


def test_reproducing_is_allowed_once_permission_is_recorded(tmp_path):
    text = edited("    reproduction: not-permitted\n", "    reproduction: permitted\n")
    text = text.replace("origin: {source: gem-scale, item: 10, status: adapted}", "origin: {source: gem-scale, item: 10, status: reproduced}")
    registry, problems = load_text(tmp_path, text)
    assert problems == [] and registry.items[0].origin.status == "reproduced"


def test_broken_yaml_and_a_missing_list_are_one_clear_problem_each(tmp_path):
    _, [problem] = load_text(tmp_path, "answers: [\n")
    assert problem.field == "change_check" and "YAML no válido" in problem.message and problem.line
    _, problems = load_text(tmp_path, edited("items:\n", "statements:\n"))
    assert {p.field for p in problems} >= {"statements", "items"}
    assert any("campo desconocido 'statements'" in p.message for p in problems)


def test_the_kits_notice_carries_consent_no_names_and_the_helpline(registry):
    from manualgen.pipeline import reference_renderers
    from manualgen.references import replace_references
    for lang, words in (("es", ("voluntad propia", "No se escriben nombres")), ("en", ("answers freely", "No names are written"))):
        text = change_check_markdown(registry, "notice", lang, LABELS[lang])
        assert all(w in text for w in words) and "[[helpline:linea-100]]" in text
        renderers = {"helpline": lambda ref: "[Línea 100](tel:100)",
                     "changecheck": lambda ref: replace_references(change_check_markdown(registry, ref, lang, LABELS[lang]),
                                                                   {"helpline": lambda r: "[Línea 100](tel:100)"})}
        assert "[Línea 100](tel:100)" in replace_references("[[changecheck:notice]]", renderers)


@pytest.mark.parametrize("body, refused", [
    ("Intro\n\n[[changecheck:tally]]\n", True),
    ("Intro\n\n[[changecheck:tally]]\n\n[[changecheck:notice]]\n", False),
    ("[[changecheck:questionnaire]]\n\nLlame a la [[helpline:linea-100]].\n", False),
    ("---\ntitle: Conteo\ntemplate: manual/change-tally.html\n---\nSolo números.\n", True),
    ("---\ntitle: Conteo\ntemplate: manual/change-tally.html\n---\nLlame a la [[helpline:linea-100]].\n", False),
    ("Una página sin el cuestionario.\n", False),
])
def test_a_page_of_the_kit_without_consent_and_helpline_is_refused(body, refused):
    from manualgen.change_check_render import kit_page_problems
    problems = kit_page_problems("docs/x.es.md", body, 1)
    assert bool(problems) is refused
    if refused:
        assert problems[0].line == 3 and "[[changecheck:notice]]" in problems[0].hint


def test_the_real_kit_pages_carry_the_notice_or_the_helpline():
    from manualgen.change_check_render import kit_page_problems
    pages = [p for folder in ("modules", "docs") for p in sorted((ROOT / folder).rglob("*.md"))]
    kit = [p for p in pages if "[[changecheck:" in p.read_text(encoding="utf-8") or "change-tally" in p.read_text(encoding="utf-8")]
    # m01-h03, m01-h04, m01-h08, m01-h09, m01-h11, the tally page, and the two sessions that explain the code
    # ([[changecheck:code-rule]]: no statement listed, so no notice needed), in both languages
    assert len(kit) == 16
    assert [problem for p in kit for problem in kit_page_problems(p.name, p.read_text(encoding="utf-8"), 1)] == []


# The participant code: its parts are data; the code sheet, the code boxes of the answer sheets, the sessions that
# explain it and the form's check are all made from them (one truth).

def test_the_code_sheet_prints_each_part_with_its_picture_words_example_and_one_box_per_character(registry):
    assert [(p.id, p.chars, p.length, p.value) for p in registry.code] == [("mother", "letters", 2, "MA"), ("birth-day", "day", 2, "05")]
    for lang in LANGS:
        sheet = change_check_markdown(registry, "code", lang, LABELS[lang])
        for part in registry.code:
            assert f'<th class="picture--{part.picture}">{part.name[lang]}</th>' in sheet.replace("&#x27;", "'")
            assert part.fact[lang].replace("'", "&#x27;") in sheet or part.fact[lang] in sheet
            assert part.example[lang] in sheet.replace("&#x27;", "'")
        assert sheet.count('<td class="code-write">☐ ☐</td>') == 2 and "**MA05**" in sheet
    boxes = change_check_markdown(registry, "code-boxes", "es", LABELS["es"])
    assert ('<th class="picture--code-mother">Mi mamá</th><td class="code-write">☐ ☐</td>'
            '<th class="picture--code-birthday">El día en que nací</th><td class="code-write">☐ ☐</td>') in boxes


def test_the_code_rule_is_the_parts_in_order_with_the_example(registry):
    assert change_check_markdown(registry, "code-rule", "es", LABELS["es"]) == (
        "«las dos primeras letras del nombre de mi mamá y el día del mes en que nací, con dos números» (por ejemplo, MA05)")
    assert change_check_markdown(registry, "code-rule", "en", LABELS["en"]).startswith(
        '"the first two letters of my mother\'s first name and the day of the month I was born')


def test_a_part_added_to_the_code_gets_its_own_boxes_everywhere(tmp_path):
    text = REGISTRY.read_text(encoding="utf-8") + (
        "    - id: father\n      picture: individual\n      name: {es: Mi papá, en: My father}\n"
        "      fact: {es: La primera letra del nombre de mi papá, en: The first letter of my father's first name}\n"
        "      example: {es: Si se llama Juan, escribo J., en: If his name is Juan, I write J.}\n"
        "      chars: letters\n      length: 1\n      value: J\n")
    registry, problems = load_text(tmp_path, text)
    assert problems == []
    boxes = change_check_markdown(registry, "code-boxes", "en", LABELS["en"])
    assert boxes.count('class="code-write"') == 3 and boxes.endswith('<td class="code-write">☐</td></tr></tbody></table>\n</div>')
    assert "MA05J" in change_check_markdown(registry, "code-rule", "en", LABELS["en"])


@pytest.mark.parametrize("old, new, field, words", [
    ("      chars: day\n", "      chars: weekday\n", "participant_code.parts.1.chars", "chars no válido"),
    ('      value: "05"\n', '      value: "5"\n', "participant_code.parts.1.value", "no cabe"),
    ("      picture: code-birthday\n", "      picture: cake\n", "participant_code.parts.1.picture", "dibujo desconocido"),
    ("      value: MA\n", "      value: M4\n", "participant_code.parts.0.value", "no cabe"),
])
def test_a_mistake_in_the_code_names_file_line_field_and_fix(tmp_path, old, new, field, words):
    registry, problems = load_text(tmp_path, edited(old, new))
    assert registry is None
    [problem] = [p for p in problems if p.field == field]
    assert problem.path == "data/change_check.yml" and words in problem.message and problem.hint
    assert problem.line == line_of(REGISTRY.read_text(encoding="utf-8"), old)


def test_no_page_retypes_the_code_rule_and_the_sheets_cite_it():
    """The rule lived in five places (two sheets, two sessions in two languages): now only in the registry."""
    pages = [p for folder in ("modules", "docs") for p in sorted((ROOT / folder).rglob("*.md"))]
    retyped = [p.name for p in pages if re.search(r"primeras letras del nombre|first two letters of", p.read_text(encoding="utf-8"))]
    assert retyped == []
    for stem, product in (("h03-cuestionario-de-entrada-y-salida", "code-boxes"), ("h09-hoja-de-respuestas-con-dibujos", "code-boxes"),
                          ("h11-mi-codigo-de-participante", "code")):
        for lang in LANGS:
            text = (ROOT / "modules" / "01-encuadre" / f"{stem}.{lang}.md").read_text(encoding="utf-8")
            assert f"[[changecheck:{product}]]" in text
