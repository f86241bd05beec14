"""Glossary terms explained on hover: the glossary page's definition list becomes the abbr extension's
glossary for the language being built (each term rendered as <abbr title="definition">)."""
from __future__ import annotations

import re
import unicodedata

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
            entries.append((previous.strip(), plain_text(definition)))
    return entries


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
    """The glossary page with an id on every term (<dt id="cem">), made by the build from the term itself, never
    typed; an id the page already uses gets a number (-2, -3…). A term spelt the same in both languages (CEM,
    DEMUNA, Línea 100…) has the same id in both, so the language switch keeps the place."""
    taken = set(re.findall(r'\bid="([^"]+)"', html))
    def add_id(match: re.Match) -> str:
        base = anchor = term_anchor(TAG.sub("", match.group(1)))
        number = 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        return f'<dt id="{anchor}">{match.group(1)}</dt>'
    return TERM.sub(add_id, html)
