"""Reading a page: UTF-8 text, YAML front matter with line numbers, and the typed body blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem

FRONT_MATTER_FENCE = "---"
BLOCK_HEADER = re.compile(r"^(?P<fence>/{3,})[ \t]*(?P<type>[^\s|/][^\s|]*)[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
BLOCK_CLOSE = re.compile(r"^(?P<fence>/{3,})[ \t]*$")
CODE_FENCE = re.compile(r"^[ \t]*(```|~~~)")
OPTION_INDENT = "    "
# libyaml when available: the pure-Python loader was a third of the build time.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Bounds that keep every later step (YAML, Markdown) fast whatever a file holds: a front matter is a few
# dozen short fields, and a real page never nests lists ten deep.
MAX_YAML_BYTES = 20_000
MAX_YAML_DEPTH = 8


@dataclass
class Block:
    type: str
    title: str
    options: dict
    content: str
    line: int  # 1-based line of the header in the file
    fence: str = "///"
    option_lines: int = 0  # how many option lines follow the header
    option_line: dict[str, int] = field(default_factory=dict)  # option name -> file line
    end_line: int = 0  # line of the closing fence


@dataclass
class Source:
    path: str
    meta: dict
    body: str
    body_line: int  # file line number of the first body line
    key_lines: dict[str, int] = field(default_factory=dict)  # "materials.0.item" -> line
    blocks: list[Block] = field(default_factory=list)

    def line_of(self, dotted: str) -> int | None:
        """Line of a front matter field, falling back to its nearest parent, then to line 1."""
        parts = dotted.split(".") if dotted else []
        while parts:
            key = ".".join(parts)
            if key in self.key_lines:
                return self.key_lines[key]
            parts.pop()
        return 1


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "archivo", "no es texto UTF-8 válido (¿es un archivo binario o guardado en otra codificación?)",
                              "guárdelo como UTF-8 desde su editor (Guardar como… › Codificación: UTF-8)")]
    if "\x00" in text:
        return None, [Problem(path, text[: text.index("\x00")].count("\n") + 1, "archivo", "contiene bytes nulos: parece un archivo binario, no Markdown",
                              "en modules/ solo van páginas .md de texto")]
    return normalise_newlines(text.lstrip("\ufeff")), []


def normalise_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line endings read as plain newlines, so every check sees the same lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class YamlRefused(ValueError):
    """YAML that is valid but not allowed in the manual (aliases, too deep, too large, repeated keys)."""

    def __init__(self, message: str, line: int, hint: str):
        super().__init__(message)
        self.line, self.hint = line, hint


def safe_yaml(text: str, max_bytes: int = MAX_YAML_BYTES, max_depth: int = MAX_YAML_DEPTH):
    """Parse a small YAML document, refusing what no page needs and what makes parsing explode: anchors and
    aliases (a chain of aliases grows exponentially), nesting deeper than MAX_YAML_DEPTH, more than
    MAX_YAML_BYTES, and a key written twice (the second would silently win). Returns (node, value).
    Scanning the tokens first is linear in the text; only then is the document composed."""
    if len(text.encode("utf-8")) > max_bytes:
        raise YamlRefused(f"los datos pesan más de {max_bytes // 1000} KB", 1, "deje solo los campos necesarios, con textos breves")
    depth = 0
    for token in yaml.scan(text, Loader=YAML_LOADER):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            raise YamlRefused("no se admiten anclas ni alias de YAML (& y *)", token.start_mark.line + 1,
                              "escriba cada valor completo; si empieza con * o &, póngalo entre comillas")
        if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                              yaml.FlowSequenceStartToken)):
            depth += 1
            if depth > max_depth:
                raise YamlRefused(f"demasiados niveles anidados (más de {max_depth})", token.start_mark.line + 1,
                                  "los campos tienen como mucho tres o cuatro niveles")
        elif isinstance(token, (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth -= 1
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        _refuse_repeated_keys(node)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _refuse_repeated_keys(node) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in current.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key in seen:
                    raise YamlRefused(f"el campo '{key}' está escrito dos veces", key_node.start_mark.line + 1,
                                      "deje una sola vez cada campo (la segunda reemplazaría a la primera sin aviso)")
                seen.add(key)
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _key_lines(node, prefix: str, out: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            out[key] = key_node.start_mark.line
            _key_lines(value_node, key, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}.{index}"
            out[key] = item.start_mark.line
            _key_lines(item, key, out)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, file line of the body's first line); no front matter gives ("", text, 1)."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == FRONT_MATTER_FENCE:
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FRONT_MATTER_FENCE), None)
        if end is not None:
            return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2
    return "", text, 1


def parse_source(path: str, text: str) -> tuple[Source | None, list[Problem]]:
    """Split front matter from body and parse both; problems carry file lines."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None, [Problem(path, 1, "front matter", "la página no empieza con un bloque de datos entre líneas '---'",
                              "la primera línea debe ser '---', luego los campos (type, id, title…) y otra línea '---'")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FRONT_MATTER_FENCE)
    except StopIteration:
        return None, [Problem(path, 1, "front matter", "falta la línea '---' que cierra el bloque de datos",
                              "añada una línea con solo '---' después del último campo")]
    yaml_text = "\n".join(lines[1:end])
    try:
        node, meta = safe_yaml(yaml_text)
    except YamlRefused as refused:
        return None, [Problem(path, refused.line + 1, "front matter", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(path, line, "front matter", f"YAML no válido: {reason}",
                              "revise sangrías, los dos puntos después de cada campo y las comillas (un título con ':' va entre comillas)")]
    if not isinstance(meta, dict):
        shown = "vacío" if meta is None else f"un valor de tipo {type(meta).__name__}"
        return None, [Problem(path, 2, "front matter", f"debe ser un conjunto de campos 'nombre: valor', pero es {shown}",
                              "escriba un campo por línea, por ejemplo 'type: session'")]
    key_lines: dict[str, int] = {}
    _key_lines(node, "", key_lines)
    key_lines = {k: v + 2 for k, v in key_lines.items()}  # +1 for 0-based, +1 for the opening fence
    body_line = end + 2
    body = "\n".join(lines[end + 1:])
    source = Source(path, meta, body, body_line, key_lines)
    blocks, problems = parse_blocks(path, body, body_line)
    source.blocks = blocks
    return source, problems


def parse_blocks(path: str, body: str, first_line: int = 1) -> tuple[list[Block], list[Problem]]:
    """Find the top-level '/// type | title' blocks with their indented YAML options."""
    lines = body.split("\n")
    blocks: list[Block] = []
    problems: list[Problem] = []
    in_code = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if CODE_FENCE.match(line):
            in_code = not in_code
        header = None if in_code else BLOCK_HEADER.match(line)
        if not header:
            if not in_code and BLOCK_CLOSE.match(line):
                problems.append(Problem(path, first_line + i, "bloque", f"'{line.strip()}' cierra un bloque que no se abrió",
                                        "borre la línea o añada antes la apertura '/// tipo | título'"))
            i += 1
            continue
        fence = header["fence"]
        start = i
        j = i + 1
        option_lines = []
        while j < len(lines) and lines[j].startswith(OPTION_INDENT) and lines[j].strip():
            option_lines.append(lines[j][len(OPTION_INDENT):])
            j += 1
        options: dict = {}
        if option_lines:
            try:
                loaded = safe_yaml("\n".join(option_lines))[1]
            except YamlRefused as refused:
                loaded = None
                problems.append(Problem(path, first_line + i + refused.line, f"bloque {header['type']}", str(refused), refused.hint))
            except yaml.YAMLError as exc:
                loaded = None
                problems.append(Problem(path, first_line + i + 1, f"bloque {header['type']}", f"opciones YAML no válidas: {getattr(exc, 'problem', exc)}",
                                        "escriba una opción por línea con 4 espacios de sangría, por ejemplo '    minutes: 15'"))
            if isinstance(loaded, dict):
                options = loaded
            elif loaded is not None:
                problems.append(Problem(path, first_line + i + 1, f"bloque {header['type']}", "las opciones deben ser líneas 'nombre: valor'",
                                        "por ejemplo '    minutes: 15'"))
        k = j
        nested_code = False
        while k < len(lines):
            if CODE_FENCE.match(lines[k]):
                nested_code = not nested_code
            close = None if nested_code else BLOCK_CLOSE.match(lines[k])
            if close and close["fence"] == fence:
                break
            k += 1
        if k >= len(lines):
            problems.append(Problem(path, first_line + start, f"bloque {header['type']}", f"el bloque no se cierra: falta una línea '{fence}'",
                                    f"añada una línea con solo '{fence}' al final del contenido del bloque"))
            break
        blocks.append(Block(
            type=header["type"], title=(header["title"] or "").strip(), options=options,
            content="\n".join(lines[j:k]).strip("\n"), line=first_line + start, fence=fence,
            option_lines=len(option_lines), end_line=first_line + k,
            option_line={text.split(":", 1)[0].strip(): first_line + start + 1 + n for n, text in enumerate(option_lines)},
        ))
        i = k + 1
    return blocks, problems
