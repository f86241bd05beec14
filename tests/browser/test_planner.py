"""The workshop planner (docs/planificador.*.md) as a facilitator uses it, from file:// and http://, in both
languages: choose sessions from two modules, reorder them, read the clock times, totals, merged materials and
handouts, and get the same plan back from the URL. Expectations come from the built catalog.json."""
from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from helpers import ROOT

LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.browser

PAGE = {"es": "planificador.html", "en": "en/planificador.html"}
PREFIX = {"es": "", "en": "en/"}
WORDS = {  # what the page says in each language (overrides/manual/planner.html)
    "es": {"up": "Subir", "down": "Bajar", "remove": "Quitar", "break": "Pausa", "lunch": "Almuerzo",
           "sessions": "2 sesiones", "date": "5 de diciembre de 2026"},
    "en": {"up": "Move up", "down": "Move down", "remove": "Remove", "break": "Break", "lunch": "Lunch break",
           "sessions": "2 sessions", "date": "5 December 2026"},
}
ROWS = """() => Array.from(document.querySelectorAll('#planner-output tbody tr:not(.planner-row--same-day)')).map(tr => [
  tr.className.replace(/^.*planner-row--/, ''), tr.querySelector('.planner-time').textContent, tr.cells[1].textContent])"""


def clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def span(start: int, end: int) -> str:
    return f"{clock(start)}–{clock(end)}"


def duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins} min" if mins else f"{hours} h"


def expected_rows(sessions, start, break_minutes, lunch=None, window=60):
    """The planner's rule, written again: a session runs in one block; a break between sessions; lunch takes the
    place of the break that would start nearest to the lunch time, if one is within `window` minutes (the earlier
    on a tie). Rows: (kind, "HH:MM–HH:MM", title or None)."""
    gaps, at = [], start
    for index, session in enumerate(sessions):
        at += session["duration"]
        if index < len(sessions) - 1:
            gaps.append(at)
            at += break_minutes
    near = [i for i, g in enumerate(gaps) if lunch is not None and lunch[1] > 0 and abs(g - lunch[0]) <= window]
    lunch_index = min(near, key=lambda i: (abs(gaps[i] - lunch[0]), gaps[i])) if near else None
    rows, at = [], start
    for index, session in enumerate(sessions):
        if index:
            is_lunch = index - 1 == lunch_index
            length = lunch[1] if is_lunch else break_minutes
            if length:
                rows.append(["lunch" if is_lunch else "break", span(at, at + length), None])
            at += length
        header = ["session", None, session["title"]]
        rows.append(header)
        session_start = at
        for activity in session["activities"]:
            rows.append(["activity", span(at, at + activity["minutes"]), activity["title"]])
            at += activity["minutes"]
        header[1] = span(session_start, at)
    return rows, at

def merged_materials(sessions):
    """{lower-case name: [name as first written, sum of stated quantities or None, sessions without quantity]}."""
    merged = {}
    for session in sessions:
        for material in session["materials"]:
            name = " ".join(material["item"].split())
            entry = merged.setdefault(name.lower(), [name, None, set()])
            if material["qty"] is not None:
                entry[1] = (entry[1] or 0) + material["qty"]
            else:
                entry[2].add(session["id"])
    return merged


def two_sessions(catalog):
    """Two sessions from different modules that both use handouts (one in common if possible) and both state a
    quantity for one material."""
    sessions = catalog["sessions"]
    pairs = [(a, b) for a in sessions for b in sessions if a["module"] < b["module"] and a["handouts"] and b["handouts"]]
    pairs.sort(key=lambda pair: not set(pair[0]["handouts"]) & set(pair[1]["handouts"]))  # shared handout first
    for a, b in pairs:
        stated_a = {m["item"].lower() for m in a["materials"] if m["qty"] is not None}
        stated_b = {m["item"].lower() for m in b["materials"] if m["qty"] is not None}
        if stated_a & stated_b:
            return a, b, sorted(stated_a & stated_b)[0]
    pytest.fail("the catalog has no two sessions from different modules sharing a counted material")


def rows_on(page):
    return page.evaluate(ROWS)


def resolve(visit, page, locator):
    """The file in the built site a link points to."""
    target = page.evaluate("(a) => a.href", locator.element_handle())
    assert target.startswith(visit.base), target
    return target[len(visit.base):].split("#")[0]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_planner_builds_a_timed_plan_and_restores_it_from_the_url(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    first_module, later_module, shared = two_sessions(catalog)
    words = WORDS[lang]
    page = visit.open(PAGE[lang])
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("#planner-output tbody tr").count() == 0

    # Choose one session from each module, then move the later module's session to the top.
    page.locator(f'input[name="session"][value="{first_module["id"]}"]').check()
    page.locator(f'input[name="session"][value="{later_module["id"]}"]').check()
    chosen = page.locator("#planner-chosen li")
    assert [chosen.nth(i).get_attribute("data-id") for i in range(chosen.count())] == [first_module["id"], later_module["id"]]
    page.get_by_role("button", name=f"{words['up']}: {later_module['title']}", exact=True).click()
    assert [chosen.nth(i).get_attribute("data-id") for i in range(chosen.count())] == [later_module["id"], first_module["id"]]
    assert page.get_by_role("button", name=f"{words['up']}: {later_module['title']}", exact=True).is_disabled()
    assert page.get_by_role("button", name=f"{words['down']}: {first_module['title']}", exact=True).is_disabled()
    order = [later_module, first_module]

    page.fill("#planner-start", "08:30")
    page.fill("#planner-break", "20")
    page.fill("#planner-date", "2026-12-05")
    start, brk = 8 * 60 + 30, 20

    # Clock times: the first activities, the break, then every row.
    rows = rows_on(page)
    expected, end = expected_rows(order, start, brk)
    first, second = order[0]["activities"][0]["minutes"], order[0]["activities"][1]["minutes"]
    assert rows[0][0] == "session" and rows[0][1] == span(start, start + order[0]["duration"])
    assert rows[1][:2] == ["activity", span(start, start + first)] and order[0]["activities"][0]["title"] in rows[1][2]
    assert rows[2][:2] == ["activity", span(start + first, start + first + second)]
    after_first_session = start + order[0]["duration"]
    break_row = next(row for row in rows if row[0] == "break")
    assert break_row[1] == span(after_first_session, after_first_session + brk) and words["break"] in break_row[2]
    second_session = rows[rows.index(break_row) + 1]
    assert second_session[0] == "session" and order[1]["title"] in second_session[2]
    assert rows[rows.index(break_row) + 2][1].startswith(clock(after_first_session + brk) + "–")
    assert [[kind, time] for kind, time, _ in rows] == [[kind, time] for kind, time, _ in expected]
    assert all(title in text for (_, _, text), (_, _, title) in zip(rows, expected) if title)

    # Totals: the sessions' time, and the day from start to end.
    session_minutes = order[0]["duration"] + order[1]["duration"]
    assert end == start + session_minutes + brk
    assert page.locator("#planner-sessions-total").inner_text() == f"{words['sessions']} · {duration(session_minutes)}"
    assert page.locator("#planner-day").inner_text() == f"{span(start, end)} ({duration(end - start)})"
    assert page.locator("#planner-total").inner_text() == f"{span(start, end)} · {duration(end - start)}"
    assert words["date"] in page.locator("#planner-date-shown").inner_text()

    # One materials list: every name once (case-insensitive), stated quantities added up.
    merged = merged_materials(order)
    shown = page.locator(".planner-materials .planner-material").all_inner_texts()
    assert shown == [f"{qty} × {name}" if qty is not None else name for name, qty, _ in merged.values()]
    assert len({text.lower() for text in shown}) == len(shown)
    name, qty, _ = merged[shared]
    both = [m["qty"] for s in order for m in s["materials"] if m["item"].lower() == shared]
    assert len(both) == 2 and qty == sum(both)
    assert [text for text in shown if name.lower() in text.lower()] == [f"{qty} × {name}"]
    unstated = [(name, len(ids)) for name, qty, ids in merged.values() if qty is None]
    assert unstated, "the chosen sessions should also have materials without a quantity"
    for name, _ in unstated:
        assert shown.count(name) == 1

    # Handouts to print: each once, in order of use, with a PDF and a page that exist.
    handouts = {h["id"]: h for h in catalog["handouts"]}
    # Each session's participant handouts, then its facilitator forms (the catalog's split, from each audience).
    wanted = list(dict.fromkeys(h for s in order for h in s["participant_handouts"] + s["facilitator_forms"]))
    copies = {h: "one" for s in order for h in s["facilitator_forms"]}
    if set(order[0]["handouts"]) & set(order[1]["handouts"]):
        sheets = sum(len(s["participant_handouts"]) + len(s["facilitator_forms"]) for s in order)
        assert len(wanted) < sheets  # a shared handout (or form: the sign-in sheet), listed once
    items = page.locator(".planner-handouts li")
    assert [items.nth(i).get_attribute("data-id") for i in range(items.count())] == wanted
    pdfs_built = os.environ.get("MANUAL_PDF", "1").strip().lower() not in ("0", "no", "false", "off")
    for i, handout_id in enumerate(wanted):
        item = items.nth(i)
        assert handouts[handout_id]["title"] in item.inner_text()
        expected = LABELS[lang]["planner_copies_one" if copies.get(handout_id) == "one" else "planner_copies_each"]
        assert item.locator(".planner-handout-copies").inner_text() == expected
        assert (real_site.site / resolve(visit, page, item.locator("a.planner-page"))).is_file()
        if pdfs_built:
            pdf = resolve(visit, page, item.locator("a.planner-pdf"))
            assert pdf.endswith(".pdf") and pdf == PREFIX[lang] + handouts[handout_id]["pdf"]
            assert (real_site.site / pdf).is_file(), pdf
        else:
            assert item.locator("a.planner-pdf").count() == 0

    # Lunch set in the middle of the second session: it takes the break between the sessions instead (a session
    # is never cut), and lasts what was asked.
    page.check("#planner-lunch")
    lunch = (after_first_session + brk + order[1]["activities"][0]["minutes"] - 5, 45)
    page.fill("#planner-lunch-start", clock(lunch[0]))
    page.fill("#planner-lunch-minutes", str(lunch[1]))
    rows = rows_on(page)
    expected, end = expected_rows(order, start, brk, lunch)
    lunch_row = next(row for row in rows if row[0] == "lunch")
    assert lunch_row[1] == span(after_first_session, after_first_session + lunch[1]) and words["lunch"] in lunch_row[2]
    assert not any(row[0] == "break" for row in rows)  # lunch took the break's place
    assert [[kind, time] for kind, time, _ in rows] == [[kind, time] for kind, time, _ in expected]
    assert page.locator("#planner-day").inner_text() == f"{span(start, end)} ({duration(end - start)})"
    assert end == start + session_minutes + lunch[1]

    # The whole plan is in the hash; reloading the address restores it.
    fragment = urlsplit(page.url).fragment
    params = {key: values[0] for key, values in parse_qs(fragment).items()}  # noqa: E501
    assert params == {"s": f"{order[0]['id']},{order[1]['id']}", "d": "2026-12-05", "t": "08:30", "b": "20",
                      "l": f"{clock(lunch[0])}-{lunch[1]}"}
    assert "?" not in page.url
    page.reload()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).fragment == fragment
    assert [chosen.nth(i).get_attribute("data-id") for i in range(chosen.count())] == [s["id"] for s in order]
    assert page.locator(f'input[name="session"][value="{first_module["id"]}"]').is_checked()
    assert page.locator(f'input[name="session"][value="{later_module["id"]}"]').is_checked()
    assert page.locator('input[name="session"]:checked').count() == 2
    assert page.input_value("#planner-start") == "08:30" and page.input_value("#planner-break") == "20"
    assert page.input_value("#planner-date") == "2026-12-05" and page.is_checked("#planner-lunch")
    assert page.input_value("#planner-lunch-start") == clock(lunch[0]) and page.input_value("#planner-lunch-minutes") == "45"
    assert rows_on(page) == rows

    # Removing a session updates the plan and the address.
    page.get_by_role("button", name=f"{words['remove']}: {order[0]['title']}", exact=True).click()
    assert parse_qs(urlsplit(page.url).fragment)["s"] == [order[1]["id"]]
    assert not page.locator(f'input[name="session"][value="{order[0]["id"]}"]').is_checked()
    assert rows_on(page)[1][1] == span(start, start + order[1]["activities"][0]["minutes"])

    assert visit.blocked == [], f"requests to other hosts: {visit.blocked[:5]}"
    assert visit.errors == [], f"console errors: {visit.errors[:5]}"


def test_a_shared_link_opens_the_same_plan_in_the_other_language(visit, real_site):
    es, en = real_site.catalog("es"), real_site.catalog("en")
    ids = [es["sessions"][-1]["id"], es["sessions"][0]["id"]]
    fragment = f"s={','.join(ids)}&t=14:00&b=10"
    times = {}
    for lang in ("es", "en"):
        page = visit.open(PAGE[lang] + "#" + fragment)
        catalog = {"es": es, "en": en}[lang]
        sessions = [next(s for s in catalog["sessions"] if s["id"] == i) for i in ids]
        expected, end = expected_rows(sessions, 14 * 60, 10)
        rows = rows_on(page)
        assert [[kind, time] for kind, time, _ in rows] == [[kind, time] for kind, time, _ in expected]
        assert sessions[0]["title"] in rows[0][2]
        times[lang] = [time for _, time, _ in rows]
    assert times["es"] == times["en"]
    assert visit.blocked == [] and visit.errors == []


def test_bad_values_in_the_address_fall_back_to_defaults(visit, real_site):
    catalog = real_site.catalog("es")
    session = catalog["sessions"][0]
    page = visit.open(PAGE["es"] + f"#s=nope,{session['id']},{session['id']}&t=25:99&b=abc&d=2026-02-30&l=x")
    assert page.locator("#planner-chosen li").count() == 1
    assert page.input_value("#planner-start") == "09:00" and page.input_value("#planner-break") == "15"
    assert page.input_value("#planner-date") == "" and not page.is_checked("#planner-lunch")
    assert rows_on(page)[1][1] == span(9 * 60, 9 * 60 + session["activities"][0]["minutes"])
    assert visit.errors == []


@pytest.mark.parametrize("lang,scheme", [("es", "light"), ("en", "light"), ("es", "dark")])
def test_planner_fits_a_phone_prints_only_the_plan_and_is_accessible(visit, real_site, lang, scheme):
    from axe_playwright_python.sync_playwright import Axe
    visit.page.emulate_media(color_scheme=scheme)
    catalog = real_site.catalog(lang)
    ids = ",".join(s["id"] for s in catalog["sessions"][:3])
    visit.page.set_viewport_size({"width": 360, "height": 640})
    page = visit.open(PAGE[lang] + f"#s={ids}&d=2026-12-05&t=09:00&b=15&l=13:00-60")
    assert page.locator("#planner-output tbody tr").count() > 10
    assert page.locator(".planner-warnings").count() >= 1  # three sessions in a day: the rules' warning is shown too
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert visit.errors == [], f"console errors: {visit.errors[:5]}"
    # axe reads the stylesheets itself (console errors from file:// are its own, so they are checked above)
    serious = [(v["id"], len(v["nodes"])) for v in Axe().run(page).response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.emulate_media(media="print")
    assert not page.locator("#planner-form").is_visible()
    assert not page.locator("#planner-print").is_visible()
    assert page.locator(".planner-agenda").is_visible() and page.locator(".planner-materials").is_visible()
    assert visit.blocked == []


# The pure logic (agenda, lunch and day rules on tests/golden/day_rules.json; clock, time fields, the address,
# materials, dates): tests/js/day_rules.test.js and tests/js/planner.test.js.


RULE_WORDS = {"es": {"sessions": "como máximo 2 por día", "high": "sensibilidad alta", "minutes": "máximo recomendado"},
              "en": {"sessions": "at most 2 a day", "high": "high-sensitivity", "minutes": "recommended maximum"}}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_plan_that_breaks_the_safety_rules_says_so(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    high = [s for s in catalog["sessions"] if s["sensitivity"] == "high"][:2]
    other = next(s for s in catalog["sessions"] if s["sensitivity"] != "high")
    ok = [other["id"], high[0]["id"]]
    page = visit.open(PAGE[lang] + "#s=" + ",".join(ok))
    assert page.locator("#planner-warnings").count() == 0  # two sessions, one of them high: fine
    page = visit.open(PAGE[lang] + "#s=" + ",".join(ok + [high[1]["id"]]))
    box = page.locator("#planner-warnings")
    box.wait_for()
    rules = sorted(box.locator("li").evaluate_all("items => items.map(i => i.dataset.rule)"))
    assert rules == ["high", "minutes", "sessions"] or rules == ["high", "sessions"], rules
    text = box.inner_text()
    for rule in rules:
        assert RULE_WORDS[lang][rule] in text
    modules = {m["id"]: m["order"] for m in catalog["modules"]}
    for session in high:
        assert f"{modules[session['module']]}.{session['order']}" in text
    assert resolve(visit, page, box.locator("a")) == PREFIX[lang] + "como-usar.html"  # the rules, in the page's language
    assert visit.errors == [] and visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_session_on_the_same_day_as_the_one_before_shows_its_same_day_opening(visit, real_site, lang):
    """m01-s02 opens with a review of a week of practice: right after m01-s01 on the same day, the agenda says
    what its opening does instead (the catalog's same_day, written beside the activity); on its own it does not."""
    catalog = real_site.catalog(lang)
    second = next(s for s in catalog["sessions"] if s["id"] == "m01-s02")
    note = second["activities"][0]["same_day"]
    page = visit.open(PAGE[lang] + "#s=m01-s01,m01-s02&t=09:00")
    rows = page.locator("#planner-output tr.planner-row--same-day")
    assert rows.count() == 1
    assert note in rows.first.inner_text()
    words = {"es": "mismo día que la anterior", "en": "same day as the previous one"}[lang]
    assert words in rows.first.inner_text()
    page = visit.open(PAGE[lang] + "#s=m01-s02,m01-s01&t=09:00")  # first of the day: the review stays
    assert page.locator("#planner-output tr.planner-row--same-day").count() == 0
    assert visit.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_to_print_lists_each_chosen_sessions_one_page_checklist_for_the_facilitator(visit, real_site, lang):
    catalog = real_site.catalog(lang)
    chosen = [catalog["sessions"][0], catalog["sessions"][-1]]
    page = visit.open(PAGE[lang] + "#s=" + ",".join(s["id"] for s in chosen))
    items = page.locator(".planner-checklists li")
    assert [items.nth(i).get_attribute("data-id") for i in range(items.count())] == [s["id"] for s in chosen]
    words = LABELS[lang]
    for i, session in enumerate(chosen):
        item = items.nth(i)
        assert words["planner_checklist"] in item.inner_text() and session["title"] in item.inner_text()
        assert item.locator(".planner-handout-copies").inner_text() == words["planner_copies_one"]
        if os.environ.get("MANUAL_PDF", "1").strip().lower() not in ("0", "no", "false", "off"):
            href = item.locator("a.planner-pdf").get_attribute("href")
            assert href == session["checklist_pdf"] and (real_site.site / ("en/" if lang == "en" else "") / href).is_file()
    assert visit.errors == [] and visit.blocked == []
