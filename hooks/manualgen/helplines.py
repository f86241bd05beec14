"""Helplines, configured once in mkdocs.yml (extra.manual.helplines): every phone number on the site comes
from there and is printed as a tap-to-call link (tel:), in pages, safety boxes and footers alike."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .problems import Problem

PHONE = re.compile(r"^\+?[0-9][0-9 ]{1,19}$")


@dataclass(frozen=True)
class Helpline:
    id: str
    name: dict  # per language: "Línea 100", "105"
    number: str | None = None  # dialled number; None for a line reached on the web (Chat 100)
    url: str | None = None
    purpose: dict | None = None  # per language, optional: what to call it for (the home page's help buttons)
    source: str | None = None  # the fact (data/facts.yml) whose evidence states the number

    @property
    def href(self) -> str:
        return f"tel:{self.number.replace(' ', '')}" if self.number else (self.url or "")


def load_helplines(settings: dict, languages: tuple[str, ...], where: str = "mkdocs.yml") -> tuple[dict[str, Helpline], list[Problem]]:
    lines, problems = {}, []
    for line_id, entry in (settings or {}).items():
        field = f"extra.manual.helplines.{line_id}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), dict):
            problems.append(Problem(where, None, field, "cada línea necesita name (por idioma) y number o url",
                                    'por ejemplo: linea-100: {number: "100", name: {es: Línea 100, en: Línea 100}}'))
            continue
        missing = [lang for lang in languages if not str(entry["name"].get(lang) or "").strip()]
        number, url = entry.get("number"), entry.get("url")
        if missing:
            problems.append(Problem(where, None, f"{field}.name", f"falta el nombre en: {', '.join(missing)}", "escriba name con cada idioma"))
        elif number is not None and not PHONE.match(str(number)):
            problems.append(Problem(where, None, f"{field}.number", f"número no válido: {number!r}",
                                    'escriba solo cifras entre comillas, por ejemplo number: "100"'))
        elif number is None and not str(url or "").startswith("https://"):
            problems.append(Problem(where, None, field, "necesita number (teléfono) o url (https://)", ""))
        elif "purpose" in entry and (not isinstance(entry["purpose"], dict)
                                     or any(not str(entry["purpose"].get(lang) or "").strip() for lang in languages)):
            problems.append(Problem(where, None, f"{field}.purpose", "purpose necesita un texto en cada idioma",
                                    'por ejemplo: purpose: {es: "Policía: peligro inmediato", en: "Police: immediate danger"}'))
        else:
            purpose = {k: str(v) for k, v in entry["purpose"].items()} if "purpose" in entry else None
            lines[line_id] = Helpline(line_id, {k: str(v) for k, v in entry["name"].items()},
                                      str(number) if number is not None else None, url, purpose,
                                      str(entry["source"]) if entry.get("source") else None)
    return lines, problems


def helpline_source_problems(lines: dict[str, Helpline], facts: dict, where: str = "mkdocs.yml") -> list[Problem]:
    """A phone number printed to people in danger must be checked: every line names the fact that sources it."""
    problems = []
    for line in lines.values():
        field = f"extra.manual.helplines.{line.id}.source"
        if not line.source:
            problems.append(Problem(where, None, field, "falta la fuente del número",
                                    "añada source: con el id del dato de data/facts.yml cuya evidencia dice el número"))
        elif line.source not in facts:
            problems.append(Problem(where, None, field, f"el dato '{line.source}' no existe",
                                    "use el id de un dato de data/facts.yml (o añádalo con su fuente)"))
    return problems


def helpline_markdown(line: Helpline, lang: str) -> str:
    """A Markdown link that phones the line when tapped (class helpline for styling)."""
    name = html.escape(line.name[lang]).replace("[", "&#91;").replace("]", "&#93;")
    return f"[{name}]({line.href}){{: .helpline }}"
