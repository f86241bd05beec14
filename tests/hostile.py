"""A manual with hostile values in every field a page prints (front matter, facts, labels, docs titles): shared by
the integration tests (what is written) and the browser tests (what runs)."""
from __future__ import annotations

import re

from helpers import FIXTURE, ROOT, edit, make_project

S = "modules/01-prueba/01-sesion.{}.md"
H = "modules/01-prueba/h01-ficha.{}.md"
M = "modules/01-prueba/index.{}.md"
# An attribute breakout, an event handler and a script element at once.
EVIL = "\"'><img src=x onerror=alert(1)><script>alert(2)</script>"
ESCAPED = "&lt;script&gt;alert(2)&lt;/script&gt;"
RAW = re.compile(r"<script>alert|<img[^>]*onerror", re.I)


# Headings whose automatic ids are the ones the planner's and the certificate's scripts read.
RESERVED_HEADINGS = "\n## Planner data\n\nx\n\n## Planner rules\n\nx\n\n## Certificate words\n\nx\n\n## Run open\n\nx\n"
RESERVED_SLUGS = ("planner-data", "planner-rules", "certificate-words", "run-open")


def yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_field(path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.search(rf"^{key}: ", text, re.M), f"{key} not in {path.name}"
    path.write_text(re.sub(rf"^{key}: .*$", lambda _: f"{key}: {yaml_text(value)}", text, count=1, flags=re.M), encoding="utf-8")


def hostile_project(root):
    """Every front-matter field a template prints, a fact, a label and a docs title carry EVIL (activity titles are
    written in the body, as Markdown: markup there is refused, see BODY_ATTACKS)."""
    project = make_project(root, FIXTURE)
    for lang in ("es", "en"):
        session, handout, module = (project / p.format(lang) for p in (S, H, M))
        set_field(session, "title", "Sesión " + EVIL)
        edit(session, "preparation:\n", f"preparation:\n  - {yaml_text('Prepare ' + EVIL)}\n")
        edit(session, "materials:\n", f"materials:\n  - {yaml_text('Material ' + EVIL)}\n")
        edit(session, "objectives:\n", f"objectives:\n  - {yaml_text('Objetivo ' + EVIL)}\n")
        edit(session, "handouts: [m01-h01]", "handouts: [m01-h01]\nadapted_from:\n"
             f"  - {{title: {yaml_text('Manual ' + EVIL)}, org: {yaml_text('Org ' + EVIL)}, url: https://example.org/x}}")
        edit(session, "/// facilitator\n", "/// facilitator\n[[fact:hostil]].\n\n")
        # a code span shows markup as text on the page; the search excerpt (the section's start) must too
        first = session.read_text(encoding="utf-8").split("---\n", 2)[2].split("\n", 1)[0]
        edit(session, first, f"Código `{EVIL}`. {first}")
        set_field(handout, "description", "Ficha " + EVIL)
        set_field(module, "summary", "Resumen " + EVIL)
        set_field(project / f"docs/programa.{lang}.md", "title", "Programa " + EVIL)
        edit(project / f"docs/programa.{lang}.md", "title:", f"description: {yaml_text('Descripción ' + EVIL)}\ntitle:")
    # The planner and the certificate page, with headings whose automatic ids would be the ones their scripts read
    # (each heading gets h-<id> instead: the page shows the planner's rules and the certificate's own words).
    for stem in ("planificador", "constancia"):
        for lang in ("es", "en"):
            text = (ROOT / "docs" / f"{stem}.{lang}.md").read_text(encoding="utf-8")
            (project / "docs" / f"{stem}.{lang}.md").write_text(text + RESERVED_HEADINGS, encoding="utf-8")
    facts = project / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + f"""
  - id: hostil
    value: {{es: {yaml_text('valor ' + EVIL)}, en: {yaml_text('value ' + EVIL)}}}
    unit: text
    year: 2024
    label: {{es: {yaml_text('etiqueta ' + EVIL)}, en: {yaml_text('label ' + EVIL)}}}
    source: {yaml_text('Fuente ' + EVIL)}
    url: https://example.org/fuente
    status: uncertain
    note: {{es: {yaml_text('nota ' + EVIL)}, en: {yaml_text('note ' + EVIL)}}}
""", encoding="utf-8")
    labels = project / "data" / "labels.yml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("  agenda: Agenda\n", f"  agenda: {yaml_text('Agenda ' + EVIL)}\n", 1),
                      encoding="utf-8")
    return project
