"""Glossary terms keep the reader's place across languages (issue 27), also those spelt differently ("caja del
hombre" / "man box"): /glosario.html#x and /en/glosario.html#x are the same term, and the language switch, at
360 px from file:// with the network blocked, lands on it in both directions. The real manual's pages, built
without PDFs (they play no part here)."""
from __future__ import annotations

import pytest

from helpers import ROOT, Visit, mkdocs_build, watch

pytestmark = pytest.mark.browser

PREFIX = {"es": "", "en": "en/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("glossary") / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    visit = Visit(page, site.as_uri() + "/")
    watch(context, page, visit.base, visit.blocked, visit.errors)
    yield visit
    context.close()


def terms(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(".md-content dl dt", "ts => ts.map(t => [t.id, t.textContent.trim()])"))


def test_every_term_has_the_same_id_in_both_languages(phone):
    spanish, english = terms(phone.open("glosario.html")), terms(phone.open("en/glosario.html"))
    assert len(spanish) > 30 and set(spanish) == set(english)
    assert (spanish["caja-del-hombre"], english["caja-del-hombre"]) == ("Caja del hombre", "Man box")
    assert (spanish["ley-n-30364"], english["ley-n-30364"]) == ("Ley N.° 30364", "Law No. 30364")


@pytest.mark.parametrize("start, other, anchor, before, after", [
    ("en", "es", "caja-del-hombre", "Man box", "Caja del hombre"),
    ("es", "en", "violencia-economica-o-patrimonial", "Violencia económica o patrimonial", "Economic or property violence"),
])
def test_the_language_switch_lands_on_the_same_term(phone, start, other, anchor, before, after):
    page = phone.open(f"{PREFIX[start]}glosario.html#{anchor}")
    assert page.locator(f"#{anchor}").inner_text() == before
    page.eval_on_selector(f'a.md-select__link[hreflang="{other}"]', "a => a.click()")
    page.wait_for_url(phone.base + f"{PREFIX[other]}glosario.html#{anchor}")
    page.wait_for_load_state("load")
    assert page.locator(f"#{anchor}").inner_text() == after
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 200, top  # scrolled to the term, below the header
    assert phone.errors == [] and phone.blocked == []
