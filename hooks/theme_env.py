"""The theme's template environment for outputs other than pages (PDFs, the phone edition's files), configured as
for pages: escaping, filters and the compiled-template cache. Not a hook itself: hook files import it."""
from __future__ import annotations

from pathlib import Path

from manual_settings import settings
from manualgen.templating import configure


def template_cache_folder(config) -> Path:
    s = settings(config)
    return s.root / s.cache_dir / "templates"


def template_env(config):
    """The theme's templates configured as for pages (escaping, filters, cache), for PDFs and other outputs."""
    return configure(config.theme.get_env(), template_cache_folder(config))
