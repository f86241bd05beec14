"""References in page text: [[fact:ID]] (a sourced figure), [[helpline:ID]] (a phone line from the settings,
as a tap-to-call link), [[manual:NAME]] (a number computed from the manual), [[safety:ID]] (a statement of
the safety guidance, data/safety.yml) and [[changecheck:PRODUCT]] (a table of the change-check questionnaire's
statements). Authors never type figures
or phone numbers; the build checks every reference and replaces it in the page's language."""
from __future__ import annotations

import re
from collections.abc import Callable

from .problems import Problem

KINDS = ("fact", "helpline", "manual", "safety", "schema", "changecheck", "referral")  # schema: the authoring guide's
# field reference; changecheck: a table of the change-check registry (data/change_check.yml); referral: the referral
# log's categories (data/referrals.yml)
REFERENCE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<id>[a-z0-9][a-z0-9-]*)\]\]")

HINTS = {
    "fact": "use un id de data/facts.yml o añada allí el dato con su fuente",
    "helpline": "use un id de extra.manual.helplines en mkdocs.yml",
    "manual": "use uno de los nombres que se listan",
    "safety": "use un id de data/safety.yml",
    "schema": "la única referencia de este tipo es [[schema:reference]]",
    "changecheck": "las tablas del cuestionario son",
    "referral": "la lista de servicios del registro de derivaciones es",
}
WHAT = {"fact": "el dato", "helpline": "la línea de ayuda", "manual": "el número del manual", "safety": "el enunciado de seguridad",
        "schema": "la referencia", "changecheck": "la tabla del cuestionario", "referral": "la tabla de servicios"}


def references_in(text: str) -> list[tuple[int, str, str]]:
    """(line offset, kind, id) of every reference, in order."""
    found, line, last = [], 0, 0
    for match in REFERENCE.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.append((line, match["kind"], match["id"]))
    return found


def reference_problems(path: str, text: str, first_line: int, known: dict[str, set[str]]) -> list[Problem]:
    """Unknown kinds and ids, each with the file line where it is written."""
    problems = []
    for offset, kind, ref_id in references_in(text):
        where = first_line + offset
        if kind not in KINDS:
            problems.append(Problem(path, where, "referencia", f"tipo de referencia desconocido '[[{kind}:…]]'",
                                    f"los tipos son: {', '.join(f'[[{k}:…]]' for k in KINDS)}"))
        elif kind in known and ref_id not in known[kind]:
            choices = f": {', '.join(sorted(known[kind]))}" if kind != "fact" else ""
            problems.append(Problem(path, where, "referencia", f"{WHAT[kind]} '{ref_id}' no existe",
                                    HINTS[kind] + choices))
    return problems


def replace_references(markdown: str, renderers: dict[str, Callable[[str], str | None]]) -> str:
    """Each reference replaced by its renderer's Markdown; unknown ones (reported by validation) stay as written."""
    def substitute(match: re.Match) -> str:
        render = renderers.get(match["kind"])
        text = render(match["id"]) if render else None
        return match.group(0) if text is None else text
    return REFERENCE.sub(substitute, markdown)


def citations_of(kind: str, pages: list[tuple[str, str, str]]) -> dict[str, list[dict]]:
    """Where each reference of this kind ("fact") is cited: {id: [{url, title}]}, from pages given as (url, title,
    Markdown), in their order, each page once per id."""
    found: dict[str, list[dict]] = {}
    for url, title, body in pages:
        for _, cited_kind, ref in references_in(body):
            entry = {"url": url, "title": title}
            if cited_kind == kind and entry not in found.setdefault(ref, []):
                found[ref].append(entry)
    return found
