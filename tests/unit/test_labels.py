"""The interface words' schema (schema/labels.schema.json): a translator cannot blank a safety word, drop the
emergency number, or make str.format evaluate anything; every mistake names labels.yml, the line and the key."""
from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.labels import load_label_rules, load_labels

ROOT = Path(__file__).resolve().parents[2]
RULES = load_label_rules(ROOT / "schema" / "labels.schema.json")
REAL = (ROOT / "data" / "labels.yml").read_text(encoding="utf-8")


def check(tmp_path, text):
    path = tmp_path / "labels.yml"
    path.write_text(text, encoding="utf-8")
    return load_labels(path, ("es", "en"), "data/labels.yml", RULES)


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def test_the_real_labels_pass_and_every_placeholder_they_use_is_in_the_schema(tmp_path):
    labels, problems = check(tmp_path, REAL)
    assert problems == [] and labels["en"]["emergency"] == "In an emergency call the police on {policia}."


HOSTILE = {
    # name: (line replaced in the English block, new line, message)
    "blank-safety-title": ("  safety_box_title:", '  safety_box_title: ""', "está vacío"),
    "blank-spaces": ("  certificate_statement:", '  certificate_statement: "   "', "está vacío"),
    "emergency-without-number": ("  emergency:", '  emergency: "In an emergency call the police."', "falta el marcador {policia}"),
    "padding-spec": ("  sessions_count:", '  sessions_count: "{n:>999999999} sessions"', "sin formato ni conversión"),
    "conversion": ("  sessions_count:", '  sessions_count: "{n!r} sessions"', "sin formato ni conversión"),
    "attribute": ("  group_size_value:", '  group_size_value: "{min.__class__} to {max} people"', "no es un marcador"),
    "index": ("  group_size_value:", '  group_size_value: "{min[0]} to {max} people"', "no es un marcador"),
    "unknown-name": ("  page_of:", '  page_of: "Page {page} of {pages} {secret}"', "no es un marcador"),
    "placeholder-of-another-key": ("  agenda:", '  agenda: "Agenda {n}"', "no es un marcador"),
    "lone-brace": ("  agenda:", '  agenda: "Agenda {"', "llave"),
    "double-braces": ("  agenda:", '  agenda: "Agenda {{n}}"', "llaves dobles"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_labels_are_refused_naming_the_file_line_and_key(tmp_path, name):
    start, new, message = HOSTILE[name]
    english = REAL.index("\nen:\n")
    head, tail = REAL[:english], REAL[english:]
    old = next(line for line in tail.split("\n") if line.startswith(start))
    text = head + tail.replace(old, new, 1)
    labels, problems = check(tmp_path, text)
    key = start.strip().rstrip(":")
    assert labels == {} and problems, name
    problem = problems[0]
    assert (problem.path, problem.field) == ("data/labels.yml", f"en.{key}"), problem
    assert problem.line == head.count("\n") + line_of(tail, start) - 0, problem
    assert message in problem.message, problem.message


def test_a_required_safety_word_cannot_be_deleted(tmp_path):
    text = "\n".join(line for line in REAL.split("\n") if not line.startswith("  certificate_statement:"))
    _, problems = check(tmp_path, text)
    assert problems and "certificate_statement" in problems[0].message
