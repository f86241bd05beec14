"""The manual's own scripts and stylesheets, minified for the built site: comments, indentation and line breaks
dropped by rJSmin and rCSSmin (C-accelerated, the minifiers webassets and django-compressor use), strings,
regular expressions, template literals and licence comments (`/*! … */`) kept. A reader's phone downloads about a
third less of them (gzip), on every page. The sources under docs/assets stay as written: authors and the Node
tests (tests/js) read them; only the copies the build writes are minified (hooks/minified_assets.py).

Pure: text in, text out."""
from __future__ import annotations

import rcssmin
import rjsmin

from .problems import Problem

# The manual's own code (published_files.OWN_CODE without assets/vendor, whose third-party files ship exactly as
# their authors minified them) and what minifies each kind.
OWN_FOLDERS = {"assets/javascripts": ".js", "assets/stylesheets": ".css"}
MINIFIERS = {".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
             ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True)}

# extra.manual.minify: when the built copies are minified. "build": by `mkdocs build` and `make site` (what
# readers get, and what the tests check), while `mkdocs serve` keeps them readable for an author's debugger
# (its line numbers are the source's); "always" (to try the minified copies under serve); "never".
MODES = ("build", "always", "never")


def is_own_code(src_uri: str) -> bool:
    """Whether the file at `src_uri` (posix, relative to docs/) is one of the manual's own scripts or stylesheets
    that the build minifies: directly in its folder, of that folder's kind, not minified already (`.min.`)."""
    folder, _, name = src_uri.rpartition("/")
    kind = OWN_FOLDERS.get(folder)
    return kind is not None and name.endswith(kind) and ".min." not in name


def minified(src_uri: str, text: str) -> str:
    """The minified text of the script or stylesheet at `src_uri` (by its kind), ending in a line break."""
    kind = "." + src_uri.rpartition(".")[2]
    return MINIFIERS[kind](text).strip() + "\n"


def minify_wanted(mode: str, serving: bool) -> bool:
    """Whether this build minifies: `mode` is extra.manual.minify (one of MODES, checked by the caller),
    `serving` whether the build runs under `mkdocs serve`."""
    return mode == "always" or (mode == "build" and not serving)


def minify_mode_problem(mode: object) -> Problem | None:
    """What is wrong with extra.manual.minify, if anything."""
    if mode in MODES:
        return None
    return Problem("mkdocs.yml", None, "extra.manual.minify", f"{mode!r} no es un valor admitido",
                   "escriba build (los scripts y estilos del manual se minifican al construir y quedan legibles con "
                   "mkdocs serve), always (también con mkdocs serve) o never")
