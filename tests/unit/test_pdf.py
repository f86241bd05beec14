import base64

from manualgen.pdf import PdfCache, cache_key, demote_headings, prefix_ids, print_links
from manualgen.printing.product import slug_of


def test_cache_round_trip_and_keys(tmp_path):
    cache = PdfCache(tmp_path / "cache")
    key = cache_key("<p>a</p>", "weasyprint-70")
    assert cache.get(key) is None
    cache.put(key, b"%PDF-1.7 data")
    assert cache.get(key) == b"%PDF-1.7 data"
    assert not list((tmp_path / "cache").rglob("*.part"))
    assert cache_key("<p>b</p>", "weasyprint-70") != key
    assert cache_key("<p>a</p>", "weasyprint-71") != key


def test_an_entry_swapped_with_another_is_never_returned_under_the_wrong_key(tmp_path):
    damaged = []
    cache = PdfCache(tmp_path / "cache", on_damaged=damaged.append)
    spanish, english = cache_key("<p>es</p>", "w"), cache_key("<p>en</p>", "w")
    cache.put(spanish, b"%PDF-1.7 Spanish module")
    cache.put(english, b"%PDF-1.7 English module")
    for kind in ("", ".sha256"):  # the PDF and its checksum swapped together, as a careless copy would
        a, b = (cache.path(key).with_name(cache.path(key).name + kind) for key in (spanish, english))
        a_bytes = a.read_bytes()
        a.write_bytes(b.read_bytes())
        b.write_bytes(a_bytes)
    assert cache.get(spanish) is None and cache.get(english) is None
    assert len(damaged) == 2
    cache.put(spanish, b"%PDF-1.7 Spanish module")
    assert cache.get(spanish) == b"%PDF-1.7 Spanish module"


def test_print_links_are_absolute_with_a_site_url_and_plain_without():
    html = '<a href="../h01-x.html">ficha</a> <a href="https://inei.gob.pe">INEI</a> <a href="#a1">x</a>'
    out = print_links(html, "modules/02-g/01-s.html", "https://manual.example.org/")
    assert 'href="https://manual.example.org/modules/h01-x.html"' in out
    assert 'href="https://inei.gob.pe"' in out and 'href="#a1"' in out
    plain = print_links(html, "modules/02-g/01-s.html", None)
    assert "../h01-x.html" not in plain and 'href="https://inei.gob.pe"' in plain


def test_ids_are_prefixed_with_their_links_and_headings_demoted():
    html = '<h2 id="cierre">Cierre</h2><a href="#cierre">ir</a>'
    assert prefix_ids(html, "m01-s01") == '<h2 id="m01-s01-cierre">Cierre</h2><a href="#m01-s01-cierre">ir</a>'
    assert demote_headings("<h2>a</h2><h5>b</h5>") == "<h3>a</h3><h6>b</h6>"


def test_pdf_names_drop_the_ordering_prefix():
    assert slug_of("02-genero/02-la-caja-del-hombre") == "la-caja-del-hombre"
    assert slug_of("02-genero/h01-la-caja-del-hombre") == "la-caja-del-hombre"
    assert slug_of("02-genero/03-La sesión Nº 1 (niñez)") == "la-sesion-no-1-ninez"


def test_prune_removes_only_entries_unused_for_the_given_days(tmp_path):
    import os
    import time
    cache = PdfCache(tmp_path / "cache")
    old, used, kept, fresh = (cache_key(f"<p>{n}</p>", "weasyprint-70") for n in "abcd")
    for key in (old, used, kept, fresh):
        cache.put(key, b"%PDF-1.7 " + key.encode())
        cache.put_meta(key, {"pages": 1})
    forty_days_ago = time.time() - 40 * 86400
    for key in (old, used, kept):
        for path in (cache.path(key), cache.path(key).with_suffix(".json")):
            os.utime(path, (forty_days_ago, forty_days_ago))
    assert cache.get(used) is not None and cache.get_meta(used)  # a build read it: fresh again
    cache.keep(kept)  # a build needed it without reading it (parts of a cached complete manual)
    assert cache.prune(30) == 2  # the old entry's PDF and its page data
    assert cache.get(old) is None and cache.get_meta(old) is None
    assert cache.get(used) is not None and cache.get_meta(used) == {"pages": 1}
    assert cache.get(kept) is not None and cache.get_meta(kept) == {"pages": 1}
    assert cache.get(fresh) is not None


def test_a_damaged_cache_entry_is_never_used_and_is_reported_once(tmp_path):
    damaged = []
    cache = PdfCache(tmp_path / "cache", on_damaged=lambda path: damaged.append(path.name))
    key = cache_key("<p>a</p>", "weasyprint-70")
    cache.put(key, b"%PDF-1.7 complete file %%EOF")
    cache.put_meta(key, {"pages": 3})
    cache.path(key).write_bytes(b"%PDF-1.7 compl")  # truncated by a full disk or a killed build
    assert cache.get_meta(key) is None and cache.get(key) is None and not cache.has(key)
    assert damaged == [f"{key}.pdf"]  # reported once, then treated as missing
    cache.put(key, b"%PDF-1.7 rendered again %%EOF")
    assert cache.get(key) == b"%PDF-1.7 rendered again %%EOF"
    unsummed = cache_key("<p>b</p>", "weasyprint-70")
    cache.path(unsummed).parent.mkdir(parents=True, exist_ok=True)
    cache.path(unsummed).write_bytes(b"%PDF-1.7 from an older version, without a checksum")
    assert cache.get(unsummed) is None


# a 1x1 PNG: embedded in a PDF it is an image XObject
_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def _escape_fixture(tmp_path):
    """A site whose folders are literally named %2e%2e (any author can add such folders to modules/), and an
    image of the build machine outside it."""
    site = tmp_path / "site"
    (site / "%2e%2e" / "%2e%2e").mkdir(parents=True)
    (site / "%2e%2e" / "%2e%2e" / "secret.png").write_bytes(b"decoy")
    (site / "inside.png").write_bytes(b"ok")
    secret = tmp_path / "secret.png"
    return site, secret


def test_a_file_url_is_checked_as_the_opener_will_read_it(tmp_path):
    from manualgen.pdf import local_file
    site, secret = _escape_fixture(tmp_path)
    secret.write_bytes(b"x")
    root = site.resolve()
    assert local_file((site / "inside.png").as_uri(), root) == root / "inside.png"
    assert local_file((site / "inside.png").as_uri() + "?v=1#top", root) == root / "inside.png"
    assert local_file(f"file://{site}/%69nside.png", root) == root / "inside.png"  # decoded like the opener does
    # the literal path exists inside the site, the decoded one is outside it
    assert local_file(f"file://{site}/%2e%2e/secret.png", root) is None
    assert local_file(f"file://{site}/%2E%2E/%2e%2e/{tmp_path.name}/secret.png", root) is None
    assert local_file(f"file://other.host{site}/inside.png", root) is None
    assert local_file("https://example.org/x.png", root) is None


def test_weasyprint_cannot_pull_an_image_from_outside_the_site(tmp_path):
    import io
    from manualgen.pdf import render_body
    site, secret = _escape_fixture(tmp_path)
    decoy = site / "%2e%2e" / "%2e%2e" / tmp_path.name
    decoy.mkdir()
    (decoy / "secret.png").write_bytes(b"decoy")  # the literal path exists inside the site
    secret.write_bytes(_PNG)
    html = ('<!doctype html><meta charset="utf-8"><p>x</p>'
            f'<img src="%2e%2e/%2e%2e/{tmp_path.name}/secret.png" alt="">'
            '<img src="%2e%2e/secret.png" alt=""><img src="inside.png" alt="">')
    (site / "inside.png").write_bytes(secret.read_bytes())  # the site's own image is drawn: one image only
    pdf, _ = render_body(html, site)
    from pypdf import PdfReader
    assert [len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages] == [1]


def test_a_stylesheet_cannot_import_a_file_from_outside_the_site_either(tmp_path):
    """The print stylesheets are parsed once per process, with the document's local-only fetcher."""
    import base64
    import io
    from manualgen.pdf import render_body
    from pypdf import PdfReader
    site, secret = _escape_fixture(tmp_path)
    drawn = "p::before { content: url(data:image/png;base64,%s) }" % base64.b64encode(_PNG).decode()
    (tmp_path / "secret.css").write_text(drawn)
    (site / "inside.css").write_text(drawn)
    outside = ('<!doctype html><meta charset="utf-8"><style>@import url(%2e%2e/secret.css);</style>'
               '<style>@page { @top-left { content: "x" } }</style><p>x</p>')
    inside = outside.replace("%2e%2e/secret.css", "inside.css")
    assert [len(page.images) for page in PdfReader(io.BytesIO(render_body(outside, site)[0])).pages] == [0]
    assert [len(page.images) for page in PdfReader(io.BytesIO(render_body(inside, site)[0])).pages] == [1]


def test_documents_drawn_with_the_shared_stylesheets_are_the_ones_weasyprint_draws_alone(tmp_path):
    """Two <style> elements, the second overriding the first, a running head and a user-agent default: handed to
    WeasyPrint parsed (once per process), they cascade as WeasyPrint's own reading of the document does."""
    import weasyprint
    from manualgen import pdf
    html = ('<!doctype html><html lang="es"><meta charset="utf-8"><title>t</title>'
            '<style>@page { size: A5; margin: 20mm; @top-left { content: "primero" } } p { color: red; '
            'font-size: 14pt } h2 { margin-top: 0 }</style>'
            '<style>@page { @top-left { content: "segundo" } } p { color: blue }</style>'
            '<h2>Título</h2><p>Texto <em>con énfasis</em>.</p><ul><li>uno</li></ul></html>')
    alone = weasyprint.HTML(string=html, base_url=str(tmp_path) + "/").render()
    for _ in range(2):  # the second time from the parsed sheets kept
        shared = pdf._document(html, tmp_path)
        assert shared.write_pdf(pdf_identifier=b"x") == alone.write_pdf(pdf_identifier=b"x")
    assert pdf._stylesheet.cache_info().hits >= 2
    swapped = html.replace("color: red", "color: #00f").replace("p { color: blue }", "p { color: red }")
    assert pdf._document(swapped, tmp_path).write_pdf(pdf_identifier=b"x") != alone.write_pdf(pdf_identifier=b"x")


def test_the_print_stylesheets_never_use_important():
    """Stylesheets handed to WeasyPrint ready rank as the user's: against a style attribute only `!important`
    would cascade differently (pdf.py, STYLE)."""
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "overrides" / "print"
    offending = [path.name for path in sorted(folder.iterdir())
                 if path.suffix in (".css", ".html") and "!important" in path.read_text(encoding="utf-8").replace(" ", "")]
    assert offending == []
