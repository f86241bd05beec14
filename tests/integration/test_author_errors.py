"""An author's mistake stops the strict build with one clear message: file, line, field, fix; exit 1, no
traceback, and the site built before stays as it was."""
from __future__ import annotations

import pytest

from helpers import edit
from helpers import mkdocs_build

SESSION_ES = "modules/01-prueba/01-sesion.es.md"


def test_fixture_builds_cleanly(mini_project, tmp_path):
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output


@pytest.mark.parametrize("old,new,expected", [
    ("duration: 60", "duration: 61", f"{SESSION_ES}:7: duration: dice 61 minutos pero las actividades suman 60"),
    ("/// facilitator", "/// nota", f"{SESSION_ES}:46: bloque nota: tipo de bloque desconocido 'nota'"),
    ("handouts: [m01-h01]", "handouts: [m01-h07]", f"{SESSION_ES}:18: handouts: la ficha 'm01-h07' no existe"),
    ("minutes: 15", "minutes: 0", f"{SESSION_ES}:23: bloque activity: minutes: debe ser al menos 1"),
    ("title: \"Sesión", "titulo: \"Sesión", f"{SESSION_ES}:6: titulo: campo desconocido 'titulo'"),
])
def test_mistake_fails_the_build_with_a_located_message(mini_project, tmp_path, old, new, expected):
    site = tmp_path / "site"
    assert mkdocs_build(mini_project, site, MANUAL_PDF="0").returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(mini_project / SESSION_ES, old, new)
    build = mkdocs_build(mini_project, site, MANUAL_PDF="0")
    assert build.returncode == 1
    assert expected in build.output
    assert "Traceback" not in build.output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before, "a failed build must leave the previous site untouched"


def test_missing_translation_of_a_framing_page(mini_project, tmp_path):
    (mini_project / "docs" / "programa.en.md").unlink()
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert "docs/programa.es.md: traducción: falta la versión 'en'" in build.output


def test_an_agreements_session_that_is_not_in_the_manual_is_one_clear_message(mini_project, tmp_path):
    import shutil

    from helpers import ROOT, edit, mkdocs_build
    for lang in ("es", "en"):  # the planner reads the setting
        shutil.copy(ROOT / "docs" / f"planificador.{lang}.md", mini_project / "docs" / f"planificador.{lang}.md")
    assert mkdocs_build(mini_project, tmp_path / "good", MANUAL_PDF="0").returncode == 0
    edit(mini_project / "mkdocs.yml", "agreements_session: m01-s01", "agreements_session: m09-s09")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode != 0
    assert "extra.manual.schedule.agreements_session: 'm09-s09' is not a session id" in build.output
    assert "Traceback" not in build.output


def test_an_agreements_session_after_a_high_sensitivity_one_in_the_manual_stops_the_schedule_page(mini_project, tmp_path):
    """The schedule page prints the manual's own order: an agreements session after a high-sensitivity one is the
    order the planner warns about, so the build names the setting instead of printing it."""
    import shutil

    from helpers import ROOT
    for lang in ("es", "en"):
        for page in ("horario", "planificador"):  # the schedule page links to the planner
            shutil.copy(ROOT / "docs" / f"{page}.{lang}.md", mini_project / "docs" / f"{page}.{lang}.md")
        first = mini_project / f"modules/01-prueba/01-sesion.{lang}.md"
        text = first.read_text(encoding="utf-8")
        (mini_project / f"modules/01-prueba/02-sesion.{lang}.md").write_text(
            text.replace("id: m01-s01", "id: m01-s02").replace("order: 1", "order: 2"), encoding="utf-8")
        first.write_text(text.replace("sensitivity: medium", "sensitivity: high"), encoding="utf-8")
    assert mkdocs_build(mini_project, tmp_path / "good", MANUAL_PDF="0").returncode == 0
    edit(mini_project / "mkdocs.yml", "agreements_session: m01-s01", "agreements_session: m01-s02")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode != 0
    assert ("extra.manual.schedule.agreements_session: 'm01-s02' comes after the high-sensitivity session(s) m01-s01 "
            "in the manual's order") in build.output
    assert "Traceback" not in build.output


def test_a_translated_glossary_term_without_its_spanish_terms_id(mini_project, tmp_path):
    """Glossary ids are shared by both languages (the language switch keeps the term): a translated term spelt
    differently must name its Spanish term's id, or the build says which term, where, and the ids left."""
    docs = mini_project / "docs"
    (docs / "glosario.es.md").write_text("---\ntitle: Glosario\n---\n\nCaja del hombre\n:   Imagen de los mandatos.\n\n"
                                          "CEM\n:   Centro Emergencia Mujer.\n", encoding="utf-8")
    english = "---\ntitle: Glossary\n---\n\nCEM\n:   Women's Emergency Centre.\n\nMan box\n:   A picture of the mandates.\n"
    (docs / "glosario.en.md").write_text(english, encoding="utf-8")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert ("docs/glosario.en.md:8: glosario: «Man box» no corresponde a ningún término de docs/glosario.es.md "
            "(su id sería «man-box») — escriba tras el término el id del término original, Man box {#id}; "
            "ids sin término aquí: caja-del-hombre") in build.output
    (docs / "glosario.en.md").write_text(english.replace("Man box", "Man box {#caja-del-hombre}"), encoding="utf-8")
    for lang in ("es", "en"):  # a link to a term is checked by the strict build like one to a heading, and passes
        page = docs / f"programa.{lang}.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[caja](glosario.md#caja-del-hombre) [CEM](glosario.md#cem)\n",
                        encoding="utf-8")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert 'href="glosario.html#caja-del-hombre"' in build.html("en/programa.html")
    assert '<dt id="caja-del-hombre">Man box</dt>' in build.html("en/glosario.html")
    assert '<dt id="caja-del-hombre">Caja del hombre</dt>' in build.html("glosario.html")
