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


# `mkdocs serve`'s case in one process: a build served from .cache/validated, an edit, the rebuild. The rebuild's
# pages rendered before anything is written (prerender.Renderer.html) are counted.
SERVE_EDIT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, session = sys.argv[1], sys.argv[2]
build(load_config("mkdocs.yml", site_dir=site))
import manualgen.prerender as prerender  # importable once MkDocs has loaded the hooks (their folder is on sys.path)
text = open(session, encoding="utf-8").read()
open(session, "w", encoding="utf-8").write(text.replace("1. Salude al grupo.", "1. Salude al grupo con calma.", 1))
import manualgen.text_checks as text_checks
rendered, checked = [], []
real = prerender.Renderer.html
prerender.Renderer.html = lambda self, text, glossary: rendered.append(text) or real(self, text, glossary)
copied = text_checks.copied_item_problems
text_checks.copied_item_problems = lambda *a: checked.append(a[0]) or copied(*a)
build(load_config("mkdocs.yml", site_dir=site))
print("CHECKED", len(checked), "RENDERED", len(rendered))
"""


def test_an_edit_under_serve_after_a_cached_start_renders_only_what_changed(mini_project, tmp_path):
    import os
    import subprocess
    import sys
    env = {**os.environ, "MANUAL_PDF": "0", "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    assert mkdocs_build(mini_project, tmp_path / "warm", MANUAL_PDF="0").returncode == 0  # fills .cache/validated
    pages = len(list((mini_project / "modules").rglob("*.md"))) + len(list((mini_project / "docs").rglob("*.md")))
    run = subprocess.run([sys.executable, "-c", SERVE_EDIT, str(tmp_path / "site"), SESSION_ES], cwd=mini_project, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    rendered = int(run.stdout.split("RENDERED")[-1])
    assert 1 <= rendered < pages // 2, (rendered, pages)  # the edited page (and any page built from it), not all
    assert int(run.stdout.split("CHECKED")[-1].split()[0]) == 1  # the retyped-statement check: the edited page only


# `make site` after an edit: a new process, so nothing is remembered in memory. Each page's checks come from the
# last build's (.cache/page-checks): the pages rendered before anything is written are counted.
EDIT_BUILD = """
import sys
sys.path.insert(0, "hooks")
import manualgen.prerender as prerender
from mkdocs.commands.build import build
from mkdocs.config import load_config
rendered = []
real = prerender.Renderer.html
prerender.Renderer.html = lambda self, text, glossary: rendered.append(text) or real(self, text, glossary)
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
print("RENDERED", len(rendered))
"""


def _build_counting(project, site):
    import os
    import subprocess
    import sys
    env = {**os.environ, "MANUAL_PDF": "0", "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-c", EDIT_BUILD, str(site)], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_new_build_after_an_edit_renders_only_the_edited_page(mini_project, tmp_path):
    assert mkdocs_build(mini_project, tmp_path / "warm", MANUAL_PDF="0").returncode == 0
    pages = len(list((mini_project / "modules").rglob("*.md"))) + len(list((mini_project / "docs").rglob("*.md")))
    edit(mini_project / SESSION_ES, "1. Salude al grupo.", "1. Salude al grupo con calma.")
    run = _build_counting(mini_project, tmp_path / "site")
    assert run.returncode == 0, run.stderr[-3000:]
    assert 1 <= int(run.stdout.split("RENDERED")[-1]) < pages // 2  # the edited page, not all
    assert "Salude al grupo con calma" in (tmp_path / "site" / "modules/01-prueba/01-sesion.html").read_text(encoding="utf-8")
    # a change to what every page's checks depend on (here a data file) checks every page again
    edit(mini_project / "data" / "labels.yml", "\n", "\n# edited\n")
    run = _build_counting(mini_project, tmp_path / "site")
    assert run.returncode == 0, run.stderr[-3000:]
    assert int(run.stdout.split("RENDERED")[-1]) == pages


def test_a_mistake_added_after_a_build_is_still_refused_by_the_next_process(mini_project, tmp_path):
    assert mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    edit(mini_project / SESSION_ES, "1. Salude al grupo.", '1. Salude al grupo.<script>alert(1)</script>')
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert SESSION_ES in build.output and "script" in build.output
    assert "Traceback" not in build.output
