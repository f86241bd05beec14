"""A page's Markdown as the site renders it: typed blocks rewritten, references replaced in the page's
language, the schema reference filled in. One function for the build (page_render.py) and for the check of
the rendered HTML that runs before the build writes anything (validate.py)."""
from __future__ import annotations

from collections.abc import Callable

from .counts import count_text, manual_counts
from .change_check import Registry
from .change_check_render import change_check_markdown
from .facts import Fact, fact_note, fact_value, render_fact
from .figures_said import figures_said_plainly, spoken_marker
from .helplines import Helpline, helpline_markdown
from .model import Manual, Page
from .reference import MARKER as REFERENCE_MARKER, schema_reference
from .references import REFERENCE, replace_references
from .referrals import Service, referral_markdown
from .safety import Safety, statement_markdown
from .render import rewrite_blocks
from .views import schedule_view


def reference_renderers(manual: Manual, facts: dict[str, Fact], helplines: dict[str, Helpline], labels: dict, lang: str,
                        schedule_options: dict, safety: Safety | None = None,
                        change_check: Registry | None = None,
                        referrals: tuple[Service, ...] = ()) -> dict[str, Callable[[str], str | None]]:
    """How [[fact:…]], [[helpline:…]], [[manual:…]], [[safety:…]], [[changecheck:…]] and [[referral:…]] read in this
    language. A safety statement is put in place with its own helplines and facts already cited."""
    days = len(schedule_view(manual, lang, labels, schedule_options)["days"])
    counts = manual_counts(manual, lang, days)
    renderers = {
        "fact": lambda ref: render_fact(facts[ref], lang, labels) if ref in facts else None,
        "helpline": lambda ref: helpline_markdown(helplines[ref], lang) if ref in helplines else None,
        "manual": lambda ref: count_text(counts[ref], lang, ref) if ref in counts else None,
    }
    cite = dict(renderers)
    # Not reference kinds (kinds are [a-z]+): how a fact reads when said plainly, for figures_said_plainly.
    renderers["fact_value"] = lambda ref: fact_value(facts[ref], lang) if ref in facts else None
    renderers["fact_note"] = lambda ref: fact_note(facts[ref], lang, labels) if ref in facts else None
    if safety is not None:
        renderers["safety"] = lambda ref: statement_markdown(safety, ref, lang, lambda text: replace_references(text, cite))
    # a change-check product may cite a helpline (the kit's notice): replaced like any reference of the page
    renderers["changecheck"] = lambda ref: (replace_references(change_check_markdown(change_check, ref, lang, labels) or "", cite)
                                            or None) if change_check else None
    renderers["referral"] = lambda ref: referral_markdown(referrals, ref, lang, labels) if referrals else None
    return renderers


def page_markdown(markdown: str, page: Page | None, lang: str, labels: dict, renderers: dict, schema: dict) -> str:
    """`markdown` is the page body as MkDocs read it; a manual page is rebuilt from its validated source."""
    if page is not None:
        markdown = rewrite_blocks(page.source, labels)
    if "fact_value" in renderers:
        marker = spoken_marker(labels.get("say_marker", "Diga"))
        said = (lambda paragraph: True) if _participant_sheet(page) else (lambda paragraph: bool(marker.match(paragraph)))
        markdown = figures_said_plainly(markdown, said, renderers["fact_value"], renderers["fact_note"])
    markdown = replace_references(markdown, renderers)
    if REFERENCE_MARKER in markdown:
        markdown = markdown.replace(REFERENCE_MARKER, schema_reference(schema, lang))
    return markdown


def _participant_sheet(page: Page | None) -> bool:
    """A handout participants hold: its figures read plainly, their sources at the foot of the sheet."""
    return page is not None and page.type == "handout" and page.meta.get("audience", "participants") == "participants"


def references_behind(text: str, lang: str, labels: dict, safety: Safety | None, change_check: Registry | None) -> str:
    """`text` with each reference that prints other references ([[safety:…]] statements, [[changecheck:…]] tables)
    replaced by what it cites, as written: the checks that count a page's [[helpline:…]] references (a phone link
    must come from one) see the ones a statement or the kit's notice brings."""
    from .safety import with_statements
    if safety is not None:
        text = with_statements(text, safety, lang)
    if change_check is None:
        return text
    return REFERENCE.sub(lambda match: (change_check_markdown(change_check, match["id"], lang, labels) or match.group(0))
                         if match["kind"] == "changecheck" else match.group(0), text)
