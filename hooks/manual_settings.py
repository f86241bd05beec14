"""The manual's settings as hooks ask for them: extra.manual of this config (read once per config object), the
language being built and its URL prefix, and the MANUAL_PDF switch. Not a hook itself: hook files import it."""
from __future__ import annotations

import os
from pathlib import Path

from manualgen.settings import Settings, pdf_mode as pdf_mode_of, read_settings

_settings_of: list[tuple[object, Settings]] = []


def settings(config) -> Settings:
    """The manual's settings for this config object (computed once: hooks ask for them on every page)."""
    for known, found in _settings_of:
        if known is config:
            return found
    found = _read_settings(config)
    _settings_of[:] = [(config, found)]
    return found


def _read_settings(config) -> Settings:
    i18n = config.plugins["i18n"]
    default = i18n.default_language
    languages = (default,) + tuple(lang.locale for lang in i18n.config.languages if lang.locale != default)
    return read_settings(Path(config.config_file_path).resolve().parent, Path(config.docs_dir),
                         config.extra.get("manual") or {}, languages, config.site_url)


def current_language(config) -> str:
    """The language being built (PITFALLS.md §8: read it from the i18n plugin, not from theme settings)."""
    return config.plugins["i18n"].current_language


def language_prefix(lang: str, config) -> str:
    return "" if lang == config.plugins["i18n"].default_language else f"{lang}/"


def pdf_mode() -> str:
    """This build's PDF mode from MANUAL_PDF: "on", "preview" or "off" (see manualgen.settings.pdf_mode)."""
    return pdf_mode_of(os.environ.get("MANUAL_PDF"))


def pdf_enabled() -> bool:
    return pdf_mode() != "off"
