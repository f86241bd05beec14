"""Build caches (.cache/validated, .cache/templates) speed up repeated builds but never change a result:
the same site with or without them, an author's new mistake still reported, a damaged cache ignored."""
from __future__ import annotations

from helpers import edit, mkdocs_build

SESSION_ES = "modules/01-prueba/01-sesion.es.md"


def _files(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_cached_build_equals_a_fresh_one(mini_project, tmp_path):
    env = {"MANUAL_PDF": "0", "SOURCE_DATE_EPOCH": "1700000000"}
    first = mkdocs_build(mini_project, tmp_path / "a", **env)
    assert first.returncode == 0, first.output
    stored = list((mini_project / ".cache" / "validated").glob("*.pickle"))
    assert len(stored) == 1
    assert any((mini_project / ".cache" / "templates").iterdir())
    second = mkdocs_build(mini_project, tmp_path / "b", **env)
    assert second.returncode == 0, second.output
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    stored[0].write_bytes(b"damaged")
    third = mkdocs_build(mini_project, tmp_path / "c", **env)
    assert third.returncode == 0, third.output
    assert _files(tmp_path / "a") == _files(tmp_path / "c")


def test_an_edit_after_a_cached_build_is_validated(mini_project, tmp_path):
    assert mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    edit(mini_project / SESSION_ES, "duration: 60", "duration: 61")  # same size: only the content differs
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert f"{SESSION_ES}:7: duration: dice 61 minutos" in build.output


def test_a_missing_template_is_reported_even_when_the_pages_are_cached(mini_project, tmp_path):
    assert mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    (mini_project / "overrides" / "manual" / "programme.html").unlink()
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert "docs/programa.es.md:3: template: la plantilla 'manual/programme.html' no existe" in build.output
    assert "use una de: " in build.output and "manual/session.html" in build.output  # the theme's own list
    assert "Traceback" not in build.output


def test_a_template_edit_shows_up_on_the_next_build(mini_project, tmp_path):
    assert mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    edit(mini_project / "overrides" / "manual" / "session.html", "{% block content %}",
         "{% block content %}<p id=\"template-edit-marker\"></p>")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert 'id="template-edit-marker"' in build.html("modules/01-prueba/01-sesion.html")
