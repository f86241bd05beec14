"""Template helpers without a build: the theme's template names as the framing-page checks ask for them (one lookup
per name, the full list on demand), and front-matter values escaped once for Material's raw printing."""
from __future__ import annotations

from jinja2 import DictLoader, Environment
from markupsafe import Markup

from manualgen.templating import ThemeTemplates, escaped_values


def test_names_are_looked_up_one_at_a_time_and_listed_as_html_only():
    calls = []

    class CountingLoader(DictLoader):
        def list_templates(self):
            calls.append("list")
            return super().list_templates()

    env = Environment(loader=CountingLoader({"manual/home.html": "", "partials/nav.html": "", ".icons/a.svg": ""}))
    templates = ThemeTemplates(env)
    assert "manual/home.html" in templates and "partials/nav.html" in templates
    assert "manual/missing.html" not in templates and ".icons/b.svg" not in templates
    assert calls == []  # membership never lists the theme (Material's 14,000 icons)
    assert sorted(templates) == ["manual/home.html", "partials/nav.html"]


def test_front_matter_values_are_escaped_once_through_lists_and_mappings():
    meta = {"description": "<script>alert(1)</script>", "tags": ["a & b", {"note": "\"x\""}], "order": 3,
            "ready": Markup("<b>safe</b>")}
    assert escaped_values(meta) == {"description": "&lt;script&gt;alert(1)&lt;/script&gt;",
                                    "tags": ["a &amp; b", {"note": "&#34;x&#34;"}], "order": 3, "ready": "<b>safe</b>"}
    assert escaped_values(escaped_values("a & b")) == "a &amp; b"  # Markup is not escaped again
