"""`make site` (scripts/build.py): atomic replacement of site/ and dist/, and a reproducible offline zip."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile

from helpers import BUILD_TIMEOUT, FIXTURE, edit, make_project

ENV = {"SOURCE_DATE_EPOCH": "1700000000", "MANUAL_VERSION": "test", "MANUAL_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}


def run_build(project):
    return subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env={**os.environ, **ENV},
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def test_failed_build_leaves_previous_output_untouched(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0
    site, dist = snapshot(project / "site"), snapshot(project / "dist")
    assert "index.html" in site and "en/index.html" in site
    edit(project / "modules/01-prueba/01-sesion.es.md", "minutes: 45", "minutes: 40")
    failed = run_build(project)
    assert failed.returncode == 1
    assert "duration: dice 60 minutos pero las actividades suman 55" in failed.stderr + failed.stdout
    assert "site/ y dist/ quedan como estaban" in failed.stderr
    assert snapshot(project / "site") == site and snapshot(project / "dist") == dist
    assert not (project / ".build").exists()


def test_offline_zip_is_complete_and_reproducible(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0
    first = (project / "dist" / "manual-masculinidades-offline-test.zip").read_bytes()
    shutil.rmtree(project / ".cache" / "editions")  # written again, not copied from the last build
    again = run_build(project)
    assert again.returncode == 0 and "copied from .cache/editions" not in again.stdout
    second = (project / "dist" / "manual-masculinidades-offline-test.zip").read_bytes()
    assert first == second
    # The published site carries a copy of each edition for its downloads page; no edition holds another.
    assert (project / "site" / "offline" / "manual-masculinidades-offline.zip").read_bytes() == second
    assert ((project / "site" / "offline" / "manual-masculinidades.zim").read_bytes()
            == (project / "dist" / "manual-masculinidades-test.zim").read_bytes())
    listing = json.loads((project / "site" / "offline" / "editions.json").read_text(encoding="utf-8"))
    assert listing["files"]["zip"] == {"path": "offline/manual-masculinidades-offline.zip", "size": len(second)}
    assert listing["files"]["zim"]["size"] == (project / "site" / "offline" / "manual-masculinidades.zim").stat().st_size
    with zipfile.ZipFile(project / "dist" / "manual-masculinidades-offline-test.zip") as archive:
        names = archive.namelist()
        assert not [n for n in names if "/offline/" in n]
        assert "manual-masculinidades/index.html" in names and "manual-masculinidades/en/index.html" in names
        assert "manual-masculinidades/LEAME-README.txt" in names
        start = archive.read("manual-masculinidades/LEAME-README.txt").decode("utf-8")
        assert "Cómo abrirlo" in start and "How to open it" in start
        sums = archive.read("manual-masculinidades/SHA256SUMS").decode("utf-8").splitlines()
        listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums}
        assert listed["index.html"] == hashlib.sha256(archive.read("manual-masculinidades/index.html")).hexdigest()
        assert len(listed) == len([n for n in names if not n.endswith(("LEAME-README.txt", "SHA256SUMS"))])


def test_unchanged_editions_are_copied_from_the_last_build_and_a_change_writes_them_again(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0
    dist = snapshot(project / "dist")
    unchanged = run_build(project)
    assert unchanged.returncode == 0 and "copied from .cache/editions" in unchanged.stdout
    assert snapshot(project / "dist") == dist
    # A damaged kept edition is never published: it is written again, to the same bytes.
    (project / ".cache" / "editions" / "zim").write_bytes(b"ZIM damaged by a full disk")
    repaired = run_build(project)
    assert repaired.returncode == 0 and "copied from .cache/editions" not in repaired.stdout
    assert snapshot(project / "dist") == dist
    edit(project / "modules/01-prueba/01-sesion.es.md", "Sesión de prueba", "Sesión cambiada")
    changed = run_build(project)
    assert changed.returncode == 0 and "copied from .cache/editions" not in changed.stdout
    with zipfile.ZipFile(project / "dist" / "manual-masculinidades-offline-test.zip") as archive:
        assert any("Sesión cambiada" in archive.read(name).decode("utf-8", "replace")
                   for name in archive.namelist() if name.endswith(".html"))
    # Written from the last build's members that did not change: the same bytes as written from nothing.
    reused = snapshot(project / "dist")
    shutil.rmtree(project / ".cache" / "editions")
    assert run_build(project).returncode == 0
    assert snapshot(project / "dist") == reused


def test_an_edition_cache_that_cannot_be_written_only_warns(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    (project / ".cache").mkdir()
    (project / ".cache" / "editions").write_text("a file where the cache folder goes")
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    assert "no se pudieron guardar las ediciones en .cache/editions" in built.stderr and "Traceback" not in built.stderr
    assert (project / "dist" / "manual-masculinidades-offline-test.zip").is_file()


def test_offline_zip_leaves_out_what_no_reader_uses(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0, "build failed"
    site_files = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*") if p.is_file()}
    with zipfile.ZipFile(project / "dist" / "manual-masculinidades-offline-test.zip") as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert {"search/search_index.js", "en/search/search_index.js", "assets/javascripts/lunr/min/lunr.es.min.js",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} <= names
    left_out = site_files - names
    assert any(n.endswith(".map") for n in left_out) and not any(n.endswith(".map") for n in names)
    assert {"search/search_index.json", "en/search/search_index.json", "assets/javascripts/lunr/wordcut.js",
            "assets/javascripts/lunr/min/lunr.fr.min.js", "sitemap.xml"} <= left_out
    assert not any(n.startswith("assets/javascripts/lunr/min/lunr.") and n.split(".")[1] not in ("es", "stemmer")
                   for n in names)


def test_each_language_has_a_zip_of_its_own_whose_other_language_pages_explain(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0, "build failed"
    site = project / "site"
    en_pages = {p.relative_to(site).as_posix() for p in (site / "en").rglob("*.html")}
    es_pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
                if not p.relative_to(site).as_posix().startswith(("en/", "offline/"))}
    both = (project / "dist" / "manual-masculinidades-offline-test.zip").stat().st_size
    contents = {}
    for lang in ("es", "en"):
        path = project / "dist" / f"manual-masculinidades-offline-{lang}-test.zip"
        assert path.stat().st_size < both, (lang, path.stat().st_size, both)
        with zipfile.ZipFile(path) as archive:
            # Its own folder: unpacked beside another edition, it overwrites none of its pages.
            assert {n.split("/", 1)[0] for n in archive.namelist()} == {f"manual-masculinidades-{lang}"}
            contents[lang] = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
        sums = dict(line.split("  ", 1)[::-1] for line in contents[lang]["SHA256SUMS"].decode().splitlines())
        assert {name: hashlib.sha256(data).hexdigest() for name, data in contents[lang].items()
                if name not in ("SHA256SUMS", "LEAME-README.txt")} == sums
    es, en = contents["es"], contents["en"]
    # The Spanish zip: its pages, PDFs, index and search rules as built; each English page is the notice.
    assert es["index.html"] == (site / "index.html").read_bytes()
    assert not any(n.startswith("en/") and not n.endswith(".html") for n in es)
    assert {n for n in es if n.startswith("en/")} == en_pages
    notice = es["en/modules/01-prueba/01-sesion.html"].decode("utf-8")
    assert "This page is not in this copy" in notice and "manual in Spanish only" in notice
    assert 'href="../../../index.html"' in notice and "Ir al inicio del manual en castellano" in notice
    assert "http-equiv" not in notice and "<script" not in notice
    assert "assets/javascripts/lunr/min/lunr.es.min.js" in es and "search/search_index.js" in es
    # The English zip: index.html goes straight to en/index.html; Spanish pages are the notice.
    # ... and its home page's «Español» opens the notice, not that index.html (which would send it straight back).
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../index.html" hreflang="es"' in home
    assert en["en/index.html"].decode("utf-8") == home.replace('href="../index.html" hreflang="es"',
                                                              'href="../otro-idioma.html" hreflang="es"')
    assert "manual in English only" in en["otro-idioma.html"].decode("utf-8")
    assert 'href="en/index.html"' in en["otro-idioma.html"].decode("utf-8")
    assert "otro-idioma.html" not in es
    assert {n for n in en if n.endswith(".html") and not n.startswith("en/")} == es_pages | {"otro-idioma.html"}
    start = en["index.html"].decode("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=en/index.html">' in start
    assert "Esta página no está en esta copia" in en["modules/01-prueba/01-sesion.html"].decode("utf-8")
    assert 'href="../../en/index.html"' in en["modules/01-prueba/01-sesion.html"].decode("utf-8")
    assert not any(n.startswith(("pdf/", "search/")) for n in en) and "en/search/search_index.js" in en
    assert not any(n.startswith("assets/javascripts/lunr/min/lunr.es") for n in en)
    assert "This copy holds the English manual only" in en["LEAME-README.txt"].decode("utf-8")
    listing = json.loads((site / "offline" / "editions.json").read_text(encoding="utf-8"))
    assert listing["files"]["zip-es"] == {"path": "offline/manual-masculinidades-offline-es.zip", "size": len(
        (project / "dist" / "manual-masculinidades-offline-es-test.zip").read_bytes())}
    assert (site / "offline" / "manual-masculinidades-offline-en.zip").is_file()


def start_build(project, **env):
    return subprocess.Popen([sys.executable, "scripts/build.py"], cwd=project, env={**os.environ, **ENV, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_take_turns(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    first, second = start_build(project), start_build(project)
    outputs = [process.communicate(timeout=BUILD_TIMEOUT) for process in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert any("Otra construcción del sitio está en curso" in err for _, err in outputs)
    assert (project / "site" / "index.html").is_file() and (project / "site" / "en" / "index.html").is_file()
    assert not (project / ".build").exists()


def test_an_interrupted_build_keeps_the_previous_output_and_leaves_no_process(tmp_path):
    import errno
    import signal
    import time
    project = make_project(tmp_path / "p", FIXTURE)
    assert run_build(project).returncode == 0
    site, dist = snapshot(project / "site"), snapshot(project / "dist")
    edit(project / "modules/01-prueba/01-sesion.es.md", "Sesión de prueba", "Sesión cambiada")
    # A page that is a named pipe holds MkDocs at the moment it reads it, so Ctrl-C lands mid-build on any machine.
    held = project / "docs" / "pausa.md"
    os.mkfifo(held)
    process = start_build(project)
    deadline = time.monotonic() + BUILD_TIMEOUT
    while True:
        try:
            writer = os.open(held, os.O_WRONLY | os.O_NONBLOCK)  # succeeds once MkDocs has opened the page
            break
        except OSError as waiting:
            assert waiting.errno == errno.ENXIO and process.poll() is None and time.monotonic() < deadline, \
                process.communicate()
            time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    os.close(writer)
    assert process.returncode == 130, err
    assert "site/ y dist/ quedan como estaban" in err and "Traceback" not in err
    assert snapshot(project / "site") == site and snapshot(project / "dist") == dist
    assert not (project / ".build").exists()
    leftover = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(project / ".build") not in leftover, "a build process was left running"


def test_a_damaged_pdf_cache_is_drawn_again_and_gives_the_same_pdfs(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    first = subprocess.run([sys.executable, "scripts/build.py"], cwd=project, capture_output=True, text=True,
                           env={**os.environ, **ENV, "MANUAL_PDF": "1"}, timeout=BUILD_TIMEOUT)
    assert first.returncode == 0, first.stderr
    pdfs = {p.relative_to(project / "site").as_posix(): p.read_bytes() for p in (project / "site").rglob("*.pdf")}
    assert pdfs
    cached = sorted((project / ".cache" / "pdf").rglob("*.pdf"))
    cached[0].write_bytes(b"%PDF-1.7 damaged by a full disk")
    again = subprocess.run([sys.executable, "scripts/build.py"], cwd=project, capture_output=True, text=True,
                           env={**os.environ, **ENV, "MANUAL_PDF": "1"}, timeout=BUILD_TIMEOUT)
    assert again.returncode == 0, again.stderr
    assert "was damaged" in again.stdout + again.stderr
    assert {p.relative_to(project / "site").as_posix(): p.read_bytes() for p in (project / "site").rglob("*.pdf")} == pdfs
