"""Glossary terms explained on hover: the glossary page's definition list becomes the abbr extension's
glossary for the language being built (each term rendered as <abbr title="definition">)."""
from __future__ import annotations

import re

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
