"""No traceback for a build stopped by the machine rather than by the content: a full disk, a folder without
write permission, a missing output folder or Ctrl-C end with one sentence saying what happened and what to
do (`mkdocs build --verbose` still shows the traceback, for developers). Errors in the content are reported
by the other hooks as PluginError, which MkDocs already prints without a traceback."""
from __future__ import annotations

import logging
import sys
import traceback

from jinja2 import TemplateNotFound

from manualgen import render_pool
from manualgen.problems import file_system_message



def _excepthook(kind, error, tb):
    render_pool.stop()  # never leave PDF workers behind
    if logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        traceback.print_exception(kind, error, tb)
    if issubclass(kind, KeyboardInterrupt):
        print("\nConstrucción interrumpida. / Build interrupted.", file=sys.stderr)
        raise SystemExit(130)
    if issubclass(kind, TemplateNotFound):  # an OSError to Python, but nothing to do with the disk
        print(f"ERROR   -  No existe la plantilla o el icono «{error.name}» — revise los iconos y plantillas que nombra "
              "mkdocs.yml (theme.icon, theme.palette) o la página que se estaba construyendo (mkdocs build --verbose "
              "la nombra)", file=sys.stderr)
        raise SystemExit(1)
    if issubclass(kind, OSError):
        print(f"ERROR   -  {file_system_message(error)}", file=sys.stderr)
        raise SystemExit(1)
    _previous(kind, error, tb)


_previous = sys.excepthook


def on_startup(command, dirty):
    sys.excepthook = _excepthook
