from manualgen.source import decode, parse_blocks, parse_source

SESSION = """---
type: session
id: m01-s01
materials:
  - Papelógrafos
  - item: Plumones
    qty: 2
---
Intro.

/// activity | Bienvenida
    minutes: 10
    grouping: plenary

1. Salude.
///

/// facilitator
Nota.
///
"""


def test_front_matter_fields_know_their_file_lines():
    source, problems = parse_source("m.es.md", SESSION)
    assert problems == []
    assert source.meta["id"] == "m01-s01"
    assert source.line_of("id") == 3
    assert source.line_of("materials.1.qty") == 7
    assert source.line_of("duration") == 1  # absent: falls back to the top of the file
    assert source.body_line == 9


def test_blocks_carry_type_title_options_content_and_line():
    source, _ = parse_source("m.es.md", SESSION)
    activity, note = source.blocks
    assert (activity.type, activity.title, activity.options) == ("activity", "Bienvenida", {"minutes": 10, "grouping": "plenary"})
    assert activity.line == 11 and activity.content == "1. Salude."
    assert (note.type, note.title, note.options, note.content) == ("facilitator", "", {}, "Nota.")


def test_non_mapping_front_matter_is_reported_with_file_and_field():
    _, problems = parse_source("x.es.md", "---\n- a\n- b\n---\nbody\n")
    assert len(problems) == 1
    assert str(problems[0]).startswith("x.es.md:2: front matter:")
    assert "nombre: valor" in problems[0].message


def test_broken_yaml_names_the_line():
    _, problems = parse_source("x.es.md", "---\ntype: session\ntitle: [sin cerrar\n---\n")
    assert problems and problems[0].field == "front matter" and problems[0].line in (3, 4, 5)
    assert "YAML" in problems[0].message


def test_missing_front_matter_and_missing_closing_fence():
    _, problems = parse_source("x.es.md", "Solo texto\n")
    assert problems[0].line == 1 and "'---'" in problems[0].message
    _, problems = parse_source("x.es.md", "---\ntype: session\n")
    assert "cierra" in problems[0].message


def test_invalid_utf8_is_reported_with_line():
    text, problems = decode("x.es.md", "---\ntítulo\n".encode("latin-1"))
    assert text is None
    assert problems[0].line == 2 and problems[0].field == "archivo" and "UTF-8" in problems[0].message


def test_unclosed_block_and_stray_closing_fence():
    _, problems = parse_blocks("x.es.md", "/// activity | A\n    minutes: 5\n\ntexto\n", first_line=10)
    assert problems[0].line == 10 and "no se cierra" in problems[0].message
    _, problems = parse_blocks("x.es.md", "texto\n///\n", first_line=5)
    assert problems[0].line == 6 and "no se abrió" in problems[0].message


def test_blocks_inside_code_fences_are_ignored():
    blocks, problems = parse_blocks("x.es.md", "```\n/// activity | A\n///\n```\n")
    assert blocks == [] and problems == []
