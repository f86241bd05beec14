"""Translation completeness for the framing pages in docs/ (modules/ is checked in model.py)."""
from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

PAGE_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[A-Za-z_-]+)\.md$")


def docs_translation_problems(docs_dir: Path, root: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every page in docs/ must exist in every language: the i18n plugin would otherwise leave it out or,
    with fallback on, silently show the Spanish text under /en/ (PITFALLS.md §10)."""
    by_stem: dict[str, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        match = PAGE_NAME.match(path.name)
        rel = path.relative_to(docs_dir)
        if not match or match["lang"] not in languages:
            continue
        by_stem.setdefault((rel.parent / match["stem"]).as_posix(), {})[match["lang"]] = path
    problems = []
    for stem, present in sorted(by_stem.items()):
        some = next(iter(present.values()))
        for lang in languages:
            if lang not in present:
                shown = some.relative_to(root).as_posix() if some.is_relative_to(root) else some.as_posix()
                missing = shown.rsplit(".", 2)[0] + f".{lang}.md"
                problems.append(Problem(shown, None, "traducción", f"falta la versión '{lang}' de esta página ({missing})",
                                        f"cree {missing} con el mismo contenido traducido"))
    return problems
