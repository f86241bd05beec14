"""Author-facing problems: one message each, with file, line, field and how to fix it."""
from __future__ import annotations

import errno
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}"
        return _visible(f"{text} — {self.hint}" if self.hint else text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _visible(text: str) -> str:
    """One line, whatever a file name or a quoted piece of the page holds: control characters as escapes (\\n)."""
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


class ContentError(Exception):
    """Raised with every problem found, so one build reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        noun = "problema" if count == 1 else "problemas"
        lines.append(f"{count} {noun} en el contenido: corríjalos y vuelva a construir el sitio.")
        return "\n".join(lines)


# What to do when the machine, not the content, stops a write (clean_exit, reporting.reported).
FILE_SYSTEM_HINTS = {
    errno.ENOSPC: "no queda espacio en el disco: libere espacio (por ejemplo, borre .cache/) y vuelva a construir",
    errno.EDQUOT: "se agotó la cuota de disco: libere espacio (por ejemplo, borre .cache/) y vuelva a construir",
    errno.EACCES: "no hay permiso de escritura: revise los permisos de la carpeta de salida",
    errno.EPERM: "no hay permiso de escritura: revise los permisos de la carpeta de salida",
    errno.EROFS: "el disco es de solo lectura: construya en otra carpeta",
    errno.ENOENT: "la carpeta no existe: revise la ruta de salida (--site-dir)",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta: revise la ruta de salida",
}


DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # whatever is written, the disk refuses it


def file_system_message(error: OSError) -> str:
    """One sentence for a write the machine refused: which file (the target of a copy), why, what to do."""
    target = error.filename2 or error.filename
    where = f" {target}" if target else ""
    hint = FILE_SYSTEM_HINTS.get(error.errno, "revise el espacio libre y los permisos de la carpeta de salida")
    return f"No se pudo escribir{where}: {error.strerror or error} — {hint}"
