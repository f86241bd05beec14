"""A page the prerender passed is not checked again when MkDocs writes it with its links rewritten — and only then:
any other difference, or a rewritten address a check could read differently, means a full check."""
from __future__ import annotations

import pytest

from manualgen.passed_page import passed_page
from manualgen.prerender import html_problems
from manualgen.sanitise import policy

RULES = policy(["safety"], helplines=(("linea-100", "tel:100"),))
SOURCE = "[[helpline:linea-100]]"

PASSED = ('<h2 id="cierre">Cierre</h2>\n<p>Vea la <a href="h01-la-caja.md">ficha</a>, la '
          '<a href="../../guia-facilitacion.md#regla-de-revelacion">regla</a>, la <a href="https://www.gob.pe/mimp">'
          'página del MIMP</a> y llame a la <a class="helpline" href="tel:100">Línea 100</a>.</p>\n'
          '<p><img alt="La caja del hombre" src="caja.png"></p>\n<div class="admonition safety"><p>Cuidado</p></div>')

REWRITTEN = {  # what MkDocs does to the links of a page
    "same bytes": PASSED,
    "page links": PASSED.replace("h01-la-caja.md", "h01-la-caja.html").replace("guia-facilitacion.md#", "guia-facilitacion.html#"),
    "image moved": PASSED.replace('src="caja.png"', 'src="../assets/caja.png"'),
}

NOT_ADMITTED = {  # each one either fails a check or differs in more than a link
    "javascript link": PASSED.replace("h01-la-caja.md", "javascript:alert(1)"),
    "entity scheme": PASSED.replace("h01-la-caja.md", "java&#115;cript:alert(1)"),
    "protocol-relative image": PASSED.replace('src="caja.png"', 'src="//tracker.example.org/p.png"'),
    "other host": PASSED.replace("h01-la-caja.md", "https://example.org/"),
    "http link": PASSED.replace("https://www.gob.pe/mimp", "http://www.gob.pe/mimp"),
    "typed phone number": PASSED.replace('href="tel:100"', 'href="tel:999"'),
    "helpline class on a page link": PASSED.replace('<a href="h01-la-caja.md">', '<a class="helpline" href="h01-la-caja.md">'),
    "vague link text": PASSED.replace(">ficha<", ">aquí<"),
    "image without alt": PASSED.replace('alt="La caja del hombre"', 'alt=""'),
    "handler": PASSED.replace("<p>Cuidado", '<p onclick="alert(1)">Cuidado'),
    "safety folded": PASSED.replace('<div class="admonition safety">', '<details><div class="admonition safety">') + "</details>",
    "single-quoted address": PASSED.replace('href="h01-la-caja.md"', "href='h01-la-caja.html'"),
    "one more link": PASSED + '<p><a href="x.html">otra ficha</a></p>',
    "one link less": PASSED.replace('<a href="h01-la-caja.md">ficha</a>', "ficha"),
}


def test_the_page_passed_every_check():
    assert html_problems("p.es.md", PASSED, SOURCE, RULES) == (PASSED, [])


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_the_same_page_with_its_links_rewritten_is_admitted_and_would_pass_again(name):
    html = REWRITTEN[name]
    assert passed_page(PASSED).admits(html)
    assert html_problems("p.es.md", html, SOURCE, RULES) == (html, [])  # what admitting it stands for


@pytest.mark.parametrize("name", sorted(NOT_ADMITTED))
def test_any_other_difference_is_checked_in_full(name):
    assert not passed_page(PASSED).admits(NOT_ADMITTED[name])


def test_every_not_admitted_attack_would_be_caught_by_the_full_check():
    """The cases above that are attacks are not merely refused a shortcut: the full check finds them."""
    for name in ("javascript link", "entity scheme", "protocol-relative image", "http link", "typed phone number",
                 "helpline class on a page link", "vague link text", "image without alt", "handler", "safety folded"):
        clean, problems = html_problems("p.es.md", NOT_ADMITTED[name], SOURCE, RULES)
        assert problems, name


# The allow-list passes this page but writes it out differently: the no-break space as &nbsp;.
PASSED_REWRITTEN = PASSED.replace("<p>Cuidado</p>", "<p>Casi el 52,0\u00a0% lo vivió.</p>")


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_a_page_the_allow_list_writes_out_differently_is_published_as_the_allow_list_would_with_the_new_links(name):
    html = REWRITTEN[name].replace("<p>Cuidado</p>", "<p>Casi el 52,0\u00a0% lo vivió.</p>")
    clean, problems = html_problems("p.es.md", PASSED_REWRITTEN, SOURCE, RULES)
    assert problems == [] and clean != PASSED_REWRITTEN and "52,0&nbsp;%" in clean
    passed = passed_page(PASSED_REWRITTEN, clean)
    assert passed.admits(html)
    assert passed.publish(html) == html_problems("p.es.md", html, SOURCE, RULES)[0]


def test_a_page_whose_link_value_the_allow_list_rewrote_is_not_remembered():
    html = PASSED.replace("h01-la-caja.md", "h01-la-caja.md?a=1&b=2")  # the allow-list writes &amp;
    clean, problems = html_problems("p.es.md", html, SOURCE, RULES)
    assert problems == [] and "a=1&amp;b=2" in clean
    assert passed_page(html, clean) is None


def test_a_page_published_unchanged_is_published_as_it_comes():
    html = REWRITTEN["page links"]
    assert passed_page(PASSED, PASSED).publish(html) == html
