"""Every page's rendered content as the build publishes it goes through the one allow-list
(manualgen/sanitise.py): what is written to the site is always the allow-listed HTML.

Content problems are normally found before anything is written (build_context renders and checks every
page first, manualgen/prerender.py). This is the second line: should a page still carry something the
allow-list removes, the build fails at the end of the last language's pages instead of publishing a page
other than what was written (and the output of a failed `make site` is never swapped in)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_context
from manualgen.prerender import html_problems
from manualgen.problems import ContentError, Problem

# Problems found in this build so far; reset when the first language starts (module state outlives a
# build under `mkdocs serve`).
_problems: list[Problem] = []
# page -> (hash of its HTML, clean HTML, problems): `mkdocs serve` re-checks only the pages that changed.
_memo: dict[str, tuple[str, str, list[Problem]]] = {}

@event_priority(100)  # before any other handler of the build's first event
@build_context.reported
def on_pre_build(config):
    if build_context.current_language(config) == build_context.settings(config).languages[0]:
        _problems.clear()


@event_priority(-50)  # after every handler that changes the content, before page_render stores it (-60)
@build_context.reported
def on_page_content(html, page, config, files):
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    known = _memo.get(page.file.src_uri)
    if known is None or known[0] != digest:
        known = _memo[page.file.src_uri] = (digest, *_checked(html, page, config))
    _, clean, problems = known
    _problems.extend(problems)
    return clean


def _checked(html: str, page, config) -> tuple[str, list[Problem]]:
    s = build_context.settings(config)
    source_path = Path(page.file.abs_src_path)
    shown = source_path.relative_to(s.root).as_posix() if source_path.is_relative_to(s.root) else page.file.src_uri
    source = source_path.read_text(encoding="utf-8", errors="replace") if source_path.is_file() else ""
    return html_problems(shown, html, source, build_context.html_policy(config))


@event_priority(-50)
@build_context.reported
def on_env(env, config, files):
    if build_context.current_language(config) == build_context.settings(config).languages[-1] and _problems:
        problems = list(_problems)
        _problems.clear()
        raise PluginError(ContentError(problems).report())
    return env
