"""Ids the build's own templates and scripts use: reserved, so page content can never carry one.

The planner, certificate and run-mode scripts read their data and controls by id (planner-data, planner-rules,
certificate-words, run-open…), and the page's content comes before them: an author's element, or a heading
whose automatic id matched, would be found first (the rules replaced and the safety warning gone, a session link
turned into a `javascript:` URL, the certificate's statement changed). So these ids are refused in content
(sanitise.py) and never generated for a heading (`avoiding`), and the scripts read their own elements."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# Families of ids the scripts make as they run (Material's own start with "__" or "md-"); the templates' other ids
# are read from the templates themselves (template_ids).
PREFIXES = ("__", "md-", "planner-", "certificate-", "run-", "offline-", "safety-box")
LITERAL_ID = re.compile(r"""\bid=["']([A-Za-z_][\w-]*)["']""")


def template_ids(folder: Path) -> frozenset[str]:
    """Every literal id written in the templates under `folder` (overrides/): template headings such as
    `agenda` or `sobre-el-manual` included."""
    return frozenset(match for path in sorted(folder.rglob("*.html"))
                     for match in LITERAL_ID.findall(path.read_text(encoding="utf-8", errors="replace")))


def is_reserved(value: str, ids: frozenset[str]) -> bool:
    return value in ids or value.lower().startswith(PREFIXES)


def avoiding(slugify: Callable[..., str], ids: frozenset[str]) -> Callable[..., str]:
    """A heading slugifier that never returns a reserved id: «Planner data» becomes `h-planner-data`."""
    if getattr(slugify, "reserved_ids", None) == ids:
        return slugify  # already wrapped (the i18n plugin runs on_config once per language)
    inner = getattr(slugify, "inner", slugify)

    def slug(value: str, separator: str, *args, **kwargs) -> str:
        made = inner(value, separator, *args, **kwargs)
        return f"h{separator}{made}" if is_reserved(made, ids) else made
    slug.inner, slug.reserved_ids = inner, ids
    return slug
