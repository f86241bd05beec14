"""Safety statements through a real strict build: a [[safety:ID]] reference prints the statement written once in
data/safety.yml, in the page's language, with its helplines as tap-to-call links; a page that retells a statement
in its own words stops the build naming the file, the line and the id to cite (both languages)."""
from __future__ import annotations

import html
import re

import pytest
import yaml

from helpers import ROOT, edit, mkdocs_build

SESSION = "modules/01-prueba/01-sesion.{}.md"
SAFETY_TEXT = {"es": "Si alguien cuenta una situación de violencia, converse en privado y derive.",
               "en": "If someone discloses violence, talk in private and refer."}
STATEMENTS = yaml.safe_load((ROOT / "data" / "safety.yml").read_text(encoding="utf-8"))["statements"]


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_reference_prints_the_statement_in_each_language(mini_project, tmp_path):
    for lang in ("es", "en"):
        edit(mini_project / SESSION.format(lang), SAFETY_TEXT[lang], "[[safety:nivel-1]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    for lang, page in (("es", "modules/01-prueba/01-sesion.html"), ("en", "en/modules/01-prueba/01-sesion.html")):
        page_html = build.html(page)
        safety_block = page_html[page_html.index("admonition safety"):]
        safety_block = safety_block[: safety_block.index("</div>")]
        expected = " ".join(STATEMENTS["nivel-1"][lang].split())
        expected = plain(re.sub(r"\[\[helpline:([a-z0-9-]+)\]\]", lambda m: {"policia": "105", "linea-100": "Línea 100"}[m[1]], expected))
        assert expected.replace("**", "") in plain(safety_block)
        assert 'href="tel:105"' in safety_block and 'href="tel:100"' in safety_block
        assert "[[safety:" not in page_html


@pytest.mark.parametrize("lang,paraphrase,quoted,use", [
    ("es", "Si alguien corre un peligro grave, busque ayuda.", "peligro grave", "peligro-inmediato"),
    ("es", "Si hay un niño en riesgo, quien facilita actúa ese mismo día.", "actúa ese mismo día", "nivel-1"),
    ("en", "If someone is in serious danger, seek help.", "serious danger", "peligro-inmediato"),
    ("en", "Listen to her and respect her decision.", "respect her decision", "nivel-3"),
])
def test_a_page_that_retells_a_statement_stops_the_build(mini_project, tmp_path, lang, paraphrase, quoted, use):
    site = tmp_path / "site"
    assert mkdocs_build(mini_project, site, MANUAL_PDF="0").returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    path = mini_project / SESSION.format(lang)
    edit(path, SAFETY_TEXT[lang], paraphrase)
    line = path.read_text(encoding="utf-8").split("\n").index(paraphrase) + 1
    build = mkdocs_build(mini_project, site, MANUAL_PDF="0")
    assert build.returncode == 1
    expected = f"{SESSION.format(lang)}:{line}: regla de seguridad: «{quoted}»"
    assert expected in build.output, build.output
    assert f"[[safety:{use}]]" in build.output.split(expected)[1].split("\n")[0]
    assert "Traceback" not in build.output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_an_unknown_statement_is_refused_with_the_ids_to_use(mini_project, tmp_path):
    edit(mini_project / SESSION.format("es"), SAFETY_TEXT["es"], "[[safety:nivel-9]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert "el enunciado de seguridad 'nivel-9' no existe — use un id de data/safety.yml" in build.output
    assert "nivel-1" in build.output.split("'nivel-9' no existe")[1].split("\n")[0]


def test_figures_in_scripts_and_on_participant_sheets_keep_their_source_at_the_foot(mini_project, tmp_path):
    fact = "[[fact:endes-2024-partner-violence-ever]]"
    edit(mini_project / SESSION.format("es"), SAFETY_TEXT["es"], f"> **Diga:** «El {fact} de las mujeres.»")
    edit(mini_project / SESSION.format("en"), SAFETY_TEXT["en"], f"> **Say:** \"The {fact} of women.\"")
    edit(mini_project / "modules/01-prueba/h01-ficha.es.md", "Responda con calma.", f"Responda con calma. El {fact} de las mujeres.")
    edit(mini_project / "modules/01-prueba/h01-ficha.en.md", "Take your time", f"The {fact} of women. Take your time")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    for page, said in (("modules/01-prueba/01-sesion.html", "Diga:"), ("en/modules/01-prueba/01-sesion.html", "Say:"),
                       ("modules/01-prueba/h01-ficha.html", "calma."), ("en/modules/01-prueba/h01-ficha.html", "of women")):
        page_html = build.html(page)
        mark = page_html.index('class="footnote-ref"')
        line = page_html[page_html.rindex("<p", 0, mark): page_html.index("</p>", mark)]
        assert said in line and ("52,0" in line or "52.0" in line), line
        assert "fact-source" not in line and "ENDES" not in plain(line.split("52")[1]), line
        assert 'class="footnote-ref"' in line
        foot = page_html[page_html.index('class="footnote"'):]
        assert 'class="fact-source"' in foot and "ENDES 2024" in foot
    # A fact in a facilitator note keeps its source inline, as before.
    session = build.html("modules/01-prueba/01-sesion.html")
    note = session[session.index("Según la ENDES"):]
    assert "fact-source" in note[: note.index("</p>")]
