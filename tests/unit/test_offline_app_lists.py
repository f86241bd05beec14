"""The phone edition's pure module (hooks/manualgen/offline_app.py): which files each language saves, versions by
content hash, sizes, and the generated manifest, summary and worker."""
from __future__ import annotations

import gzip
import hashlib
import json
import re

import pytest

from manualgen.bundle import in_offline_zip, left_out_offline
from manualgen.offline_app import (HASH_CHARS, HOME_MARKER, ICONS, PhoneEdition, SiteFile, describe, describe_files,
                                   left_out_of_phone, lunr_scripts, manifest_json, phone_only, select, size_text,
                                   summary_json, version, worker_script)

# A small built site: both languages, shared assets, PDFs, the files only tools or file:// use.
SITE = [
    "404.html", "catalog.json", "index.html", "planificador.html", "sin-conexion.html", "sitemap.xml", "sitemap.xml.gz",
    "sw.js", "offline.json", "manifest.webmanifest",
    "modules/01-encuadre/index.html", "modules/01-encuadre/01-bienvenida.html",
    "pdf/m01-s01-bienvenida.pdf", "pdf/manual-para-quien-facilita.pdf",
    "search/search_index.json", "search/search_index.js", "print/print.css",
    "en/404.html", "en/catalog.json", "en/index.html", "en/planificador.html", "en/sw.js", "en/offline.json",
    "en/manifest.webmanifest", "en/modules/01-encuadre/01-bienvenida.html", "en/pdf/facilitator-manual.pdf",
    "en/search/search_index.json", "en/search/search_index.js",
    "assets/images/favicon.svg", "assets/images/icon-192.png", "assets/images/icon-512.png",
    "assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
    "assets/javascripts/offline-app.js", "assets/javascripts/offline-page.js", "assets/javascripts/offline-worker.js",
    "assets/javascripts/planner.js", "assets/javascripts/workers/search.a7633da7.min.js",
    "assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js",
    "assets/javascripts/lunr/min/lunr.es.min.js", "assets/javascripts/lunr/min/lunr.fr.min.js",
    "assets/javascripts/lunr/min/lunr.multi.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/stylesheets/main.57a0d79d.min.css", "assets/stylesheets/main.57a0d79d.min.css.map",
]


def test_spanish_saves_its_pages_the_shared_assets_and_its_search_rules_and_nothing_of_english():
    core, pdfs = select(SITE, "", ("en/",), ("es",))
    assert core == [
        "assets/images/favicon.svg", "assets/images/icon-192.png", "assets/images/icon-512.png",
        "assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/offline-app.js",
        "assets/javascripts/offline-page.js", "assets/javascripts/planner.js",
        "assets/javascripts/workers/search.a7633da7.min.js", "assets/stylesheets/main.57a0d79d.min.css",
        "index.html", "manifest.webmanifest", "modules/01-encuadre/01-bienvenida.html", "modules/01-encuadre/index.html",
        "planificador.html", "search/search_index.json", "sin-conexion.html",
    ]
    assert pdfs == ["pdf/m01-s01-bienvenida.pdf", "pdf/manual-para-quien-facilita.pdf"]


def test_english_saves_its_pages_under_en_and_no_lunr_file():
    core, pdfs = select(SITE, "en/", (), ("en",))
    assert [rel for rel in core if not rel.startswith("assets/")] == [
        "en/index.html", "en/manifest.webmanifest", "en/modules/01-encuadre/01-bienvenida.html", "en/planificador.html",
        "en/search/search_index.json"]
    assert not [rel for rel in core if "/lunr/" in rel]  # Material's worker loads no lunr file for English
    assert "assets/javascripts/bundle.a5f9d56c.min.js" in core
    assert pdfs == ["en/pdf/facilitator-manual.pdf"]


@pytest.mark.parametrize(("rel", "reason"), [
    ("sw.js", "never read from the saved copy"),
    ("offline.json", "never read from the saved copy"),
    ("assets/javascripts/offline-worker.js", "keeps it with the worker"),
    ("search/search_index.js", "file://"),
    ("sitemap.xml", "crawlers"),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", "source maps"),
    ("catalog.json", "tools"),
    ("404.html", "web server"),
    ("print/print.css", "PDFs' stylesheet"),
    ("en/index.html", "another language"),
    ("assets/javascripts/lunr/min/lunr.fr.min.js", "does not load"),
    ("assets/javascripts/lunr/wordcut.js", "does not load"),
])
def test_each_file_left_out_has_its_reason(rel, reason):
    assert reason in left_out_of_phone(rel, "", ("en/",), ("es",))


def test_a_new_kind_of_file_is_saved_by_default():
    assert left_out_of_phone("assets/images/new-drawing.webp", "", ("en/",), ("es",)) is None
    assert left_out_of_phone("en/new-page.html", "en/", (), ("en",)) is None


@pytest.mark.parametrize(("langs", "expected"), [
    ((), set()),
    (("en",), set()),
    (("es",), {"min/lunr.es.min.js", "min/lunr.stemmer.support.min.js"}),
    (("es", "en"), {"min/lunr.es.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"}),
    (("ja",), {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.stemmer.support.min.js"}),
    (("th",), {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
])
def test_lunr_files_follow_materials_worker(langs, expected):
    assert lunr_scripts(langs) == {"assets/javascripts/lunr/" + name for name in expected}


def test_describe_hashes_sizes_and_compresses_text_only():
    text = b"<p>hola</p>" * 200
    f = describe("index.html", text)
    assert f == SiteFile("index.html", hashlib.sha256(text).hexdigest()[:HASH_CHARS], len(text),
                         len(gzip.compress(text, 6, mtime=0)))
    assert f.gzip < f.size / 10
    pdf = describe("pdf/x.pdf", text)
    assert pdf.gzip == pdf.size  # already compressed: a server sends it as it is


def test_describe_files_reads_the_site(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_bytes(b"hello")
    assert describe_files(tmp_path, ["en/index.html"]) == (describe("en/index.html", b"hello"),)


def test_version_changes_with_any_byte_or_path_and_only_then():
    a = [describe("index.html", b"one"), describe("acerca.html", b"two")]
    assert version(a) == version(list(a))
    assert len(version(a)) == HASH_CHARS
    assert version(a) != version([a[0], describe("acerca.html", b"two!")])
    assert version(a) != version([a[0], describe("acerca2.html", b"two")])
    assert version(a) != version(a[:1])
    assert version([SiteFile("x", "0" * HASH_CHARS, 1, 1)]) == version([SiteFile("x", "0" * HASH_CHARS, 99, 9)])


def edition(prefix="", lang="es") -> PhoneEdition:
    core = (describe(f"{prefix}index.html", b"<h1>Inicio</h1>" * 50), describe("assets/javascripts/bundle.js", b"js" * 300))
    pdfs = (describe(f"{prefix}pdf/manual.pdf", b"%PDF" * 1000),)
    return PhoneEdition(lang, prefix, core, pdfs)


def test_parts_add_up_sizes_and_have_their_own_versions():
    e = edition()
    core, pdf = e.part("core"), e.part("pdf")
    assert core == {"version": version(e.core), "files": 2, "bytes": sum(f.size for f in e.core), "gzip": sum(f.gzip for f in e.core)}
    assert pdf["files"] == 1 and pdf["bytes"] == 4000 and pdf["gzip"] == 4000
    assert e.version == version(e.core + e.pdfs) != core["version"]


def test_summary_has_sizes_and_versions_but_no_file_list():
    summary = json.loads(summary_json(edition()))
    assert summary == {"lang": "es", "version": edition().version, "core": edition().part("core"), "pdf": edition().part("pdf")}


def test_worker_script_lists_every_file_and_imports_the_shared_logic_from_the_site_root():
    for prefix, root in (("", "./"), ("en/", "../")):
        e = edition(prefix, "en" if prefix else "es")
        text = worker_script(e, f"<a href='{HOME_MARKER}'>home</a>")
        data = json.loads(re.search(r"^self\.manualOffline = (.*);$", text, re.M).group(1))
        assert data["root"] == root and data["version"] == e.version
        assert data["core"] == {"version": version(e.core), "files": [[f.path, f.sha, f.size] for f in e.core]}
        assert data["pdf"]["files"] == [[f"{prefix}pdf/manual.pdf", e.pdfs[0].sha, 4000]]
        assert HOME_MARKER in data["missing"]
        expected = "assets/javascripts/offline-worker.js" if not prefix else "../assets/javascripts/offline-worker.js"
        assert text.rstrip().endswith(f'importScripts("{expected}");')


def test_worker_script_changes_when_one_saved_file_changes():
    e = edition()
    changed = PhoneEdition("es", "", (describe("index.html", b"<h1>Inicio nuevo</h1>"),) + e.core[1:], e.pdfs)
    assert worker_script(e, "") != worker_script(changed, "")


def test_manifest_points_at_the_shared_icons_from_each_language():
    for prefix, icon in (("", "assets/images/icon-192.png"), ("en/", "../assets/images/icon-192.png")):
        manifest = json.loads(manifest_json(name="Manual", short_name="Manual", description="d", lang="es", prefix=prefix,
                                            theme_color="#4a1c6b", background_color="#ffffff"))
        assert manifest["start_url"] == "./index.html" and manifest["scope"] == "./" and manifest["lang"] == "es"
        assert manifest["display"] == "standalone" and manifest["theme_color"] == "#4a1c6b"
        assert [(i["src"], i["sizes"]) for i in manifest["icons"]] == [(icon, "192x192"), (icon.replace("192", "512"), "512x512")]


@pytest.mark.parametrize("rel", ["sw.js", "en/sw.js", "offline.json", "en/offline.json", "manifest.webmanifest",
                                 "en/manifest.webmanifest", *ICONS, "assets/javascripts/offline-worker.js"])
def test_phone_only_files_stay_out_of_the_usb_zip_and_the_zim(rel):
    assert phone_only(rel, ("es", "en"))
    assert "phone edition" in left_out_offline(rel, ("es", "en"))
    assert not in_offline_zip(rel, ("es", "en"))


@pytest.mark.parametrize("rel", ["modules/sw.js", "assets/javascripts/offline-app.js", "assets/javascripts/offline-page.js",
                                 "sin-conexion.html", "en/sin-conexion.html"])
def test_the_save_page_and_its_scripts_stay_in_the_offline_editions(rel):
    # the page explains, from a USB copy or Kiwix, that this copy already works offline
    assert not phone_only(rel, ("es", "en"))


@pytest.mark.parametrize(("size", "text"), [(0, "0 B"), (999, "999 B"), (1000, "1.0 kB"), (964_000, "964 kB"),
                                            (4_861_132, "4.9 MB"), (12_400_000, "12 MB"), (2_500_000_000, "2.5 GB")])
def test_size_text(size, text):
    assert size_text(size) == text


def test_compressed_sizes_are_remembered_for_this_builds_files_only(tmp_path, monkeypatch):
    from manualgen import offline_app
    memo = tmp_path / "gzip-sizes.json"
    monkeypatch.setattr(offline_app, "_compressed", {})
    offline_app.remembered_sizes(memo)  # nothing yet: measured
    page = b"<p>" + b"texto " * 400 + b"</p>"
    measured = describe("index.html", page)
    describe("pdf/a.pdf", b"%PDF-1.7 already compressed")
    offline_app.keep_sizes(memo)
    kept = json.loads(memo.read_text())
    assert kept == {hashlib.sha256(page).hexdigest(): measured.gzip}  # PDFs are never compressed, nor kept
    # A new process reads them back and compresses nothing it already knows
    monkeypatch.setattr(offline_app, "_compressed", {})
    offline_app.remembered_sizes(memo)
    monkeypatch.setattr(offline_app.gzip, "compress", lambda *a, **k: pytest.fail("compressed again"))
    assert describe("index.html", page).gzip == measured.gzip
    memo.write_text("not json")
    offline_app.remembered_sizes(memo)  # an unreadable memo only means measuring again
