"""A page's Markdown as the site renders it: typed blocks rewritten, references replaced in the page's
language, the schema reference filled in. One function for the build (page_render.py) and for the check of
the rendered HTML that runs before the build writes anything (build_context.py)."""
from __future__ import annotations

from collections.abc import Callable

from .counts import count_text, manual_counts
from .change_check import Registry
from .change_check_render import change_check_markdown
from .facts import Fact, render_fact
from .helplines import Helpline, helpline_markdown
from .model import Manual, Page
from .reference import MARKER as REFERENCE_MARKER, schema_reference
from .references import replace_references
from .render import rewrite_blocks
from .views import schedule_view


def reference_renderers(manual: Manual, facts: dict[str, Fact], helplines: dict[str, Helpline], labels: dict, lang: str,
                        schedule_options: dict, change_check: Registry | None = None) -> dict[str, Callable[[str], str | None]]:
    """How [[fact:…]], [[helpline:…]], [[manual:…]] and [[changecheck:…]] read in this language."""
    days = len(schedule_view(manual, lang, labels, schedule_options)["days"])
    counts = manual_counts(manual, lang, days)
    renderers = {
        "fact": lambda ref: render_fact(facts[ref], lang, labels) if ref in facts else None,
        "helpline": lambda ref: helpline_markdown(helplines[ref], lang) if ref in helplines else None,
        "manual": lambda ref: count_text(counts[ref], lang, ref) if ref in counts else None,
    }
    # a change-check product may cite a helpline (the kit's notice): replaced like any reference of the page
    renderers["changecheck"] = lambda ref: (replace_references(change_check_markdown(change_check, ref, lang, labels) or "", renderers)
                                            or None) if change_check else None
    return renderers


def page_markdown(markdown: str, page: Page | None, lang: str, labels: dict, renderers: dict, schema: dict) -> str:
    """`markdown` is the page body as MkDocs read it; a manual page is rebuilt from its validated source."""
    if page is not None:
        markdown = rewrite_blocks(page.source, labels)
    markdown = replace_references(markdown, renderers)
    if REFERENCE_MARKER in markdown:
        markdown = markdown.replace(REFERENCE_MARKER, schema_reference(schema, lang))
    return markdown
