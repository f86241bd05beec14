"""Ids the templates and scripts use are reserved: refused in content, never generated for a heading."""
from __future__ import annotations

from pathlib import Path

import markdown
from pymdownx.slugs import slugify

from manualgen.reserved_ids import avoiding, is_reserved, template_ids
from manualgen.sanitise import check, policy

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
IDS = template_ids(OVERRIDES)


def test_the_ids_scripts_read_and_template_headings_are_reserved():
    for name in ("planner-data", "planner-rules", "planner-words", "certificate-words", "certificate-data",
                 "run-data", "run-open", "run-template", "offline-words", "agenda", "objetivos", "sobre-el-manual",
                 "safety-box-title", "__search", "md-content"):
        assert is_reserved(name, IDS), name
    for name in ("actividades", "home-practice", "regla-de-revelacion"):
        assert not is_reserved(name, IDS), name


def test_a_heading_never_gets_a_reserved_id():
    slug = avoiding(slugify(case="lower"), IDS)
    assert avoiding(slug, IDS) is slug  # wrapped once, however often on_config runs
    html = markdown.markdown("## Planner rules\n\n## Agenda\n\n## Actividades\n",
                             extensions=["toc"], extension_configs={"toc": {"slugify": slug}})
    assert 'id="h-planner-rules"' in html and 'id="h-agenda"' in html and 'id="actividades"' in html


def test_an_author_id_that_is_reserved_is_refused():
    rules = policy(("safety",), IDS)
    for html in ('<p id="planner-data">x</p>', '<h2 id="run-open">x</h2>', '<div id="agenda">x</div>'):
        clean, removed = check(html, rules)
        assert 'id="' not in clean and removed and "reservado" in removed[0].what, html
    assert check('<p id="mi-nota">x</p>', rules)[1] == []
