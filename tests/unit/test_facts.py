from pathlib import Path

from manualgen.facts import FACT_REF, Fact, format_value, load_facts, replace_fact_refs

ROOT = Path(__file__).resolve().parents[2]
LABELS = {"fact_uncertain": "cifra no confirmada"}


def fact(**changes):
    base = dict(id="x", value=52.0, unit="percent", year=2024, label={"es": "mujeres", "en": "women"},
                source="INEI, ENDES 2024", url="https://example.org/endes", status="sourced")
    return Fact(**{**base, **changes})


def test_numbers_follow_each_language():
    assert format_value(fact(), "es") == "52,0\u00a0%"
    assert format_value(fact(), "en") == "52.0%"
    assert format_value(fact(unit="count", value=359468), "es") == "359\u202f468"
    assert format_value(fact(unit="count", value=359468), "en") == "359,468"
    assert format_value(fact(unit="count", value=1191), "es") == "1191"
    assert format_value(fact(unit="date", value="2015-11-23"), "es") == "23 de noviembre de 2015"


def test_reference_shows_value_and_source_and_flags_uncertain_figures():
    text = replace_fact_refs("El [[fact:x]] de las mujeres", {"x": fact()}, "es", LABELS)
    assert "**52,0\u00a0%**" in text and "(https://example.org/endes)" in text and "INEI, ENDES 2024]" in text
    assert "no confirmada" not in text
    uncertain = replace_fact_refs("[[fact:x]]", {"x": fact(status="uncertain")}, "es", LABELS)
    assert "cifra no confirmada" in uncertain


def test_the_real_facts_file_is_complete_and_every_fact_has_a_source():
    facts, problems = load_facts(ROOT / "data" / "facts.yml", ("es", "en"))
    assert problems == []
    assert len(facts) >= 15
    assert all(f.url.startswith("http") and f.source for f in facts.values())
    assert facts["endes-2018-partner-violence-ever"].status == "uncertain"


def test_fact_file_problems_are_reported(tmp_path):
    path = tmp_path / "facts.yml"
    path.write_text("facts:\n  - id: a\n    value: 1\n", encoding="utf-8")
    _, problems = load_facts(path, ("es", "en"))
    assert problems and "faltan campos" in problems[0].message


def test_reference_pattern():
    assert [m["id"] for m in FACT_REF.finditer("a [[fact:endes-2024]] b [[fact:x-1]]")] == ["endes-2024", "x-1"]
