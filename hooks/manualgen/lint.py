"""Content lint run on every page of every build: accessibility and safety mistakes an author can make in
Markdown. Each finding is a Problem with file and line; all are errors (the site is built strict)."""
from __future__ import annotations

import re

from .problems import Problem

CODE_FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[^)\s]*)[^)]*\)")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)[^)]*\)")
HTML_TAG = re.compile(r"<\s*(?P<tag>script|iframe|object|embed|frame|frameset|applet)\b", re.I)
EVENT_ATTR = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"(href|src)\s*=\s*[\"']?\s*javascript:", re.I)
VAGUE_LINK_TEXT = {"aquí", "aqui", "clic aquí", "clic aqui", "haga clic aquí", "haz clic aquí", "click aquí",
                   "este enlace", "enlace", "link", "más", "mas", "ver más", "here", "click here", "this link",
                   "read more", "more", "link here"}
TEMPLATE_MARK = "✎"  # scaffolded files mark every text the author still has to write
HINT_LINK = "escriba un texto que diga adónde lleva el enlace, por ejemplo «ficha La caja del hombre» / «the man box worksheet»"


def _lines_outside_code(markdown: str):
    in_code = False
    for number, line in enumerate(markdown.split("\n")):
        if CODE_FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            yield number, INLINE_CODE.sub("", line)


def lint_markdown(path: str, markdown: str, first_line: int = 1) -> list[Problem]:
    problems: list[Problem] = []
    previous_level = 1  # the page title is the H1
    for offset, line in _lines_outside_code(markdown):
        at = first_line + offset
        heading = HEADING.match(line)
        if heading and not line.startswith("#!"):
            level, text = len(heading[1]), heading[2]
            if not text.strip():
                problems.append(Problem(path, at, "encabezado", "encabezado vacío", "escriba el texto del encabezado o borre la línea"))
            if level == 1:
                problems.append(Problem(path, at, "encabezado", "encabezado de nivel 1 ('#') en el cuerpo",
                                        "el título de la página ya es el encabezado principal: use '##'"))
            elif level > previous_level + 1:
                problems.append(Problem(path, at, "encabezado", f"salta del nivel {previous_level} al {level}",
                                        f"use {'#' * (previous_level + 1)} para no saltar niveles (los lectores de pantalla navegan por ellos)"))
            previous_level = level
        for image in IMAGE.finditer(line):
            if not image["alt"].strip():
                problems.append(Problem(path, at, "imagen", f"imagen sin texto alternativo ({image['url']})",
                                        "describa la imagen entre los corchetes: ![Descripción](imagen.png)"))
        for link in LINK.finditer(line):
            text = re.sub(r"[*_`]", "", link["text"]).strip().lower().rstrip(".:")
            if text in VAGUE_LINK_TEXT:
                problems.append(Problem(path, at, "enlace", f"texto de enlace poco informativo «{link['text']}»", HINT_LINK))
            if link["url"].startswith("http://"):
                problems.append(Problem(path, at, "enlace", f"enlace externo sin https: {link['url']}",
                                        "use la dirección https:// (los enlaces http pueden ser interceptados o bloqueados)"))
        if TEMPLATE_MARK in line:
            problems.append(Problem(path, at, "plantilla", "texto de plantilla sin completar (✎)",
                                    "reemplace la línea marcada con ✎ por el contenido real"))
        tag = HTML_TAG.search(line)
        if tag:
            problems.append(Problem(path, at, "html", f"etiqueta <{tag['tag'].lower()}> no permitida: el contenido no puede ejecutar código ni incrustar otras páginas",
                                    "borre la etiqueta; para un video o documento externo, ponga un enlace con texto descriptivo"))
        if EVENT_ATTR.search(line) or JS_URL.search(line):
            problems.append(Problem(path, at, "html", "atributo de HTML que ejecuta código (on…= o javascript:)",
                                    "borre el atributo: el contenido no puede ejecutar código"))
    return problems


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


def framing_page_problems(path: str, text: str) -> list[Problem]:
    """Framing pages in docs/ need a readable front matter with a title (MkDocs would silently show the
    broken block as text and take the title from the file name)."""
    from .source import parse_source
    source, problems = parse_source(path, text)
    problems = [p for p in problems if p.field == "front matter"]
    if source is not None and not isinstance(source.meta.get("title"), str):
        problems.append(Problem(path, source.line_of("title"), "title", "falta el título de la página",
                                "añada 'title: …' al bloque de datos"))
    return problems
