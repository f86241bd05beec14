"""What a trainer tripped over in the planner (issue 27), from file:// and http://, in both languages, on a
360 px phone: high-sensitivity sessions marked where sessions are chosen, warnings for modules out of order and
for a high-sensitivity session before the group's agreements, buttons that look disabled with an empty plan,
materials by name (never an id) with every handout a session needs in "to print", and the date and time
section within the screen at 200 % text size. Expectations come from the built catalog.json and mkdocs.yml."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGE = {"es": "planificador.html", "en": "en/planificador.html"}
HIGH = {"es": "sensibilidad alta", "en": "high sensitivity"}  # data/labels.yml, planner_sensitivity_high_short
AGREEMENTS = "m01-s01"  # mkdocs.yml, extra.manual.schedule.agreements_session
HANDOUT_ID = re.compile(r"m[0-9]{2}-h[0-9]{2}")


def phone(visit):
    visit.page.set_viewport_size({"width": 360, "height": 640})
    return visit


@pytest.mark.parametrize("lang", ["es", "en"])
def test_high_sensitivity_sessions_are_marked_where_they_are_chosen(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    page = phone(visit).open(PAGE[lang])
    marked = page.eval_on_selector_all('.planner-choices li', """items => items.map(li => [
        li.querySelector('input').value, li.querySelector('.planner-high') ? li.querySelector('.planner-high').textContent : null])""")
    assert marked == [[s["id"], HIGH[lang] if s["sensitivity"] == "high" else None] for s in catalog["sessions"]]
    high = next(s for s in catalog["sessions"] if s["sensitivity"] == "high")
    page.locator(f'input[name="session"][value="{high["id"]}"]').check()
    assert page.locator("#planner-chosen li .planner-high").inner_text() == HIGH[lang]
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_modules_out_of_order_and_high_sensitivity_before_the_agreements_are_warned(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    number = {s["id"]: f"{next(m['order'] for m in catalog['modules'] if m['id'] == s['module'])}.{s['order']}"
              for s in catalog["sessions"]}
    high = next(s["id"] for s in catalog["sessions"] if s["sensitivity"] == "high")
    page = phone(visit).open(PAGE[lang] + f"#s={AGREEMENTS},{high}")
    assert page.locator("#planner-warnings").count() == 0  # agreements first, then a high one: in order
    page = visit.open(PAGE[lang] + f"#s={high},{AGREEMENTS}")
    box = page.locator("#planner-warnings")
    box.wait_for()
    items = box.locator("li").evaluate_all("items => items.map(i => [i.dataset.rule, i.textContent])")
    assert [rule for rule, _ in items] == ["order", "agreements"]
    assert number[high] in items[0][1] and number[AGREEMENTS] in items[0][1]
    assert number[high] in items[1][1] and number[AGREEMENTS] in items[1][1]
    # Two sessions of the same module swapped: out of order too.
    page = visit.open(PAGE[lang] + "#s=m02-s02,m02-s01")
    assert page.locator("#planner-warnings li").evaluate_all("items => items.map(i => i.dataset.rule)") == ["order"]
    assert visit.errors == [] and visit.blocked == []


LOOK = """el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.cursor]; }"""


@pytest.mark.parametrize("lang", ["es", "en"])
def test_with_an_empty_plan_the_buttons_look_and_are_disabled(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    page = phone(visit).open(PAGE[lang] + f"#s={catalog['sessions'][0]['id']}")
    active = {name: page.eval_on_selector(f"#planner-{name}", LOOK) for name in ("print", "run", "certificates")}
    page.locator("#planner-chosen button[data-action=remove]").click()
    for name in ("print", "run", "certificates"):
        look = page.eval_on_selector(f"#planner-{name}", LOOK)
        assert look[2] == "not-allowed" and look[:2] != active[name][:2], (name, look, active[name])
    assert page.locator("#planner-print").is_disabled() and page.locator("#planner-run").is_disabled()
    link = page.locator("#planner-certificates")
    assert link.get_attribute("aria-disabled") == "true" and link.get_attribute("href") is None
    # A session again: the link opens the certificates with the plan.
    page.locator(f'input[name="session"][value="{catalog["sessions"][0]["id"]}"]').check()
    assert link.get_attribute("aria-disabled") is None and "#s=" in link.get_attribute("href")
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_materials_show_names_and_every_handout_a_session_needs_is_to_print(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    ids = ",".join(s["id"] for s in catalog["sessions"])
    page = phone(visit).open(PAGE[lang] + f"#s={ids}")
    materials = page.locator(".planner-materials").inner_text()
    assert not HANDOUT_ID.search(materials), HANDOUT_ID.findall(materials)
    # m01-s02 names the services directory (m07-h01) among its materials: it is to be printed for it.
    page = visit.open(PAGE[lang] + "#s=m01-s02")
    printed = page.eval_on_selector_all("#planner-output .planner-handouts li", "items => items.map(li => li.dataset.id)")
    assert "m07-h01" in printed
    assert not HANDOUT_ID.search(page.locator(".planner-materials").inner_text())
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_date_and_time_section_fits_a_phone_at_twice_the_text_size(visit, real_site, lang):
    page = phone(visit).open(PAGE[lang] + "#s=m01-s01&l=13:00-60")
    # The reader's text size at 200 %: Material's root size (125 %) twice over.
    page.add_style_tag(content="html { font-size: 250% !important; }")
    widths = page.eval_on_selector("#planner-date", """input => {
        const step = input.closest('.planner-step');
        return [step.getBoundingClientRect().right, document.documentElement.clientWidth,
                Math.max(...Array.from(step.querySelectorAll('input, label')).map(e => e.getBoundingClientRect().right))]; }""")
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths
    assert visit.errors == [] and visit.blocked == []
