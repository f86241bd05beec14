from manualgen.timing import agenda, clock, duration, offset


def test_agenda_has_cumulative_offsets():
    rows = agenda([("Bienvenida", 15, "plenary"), ("Caja", 45, "small_groups"), ("Cierre", 20, "plenary")])
    assert [(r.start, r.end) for r in rows] == [(0, 15), (15, 60), (60, 80)]
    assert [r.index for r in rows] == [1, 2, 3]
    assert rows[-1].title == "Cierre"


def test_offsets_and_durations_read_like_a_facilitator_writes_them():
    assert [offset(m) for m in (0, 15, 60, 75, 150)] == ["0:00", "0:15", "1:00", "1:15", "2:30"]
    assert [duration(m) for m in (45, 60, 90, 120, 150)] == ["45 min", "1 h", "1 h 30 min", "2 h", "2 h 30 min"]


def test_clock_times_wrap_past_midnight():
    assert clock("09:00", 75) == "10:15"
    assert clock("23:30", 45) == "00:15"


from manualgen.timing import DayRules, day_rule_breaks, lunch_gap, schedule  # noqa: E402


def session(sid, minutes=120, sensitivity="medium"):
    return {"id": sid, "duration": minutes, "sensitivity": sensitivity,
            "activities": [{"title": "a", "minutes": minutes // 2}, {"title": "b", "minutes": minutes - minutes // 2}]}


RULES = DayRules(sessions_per_day=2, high_per_day=1, max_day_minutes=360)


def test_each_rule_of_a_day_is_checked():
    assert day_rule_breaks([session("a"), session("b")], RULES) == []
    assert day_rule_breaks([session("a", 90)] * 3, RULES) == [{"rule": "sessions", "n": 3, "max": 2}]
    assert day_rule_breaks([session("a", sensitivity="high"), session("b", sensitivity="high")], RULES) == [{"rule": "high", "sessions": ["a", "b"], "max": 1}]
    assert day_rule_breaks([session("a", 240), session("b", 180)], RULES) == [{"rule": "minutes", "total": 420, "max": 360}]


def test_the_schedule_never_puts_two_high_sessions_or_three_sessions_on_a_day():
    sessions = [session("3.1"), session("3.2", sensitivity="high"), session("3.3", sensitivity="high"),
                session("4.1", 90), session("4.2", sensitivity="high"), session("4.3", sensitivity="high"), session("5.1", 90)]
    days = schedule(sessions, "09:00", RULES, 15, "12:30", 60)
    grouped = [[i["session"]["id"] for i in d["items"] if i["kind"] == "session"] for d in days]
    assert grouped == [["3.1", "3.2"], ["3.3", "4.1"], ["4.2"], ["4.3", "5.1"]]
    for day in days:
        assert day_rule_breaks([i["session"] for i in day["items"] if i["kind"] == "session"], RULES) == []


def test_lunch_is_the_break_nearest_to_its_time_and_never_inside_a_session():
    assert lunch_gap([11 * 60, 13 * 60 + 15], 12 * 60 + 30) == 1  # 13:15 is 45 minutes away, 11:00 is 90
    assert lunch_gap([12 * 60, 13 * 60 + 15], 12 * 60 + 30) == 0
    assert lunch_gap([12 * 60, 13 * 60], 12 * 60 + 30) == 0  # a tie: the earlier
    assert lunch_gap([10 * 60], 12 * 60 + 30) is None  # too far from lunch time: a plain break
    assert lunch_gap([], 12 * 60) is None and lunch_gap([600], None) is None
    day = schedule([session("a"), session("b")], "10:30", RULES, 15, "12:30", 60)[0]
    kinds = [(i["kind"], i["start"], i["end"]) for i in day["items"]]
    assert kinds == [("session", "10:30", "12:30"), ("lunch", "12:30", "13:30"), ("session", "13:30", "15:30")]
    morning = schedule([session("a", 90), session("b", 90)], "09:00", RULES, 15, "12:30", 60)[0]
    assert [i["kind"] for i in morning["items"]] == ["session", "break", "session"]
    for item in day["items"]:
        if item["kind"] == "session":
            assert item["activities"][0]["start"] == item["start"] and item["activities"][-1]["end"] == item["end"]


def test_the_agreements_session_must_be_a_session_of_the_manual():
    import pytest

    from manualgen.timing import DayRules
    rules = DayRules.from_settings({"agreements_session": "m01-s09"})
    assert rules.for_script({"m01-s09"})["agreementsSession"] == "m01-s09"
    with pytest.raises(ValueError, match=r"extra\.manual\.schedule\.agreements_session: 'm01-s09' is not a session id"):
        rules.for_script({"m01-s01"})
    assert DayRules.from_settings({}).for_script({"m01-s01"})["agreementsSession"] is None
