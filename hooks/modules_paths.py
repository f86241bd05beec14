"""Point the module files the i18n plugin rebuilt under docs_dir back at their real source in modules/
(second half of PITFALLS.md §1; the first half is modules_add.py)."""
from __future__ import annotations

import os

from mkdocs.plugins import event_priority

import manual_settings
import reporting


@event_priority(-200)  # after the i18n plugin (-100)
@reporting.reported
def on_files(files, config):
    s = manual_settings.settings(config)
    prefix = s.modules_dir + "/"
    for file in files:
        if file.src_uri.startswith(prefix):
            file.abs_src_path = os.path.normpath(os.path.join(s.root, file.src_uri))
    return files
