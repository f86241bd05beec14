"""The manual's own scripts and stylesheets (docs/assets/javascripts/*.js, docs/assets/stylesheets/*.css) go into
the built site minified (manualgen/minify.py); the sources stay as written. Done as the files are listed, so
every later step reads the minified bytes: the pages' requests, the phone edition's list of files with their
sizes and hashes (offline_app.py), its service worker, the zips and the ZIM.

extra.manual.minify says when: by default in `mkdocs build` and `make site`, not under `mkdocs serve`, where an
author's debugger shows the scripts as written."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import manual_settings
import reporting
from manualgen.minify import is_own_code, minified, minify_mode_problem, minify_wanted

# Whether this process is `mkdocs serve` (set once by on_startup; hook modules live as long as the process, so
# every rebuild under serve sees it). A build started without the mkdocs command line counts as a build.
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(-150)  # after the i18n plugin (-100), which makes every File anew for the language being built
# (content given to a File before it would be lost); before modules_paths (-200), which concerns pages only
@reporting.reported
def on_files(files, config):
    mode = manual_settings.settings(config).minify
    problem = minify_mode_problem(mode)
    if problem:
        raise PluginError(str(problem))
    if not minify_wanted(mode, _serving):
        return files  # readable scripts for the author's debugger (see the module's docstring)
    docs = Path(config.docs_dir)
    for file in files:
        if not is_own_code(file.src_uri) or file.abs_src_path is None or not Path(file.abs_src_path).is_relative_to(docs):
            continue  # the theme's files (already minified), vendored ones, or a file another hook made
        # In place rather than a new File: the i18n plugin's per-language destination and attributes stay.
        file.content_string = minified(file.src_uri, file.content_string)
    return files
