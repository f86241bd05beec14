import pytest

from manualgen.lint import lint_html, lint_markdown


def problems(text, first_line=1):
    return [(p.line, p.field, p.message) for p in lint_markdown("x.es.md", text, first_line)]


def reading(html):
    return [(field, message) for field, message, _, _ in lint_html(html)]


@pytest.mark.parametrize("html,field,fragment", [
    ('<p><img src="caja.png" alt=""></p>', "imagen", "sin texto alternativo"),
    ('<p><img src="caja.png"></p>', "imagen", "sin texto alternativo"),
    ('<p>Vea la ficha <a href="h01.html">aquí</a>.</p>', "enlace", "poco informativo «aquí»"),
    ('<p>Haga <a href="h01.html">clic  aquí</a>.</p>', "enlace", "«clic aquí»"),
    ('<p>See the worksheet <a href="h01.html"><em>here</em></a>.</p>', "enlace", "«here»"),
    ("<h2>A</h2><h4>B</h4>", "encabezado", "salta del nivel 2 al 4"),
    ("<h2> </h2>", "encabezado", "encabezado vacío"),
    ("<h1>Título</h1>", "encabezado", "nivel 1"),
])
def test_each_reading_mistake_is_found_in_the_rendered_page(html, field, fragment):
    assert any(f == field and fragment in m for f, m in reading(html)), reading(html)


def test_good_html_passes():
    html = ('<h2 id="cierre">Cierre</h2><h3>Práctica</h3><p>Vea la <a href="h01.html">ficha La caja del hombre</a> y '
            '<a href="https://www.inei.gob.pe">el INEI</a>. <img src="caja.png" alt="Grupo dibujando la caja"></p>')
    assert reading(html) == []


def test_template_marks_are_found_outside_code_only():
    found = problems("Texto.\n\n✎ Escriba aquí.\n\n```\n✎ en código\n```\n\nUse `✎` para marcar.", first_line=10)
    assert [(line, field) for line, field, _ in found] == [(12, "plantilla")]


@pytest.mark.parametrize("text,fragment", [
    ("[" * 400, "corchetes"),
    ("[\n" * 400, "corchetes"),
    ("x" * 6000, "caracteres"),
    ("- " * 20 + "x", "anidadas"),
    ("> " * 20 + "x", "anidadas"),
    (" " * 60 + "- x", "anidadas"),
])
def test_inputs_that_would_make_markdown_explode_are_refused(text, fragment):
    assert any(fragment in message for _, _, message in problems(text))


def test_deeply_nested_html_is_refused_quickly_once_with_its_line():
    import time
    started = time.monotonic()
    found = problems("Texto\n\n" + "<div>\n" * 80_000 + "x\n" + "</div>\n" * 80_000)
    assert time.monotonic() - started < 2
    assert [(line, field) for line, field, _ in found] == [(33, "html")]
    assert "anidados en más de 30 niveles" in found[0][2]


def test_html_that_closes_what_it_opens_passes_however_long():
    page = "<div><p>a<br>b</p><img src='x.png' alt='x'/></div>\n" * 5000 + "`<div>` <span>x</span>\n"
    assert problems(page) == []


def test_the_bounds_are_linear_and_ordinary_text_passes():
    import time
    started = time.monotonic()
    assert problems("[" * 200_000)  # one report, in linear time
    assert problems("\n".join(["- a", "  - b", "    - c", "[enlace](x.md) [[fact:a]] " * 20])) == []
    assert time.monotonic() - started < 2


def test_unknown_page_template_is_reported():
    from manualgen.lint import template_problems
    text = "---\ntitle: X\ntemplate: manual/nope.html\n---\nBody\n"
    found = template_problems("docs/x.es.md", text, {"manual/programme.html", "manual/_card.html", "main.html"})
    assert len(found) == 1 and found[0].line == 3 and found[0].field == "template"
    assert "manual/programme.html" in found[0].hint and "_card" not in found[0].hint
    assert template_problems("docs/x.es.md", text.replace("nope", "programme"), {"manual/programme.html"}) == []


def test_framing_pages_need_a_front_matter_with_a_title():
    from manualgen.lint import framing_page_problems
    assert framing_page_problems("docs/a.es.md", "---\ntitle: Inicio\n---\nTexto\n") == []
    broken = framing_page_problems("docs/a.es.md", "---\ntitle: Inicio\nsource_hash: abc---\nTexto\n")
    assert broken and broken[0].field == "front matter" and "'---'" in broken[0].message
    untitled = framing_page_problems("docs/a.es.md", "---\ntemplate: manual/programme.html\n---\n")
    assert [p.field for p in untitled] == ["title"]


def test_framing_pages_take_the_manual_counts_from_its_data():
    from manualgen.lint import framing_page_problems
    text = ("---\ntitle: Inicio\n---\n\nEl manual tiene siete módulos y [[manual:sessions]] sesiones.\n\n"
            "Como máximo dos sesiones por día.\n\nThe programme takes 12 workshop days.\n")
    problems = framing_page_problems("docs/index.es.md", text)
    assert [(p.line, p.hint) for p in problems] == [
        (5, "escriba [[manual:modules]] módulos: la construcción pone el número"),
        (9, "escriba [[manual:days]] workshop days: la construcción pone el número")]
