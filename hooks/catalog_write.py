"""Write the language's catalog.json at its root (site/catalog.json and site/en/catalog.json), and the empty
listing of the offline editions that `make site` fills when it copies them beside the site (bundle.py)."""
from __future__ import annotations

import json
from pathlib import Path

import language_views
import manual_settings
import reporting
from manualgen.bundle import EDITIONS_LISTING, editions_listing


@reporting.reported
def on_post_build(config):
    lang = manual_settings.current_language(config)
    target = Path(config.site_dir) / manual_settings.language_prefix(lang, config) / "catalog.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(language_views.catalog(config, lang), ensure_ascii=False, indent=1, sort_keys=False)
    target.write_text(text + "\n", encoding="utf-8")
    listing = Path(config.site_dir) / EDITIONS_LISTING
    if not listing.exists():  # the first language's build writes it; scripts/build.py replaces it
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text(editions_listing({}), encoding="utf-8")
