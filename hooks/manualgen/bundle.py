"""The offline (USB) editions: reproducible zips of the built site with a start file and checksums.

One zip holds both languages, for a USB stick (the language switch works inside it); one zip per language holds
that language alone, for a download over paid mobile data (about half the size: the PDFs are most of the bytes
and each language has its own). In a one-language zip every page of the other language is replaced by a short
notice (rendered by hooks/offline_app.py into site/offline/), so the language switch explains instead of failing."""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from .offline_app import HOME_MARKER, phone_only
from .web_address import offline_copy
from .zip_reuse import add_deflated, content_key, previous_members, reusable

ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can hold

START_TEXT = """\
MANUAL PARA LÍDERES LOCALES — MASCULINIDADES Y PREVENCIÓN DE LA VIOLENCIA DE GÉNERO
Edición sin conexión {version}

Cómo abrirlo
  1. Copie la carpeta completa "{folder}" a su computadora o úsela desde la memoria USB.
  2. Abra el archivo index.html con doble clic. Se abre en su navegador (Firefox, Chrome, Edge…).
  3. No necesita internet: {works_es}

Qué contiene
  - {pages_es}
  - {pdfs_es}: fichas, planes de sesión, paquetes por módulo y el manual completo para imprimir en A4; el rotafolio
    de cada sesión (*-rotafolio.pdf: hojas A3 para la pared; *-rotafolio-a4.pdf: las mismas en hojas A4 para unir).
  - SHA256SUMS: sumas de comprobación para verificar que la copia está completa (sha256sum -c SHA256SUMS).

¿Necesita ayuda ahora? {line_es}: gratuita, las 24 horas. En una emergencia llame al {emergency}.

------------------------------------------------------------------------------------------------

MANUAL FOR LOCAL LEADERS — MASCULINITIES AND PREVENTION OF GENDER-BASED VIOLENCE
Offline edition {version}

How to open it
  1. Copy the whole "{folder}" folder to your computer or use it from the USB stick.
  2. Double-click index.html. It opens in your web browser (Firefox, Chrome, Edge…).
  3. No internet needed: {works_en}

What is inside
  - {pages_en}
  - {pdfs_en}: handouts, session plans, module packs and the complete manual to print on A4; each session's wall
    sheets (*-rotafolio.pdf / *-wall-sheets.pdf: A3 sheets for the wall; the same ending -a4.pdf: on A4 sheets to join).
  - SHA256SUMS: checksums to verify the copy is complete (sha256sum -c SHA256SUMS).

Need help now? {line_en} (Peru): free, 24 hours. In an emergency call {emergency}.
"""

# What the start file says differently in each edition (None: both languages; else the one language it holds).
EDITION_TEXT = {
    None: {"works_es": "el buscador, el cambio de idioma y los PDF funcionan sin conexión.",
           "pages_es": "index.html: el manual en castellano; en/index.html: el manual en inglés.", "pdfs_es": "pdf/ y en/pdf/",
           "works_en": "search, the language switch and the PDFs all work offline.",
           "pages_en": "index.html: the manual in Spanish; en/index.html: the manual in English.", "pdfs_en": "pdf/ and en/pdf/"},
    "es": {"works_es": "el buscador y los PDF funcionan sin conexión.\n     Esta copia tiene solo el castellano: "
                       "la edición con los dos idiomas es otra descarga.",
           "pages_es": "index.html: el manual en castellano.", "pdfs_es": "pdf/",
           "works_en": "search and the PDFs work offline.\n     This copy holds the Spanish manual only: "
                       "the edition with both languages is a separate download.",
           "pages_en": "index.html: the manual in Spanish.", "pdfs_en": "pdf/"},
    "en": {"works_es": "el buscador y los PDF funcionan sin conexión.\n     Esta copia tiene solo el inglés: "
                       "la edición con los dos idiomas es otra descarga.",
           "pages_es": "index.html (abre en/index.html): el manual en inglés.", "pdfs_es": "en/pdf/",
           "works_en": "search and the PDFs work offline.\n     This copy holds the English manual only: "
                       "the edition with both languages is a separate download.",
           "pages_en": "index.html (opens en/index.html): the manual in English.", "pdfs_en": "en/pdf/"},
}

# The notice a one-language zip puts in place of each page of another language, and the one it opens with when
# its language is not at the root (an index.html that goes straight to en/index.html): rendered for each
# language by hooks/offline_app.py, with HOME_MARKER where the edition's home page goes.
NOTICE = "offline/only-{lang}.html"
START_NOTICE = "offline/only-{lang}-start.html"
# ... and where the edition's home page's language switch leads instead of that index.html, which would send the
# reader straight back (nothing would seem to happen): the notice, saying plainly where the other language is.
OTHER_LANGUAGE_NOTICE = "otro-idioma.html"

# Where `make site` puts a copy of each offline edition inside the published site, under names that do not change
# between versions, so the downloads page can link to them (they are never inside an edition themselves).
PUBLISHED_COPIES = {"zip": "offline/manual-masculinidades-offline.zip", "zim": "offline/manual-masculinidades.zim"}
PUBLISHED_LANGUAGE_ZIP = "offline/manual-masculinidades-offline-{lang}.zip"  # key "zip-{lang}" in the listing


def published_copy(kind: str) -> str:
    """The place beside the published site of the edition `kind`: "zip", "zim" or "zip-<language>"."""
    if kind.startswith("zip-"):
        return PUBLISHED_LANGUAGE_ZIP.format(lang=kind.removeprefix("zip-"))
    return PUBLISHED_COPIES[kind]
# What the downloads page reads to show them: every build writes it empty; `make site` lists the copies it made.
EDITIONS_LISTING = "offline/editions.json"


def editions_listing(sizes: dict[str, int]) -> str:
    """The listing of the published copies: {"files": {"zip": {"path", "size"}, …}} for the kinds present."""
    import json
    files = {kind: {"path": published_copy(kind), "size": size} for kind, size in sorted(sizes.items())}
    return json.dumps({"files": files}, sort_keys=True) + "\n"


def left_out_offline(rel: str, languages: tuple[str, ...]) -> str | None:
    """Why no offline reader needs the site file at `rel` (a posix path relative to site/), or None when it is
    needed. Shared by the USB zip and the ZIM (which also leaves out what only Material's search uses)."""
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("offline/"):
        return "the offline editions themselves and their listing, beside the published site"
    if rel.endswith(".map"):
        return "source maps, for developers' browser tools"
    if rel.startswith("print/"):
        return "the PDFs' stylesheet, used when the PDFs are built"
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


def language_of(rel: str, languages: tuple[str, ...]) -> str | None:
    """The language whose pages include the site file at `rel`: a file in a language's folder (`en/…`) is that
    language's, any other outside assets/ the default (first) language's; None for assets/, which all share."""
    if rel.startswith("assets/"):
        return None
    return next((lang for lang in languages[1:] if rel.startswith(f"{lang}/")), languages[0])


def in_offline_zip(rel: str, languages: tuple[str, ...], edition: str | None = None) -> bool:
    """Whether the zip of `edition` (one language, or None for all of `languages`) holds the site file at `rel`.
    The zip is opened from file://, where search reads the index's .js copy: the .json is left out too; a
    one-language zip leaves out the other languages' files and search rules."""
    if edition is not None and language_of(rel, languages) not in (None, edition):
        return False
    return (left_out_offline(rel, (edition,) if edition else languages) is None
            and not rel.endswith("search/search_index.json"))


def notice_pages(rels: list[str], languages: tuple[str, ...], edition: str) -> list[str]:
    """Of the site files at `rels`, the other languages' pages, which a one-language zip replaces by its notice
    (see notice_for)."""
    return [rel for rel in rels if rel.endswith(".html") and language_of(rel, languages) not in (None, edition)
            and left_out_offline(rel, languages) is None]


def notice_for(rel: str, notice: str, home: str) -> str:
    """The notice (site/offline/NOTICE) as the page at `rel`: its link to the edition's home made relative."""
    depth = rel.count("/")
    return notice.replace(HOME_MARKER, "../" * depth + home)


def switch_to_notice(html: str, edition: str) -> str:
    """The edition's home page with its language switch's links to the other languages' home (the root
    index.html, as `../index.html`) pointed at the notice (OTHER_LANGUAGE_NOTICE) instead."""
    return re.sub(r'href="((?:\.\./)+)index\.html"(\s+hreflang="(?!' + re.escape(edition) + r'")[^"]*")',
                  lambda m: f'href="{m.group(1)}{OTHER_LANGUAGE_NOTICE}"{m.group(2)}', html)


def checksums(site: Path) -> str:
    """sha256sum's listing of every file in `site`."""
    return checksum_listing((path.relative_to(site).as_posix(), path.read_bytes())
                            for path in sorted(p for p in site.rglob("*") if p.is_file()))


def checksum_listing(entries) -> str:
    """sha256sum's listing of (name, bytes) pairs, in the order given."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in entries)


def start_text(version: str, folder: str, helplines: dict, edition: str | None = None) -> str:
    """The start file of `edition`, its helplines from extra.manual.helplines (a number is never typed twice)."""
    line, emergency = helplines["linea-100"], helplines["policia"]
    return START_TEXT.format(version=version, folder=folder, emergency=emergency["number"], **EDITION_TEXT[edition],
                             line_es=f"{line['name']['es']} ({line['number']})", line_en=f"{line['name']['en']} ({line['number']})")


def zip_entries(site: Path, languages: tuple[str, ...], edition: str | None = None) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) of the site files the zip of `edition` holds (in_offline_zip), its pages without
    their links to the published address (web_address.offline_copy), and, in a one-language zip, the notice in
    place of each page of another language (its start notice as index.html when the edition's language is not
    at the root)."""
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    entries = [(rel, (site / rel).read_bytes()) for rel in rels if in_offline_zip(rel, languages, edition)]
    if edition is not None:
        home = "index.html" if edition == languages[0] else f"{edition}/index.html"
        notice = (site / NOTICE.format(lang=edition)).read_text(encoding="utf-8")
        start = (site / START_NOTICE.format(lang=edition)).read_text(encoding="utf-8")
        for rel in notice_pages(rels, languages, edition):
            page = start if rel == "index.html" else notice
            entries.append((rel, notice_for(rel, page, home).encode("utf-8")))
        if home != "index.html":
            entries.append((OTHER_LANGUAGE_NOTICE, notice_for(OTHER_LANGUAGE_NOTICE, notice, home).encode("utf-8")))
            entries = [(rel, switch_to_notice(data.decode("utf-8"), edition).encode("utf-8") if rel == home else data)
                       for rel, data in entries]
    return sorted((rel, offline_copy(data.decode("utf-8")).encode("utf-8") if rel.endswith(".html") else data)
                  for rel, data in entries)


def write_offline_zip(site: Path, target: Path, folder: str, version: str, epoch: int,
                      languages: tuple[str, ...], helplines: dict, edition: str | None = None,
                      lenders: tuple[Path, ...] = ()) -> Path:
    """The zip of `edition` (one language, or None for all): same inputs, same bytes (sorted entries, one fixed
    timestamp, fixed permissions); only what a reader opening index.html from the stick uses (zip_entries),
    with a start file and the checksums of everything else in it. `lenders` (the same edition's zip from an
    earlier build, any other zip written before it) give the members whose bytes did not change already
    compressed (zip_reuse)."""
    stamp = __import__("time").gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    files = zip_entries(site, languages, edition)
    entries = [(f"{folder}/{rel}", data) for rel, data in files]
    entries.append((f"{folder}/LEAME-README.txt", start_text(version, folder, helplines, edition).encode("utf-8")))
    entries.append((f"{folder}/SHA256SUMS", checksum_listing(files).encode("utf-8")))
    reuse = previous_members(*lenders)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            member = reuse.get(content_key(data))
            if reusable(member, data):
                add_deflated(archive, info, member)
            else:
                archive.writestr(info, data, compresslevel=9)
    return target
