"""One allow-list for the HTML that content becomes (web pages and PDFs alike), enforced with nh3 (the
Rust `ammonia` sanitiser), never with regular expressions.

Content is data: nothing an author or translator writes may run a script, load anything from another host
or restyle the page (a single <style> could hide every safety box). The build does not silently publish a
cleaned page: a page whose HTML the allow-list would change is an author error that says what would be
removed. To tell "nh3 serialises differently" from "nh3 removes something", the page is cleaned twice by the
same library: once with the allow-list and once letting through every tag and attribute the page has; the
two outputs differ only where the allow-list removed something."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import nh3

from .reserved_ids import is_reserved

# What Markdown, the manual's typed blocks and the allowed extensions produce, and nothing else.
TAGS = frozenset({
    "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
# Classes the generator itself writes; admonition types come from mkdocs.yml (see policy()).
GENERATED_CLASSES = frozenset({"admonition", "admonition-title", "activity-meta", "write-lines", "fact", "fact-source",
                               "fact--verified", "fact--sourced", "fact--uncertain", "helpline",
                               "footnote", "footnote-ref", "footnote-backref", "same-day",  # a figure's source at the page's foot
                               "picture-scale",  # the change-check answer sheet (change_check_render.answers)
                               "code-sheet", "code-boxes", "code-write"})  # the participant code (change_check_render)
CLASS_PATTERNS = (re.compile(r"^lines-(?:[1-9]|1[0-2])$"), re.compile(r"^language-[\w+-]{1,30}$"),
                  re.compile(r"^picture--[a-z-]{1,30}$"))  # a pictogram above a head cell (pictograms.with_scale_pictures)
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
TAG_NAME = re.compile(r"<\s*/?\s*([a-zA-Z][\w:-]*)")
OPEN_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
ATTR_NAME = re.compile(r"[\s\"'/]([a-zA-Z_:@][^\s\"'<>/=]*)")


@dataclass(frozen=True)
class Policy:
    classes: frozenset[str]
    reserved_ids: frozenset[str] = frozenset()  # the templates' ids (reserved_ids.py); prefixes always apply
    helplines: tuple[tuple[str, str], ...] = ()  # (id, href) of every helpline: the only phone links, by reference

    def allows_class(self, name: str) -> bool:
        return name in self.classes or any(p.match(name) for p in CLASS_PATTERNS)

    def reserves_id(self, value: str) -> bool:
        return is_reserved(value, self.reserved_ids)


def policy(admonition_types: list[str] | tuple[str, ...] = (), reserved_ids: frozenset[str] = frozenset(),
           helplines: tuple[tuple[str, str], ...] = ()) -> Policy:
    return Policy(frozenset(GENERATED_CLASSES | set(admonition_types)), frozenset(reserved_ids), tuple(helplines))


def _relative(url: str) -> bool:
    """A link inside the site: no scheme, not protocol-relative (//host), no backslashes (browsers read \\ as /)."""
    return not SCHEME.match(url) and not url.lstrip().startswith("//") and "\\" not in url


def _attribute_filter(rules: Policy):
    def keep(tag: str, name: str, value: str) -> str | None:
        if name == "class":
            kept = [c for c in value.split() if rules.allows_class(c)]
            return " ".join(kept) if kept == value.split() and kept else None
        if name == "id":
            return None if rules.reserves_id(value) else value
        if name == "href":
            scheme = SCHEME.match(re.sub(r"[\t\n\r]", "", value))  # as a browser reads it: java<newline>script: runs
            if scheme:
                return value if scheme[1].lower() in LINK_SCHEMES else None
            return value if _relative(value) else None
        if name == "src":
            return value if _relative(value) else None  # images only from the site itself
        return value
    return keep


def clean(html: str, rules: Policy) -> str:
    """The page as the allow-list lets it through."""
    return nh3.clean(html, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     attribute_filter=_attribute_filter(rules), url_schemes=set(LINK_SCHEMES), link_rel=None,
                     strip_comments=True, clean_content_tags={"script", "style"})


def _permissive(html: str) -> str:
    """The same page through the same serialiser, with every tag, attribute and URL scheme it uses let through
    (names are over-collected on purpose: letting through more than the page has changes nothing)."""
    tags = {m[1].lower() for m in TAG_NAME.finditer(html)}
    names = {m[1].lower() for tag in OPEN_TAG.finditer(html) for m in ATTR_NAME.finditer(tag.group(0))}
    decoded = re.sub(r"[\t\n\r]", "", unescape(html))  # browsers read java&#58;script: and java\tscript: as javascript:
    schemes = {form for name in schemes_before_colons(decoded) for form in (name, name.lower())} | set(LINK_SCHEMES)
    return nh3.clean(html, tags=tags, attributes={"*": names}, url_schemes=schemes, link_rel=None, strip_comments=True,
                     clean_content_tags=set())


SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-"


def schemes_before_colons(text: str) -> set[str]:
    """Every name a URL scheme could be, each before a colon of `text`: the letters, digits, +, . and - just before
    it, from the first letter on — what the pattern `([a-zA-Z][a-zA-Z0-9+.-]*):` finds, without trying it at every
    letter of the page (a third of the check's time)."""
    found = set()
    for piece in text.split(":")[:-1]:
        name = piece[len(piece.rstrip(SCHEME_CHARS)):].lstrip("0123456789+.-")
        if name:
            found.add(name)
    return found


@dataclass(frozen=True)
class Removal:
    what: str     # Spanish description of what the allow-list removes
    needle: str | re.Pattern  # text (or a pattern of a source line) to look for in the source to find the line
    hint: str = ""  # how to fix it, when there is more to say than "remove it"


# Elements whose content the browser reads as raw text up to their end tag: left open, they swallow the rest of
# the page, and the allow-list would report one removal for all of it, hiding every other problem after it.
RAW_TEXT = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b[^>]*>", re.I)
# A level-1 heading in the source: "# Title" (Markdown) or <h1> (HTML). The page title is the only level 1.
H1_SOURCE = re.compile(r"^ {0,3}#(?!#)[ \t]+\S|<h1\b", re.I)
HINT_H1 = "el título de la página (campo title) es el único de nivel 1: use ## para las secciones"


def _unclosed_raw_text(html: str) -> list[re.Match]:
    """The opening tags of raw-text elements that are never closed, in page order."""
    found, at = [], 0
    while (opening := RAW_TEXT.search(html, at)) is not None:
        closing = re.compile(rf"</{opening[1]}\s*>", re.I).search(html, opening.end())
        if closing is None:
            found.append(opening)
            at = opening.end()
        else:
            at = closing.end()
    return found


def _one_line(text: str, limit: int) -> str:
    """A piece of the page quoted in a one-line message: whitespace runs (newlines too) as one space."""
    return " ".join(text.split())[:limit]


def check(html: str, rules: Policy) -> tuple[str, list[Removal]]:
    """The page as it is published (always the allow-listed HTML) and what the allow-list removed from it
    (empty when it passes unchanged)."""
    strict = clean(html, rules)
    unclosed = _unclosed_raw_text(html)
    for opening in reversed(unclosed):  # checked without them, so that what follows is checked too
        html = html[:opening.start()] + html[opening.end():]
    found = [Removal(f"etiqueta <{o[1].lower()}> sin cerrar: oculta todo lo que la sigue en la página", f"<{o[1]}",
                     f"borre la etiqueta <{o[1].lower()}>") for o in unclosed]
    loose = _permissive(html)
    strict_rest = clean(html, rules) if unclosed else strict
    if strict_rest == loose:
        return strict, found
    return strict, found + _differences(_tokens(loose), _tokens(strict_rest), rules)


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.out.append(("end", tag, ()))

    def handle_data(self, data):
        if data.strip():
            self.out.append(("text", data.strip(), ()))


def _tokens(html: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.out


def _differences(before: list[tuple], after: list[tuple], rules: Policy) -> list[Removal]:
    found: list[Removal] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        kept = after[b0:b1]
        for token in before[a0:a1]:
            kind, name, attrs = token
            twin = next((t for t in kept if t[0] == kind and t[1] == name), None)
            if kind == "start" and twin is not None:
                lost = sorted(set(attrs) - set(twin[2]))
                found += [_attribute_removal(name, key, value, rules) for key, value in lost]
            elif kind == "start" and name == "h1":
                found.append(Removal("encabezado de nivel 1 («# …»)", H1_SOURCE, HINT_H1))
            elif kind == "start":
                found.append(Removal(f"etiqueta <{name}> no permitida", f"<{name}"))
            elif kind == "text" and not any(t[0] == "text" and t[1] == name for t in kept):
                found.append(Removal(f"texto dentro de una etiqueta no permitida («{_one_line(name, 40)}»)",
                                     name.strip().split("\n")[0][:40]))
    unique: dict[str, Removal] = {}
    for removal in found:
        unique.setdefault(removal.what, removal)
    return list(unique.values())


def _attribute_removal(tag: str, name: str, value: str, rules: Policy) -> Removal:
    if name.startswith("on"):
        return Removal(f"atributo {name} en <{tag}>: ejecutaría código", name)
    if name in ("href", "src"):
        scheme = SCHEME.match(re.sub(r"[\t\n\r]", "", value))  # as a browser reads it: java<newline>script: runs
        if name == "src" and (scheme or value.startswith("//")):
            return Removal(f"imagen de otro sitio ({_one_line(value, 60)}): las imágenes deben estar en el propio manual", value[:40])
        if scheme and scheme[1].lower() == "http":
            return Removal(f"enlace sin https ({_one_line(value, 60)}): solo se permiten enlaces https:, mailto:, tel: o a páginas "
                           "del manual", value[:40], "use la dirección https:// (los enlaces http pueden ser interceptados o bloqueados)")
        if scheme:
            return Removal(f"enlace con «{scheme[1].lower()}:» ({_one_line(value, 60)}): solo se permiten enlaces https:, mailto:, tel: "
                           "o a páginas del manual", value[:40])
        return Removal(f"dirección no permitida en {name} ({_one_line(value, 60)})", value[:40])
    if name == "style":
        return Removal(f"atributo style en <{tag}>: el contenido no puede cambiar el diseño", "style")
    if name == "class":
        odd = " ".join(c for c in value.split() if not rules.allows_class(c)) or value
        return Removal(f"clase «{odd}» en <{tag}>: solo se permiten las clases del manual", odd.split()[0])
    if name == "id":
        return Removal(f"id «{value}» en <{tag}>: ese nombre está reservado para el sitio (lo usan sus plantillas y "
                       "programas)", value, "use otro id, por ejemplo con una palabra propia de la página delante")
    return Removal(f"atributo {name} en <{tag}> no permitido", name)


def source_line(source: str, needle: str | re.Pattern) -> int | None:
    """First line (1-based) of the source that contains the needle, ignoring case and reading character
    references as the browser does (java&#115;cript: is found as javascript:); a needle that spans lines (a
    URL with a newline in it) is found on the line where it starts; a pattern is matched against each line
    after the front matter. None when not found."""
    if isinstance(needle, re.Pattern):
        lines = source.split("\n")
        body = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] else 0
        return next((number for number, line in enumerate(lines[body:], start=body + 1) if needle.search(line)), None)
    wanted = needle.casefold()
    if not wanted:
        return None
    if "\n" in wanted:
        at = source.casefold().find(wanted)
        if at >= 0:
            return source.casefold().count("\n", 0, at) + 1
        wanted = max(wanted.split("\n"), key=len)
    lines = [(number, line.casefold(), unescape(line).casefold() if "&" in line else "")
             for number, line in enumerate(source.split("\n"), start=1)]
    # Where it is written as a link or attribute value first ("(javascript:…", "='javascript:…"): a mention of the
    # same text earlier on (in a code span, a sentence) is not the line to fix.
    as_value = re.compile(r"""[("'=]\s*""" + re.escape(wanted))
    for number, line, decoded in lines:
        if as_value.search(line) or (decoded and as_value.search(decoded)):
            return number
    for number, line, decoded in lines:
        if wanted in line or wanted in decoded:
            return number
    return None
