"""The theme's template names as the framing-page checks ask for them: one lookup per name, the full list on demand."""
from __future__ import annotations

from jinja2 import DictLoader, Environment

from manualgen.templating import ThemeTemplates


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
