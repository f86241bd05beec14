"""The interface words (data/labels.yml): one mapping per language, the same keys in each, text values, checked
against their schema (schema/labels.schema.json): no word is blank, and braces are only the placeholders the
build fills for that key, as plain {name}. A label is printed on every page and through str.format: a format
spec ({n:>99999999}) or an attribute ({n.__class__}) would be evaluated, an unknown name would stop the build.
A mistake there is reported like any content mistake: file, line, field and how to fix it."""
from __future__ import annotations

import json
import string
from pathlib import Path

import yaml

from .problems import Problem
from .source import YamlRefused, normalise_newlines, safe_yaml

MAX_LABELS_BYTES = 200_000


def load_label_rules(path: Path) -> dict:
    """The labels' schema: {"required": [key…], "placeholders": {key: [name…]}}."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_labels(path: Path, languages: tuple[str, ...], shown: str, rules: dict | None = None) -> tuple[dict, list[Problem]]:
    try:
        node, data = safe_yaml(normalise_newlines(path.read_text(encoding="utf-8")), MAX_LABELS_BYTES, 3)
    except YamlRefused as refused:
        return {}, [Problem(shown, refused.line, "labels", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(shown, mark.line + 1 if mark else None, "labels", f"YAML no válido: {getattr(exc, 'problem', None) or exc}",
                            "revise sangrías, dos puntos y comillas (un texto con ':' va entre comillas)")]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(shown, None, "labels", f"no se pudo leer el archivo: {exc}", "revise que exista y sea texto UTF-8")]
    if not isinstance(data, dict):
        return {}, [Problem(shown, 1, "labels", "debe tener un bloque por idioma (es:, en:) con las palabras de la interfaz",
                            "vea el comentario al inicio del archivo; si lo borró por error, recupérelo con git")]
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    word_lines = {(lang.value, key.value): key.start_mark.line + 1 for lang, words in node.value
                  if isinstance(words, yaml.MappingNode) for key, _ in words.value} if isinstance(node, yaml.MappingNode) else {}
    problems = []
    reference = data.get(languages[0])
    for lang in languages:
        words = data.get(lang)
        if not isinstance(words, dict) or not words:
            problems.append(Problem(shown, lines.get(lang, 1), lang, f"faltan las palabras del idioma '{lang}'",
                                    f"añada '{lang}:' con las mismas claves que '{languages[0]}:'"))
            continue
        bad = sorted(k for k, v in words.items() if not isinstance(v, str))
        if bad:
            problems.append(Problem(shown, lines.get(lang), f"{lang}.{bad[0]}", "cada valor debe ser un texto",
                                    "escriba el texto entre comillas si empieza con un signo o tiene ':'"))
        for key in sorted(set(words) - set(bad)):
            problems += word_problems(shown, word_lines.get((lang, key), lines.get(lang)), lang, key, words[key], rules or {})
        missing_required = [key for key in (rules or {}).get("required", []) if key not in words]
        if missing_required:
            problems.append(Problem(shown, lines.get(lang), f"{lang}.{missing_required[0]}",
                                    f"faltan palabras obligatorias: {', '.join(missing_required)}",
                                    "son textos de seguridad que toda página muestra: recupérelos con git y tradúzcalos"))
        if isinstance(reference, dict) and lang != languages[0]:
            missing = sorted(set(reference) - set(words))
            if missing:
                problems.append(Problem(shown, lines.get(lang), lang, f"faltan claves: {', '.join(missing[:8])}"
                                        + (" …" if len(missing) > 8 else ""), f"tradúzcalas desde '{languages[0]}:'"))
    return (data if not problems else {}), problems


def word_problems(shown: str, line: int | None, lang: str, key: str, text: str, rules: dict) -> list[Problem]:
    """A label's own mistakes: blank, or braces other than the placeholders its key is filled with."""
    field = f"{lang}.{key}"
    if not text.strip():
        return [Problem(shown, line, field, "está vacío", "escriba el texto: la interfaz lo muestra tal cual")]
    known = (rules.get("placeholders") or {}).get(key, [])
    shown_known = ", ".join("{" + name + "}" for name in known) if known else "ninguno"
    hint = f"marcadores de '{key}': {shown_known}; escriba cada uno tal cual, sin nada más entre las llaves"
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return [Problem(shown, line, field, "tiene una llave { o } suelta", hint)]
    used = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if spec or conversion or name not in known:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            why = ("solo se admite el nombre, sin formato ni conversión" if name in known
                   else "no es un marcador de esta palabra")
            return [Problem(shown, line, field, f"el marcador «{written[:60]}» {why}", hint)]
        used.add(name)
    if "{{" in text or "}}" in text:
        return [Problem(shown, line, field, "las llaves dobles {{ }} no se admiten", hint)]
    missing = [name for name in known if name not in used] if key in rules.get("required", []) else []
    if missing:
        return [Problem(shown, line, field, f"falta el marcador {{{missing[0]}}}: sin él la página no muestra el número",
                        hint)]
    return []
