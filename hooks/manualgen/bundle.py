"""The offline (USB) edition: a reproducible zip of the built site with a start file and checksums."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from .offline_app import phone_only

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can hold

START_TEXT = """\
MANUAL PARA LÍDERES LOCALES — MASCULINIDADES Y PREVENCIÓN DE LA VIOLENCIA DE GÉNERO
Edición sin conexión {version}

Cómo abrirlo
  1. Copie la carpeta completa "{folder}" a su computadora o úsela desde la memoria USB.
  2. Abra el archivo index.html con doble clic. Se abre en su navegador (Firefox, Chrome, Edge…).
  3. No necesita internet: el buscador, el cambio de idioma y los PDF funcionan sin conexión.

Qué contiene
  - index.html: el manual en castellano; en/index.html: el manual en inglés.
  - pdf/ y en/pdf/: fichas, planes de sesión, paquetes por módulo y el manual completo para imprimir en A4.
  - SHA256SUMS: sumas de comprobación para verificar que la copia está completa (sha256sum -c SHA256SUMS).

¿Necesita ayuda ahora? {line_es}: gratuita, las 24 horas. En una emergencia llame al {emergency}.

------------------------------------------------------------------------------------------------

MANUAL FOR LOCAL LEADERS — MASCULINITIES AND PREVENTION OF GENDER-BASED VIOLENCE
Offline edition {version}

How to open it
  1. Copy the whole "{folder}" folder to your computer or use it from the USB stick.
  2. Double-click index.html. It opens in your web browser (Firefox, Chrome, Edge…).
  3. No internet needed: search, the language switch and the PDFs all work offline.

What is inside
  - index.html: the manual in Spanish; en/index.html: the manual in English.
  - pdf/ and en/pdf/: handouts, session plans, module packs and the complete manual to print on A4.
  - SHA256SUMS: checksums to verify the copy is complete (sha256sum -c SHA256SUMS).

Need help now? {line_en} (Peru): free, 24 hours. In an emergency call {emergency}.
"""


# Where `make site` puts a copy of each offline edition inside the published site, under names that do not change
# between versions, so the downloads page can link to them (they are never inside an edition themselves).
PUBLISHED_COPIES = {"zip": "offline/manual-masculinidades-offline.zip", "zim": "offline/manual-masculinidades.zim"}
# What the downloads page reads to show them: every build writes it empty; `make site` lists the copies it made.
EDITIONS_LISTING = "offline/editions.json"


def editions_listing(sizes: dict[str, int]) -> str:
    """The listing of the published copies: {"files": {"zip": {"path", "size"}, …}} for the kinds present."""
    import json
    files = {kind: {"path": PUBLISHED_COPIES[kind], "size": size} for kind, size in sorted(sizes.items())}
    return json.dumps({"files": files}, sort_keys=True) + "\n"


def left_out_offline(rel: str, languages: tuple[str, ...]) -> str | None:
    """Why no offline reader needs the site file at `rel` (a posix path relative to site/), or None when it is
    needed. Shared by the USB zip and the ZIM (which also leaves out what only Material's search uses)."""
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("offline/"):
        return "the offline editions themselves and their listing, beside the published site"
    if rel.endswith(".map"):
        return "source maps, for developers' browser tools"
    if name in ("sitemap.xml", "sitemap.xml.gz"):
        return "for web crawlers"
    if phone_only(rel, languages):
        return "the phone edition's worker, manifest, summary and icons: used only on the website"
    if rel.startswith("assets/javascripts/lunr/"):
        if name in ("wordcut.js", "tinyseg.js"):
            return "word segmenters for Thai, Hindi and Japanese"
        language = name.removeprefix("lunr.").removesuffix(".min.js")
        if name.startswith("lunr.") and language not in languages and language != "stemmer.support":
            return "search rules for a language the site does not have (each index has one language: no lunr.multi)"
    return None


def in_offline_zip(rel: str, languages: tuple[str, ...]) -> bool:
    """The zip is opened from file://, where search reads the index's .js copy: the .json is left out too."""
    return left_out_offline(rel, languages) is None and not rel.endswith("search/search_index.json")


def checksums(site: Path, files: list[Path] | None = None) -> str:
    lines = []
    for path in files if files is not None else sorted(p for p in site.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(site).as_posix()}")
    return "\n".join(lines) + "\n"


def start_text(version: str, folder: str, helplines: dict) -> str:
    """The start file, its helplines from extra.manual.helplines (a number is never typed twice)."""
    line, emergency = helplines["linea-100"], helplines["policia"]
    return START_TEXT.format(version=version, folder=folder, emergency=emergency["number"],
                             line_es=f"{line['name']['es']} ({line['number']})", line_en=f"{line['name']['en']} ({line['number']})")


def write_offline_zip(site: Path, target: Path, folder: str, version: str, epoch: int,
                      languages: tuple[str, ...], helplines: dict) -> Path:
    """Same inputs, same bytes: sorted entries, one fixed timestamp, fixed permissions. Only what a reader
    opening index.html from the stick uses (in_offline_zip)."""
    stamp = __import__("time").gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    files = sorted(p for p in site.rglob("*") if p.is_file() and in_offline_zip(p.relative_to(site).as_posix(), languages))
    entries: list[tuple[str, bytes]] = [(f"{folder}/{path.relative_to(site).as_posix()}", path.read_bytes()) for path in files]
    entries.append((f"{folder}/LEAME-README.txt", start_text(version, folder, helplines).encode("utf-8")))
    entries.append((f"{folder}/SHA256SUMS", checksums(site, files).encode("utf-8")))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    return target
