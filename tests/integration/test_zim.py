"""The Kiwix / Internet-in-a-Box edition: the ZIM of the real manual (built strictly, with its PDFs) read back
with libzim's reader and searcher; and `make site` (scripts/build.py) writing it into dist/ with checksums."""
from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher
from mkdocs.utils.yaml import yaml_load
from PIL import Image

from helpers import BUILD_TIMEOUT, FIXTURE, LANGS, ROOT, edit, make_project
from manualgen.zim import absolute_links, kept_in_zim, write_zim, zim_metadata

EPOCH = 1700000000
SESSION = "modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html"
PREFIX = {"es": "", "en": "en/"}


def metadata_of(project):
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        return zim_metadata(yaml_load(handle), EPOCH)


def site_files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def real_zim(real_site, tmp_path_factory):
    return write_zim(real_site.site, tmp_path_factory.mktemp("zim") / "manual.zim", metadata_of(ROOT))


@pytest.fixture(scope="module")
def archive(real_zim):
    return Archive(real_zim)


def test_every_page_asset_and_pdf_of_both_languages_is_in(real_site, archive):
    kept = [rel for rel in site_files(real_site.site) if kept_in_zim(rel)]
    assert archive.entry_count == len(kept)
    for rel in kept:
        assert archive.has_entry_by_path(rel), rel
    for lang in LANGS:
        catalog = real_site.catalog(lang)
        pages = [s["url"] for s in catalog["sessions"]] + [h["url"] for h in catalog["handouts"]] + ["index.html"]
        pdfs = ([s["pdf"] for s in catalog["sessions"]] + [h["pdf"] for h in catalog["handouts"]]
                + [catalog["pdfs"]["manual"], *catalog["pdfs"]["packs"].values()])
        assert all(pdfs), f"{lang}: the real_site build has PDFs"
        for rel in pages:
            assert archive.get_entry_by_path(PREFIX[lang] + rel).get_item().mimetype == "text/html"
        for rel in pdfs:
            item = archive.get_entry_by_path(PREFIX[lang] + rel).get_item()
            assert item.mimetype == "application/pdf"
            assert bytes(item.content) == (real_site.site / PREFIX[lang] / rel).read_bytes()


def test_what_no_kiwix_reader_uses_is_left_out(real_site, archive):
    for rel in ("404.html", "search/search_index.json", "search/search_index.js"):
        assert (real_site.site / rel).is_file() and not archive.has_entry_by_path(rel), rel
    maps = [rel for rel in site_files(real_site.site) if rel.endswith(".map")]
    assert maps and not any(archive.has_entry_by_path(rel) for rel in maps)


def test_main_page_and_every_page_marked_as_the_zim_channel(real_site, archive):
    main = archive.main_entry.get_item()
    assert main.path == "index.html"
    assert '<html lang="es" class="no-js" data-channel="zim">' in bytes(main.content).decode("utf-8")
    english = bytes(archive.get_entry_by_path("en/index.html").get_item().content).decode("utf-8")
    assert '<html lang="en" class="no-js" data-channel="zim">' in english
    assert 'href="../index.html"' in english or 'href="..' in english  # the language switch stays relative
    for rel in site_files(real_site.site):
        if rel.endswith(".html") and kept_in_zim(rel):
            assert b'data-channel="zim"' in bytes(archive.get_entry_by_path(rel).get_item().content), rel
    assert "data-channel" not in real_site.html("index.html")  # only the ZIM's copy is marked


def test_no_absolute_link_in_the_site_but_its_404_page(real_site):
    for rel in site_files(real_site.site):
        if rel.endswith(".html") and rel != "404.html":
            assert absolute_links(real_site.html(rel)) == [], rel


def test_css_hides_materials_search_inside_kiwix(archive):
    css = bytes(archive.get_entry_by_path("assets/stylesheets/manual.css").get_item().content).decode("utf-8")
    # the built stylesheet is minified (hooks/minified_assets.py): compared without its spaces
    assert 'html[data-channel="zim"] .md-search,html[data-channel="zim"] label[for="__search"]{display:none}' in css


def test_metadata_and_illustration(archive):
    for name, value in metadata_of(ROOT).items():
        assert archive.get_metadata(name).decode("utf-8") == value, name
    assert archive.get_metadata("Language") == b"spa,eng"
    assert {"Name", "Title", "Description", "Language", "Creator", "Publisher", "Date", "Tags",
            "Illustration_48x48@1"} <= set(archive.metadata_keys)
    # (get_illustration_sizes() warns it is deprecated for get_illustration_infos(), which this binding lacks.)
    assert archive.has_illustration(48)
    image = Image.open(io.BytesIO(bytes(archive.get_illustration_item(48).content)))
    assert image.format == "PNG" and image.size == (48, 48)


@pytest.mark.parametrize("words,page", [("caja del hombre", SESSION), ("man box", "en/" + SESSION)])
def test_kiwix_full_text_search_finds_the_session(archive, words, page):
    assert archive.has_fulltext_index
    results = list(Searcher(archive).search(Query().set_query(words)).getResults(0, 3))
    assert page in results, results


def test_kiwix_suggestions_offer_pages_by_title(archive):
    suggested = list(SuggestionSearcher(archive).suggest("caja del hombre").getResults(0, 10))
    assert SESSION in suggested, suggested
    assert archive.get_entry_by_path(SESSION).title == "La caja del hombre: mandatos masculinos"


def test_same_site_same_zim_bytes(real_site, real_zim, tmp_path):
    again = write_zim(real_site.site, tmp_path / "again.zim", metadata_of(ROOT))
    assert again.read_bytes() == real_zim.read_bytes()


ENV = {"SOURCE_DATE_EPOCH": str(EPOCH), "MANUAL_VERSION": "test", "MANUAL_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}


def run_build(project):
    return subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env={**os.environ, **ENV},
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT)


def test_make_site_writes_the_zim_with_checksums_and_a_bad_setting_keeps_dist(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    built = run_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    dist = project / "dist"
    zim = dist / "manual-masculinidades-test.zim"
    editions = sorted([zim, *(dist / f"manual-masculinidades-offline{part}-test.zip" for part in ("", "-en", "-es"))])
    assert sorted(p.name for p in dist.iterdir()) == ["SHA256SUMS", *(path.name for path in editions)]
    sums = (dist / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in editions)
    assert "ZIM file is ready" not in built.stdout  # libzim's progress lines are kept out of the build's report
    archive = Archive(zim)
    assert archive.has_entry_by_path("modules/01-prueba/01-sesion.html")
    assert archive.has_entry_by_path("en/modules/01-prueba/01-sesion.html")
    assert archive.get_metadata("Date") == b"2023-11-14"

    before = {p.name: p.read_bytes() for p in dist.iterdir()}
    edit(project / "mkdocs.yml", "title: Manual de masculinidades", "title: Manual de masculinidades para líderes del Perú")
    failed = run_build(project)
    assert failed.returncode == 1
    assert "mkdocs.yml: extra.manual.zim.title: tiene 46 caracteres y Kiwix admite hasta 30 — acórtelo." in failed.stderr
    assert "site/ y dist/ quedan como estaban" in failed.stderr and "Traceback" not in failed.stderr
    assert {p.name: p.read_bytes() for p in dist.iterdir()} == before
