from manualgen.counts import count_text, manual_counts
from manualgen.model import load_manual


def test_counts_come_from_the_manual_and_read_as_words_or_digits(mini, schema):
    manual, problems = load_manual(mini, "modules", ("es", "en"), schema)
    assert problems == []
    counts = manual_counts(manual, "es", schedule_days=1)
    assert counts == {"modules": 1, "sessions": 1, "handouts": 1, "hours": 1, "days": 1, "shortest": 60, "longest": 60}
    assert count_text(7, "es", "modules") == "siete" and count_text(20, "en", "sessions") == "twenty"
    assert count_text(38, "es", "hours") == "38" and count_text(21, "es", "sessions") == "21"
    assert count_text(90, "es", "shortest") == "90"
