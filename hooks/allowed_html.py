"""What HTML a page may hold: the allow-list built from this config (the typed blocks of mkdocs.yml, the ids our
templates use, the helplines' phone links), read once per config. Not a hook itself: hook files import it."""
from __future__ import annotations

from pathlib import Path

from manual_settings import settings
from manualgen import sanitise
from manualgen.helplines import load_helplines
from manualgen.reserved_ids import template_ids

_policy_of: list = []
_reserved_of: list = []


def html_policy(config):
    """The allow-list, with the typed blocks of mkdocs.yml (pymdownx.blocks.admonition types) as classes, the ids
    the templates use as reserved, and the helplines' links as the only phone links (each from a reference)."""
    for known, found in _policy_of:  # asked for every page
        if known is config:
            return found
    types = (config.mdx_configs.get("pymdownx.blocks.admonition") or {}).get("types", [])
    s = settings(config)
    lines = load_helplines(s.helplines, s.languages)[0]
    found = sanitise.policy(tuple(types), reserved_ids(config), tuple(sorted((i, line.href) for i, line in lines.items())))
    _policy_of[:] = [(config, found)]
    return found


def reserved_ids(config) -> frozenset[str]:
    """The literal ids of our templates (overrides/), read once per config."""
    for known, found in _reserved_of:
        if known is config:
            return found
    folder = Path(config.theme.custom_dir) if config.theme.custom_dir else Path(config.config_file_path).parent / "overrides"
    found = template_ids(folder)
    _reserved_of[:] = [(config, found)]
    return found
