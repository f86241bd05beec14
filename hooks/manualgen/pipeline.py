"""A page's Markdown as the site renders it: typed blocks rewritten, references replaced in the page's
language, the schema reference filled in. One function for the build (page_render.py) and for the check of
the rendered HTML that runs before the build writes anything (build_context.py)."""
from __future__ import annotations

from collections.abc import Callable

from .counts import count_text, manual_counts
from .facts import Fact, render_fact
from .helplines import Helpline, helpline_markdown
from .model import Manual, Page
from .reference import MARKER as REFERENCE_MARKER, schema_reference
from .references import replace_references
from .safety import Safety, statement_markdown
from .render import rewrite_blocks
from .views import schedule_view


def reference_renderers(manual: Manual, facts: dict[str, Fact], helplines: dict[str, Helpline], labels: dict, lang: str,
                        schedule_options: dict, safety: Safety | None = None) -> dict[str, Callable[[str], str | None]]:
    """How [[fact:…]], [[helpline:…]], [[manual:…]] and [[safety:…]] read in this language. A safety statement
    is put in place with its own helplines and facts already cited."""
    days = len(schedule_view(manual, lang, labels, schedule_options)["days"])
    counts = manual_counts(manual, lang, days)
    renderers = {
        "fact": lambda ref: render_fact(facts[ref], lang, labels) if ref in facts else None,
        "helpline": lambda ref: helpline_markdown(helplines[ref], lang) if ref in helplines else None,
        "manual": lambda ref: count_text(counts[ref], lang, ref) if ref in counts else None,
    }
    cite = dict(renderers)
    if safety is not None:
        renderers["safety"] = lambda ref: statement_markdown(safety, ref, lang, lambda text: replace_references(text, cite))
    return renderers


def page_markdown(markdown: str, page: Page | None, lang: str, labels: dict, renderers: dict, schema: dict) -> str:
    """`markdown` is the page body as MkDocs read it; a manual page is rebuilt from its validated source."""
    if page is not None:
        markdown = rewrite_blocks(page.source, labels)
    markdown = replace_references(markdown, renderers)
    if REFERENCE_MARKER in markdown:
        markdown = markdown.replace(REFERENCE_MARKER, schema_reference(schema, lang))
    return markdown
