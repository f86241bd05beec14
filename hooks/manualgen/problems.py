"""Author-facing problems: one message each, with file, line, field and how to fix it."""
from __future__ import annotations

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
        return f"{text} — {self.hint}" if self.hint else text


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
