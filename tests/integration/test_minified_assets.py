"""The manual's own scripts and stylesheets reach the built site minified (hooks/minified_assets.py), the sources
stay as written, every later step reads the minified bytes, and the minified scripts still do what the sources do."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess

import pytest

from helpers import ROOT, edit, mkdocs_build

OWN = ("assets/javascripts/planner.js", "assets/javascripts/offline-worker.js", "assets/stylesheets/manual.css")
SAVED = ("assets/javascripts/planner.js", "assets/stylesheets/manual.css")  # in the phone edition's list (not the worker's logic)


def comment_lines(text: str) -> list[str]:
    """Lines that are only a comment (`// …`, or the start of a `/* … */` that is not a licence `/*! … */`)."""
    return [line for line in text.splitlines() if re.match(r"\s*(//|/\*(?!!))", line)]


def recorded(site, lang_root: str = "") -> dict[str, tuple[str, int]]:
    """The phone edition's list of files to save (sw.js): path -> (hash, size)."""
    worker = (site / lang_root / "sw.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"^self\.manualOffline = (\{.*\});$", worker, re.M).group(1))
    return {path: (sha, size) for path, sha, size in data["core"]["files"]}


def test_the_built_copies_are_minified_the_sources_untouched_and_the_phone_edition_lists_the_built_bytes(
        mini_project, tmp_path):
    built = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert built.returncode == 0, built.output
    for rel in OWN:
        source = (ROOT / "docs" / rel).read_text(encoding="utf-8")
        copy = (built.site / rel).read_text(encoding="utf-8")
        assert comment_lines(source), rel  # the check below can fail
        assert comment_lines(copy) == [], rel
        assert len(copy) < 0.8 * len(source), rel
        # The project's source is left as written (authors and tests/js read it).
        assert (mini_project / "docs" / rel).read_text(encoding="utf-8") == source
    for lang_root in ("", "en/"):
        listed = recorded(built.site, lang_root)
        for rel in SAVED:
            data = (built.site / rel).read_bytes()
            assert listed[rel] == (hashlib.sha256(data).hexdigest()[:16], len(data)), (lang_root, rel)
    # The search worker carries the folding as built (search_index.py appends it), not the commented source.
    worker = next((built.site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    folding = (built.site / "assets" / "javascripts" / "search-fold.js").read_text(encoding="utf-8")
    assert "manualFolded" in folding and worker.rstrip().endswith(folding.rstrip())
    assert "Most people type on a phone" in (ROOT / "docs" / "assets" / "javascripts" / "search-fold.js").read_text(encoding="utf-8")
    assert "Most people type on a phone" not in worker
    # The pages load the built copies, under the same addresses.
    assert 'src="assets/javascripts/manual.js"' in built.html("index.html")
    assert 'href="assets/stylesheets/manual.css"' in built.html("index.html")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (make test installs it)")
def test_the_minified_scripts_pass_the_pages_javascript_tests(mini_project, tmp_path):
    """tests/js read the scripts from docs/assets; here they read the minified copies the build wrote."""
    built = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert built.returncode == 0, built.output
    copy = tmp_path / "copy"
    for part in ("tests/js", "tests/golden"):
        shutil.copytree(ROOT / part, copy / part)
    for part in ("javascripts", "vendor"):
        shutil.copytree(built.site / "assets" / part, copy / "docs" / "assets" / part)
    assert comment_lines((copy / "docs/assets/javascripts/run.js").read_text(encoding="utf-8")) == []
    result = subprocess.run(["node", "--test", str(copy / "tests" / "js")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]
    assert re.search(r"^# fail 0$", result.stdout, re.M) and not re.search(r"^# pass 0$", result.stdout, re.M)


def test_minify_never_copies_the_sources_and_a_wrong_value_stops_the_build(mini_project, tmp_path):
    config = mini_project / "mkdocs.yml"
    edit(config, "    minify: build\n", "    minify: never\n")
    kept = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert kept.returncode == 0, kept.output
    for rel in OWN:
        assert (kept.site / rel).read_bytes() == (ROOT / "docs" / rel).read_bytes(), rel
    edit(config, "    minify: never\n", "    minify: yes\n")
    failed = mkdocs_build(mini_project, tmp_path / "site2", MANUAL_PDF="0")
    assert failed.returncode == 1
    assert ("mkdocs.yml: extra.manual.minify: True no es un valor admitido — escriba build (los scripts y estilos "
            "del manual se minifican al construir") in failed.output
    assert "Traceback" not in failed.output
