"""No traceback for a build stopped by the machine rather than by the content: a full disk, a folder without
write permission, a missing output folder or Ctrl-C end with one sentence saying what happened and what to
do (`mkdocs build --verbose` still shows the traceback, for developers). Errors in the content are reported
by the other hooks as PluginError, which MkDocs already prints without a traceback."""
from __future__ import annotations

import errno
import logging
import sys
import traceback

from manualgen import render_pool

FILE_HINTS = {
    errno.ENOSPC: "no queda espacio en el disco: libere espacio (por ejemplo, borre .cache/) y vuelva a construir",
    errno.EACCES: "no hay permiso de escritura: revise los permisos de la carpeta de salida",
    errno.EPERM: "no hay permiso de escritura: revise los permisos de la carpeta de salida",
    errno.EROFS: "el disco es de solo lectura: construya en otra carpeta",
    errno.ENOENT: "la carpeta no existe: revise la ruta de salida (--site-dir)",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta: revise la ruta de salida",
}


def _excepthook(kind, error, tb):
    render_pool.stop()  # never leave PDF workers behind
    if logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        traceback.print_exception(kind, error, tb)
    if issubclass(kind, KeyboardInterrupt):
        print("\nConstrucción interrumpida. / Build interrupted.", file=sys.stderr)
        raise SystemExit(130)
    if issubclass(kind, OSError):
        where = f" {error.filename}" if error.filename else ""
        hint = FILE_HINTS.get(error.errno, "revise el espacio libre y los permisos de la carpeta de salida")
        print(f"ERROR   -  No se pudo escribir{where}: {error.strerror or error} — {hint}", file=sys.stderr)
        raise SystemExit(1)
    _previous(kind, error, tb)


_previous = sys.excepthook


def on_startup(command, dirty):
    sys.excepthook = _excepthook
