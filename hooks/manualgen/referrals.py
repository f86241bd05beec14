"""The categories of the coded referral log (data/referrals.yml): the services a referral is counted by. One list
for the log's key ([[referral:services]] on m07-h05), the workshop report's counts (page informe) and the session
report's XLSForm, so the report asks a count for each category the log writes and nothing else."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem
from .source import YamlRefused, normalise_newlines, safe_yaml

PRODUCTS = ("services",)
SERVICE_ID = re.compile(r"^[a-z][a-z0-9-]{1,30}$")
SERVICE_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
FIELDS = ("id", "code", "name")
OTHER = "other"  # the last category: a service the list does not name


@dataclass(frozen=True)
class Service:
    id: str    # stable: the forms store counts under it
    code: str  # what the facilitator writes in the log's service column
    name: dict  # per language


def load_referrals(path: Path, languages: tuple[str, ...], shown: str | None = None) -> tuple[tuple[Service, ...], list[Problem]]:
    """The services in the log's order, or () with every problem found (file, line, field, how to fix)."""
    shown = shown or path.name
    try:
        node, data = safe_yaml(normalise_newlines(path.read_text(encoding="utf-8")))
    except YamlRefused as refused:
        return (), [Problem(shown, refused.line, "referrals", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return (), [Problem(shown, mark.line + 1 if mark else None, "referrals", f"YAML no válido: {getattr(exc, 'problem', None) or exc}",
                            "revise sangrías, dos puntos y comillas (un texto con ':' va entre comillas)")]
    except (OSError, UnicodeDecodeError) as exc:
        return (), [Problem(shown, None, "referrals", f"no se pudo leer el archivo: {exc}", "revise que exista y sea texto UTF-8")]
    entries = data.get("services") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return (), [Problem(shown, 1, "services", "falta la lista 'services'", "vea el comentario al inicio del archivo")]
    lines = [item.start_mark.line + 1 for key, value in node.value if key.value == "services" for item in value.value]
    services, problems, seen = [], [], set()
    for index, entry in enumerate(entries):
        where, field = lines[index], f"services.{index}"
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            problems.append(Problem(shown, where, field, f"cada servicio tiene exactamente: {', '.join(FIELDS)}",
                                    "copie la forma de otro servicio de la lista"))
            continue
        if not isinstance(entry["id"], str) or not SERVICE_ID.match(entry["id"]) or entry["id"] in seen:
            problems.append(Problem(shown, where, field + ".id", f"id no válido o repetido: {entry['id']!r}",
                                    "minúsculas, números y guiones, distinto de los demás (los formularios guardan los conteos con él)"))
            continue
        if not isinstance(entry["code"], str) or not SERVICE_CODE.match(entry["code"]) or entry["code"] in {s.code for s in services}:
            problems.append(Problem(shown, where, field + ".code", f"código no válido o repetido: {entry['code']!r}",
                                    "2 a 6 mayúsculas o números, empezando por una letra, distinto de los demás (ej. CEM)"))
            continue
        name = entry["name"]
        missing = [lang for lang in languages if not isinstance(name, dict) or not isinstance(name.get(lang), str) or not name[lang].strip()]
        if missing:
            problems.append(Problem(shown, where, field + ".name", f"falta el nombre en: {', '.join(missing)}",
                                    "escriba el nombre del servicio en cada idioma del manual"))
            continue
        seen.add(entry["id"])
        services.append(Service(entry["id"], entry["code"], {lang: " ".join(name[lang].split()) for lang in languages}))
    if not problems and services[-1].id != OTHER:
        problems.append(Problem(shown, lines[-1], f"services.{len(entries) - 1}.id", f"el último servicio debe ser '{OTHER}'",
                                "termine la lista con id: other (un servicio que la lista no nombra)"))
    return (tuple(services), []) if not problems else ((), problems)


def _cell(text: str) -> str:
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", html.escape(text, quote=False))


def referral_markdown(services: tuple[Service, ...], product: str, lang: str, words: dict) -> str | None:
    """[[referral:services]]: the log's key, a table of each code and its service; None for an unknown product."""
    if product != "services":
        return None
    rows = [f"| {words['referral_code']} | {words['referral_service']} |", "|---|---|"]
    rows += [f"| **{service.code}** | {_cell(service.name[lang])} |" for service in services]
    return "\n".join(rows)


def service_label(service: Service, lang: str) -> str:
    """How the report page and the forms name a category: its code as written in the log, then its name."""
    return f"{service.code} — {service.name[lang]}"
