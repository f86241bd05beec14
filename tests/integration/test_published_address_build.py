"""The published site's address (site_url): canonical and hreflang alternates in every page of both languages
and an absolute sitemap on the web; none of it in the offline editions (zips, ZIM), which name no other host."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from libzim.reader import Archive

from helpers import BUILD_TIMEOUT, FIXTURE, make_project

ADDRESS = "https://manual.example.net/manual/"
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "MANUAL_VERSION": "test", "MANUAL_PDF": "0", "NO_MKDOCS_2_WARNING": "1",
       "MANUAL_SITE_URL": ADDRESS}
SESSION = "modules/01-prueba/01-sesion.html"
HEAD_LINK = re.compile(r'<link rel="(canonical|alternate )"(?: hreflang="([^"]+)")? href="([^"]+)">')


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture manual built by `make site` (scripts/build.py) with its published address."""
    project = make_project(tmp_path_factory.mktemp("web") / "p", FIXTURE)
    result = subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env={**os.environ, **ENV},
                            capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_page_names_its_address_and_the_same_page_in_each_language(published, prefix):
    html = (published / "site" / prefix / SESSION).read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    assert HEAD_LINK.findall(head) == [
        ("canonical", "", f"{ADDRESS}{prefix}{SESSION}"),
        ("alternate ", "es", f"{ADDRESS}{SESSION}"),
        ("alternate ", "en", f"{ADDRESS}en/{SESSION}"),
        ("alternate ", "x-default", f"{ADDRESS}{SESSION}"),
    ]
    # Material's script fetches a sitemap beside every link it selects as `link[rel=alternate]`: none here.
    assert 'rel="alternate"' not in head


def test_every_page_of_both_languages_carries_them(published):
    site = published / "site"
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("offline/")
             and p.name != "404.html"]
    assert len(pages) >= 10
    for page in pages:
        rel = page.relative_to(site).as_posix()
        links = HEAD_LINK.findall(page.read_text(encoding="utf-8"))
        assert ("canonical", "", ADDRESS + rel) in links, rel
        assert [lang for kind, lang, _ in links if lang] == ["es", "en", "x-default"], rel


def test_sitemap_lists_absolute_addresses_with_both_languages_and_x_default(published):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(published / "site" / "sitemap.xml").getroot()
    entries = {url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
               for url in root.findall("s:url", ns)}
    same_page = {"es": ADDRESS + SESSION, "en": f"{ADDRESS}en/{SESSION}", "x-default": ADDRESS + SESSION}
    assert entries[ADDRESS + SESSION] == entries[f"{ADDRESS}en/{SESSION}"] == same_page  # as in the pages' heads
    assert all(loc.startswith(ADDRESS) for loc in entries)


@pytest.mark.parametrize("edition", ["offline", "offline-es", "offline-en"])
def test_offline_zips_name_no_other_host(published, edition):
    with zipfile.ZipFile(published / "dist" / f"manual-masculinidades-{edition}-test.zip") as archive:
        pages = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".html")}
    assert len(pages) >= 10
    assert not [name for name, html in pages.items() if "manual.example.net" in html]
    assert not [name for name, html in pages.items() if "hreflang=\"x-default\"" in html]


def test_the_zim_names_no_other_host(published):
    archive = Archive(published / "dist" / "manual-masculinidades-test.zim")
    for path in ("index.html", SESSION, f"en/{SESSION}", "en/index.html"):
        html = bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")
        assert 'data-channel="zim"' in html and "manual.example.net" not in html, path
