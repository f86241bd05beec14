"""The downloads page's view: every PDF of a language by module, with sizes as phones show data use."""
from __future__ import annotations

from manualgen.bundle import (PUBLISHED_COPIES, in_offline_zip, language_of, left_out_offline, notice_for, published_copy,
                              switch_to_notice)
from manualgen.views import downloads_view, fill_size_marks, format_size, size_mark


def sized(sizes: dict, lang: str):
    return lambda path: format_size(sizes[path], lang) if path in sizes else None

LABELS = {"pack_title": "Paquete para participantes", "manual_edition": "Manual completo",
          "downloads_zip": "Edición USB", "downloads_zip_language": "Solo en castellano", "downloads_zim": "Kiwix"}
CATALOG = {
    "pdfs": {"manual": "pdf/manual.pdf"},
    "modules": [{"id": "m01", "order": 1, "title": "Encuadre", "pack_pdf": "pdf/m01-pack.pdf"},
                {"id": "m02", "order": 2, "title": "Género", "pack_pdf": None}],
    "sessions": [{"module": "m01", "order": 2, "title": "Segunda", "pdf": "pdf/m01-s02.pdf"},
                 {"module": "m01", "order": 1, "title": "Primera", "pdf": "pdf/m01-s01.pdf"},
                 {"module": "m02", "order": 1, "title": "Sexo y género", "pdf": "pdf/m02-s01.pdf"}],
    "handouts": [{"module": "m01", "title": "Acuerdos", "pdf": "pdf/m01-h01.pdf"}],
}


def test_sizes_read_as_a_phone_shows_them():
    assert format_size(1_242_660, "es") == "1,2 MB"
    assert format_size(1_242_660, "en") == "1.2 MB"
    assert format_size(34_401, "es") == "34 kB"
    assert format_size(120, "en") == "1 kB"  # never "0 kB" for a file that exists
    assert format_size(12_345_678, "es") == "12,3 MB"


def test_every_pdf_listed_by_module_with_its_size():
    sizes = {"pdf/manual.pdf": 1_242_660, "pdf/m01-pack.pdf": 80_724, "pdf/m01-s01.pdf": 97_160,
             "pdf/m01-s02.pdf": 98_992, "pdf/m01-h01.pdf": 34_401}
    view = downloads_view(CATALOG, sized(sizes, "es"), "es", LABELS)
    assert view["manual"] == {"path": "pdf/manual.pdf", "title": "Manual completo", "kind": None, "size": "1,2 MB"}
    first, second = view["modules"]
    assert first["pack"]["size"] == "81 kB" and second["pack"] is None
    assert [(f["title"], f["kind"], f["size"]) for f in first["files"]] == [
        ("1.2 Segunda", "session", "99 kB"), ("1.1 Primera", "session", "97 kB"), ("Acuerdos", "handout", "34 kB")]
    # A PDF the build did not write (preview) says so rather than inventing a size
    assert second["files"][0]["size"] == "—"
    # The language's own zip first (the lighter download), then both languages, then Kiwix's file.
    assert [(o["key"], o["path"], o["title"], o["kind"]) for o in view["offline"]] == [
        ("zip-es", "offline/manual-masculinidades-offline-es.zip", "Solo en castellano", "ZIP"),
        ("zip", PUBLISHED_COPIES["zip"], "Edición USB", "ZIP"), ("zim", PUBLISHED_COPIES["zim"], "Kiwix", "ZIM")]
    assert downloads_view(CATALOG, sized(sizes, "en"), "en", LABELS)["offline"][0]["path"] == published_copy("zip-en")


def test_a_site_built_without_pdfs_lists_none():
    catalog = {**CATALOG, "pdfs": {"manual": None}}
    assert downloads_view(catalog, sized({}, "en"), "en", LABELS)["manual"] is None


def test_a_size_marked_while_its_pdf_was_made_is_filled_in_as_the_page_shows_sizes():
    page = (f'<a href="pdf/a.pdf">PDF · {size_mark("pdf/a.pdf", "es")}</a> <a>{size_mark("pdf/b.pdf", "en")}</a>'
            f'<a>{size_mark("pdf/gone.pdf", "es")}</a>')
    assert fill_size_marks(page, {"es": {"pdf/a.pdf": 1_242_660}, "en": {"pdf/b.pdf": 34_401}}) == (
        '<a href="pdf/a.pdf">PDF · 1,2 MB</a> <a>34 kB</a><a>—</a>')
    assert fill_size_marks("no marks here", {}) == "no marks here"


def test_the_published_copies_of_the_editions_are_never_inside_an_edition():
    for rel in [*PUBLISHED_COPIES.values(), published_copy("zip-es"), "offline/only-es.html"]:
        assert left_out_offline(rel, ("es", "en")) and not in_offline_zip(rel, ("es", "en"))
        assert not in_offline_zip(rel, ("es", "en"), "es")
    assert in_offline_zip("pdf/m01-h01-acuerdos.pdf", ("es", "en"))


def test_a_one_language_zip_holds_that_language_and_what_all_languages_share():
    languages = ("es", "en")
    assert [language_of(rel, languages) for rel in ("index.html", "pdf/a.pdf", "modules/x/y.html", "en/index.html",
                                                    "en/pdf/a.pdf", "assets/stylesheets/a.css", "404.html")] == [
        "es", "es", "es", "en", "en", None, "es"]
    for rel, es, en in (("pdf/a.pdf", True, False), ("en/pdf/a.pdf", False, True), ("search/search_index.js", True, False),
                        ("en/search/search_index.js", False, True), ("assets/javascripts/bundle.js", True, True),
                        ("assets/javascripts/lunr/min/lunr.es.min.js", True, False),  # the English index loads no rules
                        ("en/index.js.map", False, False), ("print/print.css", False, False)):
        assert (in_offline_zip(rel, languages, "es"), in_offline_zip(rel, languages, "en")) == (es, en), rel
        assert in_offline_zip(rel, languages) == (es or en), rel


def test_a_notice_links_home_from_where_it_stands():
    notice = '<a href="__MANUAL_OFFLINE_HOME__">home</a>'
    assert notice_for("index.html", notice, "en/index.html") == '<a href="en/index.html">home</a>'
    assert notice_for("en/modules/01-a/02-b.html", notice, "index.html") == '<a href="../../../index.html">home</a>'



def test_the_listing_of_published_editions_names_each_copy_with_its_size():
    import json
    from manualgen.bundle import editions_listing
    assert json.loads(editions_listing({})) == {"files": {}}
    assert json.loads(editions_listing({"zip": 8_000_000})) == {
        "files": {"zip": {"path": PUBLISHED_COPIES["zip"], "size": 8_000_000}}}
    assert left_out_offline("offline/editions.json", ("es", "en"))


def test_the_home_pages_language_switch_leads_to_the_notice_in_a_zip_whose_language_is_not_at_the_root():
    home = ('<a href="../index.html" hreflang="es" class="md-select__link">Español</a>'
            '<a href="index.html" hreflang="en" class="md-select__link">English</a><a href="../index.html">x</a>')
    assert switch_to_notice(home, "en") == (
        '<a href="../otro-idioma.html" hreflang="es" class="md-select__link">Español</a>'
        '<a href="index.html" hreflang="en" class="md-select__link">English</a><a href="../index.html">x</a>')
