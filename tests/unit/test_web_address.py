"""The published address in pages: hreflang alternates per page, and their removal from offline copies."""
import re

import pytest

from manualgen.web_address import language_alternates, offline_copy

PREFIXES = {"es": "", "en": "en/"}


@pytest.mark.parametrize("page_url, prefix", [
    ("modules/02-genero/02-la-caja.html", ""),
    ("en/modules/02-genero/02-la-caja.html", "en/"),
])
def test_every_language_and_x_default_point_at_the_same_page(page_url, prefix):
    assert language_alternates("https://example.org/manual/", page_url, prefix, PREFIXES) == [
        ("es", "https://example.org/manual/modules/02-genero/02-la-caja.html"),
        ("en", "https://example.org/manual/en/modules/02-genero/02-la-caja.html"),
        ("x-default", "https://example.org/manual/modules/02-genero/02-la-caja.html"),
    ]


def test_home_pages_and_a_site_url_without_its_slash():
    assert language_alternates("https://example.org", "en/index.html", "en/", PREFIXES) == [
        ("es", "https://example.org/index.html"), ("en", "https://example.org/en/index.html"),
        ("x-default", "https://example.org/index.html")]


def test_a_page_outside_its_language_folder_is_a_mistake_not_a_wrong_address():
    with pytest.raises(ValueError, match="not inside"):
        language_alternates("https://example.org/", "modules/x.html", "en/", PREFIXES)


HEAD = """<head>
      <meta charset="utf-8">
        <link rel="canonical" href="https://example.org/manual/glosario.html">
        <link rel="prev" href="datos.html">
        <link rel="alternate " hreflang="es" href="https://example.org/manual/glosario.html">
        <link rel="alternate " hreflang="en" href="https://example.org/manual/en/glosario.html">
        <link rel="alternate " hreflang="x-default" href="https://example.org/manual/glosario.html">
      <link rel="icon" href="assets/images/favicon.svg">
</head><body><a href="https://www.gob.pe/mimp">MIMP</a></body>"""


def test_offline_copies_drop_the_published_address_and_keep_everything_else():
    copy = offline_copy(HEAD)
    assert "example.org" not in copy
    assert re.findall(r'<link rel="(\w+)"', copy) == ["prev", "icon"]
    assert '<a href="https://www.gob.pe/mimp">MIMP</a>' in copy  # a source link in the text is content, kept


def test_a_page_of_a_site_built_without_an_address_is_unchanged():
    page = '<link rel="prev" href="datos.html">\n<link rel="icon" href="x.svg">\n'
    assert offline_copy(page) == page
