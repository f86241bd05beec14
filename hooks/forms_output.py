"""The KoboToolbox / ODK Collect forms (manualgen/xlsform.py) written into each language's site as forms/*.xlsx,
so the downloads page links them and the USB, phone and Kiwix editions carry them like any other file."""
from __future__ import annotations

from pathlib import Path

import language_views
import manual_settings
import reporting
from manualgen.atomic import write_atomically
from manualgen.xlsform import FOLDER


@reporting.reported
def on_post_build(config):
    lang = manual_settings.current_language(config)
    folder = Path(config.site_dir) / manual_settings.language_prefix(lang, config) / FOLDER
    for filename, _, content in language_views.forms(config):
        write_atomically(folder / filename, content)
