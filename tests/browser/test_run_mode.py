"""Run mode (overrides/manual/_run.html and _run_view.html, docs/assets/javascripts/run.js) as a trainer uses it on a phone during a
workshop, from file:// and http://, in both languages, with every request to another host blocked: start a
session, let an activity run over, pause, reload, go back by mistake, read the summary, cross the break of a
two-session plan from the planner, open the safety card. Time is Playwright's clock (no real waiting).
Expectations come from the built catalog.json, the guide page and mkdocs.yml; the words are written again here."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from helpers import Visit, watch

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PREFIX = {"es": "", "en": "en/"}
MINUTE = 60_000
# 09:00:00 in Lima (UTC-5, no daylight saving): the run starts one second later, at 09:00:01.
T0 = datetime.datetime(2026, 12, 5, 14, 0, tzinfo=datetime.timezone.utc)
WORDS = {  # data/labels.yml, run_* and planner_run
    "es": {"open": "Dar esta sesión", "resume_run": "Seguir dando esta sesión", "workshop": "Dar este taller",
           "start": "Empezar", "pause": "Pausar", "resume": "Seguir", "next": "Siguiente", "previous": "Anterior",
           "finish": "Terminar", "finish_now": "Terminar y ver el resumen", "safety": "Seguridad", "back": "Volver",
           "close": "Cerrar la vista de la sesión (el reloj sigue)", "position": "Actividad {n} de {total}",
           "time_up": "se acabó el tiempo", "remaining": "quedan", "behind": "{n} min de atraso",
           "ahead": "{n} min de adelanto", "on_time": "a tiempo", "elapsed": "Van {time}",
           "next_at": "en el plan: {time}", "next_eta": "a este ritmo: {time}", "up": "Se acabó el tiempo de {title}.",
           "left": "Quedan {n} min de {title}.", "break": "Pausa", "lunch": "Almuerzo",
           "break_next": "Después: {title}, a las {time} según el plan.", "open_next": "Abrir la siguiente sesión",
           "summary": ["Resumen de la sesión", "Fecha", "Sesión", "Horario", "Actividad: minutos planificados / reales",
                       "Total", "Nota"],
           "workshop_summary": "Resumen del taller", "note": "Nota para el informe", "copy": "Copiar el resumen",
           "copied": "Resumen copiado.", "call": "Llamar:", "safety_title": "Si alguien cuenta una situación de violencia",
           "missing": "Este aparato no tiene guardado el taller", "mode": "Dando"},
    "en": {"open": "Run this session", "resume_run": "Resume running this session", "workshop": "Run this workshop",
           "start": "Start", "pause": "Pause", "resume": "Resume", "next": "Next", "previous": "Previous",
           "finish": "Finish", "finish_now": "Finish and see the summary", "safety": "Safety", "back": "Back",
           "close": "Close the session view (the clock keeps going)", "position": "Activity {n} of {total}",
           "time_up": "time is up", "remaining": "left", "behind": "{n} min behind", "ahead": "{n} min ahead",
           "on_time": "on time", "elapsed": "{time} so far", "next_at": "in the plan: {time}",
           "next_eta": "at this pace: {time}", "up": "Time is up for {title}.", "left": "{n} min left for {title}.",
           "break": "Break", "lunch": "Lunch break", "break_next": "Then: {title}, at {time} in the plan.",
           "open_next": "Open the next session",
           "summary": ["Session summary", "Date", "Session", "Time", "Activity: minutes planned / actual", "Total", "Note"],
           "workshop_summary": "Workshop summary", "note": "Note for the report", "copy": "Copy the summary",
           "copied": "Summary copied.", "call": "Call", "safety_title": "If someone discloses violence",
           "missing": "This device has no record of the workshop", "mode": "Running"},
}

WAKE_LOCK_STUB = """
window.__wake = [];
Object.defineProperty(Navigator.prototype, "wakeLock", {configurable: true, get() { return {
  request(type) {
    window.__wake.push("request:" + type);
    return Promise.resolve({released: false, addEventListener() {},
                            release() { window.__wake.push("release"); return Promise.resolve(); }});
  }}; }});
"""
NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


class Phone(Visit):
    def clean(self):
        assert self.blocked == [], f"requests to other hosts: {self.blocked[:5]}"
        assert self.errors == [], f"console errors: {self.errors[:5]}"


def make_phone(browser, base: str, init_script: str | None = None) -> tuple[object, Phone]:
    """A 360 px phone in Lima's time zone with Playwright's clock paused at 09:00:01, every request to another
    host blocked and recorded."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, timezone_id="America/Lima",
                                  has_touch=True)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    phone = Phone(page, base)
    watch(context, page, base, phone.blocked, phone.errors)
    page.clock.install(time=T0)
    page.clock.pause_at(T0 + datetime.timedelta(seconds=1))
    return context, phone


@pytest.fixture(params=["file", "http"])
def base(request, real_site):
    return real_site.site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("http_root")


@pytest.fixture
def phone(browser, base):
    context, result = make_phone(browser, base)
    yield result
    context.close()


def fill(template: str, **values) -> str:
    return template.format(**values)


def timer(ms: int) -> str:
    seconds = -(-abs(ms) // 1000)
    h, m, s = seconds // 3600, seconds // 60 % 60, seconds % 60
    return (f"{h}:{m:02d}" if h else str(m)) + f":{s:02d}"


def clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def a_session(catalog, at_least: int = 4) -> dict:
    """The first session with enough activities, the first two lasting at least 7 minutes (for the 5-minute call)."""
    return next(s for s in catalog["sessions"] if len(s["activities"]) >= at_least
                and min(a["minutes"] for a in s["activities"][:2]) >= 7)


def run_button(page, name):
    return page.locator("#run-view").get_by_role("button", name=name, exact=True)


def open_run(phone, lang, session):
    page = phone.open(PREFIX[lang] + session["url"])
    page.get_by_role("button", name=WORDS[lang]["open"], exact=True).click()
    page.locator("#run-view").wait_for()
    return page


def advance(page, minutes: float = 0, ms: int = 0):
    page.clock.run_for(int(minutes * MINUTE) + ms)


def text(page, selector) -> str:
    return page.locator(selector).text_content().strip()


def squeeze(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_view_is_not_in_the_session_page_and_comes_with_run_mode(phone, real_site, lang):
    """The view's dialogs and words are the language's run-view.js, loaded only when run mode starts (they
    weighed ≈ 3 kB gzip on every session page, README "Budgets")."""
    W = WORDS[lang]
    session = a_session(real_site.catalog(lang))
    html = (real_site.site / PREFIX[lang] / session["url"]).read_text(encoding="utf-8")
    assert "<dialog" not in html and "run-template" not in html and "run-safety__rule" not in html
    page = phone.open(PREFIX[lang] + session["url"])
    assert page.evaluate("typeof window.manualRunView") == "undefined" and page.locator("dialog").count() == 0
    page.get_by_role("button", name=W["open"], exact=True).click()
    page.locator("#run-view").wait_for()
    assert page.evaluate("[...document.scripts].filter(s => s.src.endsWith('/run-view.js')).map(s => s.src)") == [
        phone.base + PREFIX[lang] + "run-view.js"]
    assert text(page, "#run-title") == f"{W['mode']}: {session['title']}"
    assert run_button(page, W["start"]).is_visible() and run_button(page, W["safety"]).is_visible()
    assert text(page, "#run-position") == fill(W["position"], n=1, total=len(session["activities"]))
    assert text(page, "#run-body h2") == session["activities"][0]["title"]
    phone.clean()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_session_runs_past_an_activity_with_a_cue_and_the_next_activity(phone, real_site, lang):
    W = WORDS[lang]
    session = a_session(real_site.catalog(lang))
    first, second = session["activities"][0], session["activities"][1]
    page = phone.open(PREFIX[lang] + session["url"])

    # One source of minutes: the run data, the agenda on the page and the catalog agree.
    data = page.evaluate("JSON.parse(document.getElementById('run-data').textContent)")
    assert [(a["title"], a["minutes"]) for a in data["activities"]] == [(a["title"], a["minutes"]) for a in session["activities"]]
    agenda = [int(m) for m in re.findall(r"\((\d+) min\)", page.locator("table.agenda tbody").inner_text())]
    assert agenda == [a["minutes"] for a in session["activities"]]

    assert page.evaluate("typeof window.manualRun") == "undefined"  # a reader who does not run it never loads it
    page.get_by_role("button", name=W["open"], exact=True).click()
    view = page.locator("#run-view")
    view.wait_for()
    assert page.evaluate("document.getElementById('run-view').matches(':modal')")
    assert text(page, "#run-body h2") == first["title"]
    assert text(page, "#run-position") == fill(W["position"], n=1, total=len(session["activities"]))
    assert text(page, "#run-timer") == timer(first["minutes"] * MINUTE)
    # The steps are the page's own block, cloned: the same «Diga:» / "Say:" scripts, no duplicated ids.
    said = page.evaluate("""(anchor) => Array.from(document.getElementById(anchor).closest('.activity')
        .querySelectorAll('blockquote')).map(b => b.textContent.trim())""", data["activities"][0]["anchor"])
    shown = page.locator("#run-body .run__steps blockquote").all_text_contents()
    assert said and [s.strip() for s in shown[:len(said)]] == said
    assert page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)"
                         ".filter((id, i, all) => all.indexOf(id) !== i)") == []

    run_button(page, W["start"]).click()
    advance(page, first["minutes"] - 0.5)
    assert text(page, "#run-timer") == "0:30" and "run--over" not in view.get_attribute("class")
    assert text(page, "#run-timer-label") == W["remaining"]
    advance(page, 1.5)  # one minute over
    assert text(page, "#run-timer") == "+1:00"
    assert "run--over" in view.get_attribute("class")  # the visual cue
    assert text(page, "#run-timer-label") == W["time_up"]
    assert text(page, "#run-delta") == fill(W["behind"], n=1)
    assert text(page, "#run-elapsed") == fill(W["elapsed"], time=timer((first["minutes"] + 1) * MINUTE))
    advance(page, ms=100)  # the polite announcement is written a moment after the change
    assert text(page, "#run-live") == fill(W["up"], title=first["title"])
    # Next: the second activity, planned at 0:MM of the session, expected now (the first is already over).
    now = 9 * 60 + first["minutes"] + 1
    assert text(page, "#run-next-text") == (f"{second['title']} — {fill(W['next_at'], time='0:%02d' % first['minutes'])}"
                                            f" · {fill(W['next_eta'], time=clock(now))}")

    run_button(page, W["next"]).click()
    assert text(page, "#run-body h2") == second["title"]
    assert text(page, "#run-position") == fill(W["position"], n=2, total=len(session["activities"]))
    assert text(page, "#run-timer") == timer(second["minutes"] * MINUTE)
    assert "run--over" not in view.get_attribute("class")
    assert text(page, "#run-delta") == fill(W["behind"], n=1)
    assert run_button(page, W["pause"]).is_visible()  # still running
    phone.clean()


def test_pause_resume_reload_and_an_accidental_back_keep_the_run(phone, real_site):
    W = WORDS["es"]
    session = a_session(real_site.catalog("es"))
    first = session["activities"][0]["minutes"]
    page = open_run(phone, "es", session)
    assert page.url.endswith("#run")
    run_button(page, W["start"]).click()
    advance(page, 3)
    run_button(page, W["pause"]).click()
    assert text(page, "#run-timer") == timer((first - 3) * MINUTE)
    advance(page, 10)  # paused: the activity's clock and the session's stand still
    assert text(page, "#run-timer") == timer((first - 3) * MINUTE)
    assert text(page, "#run-elapsed") == fill(W["elapsed"], time="3:00")
    run_button(page, W["resume"]).click()
    advance(page, 2)
    assert text(page, "#run-timer") == timer((first - 5) * MINUTE)

    # A reload (or a phone that dropped the page while locked) finds the same activity, still running.
    page.reload()
    page.locator("#run-view").wait_for()
    assert text(page, "#run-timer") == timer((first - 5) * MINUTE)
    assert run_button(page, W["pause"]).is_visible()
    advance(page, 1)
    assert text(page, "#run-timer") == timer((first - 6) * MINUTE)
    run_button(page, W["next"]).click()
    page.reload()
    page.locator("#run-view").wait_for()
    assert text(page, "#run-body h2") == session["activities"][1]["title"]

    # Back by mistake: the view closes, the clock goes on, one tap brings it back.
    page.go_back()
    assert not page.locator("#run-view").is_visible()
    advance(page, 2)
    resume = page.get_by_role("button", name=W["resume_run"], exact=True)
    assert resume.is_visible()
    resume.click()
    assert text(page, "#run-body h2") == session["activities"][1]["title"]
    assert text(page, "#run-timer") == timer((session["activities"][1]["minutes"] - 2) * MINUTE)

    # What is kept: one entry for this session on this device, in the shape run.js writes.
    stored = page.evaluate("""() => Object.keys(localStorage).filter(k => k.startsWith('manual-run:'))
        .map(k => [k, JSON.parse(localStorage.getItem(k))])""")
    assert [key for key, _ in stored] == [f"manual-run:v1:s:{session['id']}"]
    state = stored[0][1]
    assert set(state) == {"v", "kind", "id", "clock", "steps", "sessions", "current", "spent", "since", "startedAt",
                          "finishedAt", "note", "savedAt"}
    assert state["current"] == 1 and state["spent"][0] == 6 * MINUTE and state["finishedAt"] is None
    assert [s["minutes"] for s in state["steps"]] == [a["minutes"] for a in session["activities"]]
    phone.clean()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_summary_gives_planned_and_actual_minutes_and_the_note(phone, real_site, lang):
    W = WORDS[lang]
    session = a_session(real_site.catalog(lang))
    activities = session["activities"]
    page = open_run(phone, lang, session)
    run_button(page, W["start"]).click()
    changes = [2, -3] + [0] * (len(activities) - 2)  # minutes over (+) or under (−) the plan
    for index, activity in enumerate(activities):
        advance(page, activity["minutes"] + changes[index])
        run_button(page, W["finish"] if index == len(activities) - 1 else W["next"]).click()
    note = "Grupo de 18; la actividad 2 se acortó." if lang == "es" else "Group of 18; activity 2 was cut short."
    page.get_by_label(W["note"], exact=True).fill(note)

    heading, date, session_word, times, columns, total, note_word = W["summary"]
    planned = sum(a["minutes"] for a in activities)
    actual = planned + sum(changes)
    rows = []
    for index, activity in enumerate(activities):
        d = changes[index]
        rows.append(f"{index + 1}. {activity['title']}: {activity['minutes']} / {activity['minutes'] + d}"
                    + (f" ({'+' if d > 0 else '−'}{abs(d)})" if d else ""))
    expected = "\n".join([heading, f"{date}: 2026-12-05", f"{session_word}: {session['title']}",
                          f"{times}: 09:00–{clock(9 * 60 + actual)}", columns, *rows,
                          f"{total}: {planned} / {actual} (−1)", f"{note_word}: {note}"])
    assert page.input_value("#run-summary-text") == expected

    # Copied as plain text (over http the clipboard is granted; from file:// the fallback copies the selection).
    if phone.base.startswith("http"):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=phone.base.rstrip("/"))
    run_button(page, W["copy"]).click()
    advance(page, ms=100)
    assert text(page, "#run-copy-status") == W["copied"]
    if phone.base.startswith("http"):
        assert page.evaluate("navigator.clipboard.readText()") == expected

    # The note and the summary survive a reload.
    page.reload()
    page.locator("#run-summary").wait_for()
    assert page.input_value("#run-summary-text") == expected
    phone.clean()


@pytest.mark.parametrize("lang,gap", [("es", "break"), ("en", "lunch")])
def test_a_workshop_from_the_planner_crosses_the_break_between_sessions(phone, real_site, lang, gap):
    W = WORDS[lang]
    catalog = real_site.catalog(lang)
    one = a_session(catalog)
    two = next(s for s in catalog["sessions"] if s["module"] != one["module"] and len(s["activities"]) >= 2)
    first_end = 9 * 60 + one["duration"]
    length = 15 if gap == "break" else 45
    plan = f"s={one['id']},{two['id']}&t=09:00&b=15" + (f"&l={clock(first_end)}-45" if gap == "lunch" else "")
    page = phone.open(PREFIX[lang] + "planificador.html#" + plan)
    page.get_by_role("button", name=W["workshop"], exact=True).click()
    page.wait_for_url(re.compile(re.escape(one["url"]) + r"#run=p[0-9a-z]+$"))
    run_id = page.url.rsplit("#run=", 1)[1]
    page.locator("#run-view").wait_for()
    assert text(page, "#run-body h2") == one["activities"][0]["title"]
    assert text(page, "#run-position") == fill(W["position"], n=1, total=len(one["activities"]))
    # The next activity's time in the plan is a clock time in a workshop.
    assert fill(W["next_at"], time=clock(9 * 60 + one["activities"][0]["minutes"])) in text(page, "#run-next-text")

    assert text(page, "#run-title") == f"{W['mode']}: {one['title']}"
    run_button(page, W["start"]).click()
    for activity in one["activities"]:
        advance(page, activity["minutes"])
        run_button(page, W["next"]).click()
    # The break (or lunch): its length, the next session and when it starts in the plan.
    assert text(page, "#run-body h2") == f"{W[gap]} · {length} min"
    assert text(page, "#run-body .run__lead") == fill(W["break_next"], title=two["title"], time=clock(first_end + length))
    assert text(page, "#run-timer") == timer(length * MINUTE)
    assert text(page, "#run-delta") == W["on_time"]
    assert text(page, "#run-title") == f"{W['mode']}: {one['title']}"
    advance(page, length - 5)  # the group is back five minutes early
    if gap == "break":
        page.get_by_role("link", name=f"{W['open_next']}: {two['title']}", exact=True).click()
    else:  # the view's own Next: the next session's steps all the same, on its page (issue 27)
        run_button(page, W["next"]).click()

    page.wait_for_url(re.compile(re.escape(two["url"]) + "#run=" + run_id + "$"))
    page.locator("#run-view").wait_for()
    assert text(page, "#run-body h2") == two["activities"][0]["title"]
    assert page.locator("#run-body .run__steps").inner_text().strip() != ""  # its steps, not a link elsewhere
    assert text(page, "#run-title") == f"{W['mode']}: {two['title']}"  # the top bar follows
    assert text(page, "#run-position") == fill(W["position"], n=1, total=len(two["activities"]))
    assert run_button(page, W["pause"]).is_visible()  # the clock kept running across the pages
    assert text(page, "#run-elapsed") == fill(W["elapsed"], time=timer((one["duration"] + length - 5) * MINUTE))
    assert text(page, "#run-delta") == fill(W["ahead"], n=5)
    assert text(page, "#run-timer") == timer(two["activities"][0]["minutes"] * MINUTE)

    # Back one step: the break again, and from there the way on is a button on this page.
    run_button(page, W["previous"]).click()
    assert text(page, "#run-body h2") == f"{W[gap]} · {length} min"
    page.locator("#run-body").get_by_role("button", name=W["next"], exact=True).click()
    assert text(page, "#run-body h2") == two["activities"][0]["title"]
    # Back past the break to the first session's last activity: its page again, its steps, the clock kept.
    run_button(page, W["previous"]).click()
    run_button(page, W["previous"]).click()
    page.wait_for_url(re.compile(re.escape(one["url"]) + "#run=" + run_id + "$"))
    page.wait_for_function("t => document.querySelector('#run-body h2') && document.querySelector('#run-body h2').textContent.trim() === t",
                           arg=one["activities"][-1]["title"])
    assert page.locator("#run-body .run__steps").inner_text().strip() != ""
    assert text(page, "#run-title") == f"{W['mode']}: {one['title']}" and run_button(page, W["pause"]).is_visible()
    run_button(page, W["next"]).click()
    run_button(page, W["next"]).click()
    page.wait_for_url(re.compile(re.escape(two["url"]) + "#run=" + run_id + "$"))
    page.wait_for_function("t => document.querySelector('#run-body h2') && document.querySelector('#run-body h2').textContent.trim() === t",
                           arg=two["activities"][0]["title"])

    advance(page, 2)
    run_button(page, W["finish_now"]).click()
    summary = page.input_value("#run-summary-text").split("\n")
    assert summary[0] == W["workshop_summary"]
    session_word = W["summary"][2]
    assert f"{session_word}: {one['title']}" in summary and f"{session_word}: {two['title']}" in summary
    assert f"{W[gap]}: {length} / {length - 5} (−5)" in summary
    assert f"1. {two['activities'][0]['title']}: {two['activities'][0]['minutes']} / 2 (−{two['activities'][0]['minutes'] - 2})" in summary
    page.reload()  # the finished workshop's summary is still there
    page.locator("#run-summary").wait_for()
    assert page.input_value("#run-summary-text").split("\n") == summary and page.locator("#run-notice").is_hidden()
    phone.clean()


def test_a_workshop_unknown_to_this_device_runs_the_session_alone(phone, real_site):
    session = a_session(real_site.catalog("es"))
    page = phone.open(session["url"] + "#run=pnothere")
    page.locator("#run-view").wait_for()
    assert text(page, "#run-notice").startswith(WORDS["es"]["missing"])
    assert text(page, "#run-body h2") == session["activities"][0]["title"]
    phone.clean()


DISCARDED = {"es": "Lo guardado en este aparato sobre esta sesión o taller no se pudo leer y se borró",
             "en": "What this device had saved about this session or workshop could not be read and was removed"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_stored_run_this_page_cannot_use_is_discarded_with_a_notice(phone, real_site, lang):
    session = a_session(real_site.catalog(lang))
    page = phone.open(PREFIX[lang] + session["url"])
    page.evaluate("""() => {  // a workshop saved by another version or damaged: a session that is not an object
        const step = {kind: "activity", session: "x", n: 1, title: "A", minutes: 10, at: 540};
        localStorage.setItem("manual-run:v1:p:pbroken", JSON.stringify({v: 1, kind: "plan", id: "pbroken", clock: true,
            steps: [step], sessions: [null], current: 0, spent: [0], since: null, startedAt: null, finishedAt: null, note: ""}));
        localStorage.setItem("manual-run:v1:active", "pbroken");
    }""")
    page.reload()
    page.get_by_role("button", name=WORDS[lang]["open"], exact=True).click()
    page.locator("#run-view").wait_for()
    assert text(page, "#run-notice").startswith(DISCARDED[lang])
    assert text(page, "#run-body h2") == session["activities"][0]["title"]
    assert page.evaluate("() => localStorage.getItem('manual-run:v1:p:pbroken')") is None
    page.evaluate("() => { location.hash = '#run'; }")
    page.reload()  # the next visit finds nothing to discard
    page.locator("#run-view").wait_for()
    assert page.locator("#run-notice").is_hidden()
    phone.clean()


def helplines() -> list[tuple[str, dict]]:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and python tags: not needed here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return list(config["extra"]["manual"]["helplines"].items())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_safety_card_shows_the_guides_rule_and_tap_to_call_helplines(phone, real_site, lang):
    W = WORDS[lang]
    session = a_session(real_site.catalog(lang))
    page = open_run(phone, lang, session)
    run_button(page, W["safety"]).click()
    card = page.locator("#run-safety")
    card.wait_for()
    assert text(page, "#run-safety h2") == W["safety_title"]
    calls = card.locator("a.run-call")
    assert [(calls.nth(i).get_attribute("href"), calls.nth(i).inner_text()) for i in range(calls.count())] == [
        ("tel:" + line["number"].replace(" ", ""), f"{W['call']} {line['name'][lang]}") for _, line in helplines()]
    rule = squeeze(card.locator(".run-safety__rule").inner_text())
    guide_link = card.get_by_role("link", name=re.compile("guía de facilitación|facilitation guide"))
    guide = page.evaluate("(a) => a.href", guide_link.element_handle())
    assert guide.startswith(phone.base) and guide.endswith(PREFIX[lang] + "guia-facilitacion.html#regla-de-revelacion")
    card.get_by_role("button", name=W["back"], exact=True).click()
    assert not card.is_visible() and page.locator("#run-view").is_visible()
    assert page.evaluate("document.activeElement.id") == "run-safety-open"
    phone.clean()

    # The same words as the guide's section, from its heading to the next one of the same level.
    page = phone.open(PREFIX[lang] + "guia-facilitacion.html")
    section = page.evaluate("""() => {
        const start = document.getElementById('regla-de-revelacion');
        const parts = [start.innerText];
        for (let el = start.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) parts.push(el.innerText);
        return parts.join('\\n');
    }""")
    assert len(rule) > 500 and rule == squeeze(section)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_run_view_is_accessible_by_keyboard_and_screen_reader_in_light_and_dark(phone, real_site, lang):
    from axe_playwright_python.sync_playwright import Axe
    W = WORDS[lang]
    session = a_session(real_site.catalog(lang))
    page = open_run(phone, lang, session)
    assert page.evaluate("document.activeElement.id") == "run-toggle"
    run_button(page, W["start"]).click()
    advance(page, session["activities"][0]["minutes"] + 1)  # over time: the cue is shown too

    # Touch targets of at least 44 × 44 px; nothing wider than the phone.
    small = page.evaluate("""() => Array.from(document.querySelectorAll(
            '#run-view button, #run-view .md-button, #run-view summary'))
        .filter(e => e.offsetParent !== null).map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44).map(([name]) => name)""")
    assert small == []
    assert page.evaluate("document.getElementById('run-view').scrollWidth - document.getElementById('run-view').clientWidth") <= 0

    # Every control is reached with Tab, and never the page behind the view (after the last control, focus goes
    # to the browser itself: nothing in the document has it).
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""() => { const e = document.activeElement;
            return [e ? e.id : '', !e || e === document.body || !!e.closest('#run-view')]; }"""))
    assert all(allowed for _, allowed in reached), reached
    assert {"run-safety-open", "run-close", "run-toggle", "run-next", "run-finish"} <= {i for i, _ in reached}
    assert page.locator("#run-prev").is_disabled()  # nothing before the first activity

    # The countdown is a timer (not read out every second); a polite region speaks at the whole minutes that matter.
    assert page.get_attribute("#run-timer", "role") == "timer" and page.get_attribute("#run-live", "aria-live") == "polite"
    run_button(page, W["next"]).click()
    advance(page, ms=100)  # the new activity is announced once
    second = session["activities"][1]
    assert text(page, "#run-live") == fill(W["position"], n=2, total=len(session["activities"])) + ": " + second["title"]
    page.evaluate("""() => { window.__said = [];
        new MutationObserver(() => window.__said.push(document.getElementById('run-live').textContent))
            .observe(document.getElementById('run-live'), {childList: true, characterData: true, subtree: true}); }""")
    for _ in range(90):
        advance(page, ms=1000)
    said = [s for s in page.evaluate("window.__said") if s]
    crossed = second["minutes"] - 1  # a minute and a half: one whole minute crossed, said only if it matters
    assert said == ([fill(W["left"], n=crossed, title=second["title"])] if crossed <= 5 or crossed % 5 == 0 else []), said
    advance(page, second["minutes"] - 1.5 - 5)  # now 5 minutes are left
    advance(page, ms=100)
    assert text(page, "#run-live") == fill(W["left"], n=5, title=second["title"])
    advance(page, 6)  # over time again, for the colours of the cue

    # axe waits on timers of its own: the clock runs freely from here. axe also reads the stylesheets itself
    # (console errors from file:// are its own), so the page's errors are checked before.
    phone.clean()
    page.clock.resume()
    page.add_style_tag(content="*, *::before { transition: none !important; }")  # colours as they settle, not midway
    assert "run--over" in page.get_attribute("#run-view", "class")
    def serious(selector):  # the view only: the page behind a modal dialog is inert
        return [(v["id"], [n["target"] for n in v["nodes"]]) for v in Axe().run(page, context=selector).response["violations"]
                if v["impact"] in ("serious", "critical")]
    for scheme in ("default", "slate"):
        page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert serious("#run-view") == [], scheme
        run_button(page, W["safety"]).click()
        assert serious("#run-safety") == [], scheme
        page.keyboard.press("Escape")  # closes the safety card only
        assert page.locator("#run-view").is_visible() and not page.locator("#run-safety").is_visible()

    # Escape leaves the view, focus goes back to the button that opened it.
    page.keyboard.press("Escape")
    assert not page.locator("#run-view").is_visible()
    assert page.evaluate("document.activeElement.id") == "run-open"
    assert phone.blocked == []


@pytest.mark.parametrize("wake_lock", ["available", "absent"])
def test_the_screen_stays_on_while_the_clock_runs_where_the_browser_can(browser, base, real_site, wake_lock):
    context, phone = make_phone(browser, base, WAKE_LOCK_STUB if wake_lock == "available" else NO_WAKE_LOCK)
    try:
        W = WORDS["en"]
        session = a_session(real_site.catalog("en"))
        page = open_run(phone, "en", session)
        assert page.evaluate("'wakeLock' in navigator") is (wake_lock == "available")
        run_button(page, W["start"]).click()
        advance(page, 1)
        if wake_lock == "available":
            assert page.evaluate("window.__wake") == ["request:screen"]
            run_button(page, W["pause"]).click()
            advance(page, ms=100)
            assert page.evaluate("window.__wake") == ["request:screen", "release"]
            run_button(page, W["resume"]).click()
            advance(page, ms=100)
            page.keyboard.press("Escape")  # the view closed: the screen may sleep again
            advance(page, ms=100)
            assert page.evaluate("window.__wake") == ["request:screen", "release", "request:screen", "release"]
        else:
            assert text(page, "#run-timer") == timer((session["activities"][0]["minutes"] - 1) * MINUTE)
        phone.clean()
    finally:
        context.close()


# Run mode's pure logic (clock arithmetic, ahead/behind, summary, stored runs): tests/js/run.test.js.


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_same_day_opening_shows_in_a_run_only_when_the_plan_puts_it_after_another_session_that_day(phone, real_site, lang):
    """The page shows an opening's same-day note with the activity; a run of that session alone leaves it out, and
    the pure logic says when a workshop's session follows another on one calendar day."""
    session = next(s for s in real_site.catalog(lang)["sessions"] if s["id"] == "m01-s02")
    note = session["activities"][0]["same_day"]
    page = open_run(phone, lang, session)
    assert note in page.locator("article .same-day").first.inner_text()
    steps = page.locator("#run-view .run__steps")
    assert session["activities"][0]["title"] in page.locator("#run-view").inner_text()
    assert steps.locator(".same-day").count() == 0 and note not in steps.inner_text()
    result = page.evaluate("""() => {
        const R = window.manualRun;
        const plan = (ats) => ({kind: "plan", sessions: ats.map((at, i) => ({id: "s" + i, title: "S", url: "s.html", at: at}))});
        return [R.followsOnSameDay(plan([600, 810]), "s1"), R.followsOnSameDay(plan([600, 810]), "s0"),
                R.followsOnSameDay(plan([1380, 1500]), "s1"), R.followsOnSameDay({kind: "session", sessions: [{id: "s0", at: 0}]}, "s0")];
    }""")
    assert result == [True, False, False, False]
    assert phone.blocked == []


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("missing", ["data-view", "data-script"])
def test_a_copy_missing_a_file_of_run_mode_says_so_and_can_try_again(phone, real_site, lang, missing):
    """A USB copy without run-view.js or run.js: the tap no longer does nothing in silence; the page says a file is
    missing and what to do (data/labels.yml run_load_failed), and a second tap tries again."""
    said = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]["run_load_failed"]
    session = a_session(real_site.catalog(lang))
    page = phone.open(PREFIX[lang] + session["url"])
    notice = page.locator("p.run-launch .run-launch__failed")
    assert notice.is_hidden()
    real = page.evaluate(f"document.querySelector('button#run-open').getAttribute('{missing}')")
    page.evaluate(f"document.querySelector('button#run-open').setAttribute('{missing}', 'missing-run-file.js')")
    page.get_by_role("button", name=WORDS[lang]["open"], exact=True).click()
    notice.wait_for(state="visible")
    assert " ".join(notice.inner_text().split()) == said
    assert page.locator("#run-view").count() == 0
    page.evaluate(f"document.querySelector('button#run-open').setAttribute('{missing}', {real!r})")  # the file is back
    page.get_by_role("button", name=WORDS[lang]["open"], exact=True).click()
    page.locator("#run-view").wait_for()
    assert notice.is_hidden()
