"""Glossary terms explained on hover: the glossary page's definition list becomes the abbr extension's
glossary for the language being built (each term rendered as <abbr title="definition">). Each term has an id
(glosario.html#caja-del-hombre) shared by both languages, so a link and the language switch keep the term: the
Spanish term's own, made from its words; a translated term spelt differently names it after the term
(`Man box {#caja-del-hombre}`), and the build checks that every term of the source has exactly one."""
from __future__ import annotations

import re
import unicodedata

from .problems import Problem

TERM_ID = re.compile(r"\s*\{:?\s*#([A-Za-z0-9_-]+)\s*\}\s*$")  # attr_list's `{#id}` after a term
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ATTRIBUTES = re.compile(r"\{:[^}]*\}")
EMPHASIS = re.compile(r"(\*\*|\*|__|_)(.+?)\1")


def parse_glossary(markdown: str, resolve=None) -> list[tuple[str, str]]:
    """(term, definition) pairs from a Markdown definition list ("Term" then ":   definition"). `resolve`, if
    given, turns [[helpline:…]], [[fact:…]] and [[manual:…]] into their Markdown first (hover text is plain)."""
    entries, lines = [], markdown.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        previous = lines[index - 1]
        if line.startswith(":") and previous.strip() and not previous.startswith((":", " ", "\t", "#", "-", "*")):
            definition = line.lstrip(":").strip()
            if resolve is not None and "[[" in definition:
                definition = resolve(definition)
            entries.append((TERM_ID.sub("", previous).strip(), plain_text(definition)))
    return entries


def glossary_terms(markdown: str) -> list[tuple[int, str, str]]:
    """(line, term, id) of every term: the id written after the term (`{#id}`), else the one made from it."""
    found, lines = [], markdown.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        previous = lines[index - 1]
        if line.startswith(":") and previous.strip() and not previous.startswith((":", " ", "\t", "#", "-", "*")):
            written = TERM_ID.search(previous)
            term = TERM_ID.sub("", previous).strip()
            found.append((index, term, written.group(1) if written else term_anchor(term)))
    return found


def with_term_ids(markdown: str) -> str:
    """The glossary's Markdown with every term's id written after it (`CEM {#cem}`) where the author did not: the
    ids are then part of the page as MkDocs reads it, so a link to glosario.md#cem passes the strict build's
    anchor check like any heading's."""
    lines = markdown.split("\n")
    for line, _term, anchor in glossary_terms(markdown):
        if not TERM_ID.search(lines[line - 1]):
            lines[line - 1] = f"{lines[line - 1].rstrip()} {{#{anchor}}}"
    return "\n".join(lines)


def shared_id_problems(source: str, source_text: str, translation: str, translation_text: str) -> list[Problem]:
    """Each term of the translated glossary (file `translation`) must carry the id of one term of the source
    glossary (`source`), and every source term must have exactly one: /glosario/#x and /en/glosario/#x are then
    the same term, and the language switch keeps the reader's place."""
    source_terms, translated = glossary_terms(source_text), glossary_terms(translation_text)
    ids = {anchor for _, _, anchor in source_terms}
    free = ", ".join(sorted(ids - {anchor for _, _, anchor in translated})) or "ninguno"
    problems, seen = [], {}
    for line, term, anchor in translated:
        if anchor not in ids:
            problems.append(Problem(translation, line, "glosario", f"«{term}» no corresponde a ningún término de "
                                    f"{source} (su id sería «{anchor}»)",
                                    f"escriba tras el término el id del término original, {term} {{#id}}; "
                                    f"ids sin término aquí: {free}"))
        elif anchor in seen:
            problems.append(Problem(translation, line, "glosario", f"«{term}» lleva el id «{anchor}», que ya lleva "
                                    f"«{seen[anchor]}»", f"cada término de {source} corresponde a uno solo aquí"))
        seen.setdefault(anchor, term)
    for line, term, anchor in source_terms:
        if anchor not in seen:
            problems.append(Problem(source, line, "glosario", f"«{term}» (id «{anchor}») no tiene término en {translation}",
                                    f"tradúzcalo allí, con {{#{anchor}}} tras el término si se escribe distinto"))
    return problems


def plain_text(text: str) -> str:
    text = LINK.sub(r"\1", ATTRIBUTES.sub("", text))
    text = EMPHASIS.sub(r"\2", text)
    return text.replace('"', "'").strip()


def abbreviations(entries: list[tuple[str, str]]) -> dict[str, str]:
    """Each term and, for ordinary words, the lower-case form used mid-sentence, with its definition."""
    glossary = {}
    for term, definition in entries:
        glossary[term] = definition
        if term[:1].isupper() and not term.isupper() and term[1:2].islower():
            glossary[term[0].lower() + term[1:]] = definition
    return glossary


ABBR_TAG = re.compile(r"</?abbr\b[^>]*>")


def strip_abbreviations(html: str) -> str:
    """The glossary page itself shows the definitions: no hover boxes there."""
    return ABBR_TAG.sub("", html)


TERM = re.compile(r"<dt>(.*?)</dt>", re.S)
TAG = re.compile(r"<[^>]+>")


def term_anchor(term: str) -> str:
    """'Caja del hombre' -> 'caja-del-hombre', 'Ley N.° 30364' -> 'ley-n-30364': letters without accents,
    digits and hyphens, so a term can be linked to (glosario.html#cem)."""
    plain = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "termino"


def anchor_terms(html: str) -> str:
    """The glossary page with an id on every term (<dt id="cem">) that has none yet, made from the term itself;
    an id the page already uses gets a number (-2, -3…). A term spelt the same in both languages (CEM, DEMUNA,
    Línea 100…) gets the same id in both; a translated term spelt differently already carries its Spanish
    term's (`Man box {#caja-del-hombre}`, checked by shared_id_problems)."""
    taken = set(re.findall(r'\bid="([^"]+)"', html))
    def add_id(match: re.Match) -> str:
        base = anchor = term_anchor(TAG.sub("", match.group(1)))
        number = 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        return f'<dt id="{anchor}">{match.group(1)}</dt>'
    return TERM.sub(add_id, html)
