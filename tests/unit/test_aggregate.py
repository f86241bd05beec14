from manualgen.aggregate import extract_blocks, merge_materials, rebase_links
from manualgen.timing import DayRules, schedule


def test_blocks_are_extracted_whole_even_with_nested_divs():
    html = ('<p>x</p><div class="admonition key-messages"><p class="admonition-title">K</p><div class="inner">'
            '<p>a</p></div><p>b</p></div><div class="admonition facilitator">F</div>'
            '<div class="admonition key-messages">two</div>')
    blocks = extract_blocks(html, "key-messages")
    assert [b for _, b in blocks] == ['<div class="admonition key-messages"><p class="admonition-title">K</p><div class="inner"><p>a</p></div><p>b</p></div>',
                                      '<div class="admonition key-messages">two</div>']
    assert extract_blocks(html, "safety") == []
    assert [kind for kind, _ in extract_blocks(html, "facilitator", "key-messages")] == ["key-messages", "facilitator", "key-messages"]


def test_links_are_rebased_to_the_page_that_shows_the_block():
    html = '<a href="../../guia-facilitacion.html">guía</a> <a href="h01-ficha.html#x">f</a> <a href="https://x.org">x</a> <a href="#paso">p</a>'
    out = rebase_links(html, "modules/02-g/01-s.html", "mensajes-clave.html")
    assert 'href="guia-facilitacion.html"' in out and 'href="modules/02-g/h01-ficha.html#x"' in out
    assert 'href="https://x.org"' in out and 'href="modules/02-g/01-s.html#paso"' in out


def test_materials_merge_case_insensitively_and_add_stated_quantities():
    merged = merge_materials([("s1", [{"item": "Papelógrafos", "qty": 4}, "Plumones"]),
                              ("s2", [{"item": "papelógrafos", "qty": 6}, "Plumones", "Pelota pequeña"])])
    assert merged == [
        {"item": "Papelógrafos", "qty": 10, "sessions": ["s1", "s2"]},
        {"item": "Pelota pequeña", "qty": None, "sessions": ["s2"]},
        {"item": "Plumones", "qty": None, "sessions": ["s1", "s2"]},
    ]


def session(sid, minutes):
    return {"id": sid, "duration": sum(minutes), "activities": [{"title": f"a{i}", "minutes": m} for i, m in enumerate(minutes)]}


def test_schedule_splits_days_adds_breaks_and_lunch():
    rules = DayRules(sessions_per_day=3, high_per_day=1, max_day_minutes=330)
    days = schedule([session("s1", [30, 90]), session("s2", [60, 60]), session("s3", [90]), session("s4", [120])],
                    start="09:00", rules=rules, break_minutes=15, lunch_at="13:00", lunch_minutes=60)
    assert [len([i for i in d["items"] if i["kind"] == "session"]) for d in days] == [3, 1]
    first = days[0]["items"]
    assert [(i["kind"], i["start"], i["end"]) for i in first] == [
        ("session", "09:00", "11:00"), ("break", "11:00", "11:15"), ("session", "11:15", "13:15"),
        ("lunch", "13:15", "14:15"), ("session", "14:15", "15:45")]
    assert first[0]["activities"][1] == {"title": "a1", "minutes": 90, "start": "09:30", "end": "11:00"}
    assert days[0]["start"] == "09:00" and days[0]["end"] == "15:45" and days[0]["total"] == 405
    assert days[1]["items"][0]["start"] == "09:00" and days[1]["session_minutes"] == 120


def test_a_session_longer_than_a_day_gets_its_own_day():
    days = schedule([session("s1", [200]), session("s2", [30])], "08:30", DayRules(max_day_minutes=120), 10)
    assert [d["items"][0]["session"]["id"] for d in days] == ["s1", "s2"]
