"""Numbers about the manual that framing pages state ([[manual:NAME]]): computed from the manual, never typed,
so "the manual has seven modules and twenty sessions" cannot drift from what the manual holds."""
from __future__ import annotations

from .model import Manual

NAMES = ("modules", "sessions", "handouts", "hours", "days", "shortest", "longest")  # shortest/longest: session minutes

WORDS = {
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
           "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
           "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
}


def manual_counts(manual: Manual, lang: str, schedule_days: int | None = None) -> dict[str, int]:
    """Counts of the language's manual: modules, sessions, handouts, whole hours of sessions, schedule days."""
    minutes = sum(p.meta["duration"] for p in manual.of(lang, "session"))
    durations = [p.meta["duration"] for p in manual.of(lang, "session")] or [0]
    counts = {"modules": len(manual.of(lang, "module")), "sessions": len(manual.of(lang, "session")),
              "handouts": len(manual.of(lang, "handout")), "hours": round(minutes / 60),
              "shortest": min(durations), "longest": max(durations)}
    if schedule_days is not None:
        counts["days"] = schedule_days
    return counts


def count_text(value: int, lang: str, name: str) -> str:
    """Counts of things read as words up to twenty ("siete módulos"); hours, minutes and larger numbers as digits."""
    if name in ("modules", "sessions", "handouts", "days") and 0 <= value < len(WORDS.get(lang, [])):
        return WORDS[lang][value]
    return str(value)
