"""The sourced facts file: load, check, and render a fact cited as [[fact:ID]] in a page's language
(references.py finds and replaces the references)."""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .problems import Problem

STATUSES = ("verified", "sourced", "uncertain")
UNITS = ("percent", "count", "rate", "years", "date", "text")
REQUIRED = ("id", "value", "unit", "year", "label", "source", "url", "status")
OPTIONAL = ("evidence", "note")
MAX_FACTS_BYTES = 1_000_000
# Used when the facts file names none: the institutions whose own pages can verify a figure.
DEFAULT_OFFICIAL = ("gob.pe", "inei.gob.pe", "mimp.gob.pe", "minsa.gob.pe", "defensoria.gob.pe", "elperuano.pe", "andina.pe")


@dataclass(frozen=True)
class Evidence:
    url: str
    quote: str
    checked: str  # YYYY-MM-DD


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
    evidence: Evidence | None = None
    note: dict | None = None  # {lang: text}: what the figure is and where it comes from, in each language


def load_facts(path: Path, languages: tuple[str, ...], shown: str | None = None) -> tuple[dict[str, Fact], list[Problem]]:
    """Every fact with its status backed by evidence: `verified` needs a quote from an official page that
    states the figure; `sourced` and `uncertain` say in `note` why they are not verified."""
    from .source import YamlRefused, normalise_newlines, safe_yaml

    shown = shown or path.name
    try:
        node, data = safe_yaml(normalise_newlines(path.read_text(encoding="utf-8")), MAX_FACTS_BYTES)
    except YamlRefused as refused:
        return {}, [Problem(shown, refused.line, "facts", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(shown, mark.line + 1 if mark else None, "facts", f"YAML no válido: {getattr(exc, 'problem', None) or exc}",
                            "revise sangrías, dos puntos y comillas")]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(shown, None, "facts", f"no se pudo leer el archivo de datos: {exc}", "revise que exista y sea texto UTF-8")]
    entries = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return {}, [Problem(shown, 1, "facts", "debe contener una lista 'facts:'", "vea el comentario al inicio del archivo")]
    official = tuple(data.get("official_domains") or DEFAULT_OFFICIAL)
    lines = _entry_lines(node)
    facts, problems = {}, []
    for index, entry in enumerate(entries):
        line = lines.get(index)
        fact, found = _fact(entry, index, languages, official, shown, line)
        problems += found
        if fact is None:
            continue
        if fact.id in facts:
            problems.append(Problem(shown, line, f"facts.{index}.id", f"id repetido '{fact.id}'", "cada dato necesita un id propio"))
            continue
        facts[fact.id] = fact
    return facts, problems


def _entry_lines(node) -> dict[int, int]:
    """Line (1-based) where each fact of the list starts."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    for key, value in node.value:
        if key.value == "facts" and isinstance(value, yaml.SequenceNode):
            return {i: item.start_mark.line + 1 for i, item in enumerate(value.value)}
    return {}


def _fact(entry, index: int, languages, official, shown: str, line: int | None) -> tuple[Fact | None, list[Problem]]:
    where = f"facts.{index}"
    if not isinstance(entry, dict):
        return None, [Problem(shown, line, where, "cada dato debe ser un conjunto de campos", "vea los otros datos del archivo")]
    name = f"{where} ({entry.get('id', '?')})"
    problem = lambda field, message, hint="": (None, [Problem(shown, line, f"{name}{field}", message, hint)])  # noqa: E731
    missing = [field for field in REQUIRED if field not in entry]
    if missing:
        return problem("", f"faltan campos: {', '.join(missing)}", "cada dato necesita valor, año, fuente con URL y estado")
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        return problem("", f"campos desconocidos: {', '.join(unknown)}", f"los campos son: {', '.join(REQUIRED + OPTIONAL)}")
    if entry["status"] not in STATUSES or entry["unit"] not in UNITS:
        return problem("", "status o unit no válidos", f"status: {', '.join(STATUSES)}; unit: {', '.join(UNITS)}")
    if not isinstance(entry["label"], dict) or any(not isinstance(entry["label"].get(lang), str) for lang in languages):
        return problem(".label", "falta la descripción en algún idioma", f"escriba label con {', '.join(languages)}")
    value = entry["value"]
    if isinstance(value, dict) and (entry["unit"] != "text" or any(not isinstance(value.get(lang), str) for lang in languages)):
        return problem(".value", "un valor por idioma solo vale para datos de texto, y con todos los idiomas",
                       f"escriba value: {{{', '.join(f'{lang}: …' for lang in languages)}}} con unit: text")
    if entry["unit"] != "text" and not isinstance(value, (int, float, str)) or isinstance(value, bool):
        return problem(".value", f"valor no válido: {value!r}", "escriba un número (52.0, 1191) o una fecha AAAA-MM-DD")
    for field in ("value", "year"):  # YAML reads .inf and .nan as numbers: they would print as "inf" or "nan %"
        if isinstance(entry[field], float) and not math.isfinite(entry[field]):
            return problem(f".{field}", f"valor no válido: {entry[field]!r}", "escriba el número que publica la fuente (52.0, 1191)")
    if not _https(entry["url"]):
        return problem(".url", "la fuente necesita una URL https:// sin espacios ni comillas", "copie la dirección de la fuente con https://")
    evidence_url = entry["evidence"].get("url") if isinstance(entry.get("evidence"), dict) else None
    for field, address in ((".url", entry["url"]), (".evidence.url", evidence_url)):
        embedded = embedded_host(address) if isinstance(address, str) else None
        if embedded:
            return problem(field, f"la dirección lleva otro sitio dentro de su ruta («{embedded}»): no es la dirección "
                                  "canónica de la página", "abra la página y copie la dirección que muestra el navegador "
                                  "(por ejemplo https://andina.pe/agencia/noticia-….aspx), sin trozos de otras direcciones")
    evidence, note = entry.get("evidence"), entry.get("note")
    if note is not None:
        if isinstance(note, str) or not isinstance(note, dict) or any(not isinstance(note.get(lang), str) or not note[lang].strip() for lang in languages) \
                or set(note) - set(languages):
            return problem(".note", "la nota necesita un texto en cada idioma",
                           f"escriba note: {{{', '.join(f'{lang}: …' for lang in languages)}}}: qué es la cifra y de dónde sale")
        note = {lang: " ".join(note[lang].split()) for lang in languages}
    if evidence is not None:
        if not isinstance(evidence, dict) or set(evidence) != {"url", "quote", "checked"}:
            return problem(".evidence", "la evidencia necesita exactamente url, quote y checked",
                           "url: página donde está la cita; quote: el pasaje que da la cifra; checked: fecha AAAA-MM-DD")
        if not WEB_URL.match(str(evidence["url"])) or not str(evidence["quote"] or "").strip() or not ISO_DATE.match(str(evidence["checked"])):
            return problem(".evidence", "la evidencia necesita la dirección de la página, una cita no vacía y la fecha de revisión (AAAA-MM-DD)", "")
        evidence = Evidence(str(evidence["url"]), " ".join(str(evidence["quote"]).split()), str(evidence["checked"]))
    if entry["status"] == "verified":
        if evidence is None:
            return problem(".status", "un dato 'verified' necesita evidence (url, quote, checked)",
                           "cite el pasaje de la página oficial que da la cifra, o deje el estado en sourced")
        if not _https(evidence.url) or not _official(evidence.url, official):
            return problem(".evidence.url", f"la evidencia de un dato verificado debe venir de una fuente oficial ({', '.join(official)})",
                           "cite la página oficial, o deje el estado en sourced con una nota")
        if not quote_states(evidence.quote, entry["value"], entry["unit"]):
            return problem(".evidence.quote", f"la cita no contiene la cifra {entry['value']}",
                           "copie el pasaje exacto donde aparece la cifra")
    elif note is None:
        return problem(".note", f"un dato '{entry['status']}' necesita una nota que diga por qué no está verificado",
                       "por ejemplo: es: «Cifra publicada por la prensa; el informe del INEI no se consultó directamente.» "
                       "en: «Reported by the press; the INEI report itself was not consulted.»")
    fact = Fact(**{field: entry[field] for field in REQUIRED}, evidence=evidence, note=note)
    return fact, []


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL_SAFE = re.compile(r"^https://[^\s\"'<>()\[\]{}\\`]+$")
WEB_URL = re.compile(r"^https?://[^\s\"'<>\\`]+$")  # where a quote was read (only shown as text)


def _https(url) -> bool:
    return isinstance(url, str) and bool(URL_SAFE.match(url))


# A path segment that is itself a host name ("www.gob.pe", "apps.reniec.gob.pe", "go.participate.com"): a page's
# canonical address never carries another site's name in its path; such addresses come from crawlers that glued
# links together, and they may stop working or show another page. File names (".aspx", ".html", ".pdf") are not hosts.
_HOST_SEGMENT = re.compile(r"^(?:[a-z0-9-]+\.)+([a-z]{2,})$", re.I)
_GENERIC_ENDINGS = ("com", "org", "net", "edu", "gov", "gob", "int", "info", "biz", "io", "mil")  # plus two-letter country codes
_FILE_ENDINGS = ("aspx", "html", "htm", "php", "pdf", "jsp", "asp", "xml", "json", "txt", "doc", "docx", "xls", "xlsx",
                 "jpg", "jpeg", "png", "gif", "csv", "zip", "md", "cfm", "shtml")


def embedded_host(url: str) -> str | None:
    """The host name found inside the path of `url` (after its own host), or None for a clean address."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    parts = path.split("/")
    if len(parts) < 4 or not parts[0].lower().startswith("http"):
        return None
    for index, segment in enumerate(parts[3:], start=3):
        if segment.lower() in ("https:", "http:"):  # "https://www.gob.pe/https://www.inei.gob.pe/…"
            return "/".join(parts[index:index + 3])
        match = _HOST_SEGMENT.match(segment)
        ending = match.group(1).lower() if match else ""
        if match and ending not in _FILE_ENDINGS and (ending in _GENERIC_ENDINGS or len(ending) == 2):
            return segment
    return None


def _official(url: str, domains: tuple[str, ...]) -> bool:
    """Whether the URL's host, as a browser reads it, is an official domain. Parsed, not cut at the first '/' or
    ':': in https://www.inei.gob.pe:x@other.host/ the host is other.host. A URL with user info before the host
    is never official (no official page needs one, and it exists to make another host look like an official one)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 — a malformed port raises here
    except ValueError:
        return False
    if "@" in parts.netloc or not host:
        return False
    host = host.rstrip(".").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


NUMBER = re.compile(r"\d[\d\u00a0\u202f ]*(?:[.,]\d+)*")


def quote_states(quote: str, value, unit: str) -> bool:
    """Whether the quoted passage contains the figure, written Spanish or English style (65,8 · 65.8 ·
    1 191 · 1,191 · 1.191); a date must appear with its year; text facts are not checked."""
    if unit == "text":
        return True
    if unit == "date":
        return str(value)[:4] in quote
    target = float(value)
    for match in NUMBER.finditer(quote):
        digits = re.sub(r"[\u00a0\u202f ]", "", match.group(0))
        for reading in _readings(digits):
            if abs(reading - target) < 1e-9:
                return True
    return False


def _readings(text: str) -> set[float]:
    """Every way a written number can be read: separators as thousands or as the decimal mark."""
    out = set()
    for decimal in (",", "."):
        thousands = "." if decimal == "," else ","
        candidate = text.replace(thousands, "")
        if candidate.count(decimal) <= 1:
            try:
                out.add(float(candidate.replace(decimal, ".")))
            except ValueError:
                pass
    return out


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


MONTHS = {"es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]}


def format_date(iso: str, lang: str) -> str:
    """'2015-11-23' -> '23 de noviembre de 2015' / '23 November 2015', as each language writes dates."""
    year, month, day = str(iso).split("-")
    if lang == "es":
        return f"{int(day)} de {MONTHS['es'][int(month) - 1]} de {year}"
    return f"{int(day)} {MONTHS['en'][int(month) - 1]} {year}"


def format_value(fact: Fact, lang: str) -> str:
    if fact.unit == "percent":
        number = format_number(fact.value, lang, 1 if isinstance(fact.value, float) else 0)
        return f"{number}\u00a0%" if lang == "es" else f"{number}%"
    if fact.unit in ("count", "rate"):
        return format_number(fact.value, lang)
    if fact.unit == "years":
        return f"{fact.value} años" if lang == "es" else f"{fact.value} years"
    if fact.unit == "date":
        return format_date(str(fact.value), lang)
    if isinstance(fact.value, dict):
        return fact.value[lang]
    return str(fact.value)


def render_fact(fact: Fact, lang: str, labels: dict) -> str:
    """Markdown for one cited fact: the value, then its source as a link, and how far it is checked.

    Values come from a data file: every one is escaped for Markdown and HTML here, so a source or label
    can never become markup (the page's allow-list would also refuse it)."""
    return f"{fact_value(fact, lang)} ({fact_note(fact, lang, labels)})"


def fact_value(fact: Fact, lang: str) -> str:
    """The value alone, as said in a script or read on a participant sheet (its source goes to a footnote)."""
    css = {"verified": ".fact .fact--verified", "sourced": ".fact .fact--sourced", "uncertain": ".fact .fact--uncertain"}[fact.status]
    return f"**{_text(format_value(fact, lang))}**{{: {css} }}"


def fact_note(fact: Fact, lang: str, labels: dict) -> str:
    """The source as a link, then how far the figure is checked: what follows the value, in brackets or a footnote."""
    cited = fact.source if str(fact.year) in fact.source else f"{fact.source}, {fact.year}"
    title = html.escape(fact.label[lang], quote=True)
    source = f"[{_text(cited)}]({fact.url}){{: .fact-source title=\"{title}\" }}"
    status = {"verified": "", "sourced": f" *({_text(labels['fact_sourced'])})*",
              "uncertain": f" *({_text(labels['fact_uncertain'])})*"}[fact.status]
    return f"{source}{status}"


def _text(value: str) -> str:
    """Plain text that stays plain inside Markdown: HTML characters and Markdown punctuation escaped."""
    return MARKDOWN_PUNCTUATION.sub(lambda m: "\\" + m.group(0), html.escape(str(value), quote=False))


MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+!|]")
