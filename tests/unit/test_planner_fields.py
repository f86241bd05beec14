"""The planner page embeds a cut-down catalog (manualgen.catalog.planner_catalog: each session with
PLANNER_SESSION_FIELDS only). The fields planner.js reads from a session must be exactly those: one it reads but the
page leaves out would be silently empty in the planner (no materials, no sheets to print), one it never reads is
weight on every load of the page."""
from __future__ import annotations

import re
from pathlib import Path

from manualgen.catalog import PLANNER_SESSION_FIELDS

PLANNER_JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts" / "planner.js"
# planner.js names a catalog session `session` (or `s` in short callbacks): what it reads from one
SESSION_FIELD = re.compile(r"\b(?:session|s)\.([a-z_]+)\b")


def test_planner_js_reads_exactly_the_session_fields_the_page_embeds():
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", PLANNER_JS.read_text(encoding="utf-8"), flags=re.S)
    read = set(SESSION_FIELD.findall(code))
    assert read - set(PLANNER_SESSION_FIELDS) == set(), "planner.js reads fields the planner page does not embed"
    assert set(PLANNER_SESSION_FIELDS) - read == set(), "the planner page embeds fields planner.js never reads"
