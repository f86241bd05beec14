"""Content lint run on every page of every build: accessibility and safety mistakes an author can make in
Markdown. Each finding is a Problem with file and line; all are errors (the site is built strict)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .html_events import html_events, replay
from .problems import Problem

CODE_FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
VAGUE_LINK_TEXT = {"aquí", "aqui", "clic aquí", "clic aqui", "haga clic aquí", "haz clic aquí", "click aquí",
                   "este enlace", "enlace", "link", "más", "mas", "ver más", "here", "click here", "this link",
                   "read more", "more", "link here"}
TEMPLATE_MARK = "✎"  # scaffolded files mark every text the author still has to write
HINT_LINK = "escriba un texto que diga adónde lleva el enlace, por ejemplo «ficha La caja del hombre» / «the man box worksheet»"
# Bounds that keep Markdown's own parser fast (it is quadratic on runs of "[" and recursive on nesting):
# no real page comes near them.
MAX_LINE = 5_000
MAX_BRACKETS_PER_PARAGRAPH = 300
MAX_INDENT = 40
MAX_NESTING = 10
# HTML elements open inside one another: Python-Markdown's raw-HTML handling and the search plugin's parser are
# quadratic in this depth (20,000 levels took 26 s, 80,000 over 400 s), and no page needs more than a few.
MAX_HTML_NESTING = 30
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>")
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def lint_markdown(path: str, markdown: str, first_line: int = 1) -> list[Problem]:
    """Checks on the Markdown text itself, each linear in its length: unfinished template text and the bounds
    above. Everything about the rendered page (headings, images, links, HTML) is checked on the parsed HTML
    (lint_html and sanitise.py)."""
    problems: list[Problem] = []
    brackets, paragraph_start, in_code, html_depth = 0, first_line, False, 0
    for offset, line in enumerate(markdown.split("\n")):
        at = first_line + offset
        if CODE_FENCE.match(line):
            in_code = not in_code
        if not line.strip():
            brackets, paragraph_start = 0, at + 1
            continue
        if len(line) > MAX_LINE:
            problems.append(Problem(path, at, "texto", f"línea de {len(line)} caracteres (el máximo es {MAX_LINE})",
                                    "parta el párrafo en varias líneas o en varios párrafos"))
            continue
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            problems.append(Problem(path, paragraph_start, "texto", f"más de {MAX_BRACKETS_PER_PARAGRAPH} corchetes «[» en un párrafo",
                                    "revise el párrafo: un enlace se escribe [texto](destino)"))
            brackets = -len(markdown)  # one report per paragraph
        if not in_code and html_depth >= 0:
            html_depth = _html_depth(INLINE_CODE.sub("", line), html_depth)
            if html_depth > MAX_HTML_NESTING:
                problems.append(Problem(path, at, "html", f"elementos HTML anidados en más de {MAX_HTML_NESTING} niveles",
                                        "cierre cada etiqueta que abre (</div>…) y use como mucho unos pocos niveles"))
                html_depth = -1  # one report per page
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT or _nesting(line) > MAX_NESTING:
            problems.append(Problem(path, at, "texto", f"listas o citas anidadas en más de {MAX_NESTING} niveles",
                                    "use como mucho tres o cuatro niveles de listas o citas (>)"))
        if TEMPLATE_MARK in line and not in_code and TEMPLATE_MARK in INLINE_CODE.sub("", line):
            problems.append(Problem(path, at, "plantilla", "texto de plantilla sin completar (✎)",
                                    "reemplace la línea marcada con ✎ por el contenido real"))
    return problems


def _html_depth(line: str, depth: int) -> int:
    """How many HTML elements are open after `line`, `depth` being open before it (linear in the line)."""
    for match in HTML_TAG.finditer(line):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            depth = max(depth - 1, 0)
        elif name not in VOID_ELEMENTS and not match.group(0).endswith("/>"):
            depth += 1
            if depth > MAX_HTML_NESTING:
                break
    return depth


def _nesting(line: str) -> int:
    """How many list markers or quote marks open the line ("- - > - x" is four), counted in one pass."""
    depth, i, n = 0, 0, len(line)
    while i < n:
        while i < n and line[i] in " \t":
            i += 1
        if i < n and line[i] in "-*+>":
            if line[i] != ">" and (i + 1 >= n or line[i + 1] not in " \t"):
                break
            depth += 1
            i += 1
            continue
        j = i
        while j < n and j - i < 9 and line[j].isdigit():
            j += 1
        if j > i and j < n and line[j] in ".)" and (j + 1 >= n or line[j + 1] in " \t"):
            depth += 1
            i = j + 1
            continue
        break
    return depth


class _Reading(HTMLParser):
    """Collects what a reader of the page meets: headings, images and link texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.images: list[tuple[str, str | None]] = []
        self.links: list[tuple[str, str]] = []
        self._heading: list | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = [int(tag[1]), ""]
        elif tag == "img":
            self.images.append((attrs.get("src") or "", attrs.get("alt")))
        elif tag == "a" and attrs.get("href") is not None:
            self._link = [attrs.get("href") or "", ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self._heading is not None and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data
        if self._link is not None:
            self._link[1] += data


def lint_html(html: str, events: list[tuple] | None = None) -> list[tuple[str, str, str, str]]:
    """Reading problems in a page's rendered content: (field, message, hint, text to find the source line).
    `events`: the page already parsed (html_events), to parse it once for several checks."""
    reading = _Reading()
    replay(html_events(html) if events is None else events, reading)
    found = []
    previous = 1  # the page title is the H1
    for level, text in reading.headings:
        if not text:
            found.append(("encabezado", "encabezado vacío", "escriba el texto del encabezado o borre la línea", "#"))
        if level == 1:
            found.append(("encabezado", "encabezado de nivel 1 ('#') en el cuerpo",
                          "el título de la página ya es el encabezado principal: use '##'", text or "# "))
        elif level > previous + 1:
            found.append(("encabezado", f"salta del nivel {previous} al {level}",
                          f"use {'#' * (previous + 1)} para no saltar niveles (los lectores de pantalla navegan por ellos)", text or "#"))
        previous = level
    for src, alt in reading.images:
        if not (alt or "").strip():
            found.append(("imagen", f"imagen sin texto alternativo ({src})",
                          "describa la imagen entre los corchetes: ![Descripción](imagen.png)", src or "!["))
    for href, text in reading.links:
        plain = text.strip().lower().rstrip(".:")
        if plain in VAGUE_LINK_TEXT:
            found.append(("enlace", f"texto de enlace poco informativo «{text}»", HINT_LINK, f"[{text}]"))
    return found


def lint_document(path: str, text: str) -> list[Problem]:
    """Lint a whole file, skipping its front matter but keeping file line numbers."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if end is not None:
            return lint_markdown(path, "\n".join(lines[end + 1:]), end + 2)
    return lint_markdown(path, text, 1)


TEMPLATE_LINE = re.compile(r"^template:\s*['\"]?(?P<name>[^'\"\s]+)", re.M)


def template_problems(path: str, text: str, available: set[str]) -> list[Problem]:
    """A framing page's `template:` must name a template that exists (MkDocs would stop with a traceback)."""
    parts = text.split("---", 2)
    if len(parts) < 3 or parts[0].strip():
        return []
    match = TEMPLATE_LINE.search(parts[1])
    if not match or match["name"] in available:
        return []
    line = parts[1][: match.start()].count("\n") + 1
    choices = ", ".join(sorted(t for t in available if t.startswith("manual/") and not t.split("/")[-1].startswith("_")))
    return [Problem(path, line, "template", f"la plantilla '{match['name']}' no existe",
                    f"use una de: {choices}; o borre la línea para una página normal")]


ICON_LINE = re.compile(r"^icon:\s*['\"]?(?P<name>[^'\"\s]*)", re.M)


def icon_problems(path: str, text: str, available) -> list[Problem]:
    """A framing page's `icon:` must name one of the theme's icons (`material/…`): MkDocs would stop with a
    message about search paths that says nothing of the page."""
    parts = text.split("---", 2)
    if len(parts) < 3 or parts[0].strip():
        return []
    match = ICON_LINE.search(parts[1])
    if not match or f".icons/{match['name']}.svg" in available:
        return []
    line = parts[1][: match.start()].count("\n") + 1
    return [Problem(path, line, "icon", f"el icono '{match['name']}' no existe",
                    "use el nombre de un icono del tema, por ejemplo 'material/book-open-variant' (lista en "
                    "https://pictogrammers.com/library/mdi/), o borre la línea")]


# A count of the manual's own parts typed by hand ("diecisiete sesiones", "12 workshop days") goes stale when a
# session is added: framing pages write [[manual:sessions]] and the build fills it. Rules such as "dos sesiones
# por día" are not counts of the manual (numbers below three are left alone).
_COUNT_WORDS = (r"\d+|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|"
                r"dieciocho|diecinueve|veinte|veintiuno|veintidós|veintitrés|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty")
TYPED_COUNT = re.compile(rf"\b({_COUNT_WORDS})\s+(módulos|sesiones|fichas|horas de (?:taller|sesiones)|días de taller|"
                         r"modules|sessions|handouts|hours of (?:workshop|sessions)|workshop days)\b", re.I)
COUNT_REFERENCE = {"módulos": "modules", "modules": "modules", "sesiones": "sessions", "sessions": "sessions",
                   "fichas": "handouts", "handouts": "handouts", "días de taller": "days", "workshop days": "days"}


def framing_page_problems(path: str, text: str, schema: dict | None = None) -> list[Problem]:
    """Framing pages in docs/ need a readable front matter with a title (MkDocs would silently show the
    broken block as text and take the title from the file name) and only the keys the manual uses, as the
    schema's `framing` definition says (the theme prints other keys such as subtitle, status or icon raw, and
    some templates redirect); they take the manual's counts from its data."""
    from .schema import page_schema, violations
    from .source import parse_source
    source, problems = parse_source(path, text)
    problems = [p for p in problems if p.field == "front matter"]
    if source is not None and not isinstance(source.meta.get("title"), str):
        problems.append(Problem(path, source.line_of("title"), "title", "falta el título de la página",
                                "añada 'title: …' al bloque de datos"))
    elif source is not None and schema is not None:
        problems += [Problem(path, source.line_of(field), field, message, hint)
                     for field, message, hint in violations(source.meta, page_schema(schema, "framing"))]
    for number, line in enumerate(text.split("\n"), start=1):
        for match in TYPED_COUNT.finditer(re.sub(r"\[\[[^\]]*\]\]", "", line)):
            name = COUNT_REFERENCE.get(match.group(2).lower(), "hours")
            problems.append(Problem(path, number, "texto", f"«{match.group(0)}» es un número escrito a mano y "
                                    "quedará desactualizado cuando cambie el manual",
                                    f"escriba [[manual:{name}]] {match.group(2)}: la construcción pone el número"))
    return problems
