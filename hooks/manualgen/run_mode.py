"""Run mode (the trainer's phone view while a session runs): the data its script reads and the safety card's
rule, taken from the facilitation guide's rendered HTML, and the per-language script that carries the view's
dialogs and words (run-view.js). Plain functions, no MkDocs."""
from __future__ import annotations

import posixpath
import re

from jinja2.utils import htmlsafe_json_dumps

from .aggregate import rebase_links
from .catalog import material_entry

HEADING = re.compile(r"<h([1-6])\b[^>]*>", re.I)
ID_ATTRIBUTE = re.compile(r'\sid="[^"]*"')
# The view's dialogs and words, one file at each language's root: loaded by run-launch.js only when run mode is
# wanted, as a <script> (the one way file:// can load it; a fetch of JSON cannot there).
VIEW_SCRIPT = "run-view.js"


def section_html(html: str, anchor: str) -> str | None:
    """The part of a rendered page under the heading whose id is `anchor`: that heading and everything up to
    the next heading of the same or a higher level (or the end). None when no heading has that id."""
    opening = None
    for match in HEADING.finditer(html):
        if opening is None:
            if re.search(r'\sid="%s"' % re.escape(anchor), match.group(0)):
                opening = match
        elif int(match.group(1)) <= int(opening.group(1)):
            return html[opening.start():match.start()].strip()
    return html[opening.start():].strip() if opening else None


def demote_headings(html: str, levels: int) -> str:
    """<h2> becomes <h3> (levels=1) and so on, at most <h6>: a section shown inside another page's outline."""
    def shift(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(6, int(match.group(2)) + levels)}"
    return re.sub(r"<(/?)h([1-6])\b", shift, html)


def embedded_section(html: str, anchor: str, from_url: str, to_url: str, levels: int = 1) -> str | None:
    """A section of one page (see section_html) shown in another: ids dropped (they belong to the page it comes
    from), links rebased to the showing page, headings demoted by `levels`."""
    section = section_html(html, anchor)
    if section is None:
        return None
    return demote_headings(rebase_links(ID_ATTRIBUTE.sub("", section), from_url, to_url), levels)


def relative_url(target: str, page_url: str) -> str:
    """The address of `target` as written on the page at `page_url` (both relative to the site root)."""
    path, _, anchor = target.partition("#")
    found = posixpath.relpath(path, posixpath.dirname(page_url) or ".")
    return found + ("#" + anchor if anchor else "")


def language_root(page_url: str, prefix: str) -> str:
    """The relative address of the language's root folder from a page ('../../' from 'modules/m/s.html';
    '' for a page at the root). page_url is relative to the site root; prefix is '' or 'en/'."""
    up = posixpath.relpath(prefix or ".", posixpath.dirname(page_url) or ".")
    return "" if up == "." else up + "/"


def session_run_data(session_id: str, title: str, url: str, root: str, duration: int, agenda: list[dict],
                     materials: list) -> dict:
    """What run.js reads on a session page (emitted as JSON): the session, its activities from the agenda (the
    typed blocks' minutes and grouping, and each block's anchor) and its materials. url is relative to the
    language's root; root is the way there from the page."""
    return {
        "id": session_id, "title": title, "url": url, "root": root, "duration": duration,
        "activities": [{"n": row["index"], "anchor": row["anchor"], "title": row["title"], "minutes": row["minutes"],
                        "grouping": row["grouping"]} for row in agenda],
        "materials": [material_entry(m) for m in materials],
    }


def run_words(labels: dict) -> dict:
    """The run_* interface words without their prefix, for the script."""
    return {key[len("run_"):]: value for key, value in labels.items() if key.startswith("run_")}


def view_script(words: dict, dialogs: str) -> str:
    """run-view.js for one language: `window.manualRunView = {"words": …, "dialogs": …}`. Both are data in one
    JSON literal (Jinja's htmlsafe_json_dumps: every non-ASCII character and <, >, &, ' as \\u escapes), so no
    word and no text of the guide can end the script or be read as code."""
    payload = htmlsafe_json_dumps({"words": words, "dialogs": dialogs}, sort_keys=True)
    return ("/* Run mode's view for one language (its dialogs and the run_* words of data/labels.yml), written by\n"
            "   hooks/run_mode.py from overrides/manual/_run_view.html: do not edit. */\n"
            f"window.manualRunView = {payload};\n")
