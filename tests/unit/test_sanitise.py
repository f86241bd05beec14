"""The one allow-list: golden cases, one behaviour each (an input, what is published, what is reported)."""
from __future__ import annotations

import pytest

from manualgen.sanitise import check, policy, source_line

RULES = policy(["activity", "facilitator", "safety", "discussion", "answers", "key-messages", "adaptations", "write"])


@pytest.mark.parametrize("html", [
    '<p>Texto con <strong>negrita</strong>, <em>énfasis</em> y <code>código</code>.</p>',
    '<p><a href="h01-la-caja.html#preguntas">ficha</a> <a href="https://www.gob.pe/mimp">MIMP</a> '
    '<a href="mailto:equipo@example.org">correo</a> <a class="helpline" href="tel:100">Línea 100</a></p>',
    '<div class="admonition safety"><p class="admonition-title">Cuidado</p><p>Texto</p></div>',
    '<div class="admonition activity" id="m02-s02-actividad-1"><p class="activity-meta"><em>10 min</em></p></div>',
    '<div class="write-lines lines-4"></div>',
    '<p><strong class="fact fact--verified">52,0 %</strong> (<a class="fact-source" href="https://www.inei.gob.pe/x" '
    'title="mujeres de 15 a 49 años">INEI</a>)</p>',
    '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
    '<p><abbr title="Centro Emergencia Mujer">CEM</abbr> <img alt="Caja" src="caja.png"></p>',
    '<dl><dt>Género</dt><dd>Lo aprendido.</dd></dl><ol start="3"><li>x</li></ol>',
    '<pre><code class="language-yaml">type: session</code></pre><h2 id="cierre">Cierre</h2>',
])
def test_what_the_manual_uses_passes_unchanged(html):
    clean, removed = check(html, RULES)
    assert removed == []
    assert check(clean, RULES)[1] == []  # published HTML is stable


@pytest.mark.parametrize("html,reported", [
    ("<script>alert(1)</script><p>x</p>", "etiqueta <script>"),
    ("<style>.safety{display:none}</style><p>x</p>", "etiqueta <style>"),
    ('<p onclick="alert(1)">x</p>', "atributo onclick en <p>"),
    ('<img src="x.png" alt="x" onerror="alert(1)">', "atributo onerror en <img>"),
    ('<p onmouseover\n=alert(1)>x</p>', "atributo onmouseover"),
    ('<a href="javascript:alert(1)">x</a>', "«javascript:»"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "«javascript:»"),
    ('<a href="java&#115;cript:alert(1)">x</a>', "«javascript:»"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "enlace con «javascript:»"),
    ('<a href="java\nscript:alert(1)">x</a>', "enlace con «javascript:»"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "«data:»"),
    ('<a href="http://example.org">x</a>', "sin https"),
    ('<a href="HTTP://example.org">x</a>', "sin https"),
    ('<a href="//example.org/x">x</a>', "dirección no permitida"),
    ('<img src="https://tracker.example.org/p.png" alt="x">', "imagen de otro sitio"),
    ('<img src="//tracker.example.org/p.png" alt="x">', "imagen de otro sitio"),
    ('<img src="data:image/png;base64,AAAA" alt="x">', "imagen de otro sitio"),
    ('<base href="https://example.org/">', "etiqueta <base>"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">', "etiqueta <meta>"),
    ('<form action="https://example.org"><input name="q"></form>', "etiqueta <form>"),
    ('<iframe src="https://example.org"></iframe>', "etiqueta <iframe>"),
    ('<object data="x.swf"></object>', "etiqueta <object>"),
    ('<svg><a href="x">y</a></svg>', "etiqueta <svg>"),
    ('<link rel="stylesheet" href="https://example.org/x.css">', "etiqueta <link>"),
    ('<div class="admonition safety" style="display:none"><p>x</p></div>', "atributo style"),
    ('<div class="admonition safety md-hide"><p>x</p></div>', "clase «md-hide»"),
    ('<div hidden class="admonition safety"><p>x</p></div>', "atributo hidden"),
    ('<p id="__search">x</p>', "id «__search»"),
])
def test_hostile_html_is_removed_and_reported(html, reported):
    clean, removed = check(html, RULES)
    assert any(reported in r.what for r in removed), [r.what for r in removed]
    lowered = clean.lower()
    for bad in ("<script", "<style", "onclick", "onerror", "onmouseover", "javascript", "http:", "<base", "<meta",
                "<form", "<iframe", "<object", "<svg", "<link", "style=", "hidden", "__search", "tracker", "data:"):
        assert bad not in lowered, (bad, clean)


def test_the_line_of_a_removal_is_found_in_the_source():
    source = "---\ntitle: x\n---\nTexto.\n\n<p ONCLICK=\"x\">a</p>\n"
    _, removed = check('<p onclick="x">a</p>', RULES)
    assert source_line(source, removed[0].needle) == 6
    assert source_line(source, "no está") is None


def test_a_url_with_a_newline_is_found_on_the_line_where_it_starts_and_quoted_on_one_line():
    source = "---\ntitle: x\n---\nUn texto que nombra java y script.\n\n<a href=\"java\nscript:alert(1)\">x</a>\n"
    _, removed = check('<p>Un texto que nombra java y script.</p><a href="java\nscript:alert(1)">x</a>', RULES)
    assert [source_line(source, r.needle) for r in removed] == [6]
    assert "\n" not in removed[0].what and "java script:alert(1)" in removed[0].what


def test_a_level_one_heading_is_named_as_such_with_its_line():
    source = "---\ntitle: x\n# a comment in YAML\n---\nTexto.\n\n## Sección\n\n# Otro título\n"
    _, removed = check("<p>Texto.</p><h2>Sección</h2><h1>Otro título</h1>", RULES)
    assert [(source_line(source, r.needle), r.what) for r in removed] == [(9, "encabezado de nivel 1 («# …»)")]
    assert "##" in removed[0].hint


def test_an_unclosed_style_is_reported_and_everything_after_it_is_still_checked():
    html = '<p>a</p>\n<style>\nbody{display:none}\n<p onclick="x()">b</p>\n<script>alert(1)</script>'
    clean, removed = check(html, RULES)
    whats = [r.what for r in removed]
    assert any("<style> sin cerrar" in w for w in whats), whats
    assert any("onclick" in w for w in whats) and any("<script>" in w for w in whats), whats
    assert all("\n" not in w for w in whats)
    assert "display" not in clean and "onclick" not in clean


def test_a_link_is_found_on_its_own_line_not_where_the_same_text_is_mentioned_before():
    source = "---\ntitle: x\n---\nNo escriba `javascript:alert(1)` en un enlace.\n\n[x](JaVaScRiPt:alert(1))\n"
    _, removed = check('<p>No escriba <code>javascript:alert(1)</code> en un enlace.</p>'
                       '<p><a href="JaVaScRiPt:alert(1)">x</a></p>', RULES)
    assert [(source_line(source, r.needle), "«javascript:»" in r.what) for r in removed] == [(6, True)]


def test_the_schemes_before_colons_are_what_the_scheme_pattern_finds():
    """The permissive pass lets through every scheme the page names; they are found without the regular expression,
    and must be exactly what it finds (fewer would hide a removal, so an attack would be cleaned without a word)."""
    from hypothesis import given, settings, strategies as st
    import re

    from manualgen.sanitise import schemes_before_colons
    any_scheme = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")  # what the check used to run over the whole page

    def by_pattern(text):
        return {m[1] for m in any_scheme.finditer(text)}

    for text in ("javascript:alert(1)", "a.b-c+d1:x", "x y1a:", "1a:", "+-.:", "x::y:", "éa:", "ab:cd:ef", "", ":",
                 "https://x.org/a:b?c=d:e", "JAVA script:x"):
        assert schemes_before_colons(text) == by_pattern(text), text

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.sampled_from("aZ19+.-: é/_"), max_size=30))
    def same(text):
        assert schemes_before_colons(text) == by_pattern(text)
    same()
