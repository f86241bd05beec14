"""A first build checks each page's HTML once: what the prerender passed is not checked again when MkDocs writes
the same HTML with its links rewritten (manualgen/passed_page.py). The site is the same as when every page is
checked twice, and HTML that differs in anything else is still checked and refused, in both languages."""
from __future__ import annotations

import os
import subprocess
import sys

from helpers import edit, mkdocs_build

# One build in a fresh process, counting the pages rendered_check checks in full; `twice` turns the shortcut off.
DRIVER = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
check = sys.modules["hooks/rendered_check.py"]
full = []
real = check._checked
check._checked = lambda html, page, config: full.append(page.file.src_uri) or real(html, page, config)
if sys.argv[2] == "twice":
    check._passed_before_writing = lambda html, page, config: None
build(config)
print("FULL", " ".join(full))
"""


def _first_build(project, site, mode) -> list[str]:
    env = {**os.environ, "MANUAL_PDF": "0", "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(["rm", "-rf", str(project / ".cache")], check=True)
    run = subprocess.run([sys.executable, "-c", DRIVER, str(site), mode], cwd=project, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout.split("FULL")[-1].split()


def _files(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_first_build_checks_each_page_once_and_publishes_what_two_checks_publish(mini_project, tmp_path):
    twice = _first_build(mini_project, tmp_path / "twice", "twice")
    once = _first_build(mini_project, tmp_path / "once", "once")
    pages = len(list((mini_project / "modules").rglob("*.md"))) + len(list((mini_project / "docs").rglob("*.md")))
    assert len(twice) == pages
    # Every page of the fixture passed the prerender, so none is checked twice: neither the index pages, whose links
    # to programa.md MkDocs rewrote, nor the session the allow-list writes out differently.
    assert once == []
    assert _files(tmp_path / "once") == _files(tmp_path / "twice")


INJECT = '''
def on_page_content(html, page, config, files):
    """HTML that changes after the prerender checked the page (a plugin, a theme hook): checked again."""
    if page.file.src_uri.startswith("modules/01-prueba/01-sesion."):
        return html.replace("<p>", '<p onclick="alert(1)">', 1)
    return html
'''


def test_html_changed_after_the_prerender_is_still_refused_in_both_languages(mini_project, tmp_path):
    (mini_project / "hooks" / "inject.py").write_text(INJECT, encoding="utf-8")
    edit(mini_project / "mkdocs.yml", "\nhooks:\n", "\nhooks:\n  - hooks/inject.py\n")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    for lang in ("es", "en"):
        assert any(f"modules/01-prueba/01-sesion.{lang}.md" in line and "atributo onclick" in line
                   for line in build.output.splitlines()), build.output
    assert "Traceback" not in build.output
