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
