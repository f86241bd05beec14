"""Glossary terms explained on hover: the glossary page's definition list becomes Markdown abbreviations
(`*[term]: definition`, rendered as <abbr title>) appended to every other page of the same language."""
from __future__ import annotations

import re

LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|\*|__|_)(.+?)\1")


def parse_glossary(markdown: str) -> list[tuple[str, str]]:
    """(term, definition) pairs from a Markdown definition list ("Term" then ":   definition")."""
    entries, lines = [], markdown.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        previous = lines[index - 1]
        if line.startswith(":") and previous.strip() and not previous.startswith((":", " ", "\t", "#", "-", "*")):
            entries.append((previous.strip(), plain_text(line.lstrip(":").strip())))
    return entries


def plain_text(text: str) -> str:
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return text.replace('"', "'").strip()


def abbreviations(entries: list[tuple[str, str]]) -> str:
    """Abbreviation lines for each term and, for ordinary words, their lower-case form used mid-sentence."""
    lines = []
    for term, definition in entries:
        forms = [term]
        if term[:1].isupper() and not term.isupper() and term[1:2].islower():
            forms.append(term[0].lower() + term[1:])
        lines += [f"*[{form}]: {definition}" for form in forms]
    return "\n".join(lines)
