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
