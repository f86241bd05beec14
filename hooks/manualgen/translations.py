"""Translation completeness for the framing pages in docs/ (modules/ is checked in model.py)."""
from __future__ import annotations

import hashlib
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


SOURCE_HASH = re.compile(r"^source_hash:[ \t]*['\"]?(?P<hash>[0-9a-f]+)['\"]?[ \t]*$", re.M)
STATES = ("ok", "stale", "unstamped", "missing")


# Front-matter keys that say how a page is shown, not what it says: changing them leaves nothing to translate
# (the translation carries its own copy of them), so they are not part of the hash a translation records.
PRESENTATION_KEYS = ("template", "search", "hide")
_PRESENTATION_LINE = re.compile(rf"^(?:{'|'.join(PRESENTATION_KEYS)}):")


def _without_presentation(text: str) -> str:
    """The text with the presentation keys (and the indented lines under them) taken out of its front matter."""
    head, sep, rest = text.partition("---")
    front, sep2, body = rest.partition("---")
    if head.strip() or not sep or not sep2:
        return text
    kept, skipping = [], False
    for line in front.split("\n"):
        if _PRESENTATION_LINE.match(line):
            skipping = True
            continue
        if skipping and line[:1] in (" ", "\t"):
            continue
        skipping = False
        kept.append(line)
    return f"---{chr(10).join(kept)}---{body}"


def content_hash(text: str) -> str:
    """Hash of what a Spanish source says now (not how it is shown); a translation records the one it was made
    from."""
    text = _without_presentation(text.replace("\r\n", "\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded_hash(text: str) -> str | None:
    parts = text.split("---", 2)
    match = SOURCE_HASH.search(parts[1]) if len(parts) == 3 and not parts[0].strip() else None
    return match["hash"] if match else None


def translation_status(root: Path, folders: tuple[str, ...], languages: tuple[str, ...]) -> list[dict]:
    """One row per page: for each translation, ok / stale (source changed since) / unstamped / missing."""
    source_lang, targets = languages[0], languages[1:]
    pages: dict[str, dict[str, Path]] = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*.md")):
            match = PAGE_NAME.match(path.name)
            if match and match["lang"] in languages:
                key = (path.parent.relative_to(root) / match["stem"]).as_posix()
                pages.setdefault(key, {})[match["lang"]] = path
    rows = []
    for key, present in sorted(pages.items()):
        source = present.get(source_lang)
        current = content_hash(source.read_text(encoding="utf-8")) if source else None
        row = {"page": key, "source": source.relative_to(root).as_posix() if source else None,
               "hash": current, "languages": {}}
        for lang in targets:
            path = present.get(lang)
            if path is None:
                state = "missing"
            elif current is None:
                state = "ok"
            else:
                recorded = recorded_hash(path.read_text(encoding="utf-8"))
                state = "unstamped" if recorded is None else ("ok" if recorded == current else "stale")
            row["languages"][lang] = {"state": state, "path": path.relative_to(root).as_posix() if path else None}
        rows.append(row)
    return rows


def stamp(text: str, source_hash: str) -> str:
    """Record source_hash in a translation's front matter (replacing an older one)."""
    head, sep, rest = text.partition("---")
    front, sep2, body = rest.partition("---")
    if head.strip() or not sep or not sep2:
        raise ValueError("the file has no front matter")
    if SOURCE_HASH.search(front):
        front = SOURCE_HASH.sub(f"source_hash: {source_hash}", front)
    else:
        front = front.rstrip("\n") + f"\nsource_hash: {source_hash}\n"
    return f"---{front}---{body}"
