"""Every page rendered and checked before the build writes anything: the HTML allow-list (sanitise.py) and
the reading lint (lint.lint_html) see exactly what the site will publish, and a mistake stops the build while
the previous site is untouched, with the problems of both languages in one report.

The build itself renders the pages again and publishes them through the same allow-list (rendered_check.py):
this early pass is what lets the error come first; what it passed is remembered (passed_page.py), so the build's
own rendering of a page is checked again only where it differs in more than the links MkDocs rewrites."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import markdown as markdown_lib

from .html_events import html_events
from .lint import lint_html
from .misleading import misleading_problems
from .passed_page import passed_page
from .problems import Problem
from .sanitise import Policy, check, source_line

HINT_HTML = ("el contenido no puede ejecutar código, cargar nada de otro sitio ni cambiar el diseño: borre lo señalado "
             "(para un video o documento externo, ponga un enlace https:// con texto descriptivo)")


@dataclass(frozen=True)
class Job:
    shown: str      # the file as authors see it
    lang: str
    text: str       # the Markdown the site renders (pipeline.page_markdown)
    source: str     # the file's text, to find lines


def html_problems(shown: str, html: str, source: str, rules: Policy) -> tuple[str, list[Problem]]:
    """The allow-listed HTML and every problem in it, with the source line where it can be found."""
    clean, removed = check(html, rules)
    problems = [Problem(shown, source_line(source, r.needle), "html", r.what, r.hint or HINT_HTML) for r in removed]
    events = html_events(clean)  # one parse for both checks
    problems += [Problem(shown, _first_line(source, needle), field, message, hint)
                 for field, message, hint, needle in lint_html(clean, events)
                 + misleading_problems(clean, source, rules.helplines, events)]
    return clean, problems


def _first_line(source: str, needles: str | tuple[str, ...]) -> int | None:
    for needle in (needles,) if isinstance(needles, str) else needles:
        line = source_line(source, needle)
        if line is not None:
            return line
    return None


class Renderer:
    """Python-Markdown configured as the site's (mkdocs.yml markdown_extensions), one instance per glossary."""

    def __init__(self, extensions: list, configs: dict):
        self.extensions, self.configs = extensions, configs
        self._instances: dict[str, markdown_lib.Markdown] = {}

    def html(self, text: str, glossary: dict[str, str]) -> str:
        key = hashlib.sha256(repr(sorted(glossary.items())).encode()).hexdigest()
        md = self._instances.get(key)
        if md is None:
            configs = {**self.configs, "abbr": {**(self.configs.get("abbr") or {}), "glossary": glossary}}
            md = self._instances[key] = markdown_lib.Markdown(extensions=self.extensions, extension_configs=configs)
        md.reset()
        return md.convert(text)


def rendered_problems(jobs: Iterable[Job], renderer: Renderer, glossaries: dict[str, dict], rules: Policy,
                      memo: dict, passed: dict | None = None) -> list[Problem]:
    """Problems of every page; `memo` (kept by the caller for the process) skips pages whose rendered
    Markdown and glossary are unchanged since the last check. `passed` receives, by (file, language), each page
    that passed (passed_page.PassedPage): the build's own rendering of it is not checked again."""
    problems: list[Problem] = []
    seen = {}
    for job in jobs:
        glossary = glossaries.get(job.lang, {})
        key = hashlib.sha256(f"{job.shown}\0{job.lang}\0{sorted(glossary.items())}\0{job.text}".encode()).hexdigest()
        found = memo.get(key)
        if found is None:
            html = renderer.html(job.text, glossary)
            clean, page_problems = html_problems(job.shown, html, job.source, rules)
            found = (page_problems, None if page_problems else passed_page(html, clean))
        seen[key] = found
        problems += found[0]
        if passed is not None and found[1] is not None:
            passed[(job.shown, job.lang)] = found[1]
    memo.clear()
    memo.update(seen)
    return problems
