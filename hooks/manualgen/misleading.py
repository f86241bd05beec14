"""What allow-listed HTML could still do to mislead a reader, refused like markup the allow-list removes:

- hide the safety guidance: a safety box inside a <details> (closed, or closable by a tap) is folded away; no
  other allowed element can hide anything (no style, hidden, template or unknown class gets through);
- pass a typed phone number off as a helpline: every phone link (`tel:`) and every element with one of the
  classes the build gives its references (`helpline`, `fact…`) must come from a reference — [[helpline:ID]],
  [[fact:ID]] — so a number can only be the one in extra.manual.helplines."""
from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

from .html_events import html_events, replay
from .references import REFERENCE

SAFETY_CLASS = "safety"
# Classes the build gives what a reference renders (helplines.helpline_markdown, facts.render_fact), by the kind
# of reference that makes them.
REFERENCE_CLASSES = {"helpline": "helpline", "fact": "fact", "fact-source": "fact", "fact--verified": "fact",
                     "fact--sourced": "fact", "fact--uncertain": "fact"}
CONTROL = re.compile(r"[\x00-\x20]")


def link_scheme(href: str) -> str:
    """The scheme a browser reads in an href (entities decoded, tabs, line breaks and spaces dropped)."""
    value = CONTROL.sub("", unescape(href or ""))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    return match[1].lower() if match else ""


class _Elements(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.hidden_safety = 0
        self.phone_links: list[tuple[str, list[str]]] = []  # (href, classes) of <a> that phone or claim a helpline
        self.classes: Counter = Counter()  # reference classes found, element by element

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if SAFETY_CLASS in classes and "details" in self.stack + [tag]:
            self.hidden_safety += 1
        href = values.get("href") or ""
        if tag == "a" and (link_scheme(href) == "tel" or "helpline" in classes):
            self.phone_links.append((href, classes))
        self.classes.update(c for c in classes if c in REFERENCE_CLASSES)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def misleading_problems(html: str, source: str, helplines: tuple[tuple[str, str], ...],
                        events: list[tuple] | None = None) -> list[tuple]:
    """(field, message, hint, text — or texts, the first found — to find the source line) for each way the page
    misleads. `source` is the file as written (its references are counted); `helplines` the (id, href) of every
    helpline; `events` the page already parsed (html_events), to parse it once for several checks."""
    found = _Elements()
    replay(html_events(html) if events is None else events, found)
    problems = []
    if found.hidden_safety:
        problems.append(("seguridad", "un bloque de seguridad está dentro de <details>: el lector lo ve plegado",
                         "saque el bloque /// safety del <details>: la guía de seguridad se publica siempre a la vista",
                         ("<details", "| details", "details")))
    references = Counter((m["kind"], m["id"]) for m in REFERENCE.finditer(source))
    href_of = dict(helplines)
    made = Counter()  # phone links each href may have: one per [[helpline:ID]] in the page
    for (kind, ref), count in references.items():
        if kind == "helpline":
            made[href_of.get(ref, "")] += count
    ids = ", ".join(f"[[helpline:{line_id}]]" for line_id, _ in helplines) or "[[helpline:ID]]"
    seen = Counter()
    for href, classes in found.phone_links:
        known = bool(href) and href in made and "helpline" in classes
        seen[href] += 1
        if known and seen[href] <= made[href]:
            continue
        number = CONTROL.sub("", unescape(href))
        same = next((line_id for line_id, line_href in helplines if line_href == number), None)
        use = f"[[helpline:{same}]]" if same else f"una línea de extra.manual.helplines ({ids})"
        problems.append(("enlace", f"enlace de teléfono escrito a mano ({href[:40]}): los teléfonos y la clase "
                         "helpline los pone la construcción", f"escriba {use}", href[:40] or "helpline"))
    facts = sum(count for (kind, _), count in references.items() if kind == "fact")
    for name, count in sorted(found.classes.items()):
        kind = REFERENCE_CLASSES[name]
        if kind == "fact" and count > facts:  # (helpline classes: checked with the phone links above)
            problems.append(("html", f"clase «{name}» escrita a mano: la pone la construcción al citar un dato o una línea",
                             f"escriba [[{kind}:ID]] en su lugar", name))
    return problems
