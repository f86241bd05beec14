"""Run mode: a session page's phone view for the trainer during the workshop (overrides/manual/_run.html,
docs/assets/javascripts/run.js). Gives the template the run data (the session's agenda, from the typed blocks),
the run_* words and the safety card's rule: the facilitation guide's section named in mkdocs.yml
(extra.manual.run.safety_rule, page stem#heading id), taken from that page's rendered HTML, never retyped."""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_state
import loaded_manual
import reporting
from manualgen.run_mode import embedded_section, language_root, relative_url, run_words, session_run_data

DEFAULT_RULE = "guia-facilitacion#regla-de-revelacion"


def _rule_setting(config) -> tuple[str, str]:
    value = str(((config.extra.get("manual") or {}).get("run") or {}).get("safety_rule") or DEFAULT_RULE)
    stem, _, anchor = value.partition("#")
    if not stem or not anchor:
        raise PluginError(f"mkdocs.yml: extra.manual.run.safety_rule: {value!r} no indica página y título — escriba "
                          f"la página y el id del título, por ejemplo {DEFAULT_RULE}")
    return stem, anchor


def _safety_rule(config, lang: str, page_url: str) -> tuple[Markup | None, str | None]:
    """The rule's HTML for a page (links rebased to it) and the rule's address, or (None, None) when the manual
    has no such page (a test manual). A page without the heading stops the build: the card would lose the rule."""
    stem, anchor = _rule_setting(config)
    pages = build_state.rendered.get(lang, {})
    found = next((p for src, p in pages.items() if src.split("/")[-1].split(".")[0] == stem and "/" not in src), None)
    if found is None:
        return None, None
    section = embedded_section(found["html"], anchor, found["url"], page_url)
    if section is None:
        raise PluginError(f"mkdocs.yml: extra.manual.run.safety_rule: la página {stem} ({lang}) no tiene un título con "
                          f"id '{anchor}' — devuélvale el id al título de la regla ({{#{anchor}}}) o corrija el ajuste")
    return Markup(section), relative_url(found["url"] + "#" + anchor, page_url)  # allow-listed HTML (rendered_check), ids dropped


@event_priority(-10)  # after page_render's on_page_context (priority 0), which builds context["manual"]
@reporting.reported
def on_page_context(context, page, config, nav):
    view = context.get("manual")
    if not isinstance(view, dict):
        return context  # a page the manual's hooks do not describe
    labels = view["labels"]
    if page.meta.get("template") == "manual/planner.html":
        view["run"] = {"words": run_words(labels)}  # the planner only starts a run: its button and run.js
        return context
    session = view.get("session")
    if not session:
        return context  # run mode is for session pages
    lang = view["lang"]
    meta = loaded_manual.loaded(config).manual.by_id(lang, session["id"]).meta
    prefix = view["prefix"]
    url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    rule, rule_url = _safety_rule(config, lang, page.url)
    view["run"] = {
        "data": session_run_data(session["id"], meta["title"], url, language_root(page.url, prefix),
                                 session["duration_minutes"], session["agenda"], session["materials"]),
        "words": run_words(labels),
        "rule": rule,
        "rule_url": rule_url,
    }
    return context
