"""The safety guidance as data (data/safety.yml): the statements a facilitator applies word for word, written once
per language and cited in pages as [[safety:ID]], and the paraphrases that stop the build when a page retells a
statement in its own words. Plain functions, no MkDocs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem
from .references import REFERENCE
from .source import YamlRefused, normalise_newlines, safe_yaml

MAX_SAFETY_BYTES = 100_000
# What a statement may cite: a helpline or a fact (never another statement: one level, read in one place).
CITABLE = ("helpline", "fact")


@dataclass(frozen=True)
class Paraphrase:
    pattern: re.Pattern
    use: str   # the statement to cite instead
    says: str  # what the phrase retells, for the message


@dataclass(frozen=True)
class Safety:
    statements: dict[str, dict[str, str]]  # id -> language -> Markdown
    paraphrases: dict[str, tuple[Paraphrase, ...]]  # language -> phrases refused outside a statement

    def text(self, statement_id: str, lang: str) -> str | None:
        return (self.statements.get(statement_id) or {}).get(lang)


EMPTY = Safety({}, {})


def load_safety(path: Path, languages: tuple[str, ...], shown: str, known: dict[str, set[str]]) -> tuple[Safety, list[Problem]]:
    """The statements and paraphrases, or every problem with the file's line. `known` holds the helpline and fact
    ids a statement may cite."""
    try:
        node, data = safe_yaml(normalise_newlines(path.read_text(encoding="utf-8")), MAX_SAFETY_BYTES, 5)
    except YamlRefused as refused:
        return EMPTY, [Problem(shown, refused.line, "safety", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return EMPTY, [Problem(shown, mark.line + 1 if mark else None, "safety", f"YAML no válido: {getattr(exc, 'problem', None) or exc}",
                               "revise sangrías, dos puntos y comillas")]
    except (OSError, UnicodeDecodeError) as exc:
        return EMPTY, [Problem(shown, None, "safety", f"no se pudo leer el archivo: {exc}", "revise que exista y sea texto UTF-8")]
    if not isinstance(data, dict) or not isinstance(data.get("statements"), dict) or not data["statements"]:
        return EMPTY, [Problem(shown, 1, "statements", "falta la lista de enunciados ('statements:')",
                               "vea el comentario al inicio del archivo; si lo borró por error, recupérelo con git")]
    lines = _key_lines(node)
    statements, problems = {}, []
    for statement_id, entry in data["statements"].items():
        field = f"statements.{statement_id}"
        line = lines.get(field)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(statement_id)):
            problems.append(Problem(shown, line, field, "el id solo lleva minúsculas, cifras y guiones", "por ejemplo: nivel-1"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line, field, "cada enunciado necesita su texto en cada idioma", "escriba es: … y en: …"))
            continue
        texts = {}
        for lang in languages:
            text = entry.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(shown, lines.get(f"{field}.{lang}", line), f"{field}.{lang}",
                                        f"falta el texto en '{lang}'", f"escriba el enunciado en '{lang}' (un párrafo)"))
                continue
            problems += _statement_problems(shown, lines.get(f"{field}.{lang}", line), f"{field}.{lang}", text, known)
            texts[lang] = " ".join(text.split())
        statements[statement_id] = texts
    paraphrases = {}
    for lang in languages:
        found, more = _paraphrases(shown, lines, (data.get("paraphrases") or {}).get(lang), lang, statements)
        paraphrases[lang] = found
        problems += more
    return (Safety(statements, paraphrases) if not problems else EMPTY), problems


def _statement_problems(shown: str, line, field: str, text: str, known: dict[str, set[str]]) -> list[Problem]:
    problems = []
    if "\n\n" in text.strip() or re.search(r"\]\(|<[a-zA-Z/]", text):
        problems.append(Problem(shown, line, field, "un enunciado es un solo párrafo, sin enlaces ni HTML",
                                "deje solo el texto; la página que lo cita pone el enlace a su lado"))
    for match in REFERENCE.finditer(text):
        kind, ref = match["kind"], match["id"]
        if kind not in CITABLE:
            problems.append(Problem(shown, line, field, f"un enunciado no puede citar '[[{kind}:…]]'",
                                    "cite solo líneas de ayuda ([[helpline:…]]) o datos ([[fact:…]])"))
        elif ref not in known.get(kind, set()):
            problems.append(Problem(shown, line, field, f"'[[{kind}:{ref}]]' no existe", "use un id que exista"))
    return problems


def _paraphrases(shown: str, lines: dict, entries, lang: str, statements: dict) -> tuple[tuple[Paraphrase, ...], list[Problem]]:
    field = f"paraphrases.{lang}"
    if not isinstance(entries, list) or not entries:
        return (), [Problem(shown, lines.get("paraphrases", 1), field, f"faltan las frases que se refieren a la regla en '{lang}'",
                            "añada al menos la que nombra el peligro con otras palabras")]
    found, problems = [], []
    for index, entry in enumerate(entries):
        where = f"{field}.{index}"
        line = lines.get(where, lines.get(field))
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].strip() for k in ("pattern", "use", "says")):
            problems.append(Problem(shown, line, where, "cada frase necesita pattern, use y says", "vea las demás entradas"))
            continue
        if entry["use"] not in statements:
            problems.append(Problem(shown, line, f"{where}.use", f"el enunciado '{entry['use']}' no existe",
                                    f"use uno de: {', '.join(statements)}"))
            continue
        try:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as exc:
            problems.append(Problem(shown, line, f"{where}.pattern", f"expresión no válida: {exc}", "revise paréntesis y barras"))
            continue
        found.append(Paraphrase(pattern, entry["use"], entry["says"]))
    return tuple(found), problems


def _key_lines(node) -> dict[str, int]:
    """Line of every key and list item, as dotted paths ("statements.nivel-1.es", "paraphrases.es.0")."""
    lines: dict[str, int] = {}

    def walk(current, dotted):
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                path = f"{dotted}.{key.value}" if dotted else str(key.value)
                lines[path] = key.start_mark.line + 1
                walk(value, path)
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                lines[f"{dotted}.{index}"] = item.start_mark.line + 1
                walk(item, f"{dotted}.{index}")
    walk(node, "")
    return lines


def paraphrase_problems(path: str, text: str, lang: str, safety: Safety, first_line: int = 1) -> list[Problem]:
    """Each place where `text` (a page, front matter included) retells a statement in its own words, with its
    file line and the statement to cite instead. A [[safety:…]] reference is the statement itself, never a
    paraphrase."""
    problems = []
    for phrase in safety.paraphrases.get(lang, ()):
        for match in phrase.pattern.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            problems.append(Problem(path, line, "regla de seguridad",
                                    f"«{' '.join(match.group(0).split())}»: {phrase.says}",
                                    f"cite el enunciado con [[safety:{phrase.use}]] (data/safety.yml) en lugar de contarlo con otras palabras"))
    return sorted(problems, key=lambda p: p.line or 0)


def statement_markdown(safety: Safety, statement_id: str, lang: str, cite) -> str | None:
    """The statement's Markdown in `lang` with its own references (helplines, facts) put in place by `cite`
    (references.replace_references with the page's renderers); None for an unknown id."""
    text = safety.text(statement_id, lang)
    return cite(text) if text is not None else None


def with_statements(text: str, safety: Safety, lang: str) -> str:
    """`text` with each [[safety:ID]] replaced by the statement as written, its own [[helpline:…]] and [[fact:…]]
    references included: what a page cites, for the checks that count the references behind what is printed
    (a statement's phone links are the build's, not typed)."""
    def expand(match):
        statement = safety.text(match["id"], lang) if match["kind"] == "safety" else None
        return statement if statement is not None else match.group(0)
    return REFERENCE.sub(expand, text)


def statements_as_html(statement_markdown_of):
    """statement id -> the statement as HTML (None: unknown), from a renderer that gives its Markdown in a language
    with its helplines cited (pipeline.reference_renderers()["safety"]): how the checklists print them."""
    import markdown

    def html(statement_id: str) -> str | None:
        text = statement_markdown_of(statement_id) if statement_markdown_of else None
        return markdown.markdown(text, extensions=["attr_list"]) if text else None
    return html
