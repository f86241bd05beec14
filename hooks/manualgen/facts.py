"""The sourced facts file: load, check, and render a fact cited as [[fact:ID]] in a page's language
(references.py finds and replaces the references)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem

STATUSES = ("verified", "sourced", "uncertain")
UNITS = ("percent", "count", "rate", "years", "date", "text")
REQUIRED = ("id", "value", "unit", "year", "label", "source", "url", "status")


@dataclass(frozen=True)
class Fact:
    id: str
    value: object
    unit: str
    year: int
    label: dict
    source: str
    url: str
    status: str


def load_facts(path: Path, languages: tuple[str, ...]) -> tuple[dict[str, Fact], list[Problem]]:
    shown = path.name if not path.is_absolute() else path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [Problem(shown, None, "facts", f"no se pudo leer el archivo de datos: {exc}", "revise que exista y sea YAML válido")]
    facts, problems = {}, []
    entries = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return {}, [Problem(shown, 1, "facts", "debe contener una lista 'facts:'", "vea el comentario al inicio del archivo")]
    for index, entry in enumerate(entries):
        where = f"facts.{index}"
        if not isinstance(entry, dict):
            problems.append(Problem(shown, None, where, "cada dato debe ser un conjunto de campos", ""))
            continue
        missing = [name for name in REQUIRED if name not in entry]
        if missing:
            problems.append(Problem(shown, None, f"{where} ({entry.get('id', '?')})", f"faltan campos: {', '.join(missing)}",
                                    "cada dato necesita valor, año, fuente con URL y estado"))
            continue
        if entry["status"] not in STATUSES or entry["unit"] not in UNITS:
            problems.append(Problem(shown, None, f"{where} ({entry['id']})", "status o unit no válidos",
                                    f"status: {', '.join(STATUSES)}; unit: {', '.join(UNITS)}"))
            continue
        if not isinstance(entry["label"], dict) or any(lang not in entry["label"] for lang in languages):
            problems.append(Problem(shown, None, f"{where} ({entry['id']}).label", "falta la descripción en algún idioma",
                                    f"escriba label con {', '.join(languages)}"))
            continue
        if not str(entry["url"]).startswith("https://"):
            problems.append(Problem(shown, None, f"{where} ({entry['id']}).url", "la fuente necesita una URL https://",
                                    "copie la dirección de la fuente con https://"))
            continue
        if entry["id"] in facts:
            problems.append(Problem(shown, None, f"{where}.id", f"id repetido '{entry['id']}'", "cada dato necesita un id propio"))
            continue
        facts[entry["id"]] = Fact(**{name: entry[name] for name in REQUIRED})
    return facts, problems


def format_number(value, lang: str, decimals: int | None = None) -> str:
    """Spanish uses a decimal comma and a thin space between thousands; English the reverse."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() and not isinstance(value, float) else 1
    text = f"{float(value):,.{decimals}f}"
    if lang == "es":
        text = text.replace(",", "\u202f").replace(".", ",")
        # Spanish style writes four-digit numbers without a separator (1191, not 1 191).
        if abs(float(value)) < 10000:
            text = text.replace("\u202f", "")
    return text


def format_value(fact: Fact, lang: str) -> str:
    if fact.unit == "percent":
        number = format_number(fact.value, lang, 1 if isinstance(fact.value, float) else 0)
        return f"{number}\u00a0%" if lang == "es" else f"{number}%"
    if fact.unit in ("count", "rate"):
        return format_number(fact.value, lang)
    if fact.unit == "years":
        return f"{fact.value} años" if lang == "es" else f"{fact.value} years"
    if fact.unit == "date":
        year, month, day = str(fact.value).split("-")
        months_es = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
        months_en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        if lang == "es":
            return f"{int(day)} de {months_es[int(month) - 1]} de {year}"
        return f"{int(day)} {months_en[int(month) - 1]} {year}"
    return str(fact.value)


def render_fact(fact: Fact, lang: str, labels: dict) -> str:
    """Markdown for one cited fact: the value, then its source as a link, and a warning when uncertain."""
    value = format_value(fact, lang)
    cited = fact.source if str(fact.year) in fact.source else f"{fact.source}, {fact.year}"
    source = f"[{cited}]({fact.url}){{: .fact-source title=\"{fact.label[lang]}\" }}"
    warning = f" *({labels['fact_uncertain']})*" if fact.status == "uncertain" else ""
    return f"**{value}**{{: .fact }} ({source}){warning}"
