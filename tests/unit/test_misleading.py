"""Allow-listed HTML that would still mislead: a folded safety box, a typed phone link, a faked fact."""
from __future__ import annotations

from manualgen.misleading import link_scheme, misleading_problems

LINES = (("linea-100", "tel:100"), ("chat-100", "https://chat100.example.gob.pe/"))
MADE = '<a class="helpline" href="tel:100">Línea 100</a>'


def fields(html, source=""):
    return [p[0] for p in misleading_problems(html, source, LINES)]


def test_a_safety_box_inside_details_is_hidden_guidance():
    box = '<div class="admonition safety"><p>Escuche.</p></div>'
    assert fields(box) == []
    assert fields(f"<details><summary>Más</summary>{box}</details>") == ["seguridad"]
    assert fields(f"<details open><div><section>{box}</section></div></details>") == ["seguridad"]
    assert fields('<details class="admonition safety"><summary>x</summary></details>') == ["seguridad"]
    assert fields(f"<details><summary>x</summary></details>{box}") == []


def test_phone_links_come_only_from_helpline_references():
    assert fields(MADE, "Llame a la [[helpline:linea-100]].") == []
    assert fields(MADE + MADE, "[[helpline:linea-100]]") == ["enlace"]          # one typed beside the real one
    assert fields(MADE, "sin referencia") == ["enlace"]
    assert fields('<a href="tel:999">Línea 100</a>', "[[helpline:linea-100]]") == ["enlace"]
    assert fields('<a href="t&#9;el:999">x</a>') == ["enlace"]
    assert fields('<a class="helpline" href="https://chat100.example.gob.pe/">Chat</a>', "[[helpline:chat-100]]") == []
    assert fields('<a class="helpline" href="https://example.org/">Chat</a>', "[[helpline:chat-100]]") == ["enlace"]
    hint = misleading_problems('<a href="tel:100">x</a>', "", LINES)[0][2]
    assert "[[helpline:linea-100]]" in hint


def test_fact_classes_come_only_from_fact_references():
    made = '<strong class="fact fact--verified">52 %</strong> (<a class="fact-source" href="https://x.gob.pe">INEI</a>)'
    assert fields(made, "[[fact:endes]]") == []
    assert fields(made, "") == ["html", "html", "html"]


def test_link_scheme_reads_the_href_as_a_browser_does():
    assert link_scheme("tel:1") == link_scheme("TEL:1") == link_scheme("&#116;el:1") == link_scheme(" t\nel:1") == "tel"
    assert link_scheme("tel.html") == "" and link_scheme("#tel:1") == ""
