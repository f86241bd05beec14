"""Property-based: whatever an author writes, the validator answers with the project's own Problems
(or accepts the page) and never raises."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.model import Page, validate_page
from manualgen.problems import Problem
from manualgen.source import parse_source

SESSION_KEYS = ["type", "id", "module", "order", "title", "duration", "group_size", "sensitivity", "objectives",
                "materials", "preparation", "handouts", "adapted_from", "source_hash", "unknown", "título"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["session", "module", "handout", "m01", "m01-s01", "low", "high"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(SESSION_KEYS), values, max_size=12)
body_lines = st.lists(st.one_of(st.sampled_from(["/// activity | A", "    minutes: 10", "    grouping: pairs", "///",
                                                  "/// bogus", "/// discussion", "- pregunta", "    minutes: -3",
                                                  "    minutes: [1", "```", "## H", "#### H", "![](x.png)", "[aquí](x.md)"]),
                                st.text(max_size=40)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=front_matter, body=body_lines)
def test_random_front_matter_is_accepted_or_reported(schema, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + "\n".join(body) + "\n"
    source, problems = parse_source("modules/01-x/01-s.es.md", text)
    assert all(isinstance(p, Problem) and p.path and p.field and p.message for p in problems)
    if source is not None:
        found = validate_page(Page(source, "es", "01-x/01-s"), schema, {"a-fact"})
        assert all(isinstance(p, Problem) and p.path and p.field and p.message for p in found)
        assert all(isinstance(p.line, int) or p.line is None for p in found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400))
def test_random_text_never_crashes_the_parser(schema, text):
    source, problems = parse_source("modules/01-x/01-s.es.md", text)
    assert source is not None or problems
    if source is not None:
        validate_page(Page(source, "es", "01-x/01-s"), schema, set())
