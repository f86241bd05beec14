"""The phone edition: what a reader's phone saves to use one language of the published site with no connection.

For each language the build writes, at that language's root, a web app manifest (`manifest.webmanifest`), a
service worker (`sw.js`: the list of files to save, each with its content hash and size, then the logic in
`assets/javascripts/offline-worker.js`) and a summary the save page reads before asking (`offline.json`: sizes
and versions). Everything here is computed from the bytes the build produced, after every other output is
written (hooks/offline_app.py), so the list and its versions always match the site.

Pure: paths and bytes in, text out; nothing here reads the disk except `describe_files`."""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HASH_CHARS = 16  # of a SHA-256 in hex: enough to tell two versions of a file apart

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
SUMMARY = "offline.json"
ICON_SIZES = (192, 512)
ICONS = tuple(f"assets/images/icon-{size}.png" for size in ICON_SIZES)
WORKER_LOGIC = "assets/javascripts/offline-worker.js"
LUNR = "assets/javascripts/lunr/"

# Written into the page shown for a page that is not saved, opened with no connection; the service worker puts
# the address of the saved copy's home page in its place (it knows it only at run time).
HOME_MARKER = "__MANUAL_OFFLINE_HOME__"


def phone_only(rel: str, languages: tuple[str, ...]) -> bool:
    """Whether the site file at `rel` (posix, relative to site/) exists only for the phone edition: no reader
    of the USB zip or the ZIM uses it (bundle.left_out_offline). `languages`: the site's languages (their roots)."""
    folder, _, name = rel.rpartition("/")
    at_a_language_root = folder == "" or folder in languages
    return rel in ICONS or rel == WORKER_LOGIC or (at_a_language_root and name in (WORKER, MANIFEST, SUMMARY))


def lunr_scripts(index_languages: list[str] | tuple[str, ...]) -> set[str]:
    """The lunr files Material's search worker loads for an index in these languages (the rule of its worker,
    `workers/search.*.js`: a segmenter for Japanese, Hindi and Thai, one file per language but English, the
    multi-language file for more than one, and the stemmer support whenever it loads anything)."""
    wanted: set[str] = set()
    for lang in index_languages:
        if lang == "ja":
            wanted.add(f"{LUNR}tinyseg.js")
        elif lang in ("hi", "th"):
            wanted.add(f"{LUNR}wordcut.js")
        if lang != "en":
            wanted.add(f"{LUNR}min/lunr.{lang}.min.js")
    if len(index_languages) > 1:
        wanted.add(f"{LUNR}min/lunr.multi.min.js")
    if wanted:
        wanted.add(f"{LUNR}min/lunr.stemmer.support.min.js")
    return wanted


def left_out_of_phone(rel: str, prefix: str, other_prefixes: tuple[str, ...], index_languages: tuple[str, ...]) -> str | None:
    """Why the phone copy of the language at `prefix` ("" for the default language, "en/" …) does not save the
    site file at `rel`, or None when it saves it. Anything not named here is saved: a new kind of file the
    site starts to use works offline by default."""
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("assets/"):
        if rel.startswith(LUNR) and rel not in lunr_scripts(index_languages):
            return "search rules this language's index does not load"
        if rel == WORKER_LOGIC:
            return "the service worker's own code: the browser keeps it with the worker"
    elif prefix and not rel.startswith(prefix):
        return "another language"
    elif not prefix and rel.startswith(other_prefixes):
        return "another language"
    local = rel.removeprefix(prefix)
    if rel.endswith(".map"):
        return "source maps, for developers' browser tools"
    if name in ("sitemap.xml", "sitemap.xml.gz"):
        return "for web crawlers"
    if local in (WORKER, SUMMARY):
        return "the phone edition's worker and summary: never read from the saved copy"
    if local == "search/search_index.js":
        return "the search index as a script, read only from file://"
    if local in ("catalog.json", "404.html"):
        return "for tools and for the web server, never opened by a page"
    if rel.startswith("print/"):
        return "the PDFs' stylesheet, used when the PDFs are built"
    if rel.startswith("offline/"):
        return "the USB and Kiwix editions and their listing (bundle.PUBLISHED_COPIES): downloads of their own"
    return None


def select(rels: list[str], prefix: str, other_prefixes: tuple[str, ...], index_languages: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(pages and assets, PDFs) the phone copy of one language saves, sorted; PDFs are a separate choice."""
    core, pdfs = [], []
    for rel in sorted(rels):
        if left_out_of_phone(rel, prefix, other_prefixes, index_languages) is None:
            (pdfs if rel.endswith(".pdf") else core).append(rel)
    return core, pdfs


@dataclass(frozen=True)
class SiteFile:
    path: str   # posix, relative to site/
    sha: str    # the first HASH_CHARS hex digits of the SHA-256 of its bytes
    size: int   # bytes, as stored on the phone
    gzip: int   # bytes once compressed, as a web server sends text (PDFs and images: as they are)


ALREADY_COMPRESSED = (".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gz", ".zip", ".woff", ".woff2")


# Compressed sizes by content (SHA-256): the shared assets are described once per language, and `mkdocs serve`
# rebuilds change a few files at a time; compressing is nearly all the cost of describing the site.
_compressed: dict[str, int] = {}
_used: set[str] = set()


def describe(rel: str, data: bytes) -> SiteFile:
    digest = hashlib.sha256(data).hexdigest()
    if rel.lower().endswith(ALREADY_COMPRESSED):
        compressed = len(data)
    else:
        _used.add(digest)
        if digest not in _compressed:
            if len(_compressed) > 20_000:
                _compressed.clear()
            _compressed[digest] = len(gzip.compress(data, 6, mtime=0))
        compressed = _compressed[digest]
    return SiteFile(rel, digest[:HASH_CHARS], len(data), min(compressed, len(data)))


def remembered_sizes(path: Path) -> None:
    """Load compressed sizes an earlier build measured (`keep_sizes`): a `make site` in a new process then
    compresses only the files that changed. A missing or unreadable file only means measuring again."""
    _used.clear()
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(stored, dict):
        _compressed.update({k: v for k, v in stored.items() if isinstance(k, str) and isinstance(v, int)})


def keep_sizes(path: Path) -> None:
    """Keep the compressed sizes measured or used since `remembered_sizes` (this build's files only: the list
    never grows past the site)."""
    from .atomic import write_atomically
    try:
        write_atomically(path, json.dumps({d: _compressed[d] for d in _used if d in _compressed},
                                          sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # a read-only checkout measures every time


def describe_files(site: Path, rels: list[str]) -> tuple[SiteFile, ...]:
    return tuple(describe(rel, (site / rel).read_bytes()) for rel in rels)


def version(files: tuple[SiteFile, ...] | list[SiteFile]) -> str:
    """The version of a set of files: changes when any file's path or bytes change, and only then."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.path}\0{f.sha}\n".encode("utf-8"))
    return digest.hexdigest()[:HASH_CHARS]


@dataclass(frozen=True)
class PhoneEdition:
    lang: str
    prefix: str
    core: tuple[SiteFile, ...]
    pdfs: tuple[SiteFile, ...]

    @property
    def version(self) -> str:
        return version(self.core + self.pdfs)

    @property
    def root(self) -> str:
        """The site's root, relative to this language's root ("./" or "../")."""
        return "../" * self.prefix.count("/") or "./"

    def part(self, name: str) -> dict:
        files = self.core if name == "core" else self.pdfs
        return {"version": version(files), "files": len(files), "bytes": sum(f.size for f in files),
                "gzip": sum(f.gzip for f in files)}


def manifest_json(*, name: str, short_name: str, description: str, lang: str, prefix: str, theme_color: str,
                  background_color: str) -> str:
    """The language's web app manifest; every address relative to the manifest (the language's root)."""
    root = "../" * prefix.count("/")
    manifest = {
        "id": "./", "name": name, "short_name": short_name, "description": description, "lang": lang, "dir": "ltr",
        "start_url": "./index.html", "scope": "./", "display": "standalone",
        "theme_color": theme_color, "background_color": background_color,
        "icons": [{"src": f"{root}{icon}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for icon, size in zip(ICONS, ICON_SIZES)],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def summary_json(edition: PhoneEdition) -> str:
    """offline.json: what the save page shows before the reader agrees to download (no file list)."""
    return json.dumps({"lang": edition.lang, "version": edition.version,
                       "core": edition.part("core"), "pdf": edition.part("pdf")}, indent=1) + "\n"


def worker_script(edition: PhoneEdition, missing_page: str) -> str:
    """sw.js: the data of this version, then the logic shared by every language. Any change to a saved file
    changes these bytes, which is how the browser knows there is an update."""
    def files(part):
        return [[f.path, f.sha, f.size] for f in part]
    data = {"lang": edition.lang, "root": edition.root, "version": edition.version,
            "core": {"version": version(edition.core), "files": files(edition.core)},
            "pdf": {"version": version(edition.pdfs), "files": files(edition.pdfs)},
            "missing": missing_page}
    return ("/* The phone edition's service worker for one language: generated by hooks/offline_app.py from the built\n"
            "   site (do not edit); its logic is in assets/javascripts/offline-worker.js. */\n"
            f"self.manualOffline = {json.dumps(data, separators=(',', ':'))};\n"
            f"importScripts({json.dumps(edition.root.removeprefix('./') + WORKER_LOGIC)});\n")


def size_text(size: int) -> str:
    """1234567 -> "1.2 MB" (decimal units, as phones count storage): for the build log and the README."""
    for unit, scale in (("GB", 10 ** 9), ("MB", 10 ** 6), ("kB", 10 ** 3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{size} B"
