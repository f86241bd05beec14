"""Run mode: a session page's phone view for the trainer during the workshop (overrides/manual/_run.html,
docs/assets/javascripts/run.js). Gives the session page its run data (the session's agenda, from the typed
blocks) and the launch button's words; writes each language's run-view.js (overrides/manual/_run_view.html):
the view's dialogs with the run_* words, the helplines and the safety card's rule, the facilitation guide's
section named in mkdocs.yml (extra.manual.run.safety_rule, page stem#heading id), taken from that page's
rendered HTML, never retyped. The view is kept out of the pages: it would weigh ≈ 3 kB gzip on every session
page (README, Budgets), and only a trainer who runs a session needs it."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_state
import language_views
import loaded_manual
import manual_settings
import reporting
import theme_env
from manualgen.atomic import write_atomically
from manualgen.run_mode import (VIEW_SCRIPT, embedded_section, language_root, relative_url, run_words, session_run_data,
                                view_script)

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
    root = language_root(page.url, prefix)
    view["run"] = {
        "data": session_run_data(session["id"], meta["title"], url, root, session["duration_minutes"],
                                 session["agenda"], session["materials"]),
        "words": run_words(labels),
        "view_script": root + VIEW_SCRIPT,
    }
    return context


@reporting.reported
def on_post_build(config):
    """This language's run-view.js, once its pages (the guide among them) are rendered. Its links are written
    from the language's root; run.js prefixes each page's way there."""
    lang = manual_settings.current_language(config)
    prefix = manual_settings.language_prefix(lang, config)
    words = run_words(loaded_manual.loaded(config).labels[lang])
    rule, rule_url = _safety_rule(config, lang, prefix + "index.html")
    dialogs = theme_env.template_env(config).get_template("manual/_run_view.html").render(
        W=words, helplines=language_views.helplines_view(config, lang), rule=rule, rule_url=rule_url)
    write_atomically(Path(config.site_dir) / prefix / VIEW_SCRIPT, view_script(words, dialogs).encode("utf-8"))
