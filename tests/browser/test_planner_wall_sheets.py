"""The planner's "to print" list includes the chosen sessions' wall sheets (rotafolio, issue 24), in the plan's order,
each with its A3 sheets and its A4 tiles, links to files that exist, in both languages."""
from __future__ import annotations

import pytest
import yaml

from helpers import ROOT

LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.browser

PAGE = {"es": "planificador.html", "en": "en/planificador.html"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_chosen_sessions_wall_sheets_are_in_the_print_list(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    chosen = [catalog["sessions"][3], catalog["sessions"][0]]
    page = visit.open(PAGE[lang] + "#s=" + ",".join(s["id"] for s in chosen))
    heading = page.locator("#planner-wall-sheets")
    heading.wait_for()
    assert heading.inner_text() == LABELS[lang]["planner_print_wall"]
    items = page.locator(".planner-wall-sheets li")
    assert [items.nth(i).get_attribute("data-id") for i in range(items.count())] == [s["id"] for s in chosen]
    for i, session in enumerate(chosen):
        links = items.nth(i).locator("a")
        assert [links.nth(k).inner_text() for k in range(links.count())] == [LABELS[lang]["planner_wall_pdf"],
                                                                            LABELS[lang]["planner_wall_tiles"]]
        for k, rel in enumerate((session["wall_sheets"]["pdf"], session["wall_sheets"]["tiles"])):
            target = page.evaluate("(a) => a.href", links.nth(k).element_handle())
            assert target.startswith(visit.base) and target.endswith(rel)
            assert (real_site.site / target[len(visit.base):]).is_file()
    assert visit.errors == [] and visit.blocked == []
