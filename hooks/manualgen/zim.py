"""The Kiwix / Internet-in-a-Box edition: the built site as one ZIM file, written with libzim, reproducibly.

One ZIM holds both languages, laid out as the site is (Spanish at the root, English under en/), because the
site's language switch is a relative link from each page to its twin (`en/…` and back): with one ZIM per
language that link would point outside the file and break inside Kiwix. The main page is the Spanish
index.html; Kiwix's full-text search covers both languages (indexed with Spanish rules, the main language).

What goes in: every page, asset and PDF of site/, each HTML page marked `<html … data-channel="zim">` so
manual.css hides Material's search (it needs its own index and a web worker; Kiwix has its own search). What
is left out: files no Kiwix reader uses (LEFT_OUT). A page with an absolute link (`/…`) is refused: inside
Kiwix such a link leaves the book. The metadata Kiwix shows in its library comes from mkdocs.yml (zim_metadata).

Reproducible: the same site gives the same ZIM bytes. libzim orders entries and clusters deterministically
with one worker thread, but writes three random 16-byte ids: the archive's UUID (header) and the UUID of each
Xapian database (full-text and title index), and the python binding cannot set them (Creator.set_uuid is
commented out). fix_random_ids() replaces them afterwards with ids derived from the file's own content and
rewrites the ZIM's MD5 checksum, following the ZIM format (https://wiki.openzim.org/wiki/ZIM_file_format).
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import struct
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from manualgen.bundle import left_out_offline
from manualgen.disk_memo import DiskMemo, key_of
from manualgen.logo import logo_png
from manualgen.web_address import offline_copy

MAIN_PAGE = "index.html"
ILLUSTRATION_SIZE = 48  # the one illustration Kiwix requires (Illustration_48x48@1)

# Files of site/ that no Kiwix reader uses, with why, besides what no offline reader uses (bundle.left_out_offline).
LEFT_OUT = {
    "404.html": "Kiwix shows its own page for a missing entry",
}
SEARCH_INDEX = ("search/search_index.json", "search/search_index.js")  # Material's search is hidden inside Kiwix

# By extension, so the same site gives the same ZIM on any machine (Python's mimetypes reads the system's tables).
MIME_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".json": "application/json",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/vnd.microsoft.icon", ".pdf": "application/pdf",
    ".txt": "text/plain", ".xml": "application/xml", ".woff2": "font/woff2", ".woff": "font/woff",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",  # the XLSForms (forms/)
}
OTHER_MIME_TYPE = "application/octet-stream"

# The site's languages come from the i18n plugin as ISO 639-1 codes; ZIM metadata needs ISO 639-3.
ISO_639_3 = {"es": "spa", "en": "eng", "qu": "que", "ay": "aym", "pt": "por", "fr": "fra"}

# openZIM's limits for what Kiwix shows in its library (https://wiki.openzim.org/wiki/Metadata).
TITLE_MAX = 30
DESCRIPTION_MAX = 80

# Written with one worker thread: with more, the Xapian index's documents are numbered in the order the
# threads finish, and two builds differ. Cluster size and compression are fixed rather than left to
# libzim's defaults, so a libzim upgrade does not silently change the layout.
WORKERS = 1
CLUSTER_SIZE = 2 * 1024 * 1024
COMPRESSION = "zstd"

ABSOLUTE_LINK = re.compile(r"""\b(?:href|src|action|poster)\s*=\s*["']?(/[^"'\s>]*)""", re.IGNORECASE)
HTML_START_TAG = re.compile(r"<html\b[^>]*?(?=/?>)", re.IGNORECASE)


class ZimError(Exception):
    """A reason the ZIM cannot be written, in one sentence the person building can act on."""


# ---------------------------------------------------------------------------------------------- settings

@dataclass(frozen=True)
class ZimMetadata:
    name: str
    title: str
    description: str
    creator: str
    publisher: str
    languages: tuple[str, ...]  # ISO 639-3, the main language first (it is also the indexing language)
    tags: tuple[str, ...]
    date: str                   # YYYY-MM-DD

    @property
    def index_language(self) -> str:
        return self.languages[0]

    def items(self) -> list[tuple[str, str]]:
        """The text metadata, by openZIM name, in a fixed order."""
        return [("Name", self.name), ("Title", self.title), ("Description", self.description),
                ("Language", ",".join(self.languages)), ("Creator", self.creator), ("Publisher", self.publisher),
                ("Date", self.date), ("Tags", ";".join(self.tags))]


def site_languages(config: dict) -> list[str]:
    """The site's language codes from the i18n plugin in mkdocs.yml, the default one first."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            ordered = sorted(languages, key=lambda lang: not lang.get("default", False))
            return [str(lang.get("locale", "")) for lang in ordered]
    return []


def zim_metadata(config: dict, epoch: int) -> ZimMetadata:
    """The ZIM's metadata from mkdocs.yml (site_author, the i18n languages and extra.manual.zim), dated by
    `epoch` (SOURCE_DATE_EPOCH). Every problem is reported at once, one per line, in the ZimError."""
    zim = ((config.get("extra") or {}).get("manual") or {}).get("zim")
    where = "mkdocs.yml: extra.manual.zim"
    if not isinstance(zim, dict):
        raise ZimError(f"{where}: falta el bloque con name, title, description y publisher de la edición Kiwix — "
                       "añádalo (vea README, «La edición Kiwix»).")
    problems = []

    def text(field: str, fallback=None, limit: int | None = None) -> str:
        value = zim.get(field, fallback)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}.{field}: falta o está vacío — escriba un texto.")
            return ""
        value = " ".join(value.split())
        if limit is not None and len(value) > limit:
            problems.append(f"{where}.{field}: tiene {len(value)} caracteres y Kiwix admite hasta {limit} — acórtelo.")
        return value

    name = text("name")
    if name and not re.fullmatch(r"[A-Za-z0-9._-]+", name):
        problems.append(f"{where}.name: «{name}» lleva espacios u otros signos — use letras sin tilde, cifras, - y _ "
                        "(por ejemplo manual-masculinidades_mul_all).")
    title = text("title", limit=TITLE_MAX)
    description = text("description", limit=DESCRIPTION_MAX)
    creator = text("creator", fallback=config.get("site_author"))
    publisher = text("publisher")
    tags = zim.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() and ";" not in tag for tag in tags):
        problems.append(f"{where}.tags: debe ser una lista de palabras sin «;» — por ejemplo [masculinidades, Perú].")
        tags = []
    languages = []
    for code in site_languages(config):
        if code not in ISO_639_3:
            problems.append(f"mkdocs.yml: plugins.i18n.languages: no se conoce el código ISO 639-3 de «{code}» — "
                            "añádalo a ISO_639_3 en hooks/manualgen/zim.py.")
        else:
            languages.append(ISO_639_3[code])
    if not languages and not problems:
        problems.append("mkdocs.yml: plugins.i18n.languages: no hay idiomas — la edición Kiwix los toma de ahí.")
    if problems:
        raise ZimError("\n".join(problems))
    return ZimMetadata(name=name, title=title, description=description, creator=creator, publisher=publisher,
                       languages=tuple(languages), tags=tuple(" ".join(tag.split()) for tag in tags),
                       date=time.strftime("%Y-%m-%d", time.gmtime(epoch)))


# ---------------------------------------------------------------------------------------------- pages

def kept_in_zim(rel: str, languages: tuple[str, ...] = ("es", "en")) -> bool:
    """Whether the site file at `rel` (a posix path relative to site/) goes into the ZIM."""
    return (rel not in LEFT_OUT and not rel.endswith(SEARCH_INDEX)
            and left_out_offline(rel, languages) is None)


def mime_type(rel: str) -> str:
    return MIME_TYPES.get(Path(rel).suffix.lower(), OTHER_MIME_TYPE)


def mark_zim_channel(html: str) -> str:
    """The page with `data-channel="zim"` on its <html> element (manual.css hides Material's search there).
    A page without an <html> element is returned unchanged."""
    return HTML_START_TAG.sub(lambda start: f'{start.group(0)} data-channel="zim"', html, count=1)


def absolute_links(html: str) -> list[str]:
    """The links of a page that start with "/": inside Kiwix they leave the book (the site's own are relative)."""
    return ABSOLUTE_LINK.findall(html)


class _PageReader(HTMLParser):
    """Collects a page's <title>, first <h1> and the text of its <article> (the page's own content,
    without the navigation every page repeats), leaving out scripts and styles."""

    SKIPPED = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.heading, self.article, self.body = [], [], [], []
        self.open = {"title": 0, "h1": 0, "article": 0, "body": 0, "skipped": 0}
        self.headings_seen = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.open["skipped"] += 1
        elif tag == "h1":
            self.headings_seen += 1
            self.open["h1"] += 1
        elif tag in self.open:
            self.open[tag] += 1
        if tag in ("p", "li", "br", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "div", "section"):
            self._text(" ")

    def handle_endtag(self, tag):
        key = "skipped" if tag in self.SKIPPED else tag
        if key in self.open and self.open[key]:
            self.open[key] -= 1

    def handle_data(self, data):
        self._text(data)

    def _text(self, data):
        if self.open["skipped"]:
            return
        if self.open["title"]:
            self.title.append(data)
        if self.open["h1"] and self.headings_seen == 1:
            self.heading.append(data)
        if self.open["article"]:
            self.article.append(data)
        if self.open["body"]:
            self.body.append(data)


@dataclass(frozen=True)
class PageText:
    title: str    # the page's first heading, else its <title>
    content: str  # what Kiwix's full-text search indexes


ARTICLE = re.compile(r"<article\b.*</article>", re.DOTALL | re.IGNORECASE)  # the first <article> to the last </article>


def page_text(html: str) -> PageText:
    """A page's title and the text to index: its <article>, else its <body> (words separated by one space).
    Only the head (for <title>) and the article are parsed when there is one: the navigation every page repeats
    is a third of each page and was most of the ZIM's writing time."""
    reader = _PageReader()
    head_end, article = html.find("</head>"), ARTICLE.search(html)
    reader.feed(html[:head_end] + article.group(0) if head_end != -1 and article else html)
    reader.close()
    squeeze = lambda parts: " ".join("".join(parts).split())  # noqa: E731 - character references are already decoded
    title = squeeze(reader.heading) or squeeze(reader.title)
    return PageText(title=title, content=squeeze(reader.article) or squeeze(reader.body))


@dataclass(frozen=True)
class ZimEntry:
    path: str
    mimetype: str
    content: bytes
    title: str = ""
    indexed_text: str | None = None  # HTML pages only: the text of the page for the full-text index

    @property
    def is_page(self) -> bool:
        return self.mimetype == "text/html"


def zim_entries(site: Path, memo: DiskMemo | None = None) -> list[ZimEntry]:
    """Everything the ZIM holds, in path order. Refuses (ZimError) pages with absolute links. `memo` (see
    page_memo) gives back what an earlier build read from a page of the same bytes: after an edit, only the pages
    that changed are read again (reading every page was a third of the ZIM's time)."""
    entries, problems = [], []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if not kept_in_zim(rel):
            continue
        content = path.read_bytes()
        mimetype = mime_type(rel)
        if mimetype != "text/html":
            entries.append(ZimEntry(rel, mimetype, content))
            continue
        html = content.decode("utf-8")
        key = key_of(content)
        known = memo.get(key) if memo is not None else None
        if known is None:
            text = page_text(html)
            known = [absolute_links(html), text.title, text.content]
            if memo is not None:
                memo.put(key, known)
        links, title, indexed = known
        if links:
            problems.append(f"site/{rel}: enlace absoluto {links[0]!r}"
                            + (f" (y {len(links) - 1} más)" if len(links) > 1 else ""))
        html = offline_copy(html)  # no link to the published address: the book stays inside Kiwix
        marked = mark_zim_channel(html)
        if marked == html:
            problems.append(f"site/{rel}: la página no tiene elemento <html> donde marcar la edición Kiwix")
        entries.append(ZimEntry(rel, mimetype, marked.encode("utf-8"), title or rel, indexed))
    if problems:
        raise ZimError("\n".join(problems) + "\nDentro de Kiwix un enlace que empieza por «/» sale del libro: "
                       "use enlaces relativos (como el resto del sitio).")
    if not any(entry.path == MAIN_PAGE for entry in entries):
        raise ZimError(f"{site}: no hay {MAIN_PAGE}, la página principal de la edición Kiwix — ¿se construyó el sitio?")
    return entries


# ---------------------------------------------------------------------------------------------- writing

def _writer_items(entries: list[ZimEntry]):
    """libzim writer items for the entries (imported here: only `make site` and the tests need libzim)."""
    from libzim.writer import Hint, IndexData, Item, StringProvider

    class PageIndex(IndexData):
        def __init__(self, title: str, content: str):
            self.title, self.content = title, content

        def has_indexdata(self):
            return bool(self.content)

        def get_title(self):
            return self.title

        def get_content(self):
            return self.content

        def get_keywords(self):
            return ""

        def get_wordcount(self):
            return len(self.content.split())

    class EntryItem(Item):
        # Everything is computed before libzim asks: these run on libzim's threads, where an error is hard to report.
        def __init__(self, entry: ZimEntry):
            super().__init__()
            self.entry = entry
            self.index = PageIndex(entry.title, entry.indexed_text) if entry.indexed_text is not None else None

        def get_path(self):
            return self.entry.path

        def get_title(self):
            return self.entry.title

        def get_mimetype(self):
            return self.entry.mimetype

        def get_contentprovider(self):
            return StringProvider(self.entry.content)

        def get_hints(self):
            # Pages are what Kiwix lists, suggests and picks at random; assets and PDFs are not.
            return {Hint.FRONT_ARTICLE: self.entry.is_page}

        def get_indexdata(self):
            return self.index

    return [EntryItem(entry) for entry in entries]


@contextmanager
def _libzim_quiet():
    """libzim prints its progress ("Index titles", "ZIM file is ready!") straight to the process's stdout,
    which would interleave with the build's own report: silence that stream while it writes."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(devnull)
        os.close(saved)


def page_memo(path: Path) -> DiskMemo:
    """What pages were read as (their absolute links, title and indexed text), kept in `path` between builds and
    keyed by each page's bytes and this code."""
    return DiskMemo(path, key_of(Path(__file__).read_bytes()))


def write_zim(site: Path, target: Path, metadata: ZimMetadata, memo: Path | None = None) -> Path:
    """Write the ZIM of the built `site` to `target`: same site and metadata, same bytes. `memo`: a file where
    what each page was read as is kept for the next build (page_memo)."""
    from libzim.writer import Creator

    pages = page_memo(memo) if memo is not None else None
    entries = zim_entries(site, pages)
    if pages is not None:
        pages.save()
    target.parent.mkdir(parents=True, exist_ok=True)
    creator = (Creator(target).config_nbworkers(WORKERS).config_clustersize(CLUSTER_SIZE)
               .config_compression(COMPRESSION).config_indexing(True, metadata.index_language))
    try:
        with _libzim_quiet(), creator:
            creator.set_mainpath(MAIN_PAGE)
            for item in _writer_items(entries):
                creator.add_item(item)
            for name, value in metadata.items():
                creator.add_metadata(name, value)
            creator.add_illustration(ILLUSTRATION_SIZE, logo_png(ILLUSTRATION_SIZE))
    except RuntimeError as error:  # libzim reports its own failures (a duplicate path, a write error) this way
        if os.strerror(errno.ENOSPC) in str(error) or "Unknown exception" in str(error) and _disk_full(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target)) from None
        raise ZimError(f"libzim no pudo escribir {target.name}: {error}") from None
    archive_id = fix_random_ids(target)
    _check_readable(target, archive_id)
    return target


def _disk_full(target: Path) -> bool:
    """Whether `target`'s disk has (almost) no space left: libzim sometimes loses the error's own text."""
    stats = os.statvfs(target.parent)
    return stats.f_bfree * stats.f_frsize < (1 << 20)


def _check_readable(zim: Path, archive_id: uuid.UUID) -> None:
    """libzim reads back what fix_random_ids rewrote: checksum, id and the full-text index."""
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    archive = Archive(zim)
    if not archive.check() or archive.uuid != archive_id or not archive.has_fulltext_index:
        raise ZimError(f"{zim.name}: el archivo no pasa la comprobación de libzim tras fijar sus identificadores — "
                       "avise al equipo técnico con este mensaje.")
    Searcher(archive).search(Query().set_query("manual")).getEstimatedMatches()


# ---------------------------------------------------------------------------------------------- reproducibility

ZIM_MAGIC = b"ZIM\x04"  # 72173914, little-endian
HEADER = struct.Struct("<4sHH16sIIQQQQIIQ")
UUID_AT = 8  # in the header, after the magic number and the major and minor versions
CHECKSUM_SIZE = 16
GLASS_MAGIC = b"\x0f\x0dXapian Glass"        # how a Xapian "glass" database (Xapian 1.4) begins
GLASS_UUID_AT = len(GLASS_MAGIC) + 2          # after the magic and the two-byte format version
# Any fixed namespace will do: the ids then depend on the file's content only.
NAMESPACE_FOR_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://wiki.openzim.org/wiki/ZIM_file_format")


def _xapian_blobs(data: bytes, header: tuple) -> dict[str, int]:
    """Where each Xapian database (an entry of namespace X ending in /xapian) starts in the file."""
    _, _, _, _, entry_count, cluster_count, path_ptr_pos, _, cluster_ptr_pos, _, _, _, _ = header
    found = {}
    for index in range(entry_count):
        (dirent_at,) = struct.unpack_from("<Q", data, path_ptr_pos + 8 * index)
        mimetype, _, namespace = struct.unpack_from("<HBc", data, dirent_at)
        if namespace != b"X" or mimetype >= 0xFFFD:  # redirects, link targets and deleted entries hold no data
            continue
        cluster, blob = struct.unpack_from("<II", data, dirent_at + 8)
        path = data[dirent_at + 16:data.index(b"\0", dirent_at + 16)].decode("utf-8")
        if not path.endswith("/xapian") or cluster >= cluster_count:
            continue
        (cluster_at,) = struct.unpack_from("<Q", data, cluster_ptr_pos + 8 * cluster)
        info = data[cluster_at]
        if info & 0x0F not in (0, 1):  # libzim keeps Xapian databases in uncompressed clusters
            continue
        offset_format = "<Q" if info & 0x10 else "<I"
        offset_size = struct.calcsize(offset_format)
        (blob_offset,) = struct.unpack_from(offset_format, data, cluster_at + 1 + offset_size * blob)
        found[path] = cluster_at + 1 + blob_offset
    return found


def fix_random_ids(zim: Path) -> uuid.UUID:
    """Replace the random ids libzim wrote (the archive's UUID, each Xapian database's UUID) with ids derived
    from the rest of the file, and rewrite the checksum. Returns the archive's new UUID.

    A Xapian database not in the glass format keeps its random id (the ZIM stays valid, only not
    byte-reproducible): the reproducibility test notices it."""
    data = bytearray(zim.read_bytes())
    header = HEADER.unpack_from(data, 0)
    checksum_at = header[-1]
    if header[0] != ZIM_MAGIC or checksum_at + CHECKSUM_SIZE != len(data):
        raise ZimError(f"{zim.name}: libzim escribió un archivo con otro formato del esperado — revise la versión de "
                       "libzim (requirements.txt).")
    spans = {"archive": UUID_AT}
    for path, start in sorted(_xapian_blobs(data, header).items()):
        if data[start:start + len(GLASS_MAGIC)] == GLASS_MAGIC:
            spans[path] = start + GLASS_UUID_AT
    for at in spans.values():
        data[at:at + 16] = bytes(16)
    content = hashlib.sha256(data[:checksum_at]).hexdigest()
    ids = {name: uuid.uuid5(NAMESPACE_FOR_IDS, f"{content}:{name}") for name in spans}
    for name, at in spans.items():
        data[at:at + 16] = ids[name].bytes
    data[checksum_at:] = hashlib.md5(data[:checksum_at]).digest()
    zim.write_bytes(data)
    return ids["archive"]
