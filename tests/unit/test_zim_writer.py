"""The ZIM edition's pure parts (what goes in, page marking and text, metadata from mkdocs.yml) and its
reproducible writing, on a hand-made two-language site (no MkDocs build)."""
from __future__ import annotations

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from manualgen.zim import (
    GLASS_MAGIC, HEADER, ZimError, _xapian_blobs, absolute_links, kept_in_zim, mark_zim_channel, mime_type,
    page_text, write_zim, zim_entries, zim_metadata,
)

PAGE = """<!doctype html>
<html lang="{lang}" class="no-js">
  <head><meta charset="utf-8"><title>{title} - Sitio</title><style>.x {{ color: red }}</style></head>
  <body>
    <nav class="md-nav"><a href="{other}">Navegación repetida</a></nav>
    <article class="md-content__inner md-typeset">
      <h1>{title}</h1><p>{text}</p><script>var escondido = "no indexar";</script>
    </article>
  </body>
</html>
"""

CONFIG = {
    "site_author": "Equipo del manual",
    "plugins": ["search", {"i18n": {"languages": [{"locale": "en"}, {"locale": "es", "default": True}]}}, "offline"],
    "extra": {"manual": {"zim": {"name": "manual-masculinidades_mul_all", "title": "Manual de masculinidades",
                                 "description": "Capacitación de líderes", "publisher": "Equipo del manual",
                                 "tags": ["masculinidades", "Perú"]}}},
}
METADATA = zim_metadata(CONFIG, 1700000000)


def tiny_site(root, words="La caja del hombre pesa sobre los hombres."):
    pages = {
        "index.html": PAGE.format(lang="es", title="Inicio", other="en/index.html", text="Bienvenida al manual."),
        "en/index.html": PAGE.format(lang="en", title="Home", other="../index.html", text="Welcome to the manual."),
        "modules/caja.html": PAGE.format(lang="es", title="La caja &amp; el hombre", other="../index.html", text=words),
        "404.html": '<html><a href="/index.html">inicio</a></html>',
    }
    for rel, text in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for rel, data in {"pdf/ficha.pdf": b"%PDF-1.7 ficha", "assets/app.js.map": b"{}", "search/search_index.json": b"{}",
                      "assets/app.js": b"var a;"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


@pytest.mark.parametrize("rel,kept", [
    ("index.html", True), ("en/modules/x/index.html", True), ("pdf/manual.pdf", True), ("assets/x.min.js", True),
    ("catalog.json", True), ("404.html", False), ("search/search_index.json", False),
    ("search/search_index.js", False), ("assets/javascripts/bundle.min.js.map", False), ("sitemap.xml", False),
    ("sitemap.xml.gz", False),
])
def test_what_goes_into_the_zim(rel, kept):
    assert kept_in_zim(rel) is kept


def test_mime_types_by_extension():
    assert mime_type("en/pdf/facilitator-manual.pdf") == "application/pdf"
    assert mime_type("index.html") == "text/html"
    assert mime_type("assets/images/LOGO.PNG") == "image/png"
    assert mime_type("assets/fonts/x.unknown") == "application/octet-stream"


def test_only_the_html_element_is_marked():
    html = '<!doctype html>\n<html lang="es" class="no-js">\n<head></head><p>&lt;html&gt;</p></html>'
    assert mark_zim_channel(html) == ('<!doctype html>\n<html lang="es" class="no-js" data-channel="zim">\n'
                                      '<head></head><p>&lt;html&gt;</p></html>')
    assert mark_zim_channel("<HTML>x</HTML>") == '<HTML data-channel="zim">x</HTML>'
    assert mark_zim_channel("<p>no element</p>") == "<p>no element</p>"


def test_absolute_links_are_found_and_relative_ones_left():
    html = ('<a href="../index.html">a</a><img src="assets/x.png" alt=""><a href="https://inei.gob.pe">b</a>'
            '<a href="#top">c</a><link href="/assets/x.css"><script src=\'//cdn.example/x.js\'></script>')
    assert absolute_links(html) == ["/assets/x.css", "//cdn.example/x.js"]


def test_page_text_is_the_heading_and_the_article_without_scripts_or_navigation():
    text = page_text(PAGE.format(lang="es", title="La caja &amp; el hombre", other="x.html", text="Mandatos <b>masculinos</b>."))
    assert text.title == "La caja & el hombre"
    assert text.content == "La caja & el hombre Mandatos masculinos."


def test_page_text_falls_back_to_title_and_body():
    text = page_text("<html><head><title>Sólo título</title></head><body><p>Uno</p><p>dos</p></body></html>")
    assert text.title == "Sólo título" and text.content == "Uno dos"


def test_metadata_from_mkdocs_yml():
    assert dict(METADATA.items()) == {
        "Name": "manual-masculinidades_mul_all", "Title": "Manual de masculinidades",
        "Description": "Capacitación de líderes", "Language": "spa,eng", "Creator": "Equipo del manual",
        "Publisher": "Equipo del manual", "Date": "2023-11-14", "Tags": "masculinidades;Perú",
    }
    assert METADATA.index_language == "spa"


def test_every_metadata_problem_is_reported_at_once():
    zim = {"name": "manual con espacios", "title": "Un título demasiado largo para Kiwix", "description": "",
           "publisher": "Equipo", "tags": ["a;b"]}
    config = {"plugins": [{"i18n": {"languages": [{"locale": "es", "default": True}, {"locale": "xx"}]}}],
              "extra": {"manual": {"zim": zim}}}
    with pytest.raises(ZimError) as stopped:
        zim_metadata(config, 0)
    lines = str(stopped.value).splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "extra.manual.zim.name", "extra.manual.zim.title", "extra.manual.zim.description",
        "extra.manual.zim.creator", "extra.manual.zim.tags", "plugins.i18n.languages"]
    assert all(line.startswith("mkdocs.yml: ") and " — " in line for line in lines)
    assert "tiene 36 caracteres y Kiwix admite hasta 30" in lines[1]


def test_a_missing_zim_block_is_one_clear_sentence():
    with pytest.raises(ZimError, match=r"^mkdocs.yml: extra.manual.zim: falta el bloque"):
        zim_metadata({"extra": {"manual": {}}}, 0)


def test_entries_hold_marked_pages_and_leave_out_unused_files(tmp_path):
    entries = {entry.path: entry for entry in zim_entries(tiny_site(tmp_path / "site"))}
    assert sorted(entries) == ["assets/app.js", "en/index.html", "index.html", "modules/caja.html", "pdf/ficha.pdf"]
    assert b'<html lang="es" class="no-js" data-channel="zim">' in entries["index.html"].content
    assert entries["modules/caja.html"].title == "La caja & el hombre"
    assert entries["pdf/ficha.pdf"].mimetype == "application/pdf" and entries["pdf/ficha.pdf"].indexed_text is None
    assert "data-channel" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")  # site/ untouched


def test_a_page_with_an_absolute_link_is_refused(tmp_path):
    site = tiny_site(tmp_path / "site")
    (site / "en" / "index.html").write_text('<html><a href="/index.html">Inicio</a></html>', encoding="utf-8")
    with pytest.raises(ZimError, match=r"site/en/index.html: enlace absoluto '/index.html'.*\n.*enlaces relativos"):
        zim_entries(site)


def test_same_site_same_zim_bytes_and_ids_follow_the_content(tmp_path):
    site = tiny_site(tmp_path / "site")
    first = write_zim(site, tmp_path / "a" / "x.zim", METADATA).read_bytes()
    second = write_zim(site, tmp_path / "b" / "x.zim", METADATA).read_bytes()
    assert first == second
    archive = Archive(tmp_path / "a" / "x.zim")
    assert archive.check() and archive.main_entry.get_item().path == "index.html"
    # Both Xapian databases were found and given fixed ids.
    header = HEADER.unpack_from(first, 0)
    blobs = _xapian_blobs(first, header)
    assert sorted(blobs) == ["fulltext/xapian", "title/xapian"]
    assert all(first[at:at + len(GLASS_MAGIC)] == GLASS_MAGIC for at in blobs.values())
    search = Searcher(archive).search(Query().set_query("caja del hombre"))
    assert list(search.getResults(0, 5)) == ["modules/caja.html"]
    # Another content, another id: Kiwix's library tells books apart by it.
    changed = tiny_site(tmp_path / "changed", words="Otro texto.")
    assert Archive(write_zim(changed, tmp_path / "c" / "x.zim", METADATA)).uuid != archive.uuid



def test_pages_read_by_an_earlier_build_are_not_read_again_and_the_zim_is_the_same(tmp_path, monkeypatch):
    """After an edit only the changed pages are read (their text for the index, their links); the others come from
    the memo, and the ZIM is byte for byte the one written without it. A page that changed is still checked."""
    from manualgen import zim
    site = tiny_site(tmp_path / "site")
    memo = tmp_path / "zim-pages.json"
    plain = write_zim(site, tmp_path / "a" / "x.zim", METADATA).read_bytes()
    assert write_zim(site, tmp_path / "b" / "x.zim", METADATA, memo).read_bytes() == plain
    read = []
    real = zim.page_text
    monkeypatch.setattr(zim, "page_text", lambda html: read.append(html) or real(html))
    assert write_zim(site, tmp_path / "c" / "x.zim", METADATA, memo).read_bytes() == plain
    assert read == []
    (site / "en" / "index.html").write_text('<html><a href="/index.html">Inicio</a></html>', encoding="utf-8")
    with pytest.raises(ZimError, match="site/en/index.html: enlace absoluto"):
        write_zim(site, tmp_path / "d" / "x.zim", METADATA, memo)
    assert len(read) == 1
