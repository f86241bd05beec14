"""Write the language's catalog.json at its root: site/catalog.json and site/en/catalog.json."""
from __future__ import annotations

import json
from pathlib import Path

import build_context


@build_context.reported
def on_post_build(config):
    lang = build_context.current_language(config)
    target = Path(config.site_dir) / build_context.language_prefix(lang, config) / "catalog.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build_context.catalog(config, lang), ensure_ascii=False, indent=1, sort_keys=False)
    target.write_text(text + "\n", encoding="utf-8")
