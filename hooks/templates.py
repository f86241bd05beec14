"""Templates escape every value by default and compile once between builds (manualgen/templating.py)."""
from __future__ import annotations

import loaded_manual
import reporting
import theme_env
from manualgen.templating import configure


@reporting.reported
def on_env(env, config, files):
    env = configure(env, theme_env.template_cache_folder(config))
    # The 404 page has no page context: it gets its words for both languages here.
    labels = loaded_manual.loaded(config).labels
    env.globals["notfound"] = {lang: {key[len("notfound_"):]: value for key, value in words.items() if key.startswith("notfound_")}
                               for lang, words in labels.items()}
    return env
