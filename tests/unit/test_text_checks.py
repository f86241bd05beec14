"""Per-page text checks against the data files, remembered by page text and data (manualgen/text_checks.py)."""
from __future__ import annotations

from helpers import ROOT
from manualgen import text_checks
from manualgen.change_check import load_change_check
from manualgen.safety import load_safety
from manualgen.text_checks import TextChecks, rules_key

RETYPED = "Introducción\n\n| 3 | Hay ocasiones en que una **mujer** se merece un golpe |\n"


def registry():
    found, problems = load_change_check(ROOT / "data" / "change_check.yml", ("es", "en"))
    assert problems == []
    return found


def test_the_same_text_and_data_give_the_remembered_findings_without_checking_again(monkeypatch):
    memo, rules = {}, rules_key(ROOT / "data" / "safety.yml", ROOT / "data" / "change_check.yml")
    first = TextChecks(memo, rules)
    [problem] = first.copies("modules/x.es.md", RETYPED, 10, registry())
    assert problem.line == 12 and "frase 3" in problem.message
    memo.update(first.used)
    calls = []
    real = text_checks.copied_item_problems
    monkeypatch.setattr(text_checks, "copied_item_problems", lambda *a: calls.append(a) or real(*a))
    again = TextChecks(memo, rules)
    assert again.copies("modules/x.es.md", RETYPED, 10, registry()) == [problem]
    assert calls == []
    assert again.copies("modules/x.es.md", RETYPED + "otra línea\n", 10, registry()) == [problem]  # another text
    assert len(calls) == 1
    other_rules = TextChecks(memo, rules_key(ROOT / "data" / "facts.yml"))  # other data: checked again
    other_rules.copies("modules/x.es.md", RETYPED, 10, registry())
    assert len(calls) == 2


def test_paraphrases_are_found_as_without_the_memo():
    safety, problems = load_safety(ROOT / "data" / "safety.yml", ("es", "en"), "data/safety.yml",
                                   {"fact": set(), "helpline": {"linea-100", "policia", "linea-113", "samu", "bomberos"},
                                    "manual": set(), "schema": set(), "changecheck": set()})
    pattern = next(iter(safety.paraphrases["es"])).pattern
    checks = TextChecks({}, "rules")
    text = "Texto sin nada.\n"
    assert checks.paraphrases("docs/a.es.md", text, "es", safety) == text_checks.paraphrase_problems("docs/a.es.md", text, "es", safety)
    assert pattern is not None
