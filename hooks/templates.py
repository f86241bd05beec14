"""Templates escape every value by default and compile once between builds (manualgen/templating.py)."""
from __future__ import annotations

import build_context
from manualgen.templating import configure


@build_context.reported
def on_env(env, config, files):
    return configure(env, build_context.template_cache_folder(config))
