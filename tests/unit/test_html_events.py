"""One parse of a page shared by the reading lint and the misleading checks: replaying the parser's events gives each
check what feeding it the HTML gives."""
from __future__ import annotations

import pytest

from manualgen.html_events import html_events, replay
from manualgen.lint import _Reading
from manualgen.misleading import _Elements

PAGES = [
    '<h2 id="a">Uno &amp; dos</h2><p>Vea <a href="x.html">la ficha<br/>de hoy</a> y <img alt="Caja" src="c.png"/></p>',
    '<details><div class="admonition safety"><p>Cuidado</p></div></details><a class="helpline" href="tel:100">100</a>',
    '<h4>Salto</h4><p>a &lt;b&gt; <!-- nota --> <code>&#60;x&#62;</code></p><a href="https://x.org">aquí</a>',
    '<script>if (a < b) { "<h2>" }</script><h3></h3><strong class="fact fact--verified">52,0\u00a0%</strong>',
    '<p><a href="tel:999"><span class="helpline">999</span></a><img src="x.png"></p><h2>Sin cerrar',
    '<table><tr><td>celda<td>otra</table><br><hr/><p>fin &copy 2024 &#x27;</p>',
    '<details><span class="x"/><div class="safety"/></details><a href="tel:1"/>',
]


def _state(parser):
    return {key: value for key, value in vars(parser).items() if not key.startswith(("raw", "cdata", "lasttag",
                                                                                      "interesting", "convert", "_"))
            and key not in ("lineno", "offset")}


@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("check", [_Reading, _Elements])
def test_replaying_the_events_gives_each_check_what_feeding_it_the_page_gives(html, check):
    fed = check()
    fed.feed(html)
    fed.close()
    replayed = check()
    replay(html_events(html), replayed)
    assert _state(replayed) == _state(fed)


def test_the_pages_above_give_the_checks_something_to_compare():
    for check in (_Reading, _Elements):
        states = []
        for html in PAGES:
            parser = check()
            replay(html_events(html), parser)
            states.append(_state(parser))
        assert sum(any(state.values()) for state in states) >= 4, check
