"""Search that fits the site's readers (manualgen/search_index.py): one index per language, accent-insensitive,
team pages left out (their front matter says `search: {exclude: true}`)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

import manual_settings
import reporting
from manualgen.atomic import write_atomically
from manualgen.disk_memo import DiskMemo
from manualgen.search_index import index_json, index_script, memo_version, shape, split_index


@event_priority(-110)  # after the i18n plugin built every language and wrote the joint index (-100)
@reporting.reported
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside the i18n plugin: the joint index is written once all are done
    site = Path(config.site_dir)
    joint = site / "search" / "search_index.json"
    if not joint.is_file():
        return
    import json
    s = manual_settings.settings(config)
    # Sections shaped by an earlier build from the same words are taken from .cache/checked (an edit reshapes one page).
    memo = DiskMemo(s.root / s.cache_dir / "checked" / "search-sections.json", memo_version())
    for lang, index in split_index(json.loads(joint.read_text(encoding="utf-8")), s.languages).items():
        index = shape(index, lang, memo)
        folder = site / manual_settings.language_prefix(lang, config) / "search"
        write_atomically(folder / "search_index.json", index_json(index).encode("utf-8"))
        write_atomically(folder / "search_index.js", index_script(index).encode("utf-8"))
    # The folding as this build published it (minified, hooks/minified_assets.py), appended to Material's worker.
    fold = (site / "assets" / "javascripts" / "search-fold.js").read_text(encoding="utf-8")
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        text = worker.read_text(encoding="utf-8")
        if "manualFolded" not in text:
            worker.write_text(text.rstrip() + "\n" + fold, encoding="utf-8")
    memo.save()
