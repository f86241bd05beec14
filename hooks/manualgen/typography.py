"""Typographic quotes for languages that use them (English: “…”, ‘…’ and the apostrophe ’), applied as a page is
built so authors and translators type plain quotes. Spanish keeps its «comillas» as written.

Two entry points: `smart_quotes` for plain text (front matter values: titles, objectives, activity names) and
`smart_quotes_html` for a rendered page, which changes text only — never a tag, an attribute, code or a script."""
from __future__ import annotations

import re

OPENING_CONTEXT = set(" \t\n\r([{<“‘—–-/\u00a0")  # after these, a quote opens
SKIPPED = {"code", "pre", "kbd", "samp", "script", "style", "textarea"}
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
ENTITY = {"&quot;": '"', "&#34;": '"', "&#x22;": '"', "&#39;": "'", "&#x27;": "'", "&apos;": "'"}
ENTITY_RE = re.compile("|".join(map(re.escape, ENTITY)))
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
BLOCKS = frozenset({"p", "li", "td", "th", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote",
                    "section", "summary"})


def smart_quotes(text: str, before: str = " ") -> str:
    """Straight quotes to typographic ones. `before` is the character that precedes `text` (a quote at its start
    opens after a space, closes after a word). Apostrophes inside words (it's, men's) become ’."""
    if '"' not in text and "'" not in text:
        return text  # most of a page's text: nothing to change, no pass over each character (0.1 s a build)
    out = []
    previous = before
    for index, char in enumerate(text):
        if char == '"':
            char = "“" if previous in OPENING_CONTEXT or previous == "" else "”"
        elif char == "'":
            following = text[index + 1] if index + 1 < len(text) else " "
            opens = (previous in OPENING_CONTEXT or previous == "") and not following.isspace()
            char = "‘" if opens else "’"
        out.append(char)
        previous = char
    return "".join(out)


def smart_quotes_html(html: str) -> str:
    """The page's text with typographic quotes; tags, attributes, comments and the insides of code, pre,
    kbd, samp, script, style and textarea left exactly as they were. Quote entities in text count as quotes."""
    out, position, skipping, previous = [], 0, [], " "
    for match in TOKEN.finditer(html):
        text = html[position:match.start()]
        if text:
            if skipping:
                out.append(text)
            else:
                plain = ENTITY_RE.sub(lambda m: ENTITY[m.group(0)], text) if "&" in text else text
                converted = smart_quotes(plain, previous)
                out.append(converted)
                previous = converted[-1]
        tag = match.group(0)
        out.append(tag)
        name = TAG_NAME.match(tag)
        if name:
            lowered = name.group(1).lower()
            if lowered in SKIPPED and not tag.endswith("/>"):
                if tag.startswith("</"):
                    if skipping and skipping[-1] == lowered:
                        skipping.pop()
                else:
                    skipping.append(lowered)
            elif lowered in BLOCKS:
                previous = " "  # a new block: a quote at its start opens
        position = match.end()
    tail = html[position:]
    out.append(tail if skipping else smart_quotes(ENTITY_RE.sub(lambda m: ENTITY[m.group(0)], tail), previous))
    return "".join(out)


def smart_quotes_data(value):
    """Every string in front matter data (nested lists and mappings), with typographic quotes."""
    if isinstance(value, str):
        return smart_quotes(value)
    if isinstance(value, list):
        return [smart_quotes_data(item) for item in value]
    if isinstance(value, dict):
        return {key: smart_quotes_data(item) for key, item in value.items()}
    return value
