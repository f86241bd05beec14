"""Every page's rendered content as the build publishes it goes through the one allow-list
(manualgen/sanitise.py): what is written to the site is always the allow-listed HTML.

Content problems are normally found before anything is written (manualgen/validate.py renders and checks every
page first, manualgen/prerender.py). This is the second line: should a page still carry something the
allow-list removes, the build fails at the end of the last language's pages instead of publishing a page
other than what was written (and the output of a failed `make site` is never swapped in). A page the prerender
passed is not checked twice: when MkDocs' HTML is the passed HTML but for the links it rewrote, every check would
give the same answer (manualgen/passed_page.py); any other difference is checked in full."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import allowed_html
import loaded_manual
import manual_settings
import reporting
from manualgen.atomic import write_atomically
from manualgen.disk_memo import DiskMemo
from manualgen.pipeline import references_behind
from manualgen.prerender import html_problems
from manualgen.problems import ContentError, Problem

# Problems found in this build so far; reset when the first language starts (module state outlives a
# build under `mkdocs serve`).
_problems: list[Problem] = []
# page -> (hash of its HTML, clean HTML, problems): `mkdocs serve` re-checks only the pages that changed.
_memo: dict[str, tuple[str, str, list[Problem]]] = {}
# Pages an earlier build found clean (the allow-list kept every byte, the reading lint said nothing), by the
# hash of their HTML, kept in .cache/checked/ with the allow-list and the code that checks: a `make site` that
# changed nothing checks nothing again. A page whose HTML changed in any byte is checked in full.
_known_clean: set[str] = set()
_clean_now: set[str] = set()  # this build's pages found or known clean, both languages: what is kept
# Pages the allow-list passed without a problem but wrote out differently (a no-break space as &nbsp;, a quote
# unescaped): by the hash of their HTML, the allow-listed HTML to publish, in .cache/checked/ beside the clean ones.
_known_rewritten: DiskMemo | None = None
_checker = ""                 # this build's _checker_version, computed once

@event_priority(100)  # before any other handler of the build's first event
@reporting.reported
def on_pre_build(config):
    if manual_settings.current_language(config) == manual_settings.settings(config).languages[0]:
        _problems.clear()
        _clean_now.clear()
        global _checker
        _checker = _checker_version(config)
        _known_clean.clear()
        _known_clean.update(_read_known_clean(config))
        global _known_rewritten
        _known_rewritten = DiskMemo(_known_clean_path(config).with_name("rewritten-pages.json"), _checker)


@event_priority(-50)  # after every handler that changes the content, before page_render stores it (-60)
@reporting.reported
def on_page_content(html, page, config, files):
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    if digest in _known_clean:
        _clean_now.add(digest)
        return html
    if (rewritten := _known_rewritten.get(digest)) is not None:
        return rewritten
    if (published := _passed_before_writing(html, page, config)) is not None:
        if published == html:
            _clean_now.add(digest)
        else:
            _known_rewritten.put(digest, published)
        return published
    known = _memo.get(page.file.src_uri)
    if known is None or known[0] != digest:
        known = _memo[page.file.src_uri] = (digest, *_checked(html, page, config))
    _, clean, problems = known
    _problems.extend(problems)
    if clean == html and not problems:
        _clean_now.add(digest)
    elif not problems:
        _known_rewritten.put(digest, clean)
    return clean


def _known_clean_path(config) -> Path:
    s = manual_settings.settings(config)
    return s.root / s.cache_dir / "checked" / "clean-pages.txt"


def _checker_version(config) -> str:
    """The allow-list as configured and the source of the code that applies it: a change to either checks
    every page again."""
    here = Path(__file__).resolve().parent / "manualgen"
    code = b"".join((here / name).read_bytes() for name in ("sanitise.py", "lint.py", "prerender.py", "misleading.py",
                                                            "reserved_ids.py", "passed_page.py", "html_events.py"))
    policy = json.dumps(dataclasses.asdict(allowed_html.html_policy(config)), default=sorted, sort_keys=True)
    return hashlib.sha256(code + policy.encode("utf-8")).hexdigest()


def _read_known_clean(config) -> set[str]:
    try:
        version, *digests = _known_clean_path(config).read_text(encoding="ascii").split()
    except (OSError, ValueError):
        return set()
    return set(digests) if version == _checker else set()


def _keep_known_clean(config) -> None:
    if _clean_now == _known_clean:
        return
    try:
        write_atomically(_known_clean_path(config),
                         "\n".join([_checker, *sorted(_clean_now)]).encode("ascii") + b"\n")
    except OSError:
        pass  # a read-only checkout still builds; it just checks every page every time


def _shown(page, config) -> str:
    """The page's file as authors see it (and as the prerender names it)."""
    root, source_path = manual_settings.settings(config).root, Path(page.file.abs_src_path)
    return source_path.relative_to(root).as_posix() if source_path.is_relative_to(root) else page.file.src_uri


def _passed_before_writing(html: str, page, config) -> str | None:
    """The allow-listed HTML to publish when the prerender passed this page in this language and MkDocs wrote
    the same HTML but for the links it rewrote (manualgen/passed_page.py): a first build checks each page once."""
    lang = manual_settings.current_language(config)
    passed = getattr(loaded_manual.loaded(config), "passed_pages", {}).get((_shown(page, config), lang))
    return passed.publish(html) if passed is not None and passed.admits(html) else None


def _checked(html: str, page, config) -> tuple[str, list[Problem]]:
    shown, source_path = _shown(page, config), Path(page.file.abs_src_path)
    source = source_path.read_text(encoding="utf-8", errors="replace") if source_path.is_file() else ""
    # The helplines a cited safety statement prints are the build's own phone links, like [[helpline:…]].
    data, lang = loaded_manual.loaded(config), manual_settings.current_language(config)
    source = references_behind(source, lang, data.labels[lang], data.safety, data.change_check)
    return html_problems(shown, html, source, allowed_html.html_policy(config))


@event_priority(-50)
@reporting.reported
def on_env(env, config, files):
    if manual_settings.current_language(config) == manual_settings.settings(config).languages[-1]:
        if _problems:
            problems = list(_problems)
            _problems.clear()
            raise PluginError(ContentError(problems).report())
        _keep_known_clean(config)
        _known_rewritten.save()
    return env
