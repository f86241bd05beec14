"""How the project's templates compile, for pages and PDFs alike: values escaped by default, compiled
templates cached between builds.

Escaping: front matter, facts and labels are data written by authors and translators; a title or a fact's
source printed raw could run a script on every page. Jinja's autoescaping is on for our templates
(overrides/manual/, overrides/print/, our main.html and 404.html); HTML that is meant to be HTML (a page's
content after the allow-list, rendered blocks) is marked safe where it is made safe. Material's own
templates keep their settings: they print page titles raw, so page titles reach MkDocs already escaped.

Caching: compiling Material's templates and ours costs about 0.4 s of every build on a 2-core machine.
Jinja stores each compiled template with the checksum of its source; the cache key also names the
escaping rule, so a template compiled under another rule is never reused."""
from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, TemplateNotFound
from markupsafe import Markup, escape

from . import pictograms

ESCAPED = ("manual/", "print/", "main.html", "404.html")


def escaped(name: str | None) -> bool:
    return bool(name) and name.startswith(ESCAPED)


def css_string(value) -> Markup:
    """A value as a double-quoted CSS string (print margins, page counters): quotes, backslashes, line breaks
    and angle brackets written as CSS escapes, so a label can never end the string or the <style> element."""
    text = "".join(f"\\{ord(char):x} " if char in '"\\<>\n\r' else char for char in str(value))
    return Markup(f'"{text}"')


class _SaltedCache(FileSystemBytecodeCache):
    def __init__(self, folder: str, salt: str):
        super().__init__(folder)
        self.salt = salt

    def get_cache_key(self, name, filename=None):
        return hashlib.sha1(f"{self.salt}|{super().get_cache_key(name, filename)}".encode()).hexdigest()


def configure(env: Environment, cache_folder: Path | None) -> Environment:
    env.autoescape = escaped
    env.filters["css_string"] = css_string
    env.globals["pictogram"] = pictograms.svg          # pictures beside words (manualgen.pictograms)
    env.globals["pictogram_uri"] = pictograms.data_uri
    env.filters["scale_pictures"] = lambda html, labels: pictograms.with_scale_pictures(html, pictograms.scale_words(labels))
    if cache_folder is not None:
        try:
            cache_folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = _SaltedCache(str(cache_folder), "autoescape:" + ",".join(ESCAPED))
        except OSError:
            pass  # read-only checkout: compile every time, as MkDocs does
    return env


class ThemeTemplates:
    """The theme's template names, looked up one at a time: listing all of them walks Material's
    14,000 icon files (30 ms a build); the full list is only needed to suggest names after a mistake."""

    def __init__(self, env):
        self.env = env

    def __contains__(self, name) -> bool:
        try:
            self.env.loader.get_source(self.env, name)
        except TemplateNotFound:
            return False
        return True

    def __iter__(self):
        return iter(self.env.list_templates(extensions=["html"]))


def escaped_values(value):
    """Every text inside a front-matter value HTML-escaped (lists and mappings followed); other values as they are."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    if isinstance(value, list):
        return [escaped_values(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped_values(item) for key, item in value.items()}
    return value
