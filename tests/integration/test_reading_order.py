"""The reading order puts the manual first (issue 27): "Módulos" comes right after the pages on how to use the
manual and facilitate it, and "Next" from the home page reaches Module 1 before the planner, the certificates,
the downloads or the offline page (extra.manual.nav_order)."""
from __future__ import annotations

import posixpath
import re

import pytest

TOOLS = ("planificador.html", "constancia.html", "descargas.html", "sin-conexion.html", "horario.html")
NEXT = re.compile(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"')


@pytest.mark.parametrize("lang", ["es", "en"])
def test_next_from_the_home_page_reaches_module_1_before_the_tools(real_site, lang):
    prefix = "" if lang == "es" else "en/"
    module_1 = prefix + real_site.catalog(lang)["modules"][0]["url"]
    walked, here = [], prefix + "index.html"
    while here != module_1:
        found = NEXT.search(real_site.html(here))
        assert found, f"no Next on {here} (walked {walked})"
        here = posixpath.normpath(posixpath.join(posixpath.dirname(here), found.group(1)))
        walked.append(here)
        assert len(walked) < 5, walked  # the home page, how to use, the facilitation guide, then Module 1
    assert not [page for page in walked if page.endswith(TOOLS)], walked


@pytest.mark.parametrize("lang, title", [("es", "Módulos"), ("en", "Modules")])
def test_modules_come_among_the_first_menu_entries(real_site, lang, title):
    """Material numbers a top-level section's toggle by its place in the menu: __nav_4 is the fourth entry."""
    html = real_site.html(("" if lang == "es" else "en/") + "index.html")
    found = re.search(r'<label class="md-nav__link" for="__nav_(\d+)" id="__nav_\d+_label"[^>]*>\s*'
                      r'<span class="md-ellipsis">\s*' + title + r'\s*</span>', html)
    assert found and int(found.group(1)) <= 4, found and found.group(1)
