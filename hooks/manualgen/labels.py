"""The interface words (data/labels.yml): one mapping per language, the same keys in each, text values.
A mistake there is reported like any content mistake: file, line, field and how to fix it."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem
from .source import YamlRefused, normalise_newlines, safe_yaml

MAX_LABELS_BYTES = 200_000


def load_labels(path: Path, languages: tuple[str, ...], shown: str) -> tuple[dict, list[Problem]]:
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
        if isinstance(reference, dict) and lang != languages[0]:
            missing = sorted(set(reference) - set(words))
            if missing:
                problems.append(Problem(shown, lines.get(lang), lang, f"faltan claves: {', '.join(missing[:8])}"
                                        + (" …" if len(missing) > 8 else ""), f"tradúzcalas desde '{languages[0]}:'"))
    return (data if not problems else {}), problems
