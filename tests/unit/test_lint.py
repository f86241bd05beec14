import pytest

from manualgen.lint import lint_markdown


def problems(text, first_line=1):
    return [(p.line, p.field, p.message) for p in lint_markdown("x.es.md", text, first_line)]


@pytest.mark.parametrize("text,field,fragment", [
    ("![](caja.png)", "imagen", "sin texto alternativo"),
    ("Vea la ficha [aquí](h01.md).", "enlace", "poco informativo «aquí»"),
    ("Haga [clic aquí](h01.md).", "enlace", "«clic aquí»"),
    ("See the worksheet [here](h01.md).", "enlace", "«here»"),
    ("[Click here](h01.md)", "enlace", "«Click here»"),
    ("## A\n\n#### B", "encabezado", "salta del nivel 2 al 4"),
    ("##   ", "encabezado", "encabezado vacío"),
    ("# Título", "encabezado", "nivel 1"),
    ('<script>alert(1)</script>', "html", "<script>"),
    ('<iframe src="https://x.org"></iframe>', "html", "<iframe>"),
    ('<object data="x.swf"></object>', "html", "<object>"),
    ('<a href="#" onclick="steal()">x</a>', "html", "ejecuta código"),
    ("[INEI](http://www.inei.gob.pe)", "enlace", "sin https"),
])
def test_each_mistake_is_found_with_its_line(text, field, fragment):
    found = problems("Texto.\n\n" + text, first_line=10)
    assert any(f == field and fragment in m and line >= 12 for line, f, m in found), found


def test_good_markdown_passes_and_code_is_ignored():
    text = ("## Cierre\n\n### Práctica\n\nVea la [ficha La caja del hombre](h01.md) y "
            "[el INEI](https://www.inei.gob.pe). ![Grupo dibujando la caja](caja.png)\n\n"
            "```html\n<script>ok in code</script>\n```\n\nUse `<iframe>` nunca.")
    assert problems(text) == []


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
