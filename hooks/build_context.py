"""What every hook needs from the build: settings from mkdocs.yml, the current language and the
validated manual, loaded once and reused by both language builds (and by `mkdocs serve` until a
source file changes). Not a hook itself: hook files import it."""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import yaml
from jinja2 import TemplateNotFound
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from manualgen import pipeline
from manualgen.catalog import build_catalog
from manualgen.change_check import Registry, load_change_check
from manualgen.change_check_render import PRODUCTS as CHANGE_CHECK_PRODUCTS, kit_page_problems
from manualgen.counts import NAMES as COUNT_NAMES
from manualgen.facts import Fact, load_facts
from manualgen.helplines import Helpline, helpline_source_problems, load_helplines
from manualgen.labels import load_label_rules, load_labels
from manualgen.published_files import published_file_problems
from manualgen.reserved_ids import template_ids
from manualgen.lint import framing_page_problems, icon_problems, lint_document, template_problems
from manualgen.model import Manual, load_manual
from manualgen.source import decode, split_front_matter
from manualgen.pdf import pdf_paths
from manualgen import sanitise
from manualgen.glossary import abbreviations, parse_glossary
from manualgen.prerender import Job, Renderer, rendered_problems
from manualgen.problems import DISK_ERRORS, ContentError, file_system_message
from manualgen.references import reference_problems
from manualgen.safety import EMPTY as EMPTY_SAFETY, Safety, load_safety
from manualgen.schema import load_schema
from manualgen.translations import docs_translation_problems
from manualgen.typography import smart_quotes, smart_quotes_data
from manualgen.text_checks import TextChecks, rules_key
from manualgen.validation_cache import ValidationCache, sources_key, stable_text

jsonschema_version = version("jsonschema")

log = get_plugin_logger("manual")


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    modules_dir: str
    schema_path: Path
    facts_path: Path
    labels_path: Path
    safety_path: Path  # data/safety.yml: the safety statements pages cite as [[safety:ID]]
    change_check_path: Path  # the change-check kit's item registry (manualgen.change_check)
    languages: tuple[str, ...]
    helplines: dict  # extra.manual.helplines: every phone line, by id (see manualgen.helplines)
    pdf: dict
    site_url: str | None
    cache_dir: str
    schedule: dict  # extra.manual.schedule
    attendance_rows: int  # name rows on the attendance sheet
    sign_in_rows: int  # name rows on the per-session sign-in sheet
    glossary: str   # stem of the glossary page (its definitions explain terms on every other page)
    home: dict      # extra.manual.home: the home page's ways in (pages by stem)
    typographic_quotes: tuple[str, ...] = ()  # languages whose plain quotes are set as “…” ’ when built
    published_types: frozenset[str] = frozenset()  # kinds of file docs/ and modules/ may publish beside the pages


@dataclass
class Loaded:
    settings: Settings
    manual: Manual
    facts: dict[str, Fact]
    helplines: dict[str, Helpline]
    labels: dict
    schema: dict
    change_check: Registry | None
    computed: dict  # derived once per loaded manual: catalogs and PDF paths, per language
    page_checks: dict  # each module file's own checks (see model.load_manual's memo), restored with the cache
    safety: Safety = EMPTY_SAFETY  # data/safety.yml
    # Each page's rendered-HTML checks (prerender.rendered_problems' memo), restored with the cache: without it, the
    # first edit under `mkdocs serve` after a cached start rendered and checked every page again (2.5 s at N=7).
    render_checks: dict = field(default_factory=dict)
    text_checks: dict = field(default_factory=dict)  # manualgen.text_checks' memo, restored the same way


def _unexpected(handler, args, kwargs, exc: Exception) -> PluginError:
    page = kwargs.get("page") or next((a for a in args if hasattr(a, "file")), None)
    where = page.file.src_uri if page is not None else "(construcción del sitio)"
    log.debug("".join(traceback.format_exception(exc)))
    return PluginError(f"{where}: error inesperado al procesar la página ({handler.__module__}.{handler.__name__}: "
                       f"{type(exc).__name__}: {exc}) — revise el archivo; si el error sigue, avise al equipo "
                       f"técnico con este mensaje (mkdocs build --verbose muestra el detalle)")


def reported(handler):
    """Wrap a hook event so an unexpected exception becomes one build error naming the file being
    processed (no traceback for authors; the traceback goes to the debug log for developers). A disk that
    refuses a write (full, read-only) is said as such: nothing in the page is to blame."""
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except PluginError:
            raise
        except OSError as exc:
            if exc.errno in DISK_ERRORS:
                raise PluginError(file_system_message(exc)) from None
            raise _unexpected(handler, args, kwargs, exc) from None
        except Exception as exc:  # noqa: BLE001 - any failure must reach the author as a clear message
            raise _unexpected(handler, args, kwargs, exc) from None
    return wrapper


_settings_of: list[tuple[object, Settings]] = []


def settings(config) -> Settings:
    """The manual's settings for this config object (computed once: hooks ask for them on every page)."""
    for known, found in _settings_of:
        if known is config:
            return found
    found = _read_settings(config)
    _settings_of[:] = [(config, found)]
    return found


def _read_settings(config) -> Settings:
    root = Path(config.config_file_path).resolve().parent
    extra = config.extra.get("manual") or {}
    i18n = config.plugins["i18n"]
    languages = tuple(lang.locale for lang in i18n.config.languages)
    default = i18n.default_language
    languages = (default,) + tuple(lang for lang in languages if lang != default)
    return Settings(root=root, docs_dir=Path(config.docs_dir), modules_dir=extra.get("modules_dir", "modules"),
                    schema_path=root / extra.get("schema", "schema/manual.schema.json"),
                    facts_path=root / extra.get("facts", "data/facts.yml"),
                    labels_path=root / extra.get("labels", "data/labels.yml"),
                    safety_path=root / extra.get("safety", "data/safety.yml"),
                    change_check_path=root / extra.get("change_check", "data/change_check.yml"),
                    languages=languages, helplines=extra.get("helplines") or {},
                    pdf=extra.get("pdf") or {},
                    site_url=config.site_url or None, cache_dir=extra.get("cache", ".cache"),
                    schedule=extra.get("schedule") or {}, attendance_rows=int(extra.get("attendance_rows", 20)),
                    sign_in_rows=int(extra.get("sign_in_rows", 16)),
                    glossary=extra.get("glossary", "glosario"), home=extra.get("home") or {},
                    typographic_quotes=tuple(extra.get("typographic_quotes") or ()),
                    published_types=frozenset(str(t).lower().lstrip(".") for t in extra.get("published_types") or ()))


def current_language(config) -> str:
    """The language being built (PITFALLS.md §8: read it from the i18n plugin, not from theme settings)."""
    return config.plugins["i18n"].current_language


def language_prefix(lang: str, config) -> str:
    return "" if lang == config.plugins["i18n"].default_language else f"{lang}/"


def _inputs(s: Settings) -> list[Path]:
    """Every file whose content decides whether the manual is valid: pages, data, schema and hook code."""
    hooks = Path(__file__).resolve().parent
    paths = [s.schema_path, _labels_schema(s), s.facts_path, s.labels_path, s.safety_path, s.change_check_path]
    paths += sorted(p for p in (s.root / s.modules_dir).rglob("*") if p.is_file())
    paths += sorted(p for p in s.docs_dir.rglob("*.md") if p.is_file())
    paths += sorted(hooks.rglob("*.py"))
    return [p for p in paths if p.is_file()]


def _inputs_key(s: Settings, inputs: list[Path]) -> str:
    """Content key for the on-disk cache: equal only when every input is byte-for-byte the same."""
    salt = "\n".join([sys.version, jsonschema_version, yaml.__version__, stable_text(s)])
    return sources_key(inputs, salt)


def _fingerprint(s: Settings, inputs: list[Path]) -> str:
    """Cheap in-process key (names, sizes, modification times) for the same process building again."""
    digest = hashlib.sha256(repr(s).encode())
    for path in inputs:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


_cache: dict[str, Loaded] = {}

# Each module file's own checks, by path and bytes: an edit under `mkdocs serve` re-checks one file.
_page_memo: dict = {}

# Rendered HTML of every page, per language: {lang: {src_uri: {"html", "url", "title"}}}. Filled as MkDocs
# renders Markdown (all pages are rendered before any template runs), read by aggregate pages and PDFs.
rendered: dict[str, dict[str, dict]] = {}


_active: list[Loaded] = []

# Size in bytes of every PDF written in this build, per language: {lang: {path relative to the language root: size}}.
# Filled by pdf_output before pages are written; read by the downloads page.
pdf_sizes: dict[str, dict[str, int]] = {}
# Languages whose PDFs are being drawn while their pages are written (pdf_output.on_env): their pages carry a
# mark where a size goes, filled in once the PDFs are made (pdf_output.on_post_build).
pdf_sizes_pending: set[str] = set()


def pdf_size_text(lang: str, rel: str) -> str | None:
    """A PDF's size as the page shows it ("1,2 MB"), the mark that stands for it while the PDF is being made, or
    None when there is no such PDF (preview, PDFs off)."""
    from manualgen.views import format_size, size_mark
    if lang in pdf_sizes_pending:
        return size_mark(rel, lang)
    sizes = pdf_sizes.get(lang, {})
    return format_size(sizes[rel], lang) if rel in sizes else None


def loaded(config) -> Loaded:
    """The manual validated at the start of this build (see load)."""
    return _active[0] if _active else load(config)


# Non-empty when this build's load() validated sources no earlier build had: pages probably changed, so PDFs will
# probably be drawn (pdf_output starts its workers early then).
sources_changed: list[bool] = []


def load(config) -> Loaded:
    """Validate the manual unless its sources are unchanged since a previous build; called once per
    build (on_pre_build). Raises PluginError listing every problem (no traceback, exit 1).

    Three levels, cheapest first: the same process saw these files (stat only: the second language,
    `mkdocs serve` with nothing changed); a previous build validated the same bytes (.cache/validated);
    otherwise a full validation."""
    _active.clear()
    s = settings(config)
    problems = file_problems(s.root, [s.docs_dir, s.root / s.modules_dir, s.facts_path.parent, s.labels_path.parent,
                                         s.root / "overrides"])
    problems += published_file_problems(s.root, s.docs_dir, s.root / s.modules_dir, s.published_types)
    problems += _docs_template_problems(s, ThemeTemplates(config.theme.get_env()))
    if problems:
        raise PluginError(ContentError(problems).report())
    inputs = _inputs(s)
    quick = _fingerprint(s, inputs)
    sources_changed.clear()
    if quick not in _cache:
        key = _inputs_key(s, inputs)
        stored = _disk_cache(s).get(key)
        if isinstance(stored, Loaded):
            _page_memo.clear()
            _page_memo.update(stored.page_checks)
            _render_memo.clear()
            _render_memo.update(getattr(stored, "render_checks", {}))
            _text_memo.clear()
            _text_memo.update(getattr(stored, "text_checks", {}))
        else:
            stored = _validate(s, Renderer(list(config.markdown_extensions), dict(config.mdx_configs)), html_policy(config))
            _disk_cache(s).put(key, stored)
            sources_changed.append(True)
        _cache.clear()
        _cache[quick] = stored
    _active.append(_cache[quick])
    return _cache[quick]


def html_policy(config):
    """The allow-list, with the typed blocks of mkdocs.yml (pymdownx.blocks.admonition types) as classes, the ids
    the templates use as reserved, and the helplines' links as the only phone links (each from a reference)."""
    for known, found in _policy_of:  # asked for every page
        if known is config:
            return found
    types = (config.mdx_configs.get("pymdownx.blocks.admonition") or {}).get("types", [])
    s = settings(config)
    lines = load_helplines(s.helplines, s.languages)[0]
    found = sanitise.policy(tuple(types), reserved_ids(config), tuple(sorted((i, line.href) for i, line in lines.items())))
    _policy_of[:] = [(config, found)]
    return found


_policy_of: list = []


def reserved_ids(config) -> frozenset[str]:
    """The literal ids of our templates (overrides/), read once per config."""
    for known, found in _reserved_of:
        if known is config:
            return found
    folder = Path(config.theme.custom_dir) if config.theme.custom_dir else Path(config.config_file_path).parent / "overrides"
    found = template_ids(folder)
    _reserved_of[:] = [(config, found)]
    return found


_reserved_of: list = []


def _validate(s: Settings, renderer: Renderer, rules) -> Loaded:
    try:
        schema = load_schema(str(s.schema_path))
    except (OSError, ValueError) as exc:
        raise PluginError(f"{_shown(s, s.schema_path)}: no se pudo leer el esquema: {exc} — recupérelo con git si lo "
                          "editó por error") from None
    try:
        label_rules = load_label_rules(_labels_schema(s))
    except (OSError, ValueError) as exc:
        raise PluginError(f"{_shown(s, _labels_schema(s))}: no se pudo leer el esquema de las palabras: {exc} — "
                          "recupérelo con git si lo editó por error") from None
    labels, problems = load_labels(s.labels_path, s.languages, _shown(s, s.labels_path), label_rules)
    if problems:  # every page needs the interface words: report them alone
        raise PluginError(ContentError(problems).report())
    facts, found = load_facts(s.facts_path, s.languages, _shown(s, s.facts_path))
    problems += found
    helplines, found = load_helplines(s.helplines, s.languages)
    problems += found + helpline_source_problems(helplines, facts)
    change_check, found = load_change_check(s.change_check_path, s.languages, _shown(s, s.change_check_path))
    problems += found
    known = {"fact": set(facts), "helpline": set(helplines), "manual": set(COUNT_NAMES), "schema": {"reference"},
             "changecheck": set(CHANGE_CHECK_PRODUCTS)}
    safety, found = load_safety(s.safety_path, s.languages, _shown(s, s.safety_path), known)
    problems += found
    known["safety"] = set(safety.statements)
    manual, found = load_manual(s.root, s.modules_dir, s.languages, schema, known, memo=_page_memo)
    problems += found
    checks = TextChecks(_text_memo, rules_key(s.safety_path, s.change_check_path))  # by page text: an edit checks one page
    for page in manual.pages:  # the safety rule retold in a page's own words (front matter included)
        problems += checks.paraphrases(page.path, (s.root / page.path).read_text(encoding="utf-8", errors="replace"), page.lang, safety)
    if change_check is not None:  # the statements live in the registry only: a page that retypes one is refused
        for page in manual.pages:
            problems += checks.copies(page.path, page.source.body, page.source.body_line, change_check)
            problems += kit_page_problems(page.path, page.source.body, page.source.body_line)
    _set_quotes(manual, s.typographic_quotes)
    problems += docs_translation_problems(s.docs_dir, s.root, s.languages)
    for path, shown in _docs_pages(s):
        text, found = decode(shown, path.read_bytes())  # MkDocs would stop on a Latin-1 byte with a traceback
        problems += found
        if text is None:
            continue
        problems += lint_document(shown, text)
        problems += framing_page_problems(shown, text, schema)
        problems += reference_problems(shown, text, 1, known)
        problems += checks.paraphrases(shown, text, _page_language(path, s), safety)
        if change_check is not None:
            problems += checks.copies(shown, text, 1, change_check)
        problems += kit_page_problems(shown, text, 1)
    if not problems:  # the pages can only be rendered once their data is valid
        problems += rendered_problems(_render_jobs(s, manual, facts, helplines, labels, schema, safety, change_check),
                                      renderer, _glossaries(s), rules, _render_memo)
    _text_memo.clear()
    _text_memo.update(checks.used)
    if problems:
        raise PluginError(ContentError(problems).report())
    return Loaded(s, manual, facts, helplines, labels, schema, change_check, {}, dict(_page_memo), safety, dict(_render_memo),
                  dict(_text_memo))


def _page_language(path: Path, s: Settings) -> str:
    """A framing page's language from its name (guia.en.md → en; no suffix → the default language)."""
    return path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else s.languages[0]


def _set_quotes(manual, languages: tuple[str, ...]) -> None:
    """Front matter and block titles of these languages with typographic quotes (the page text gets them as it
    is rendered, page_render): titles, objectives and activity names read the same on the page, in the agenda,
    the catalog and the PDFs."""
    for page in manual.pages:
        if page.lang in languages:
            page.source.meta = smart_quotes_data(page.source.meta)
            for block in page.source.blocks:
                block.title = smart_quotes(block.title)


# Rendered-HTML checks by page text (see prerender.rendered_problems): an edit re-renders one page.
_render_memo: dict = {}
# The text checks against data files by page text and data (manualgen.text_checks): an edit checks one page.
_text_memo: dict = {}


def _render_jobs(s: Settings, manual, facts, helplines, labels, schema, safety, change_check):
    renderers = {lang: pipeline.reference_renderers(manual, facts, helplines, labels[lang], lang, s.schedule, safety, change_check)
                 for lang in s.languages}
    for page in manual.pages:
        text = pipeline.page_markdown("", page, page.lang, labels[page.lang], renderers[page.lang], schema)
        full = (s.root / page.path).read_text(encoding="utf-8", errors="replace")
        yield Job(page.path, page.lang, text, pipeline.references_behind(full, page.lang, labels[page.lang], safety, change_check))
    for path, shown in _docs_pages(s):
        lang = _page_language(path, s)
        if lang not in renderers:
            continue
        full = path.read_text(encoding="utf-8", errors="replace")
        body = split_front_matter(full)[1]
        yield Job(shown, lang, pipeline.page_markdown(body, None, lang, labels[lang], renderers[lang], schema),
                  pipeline.references_behind(full, lang, labels[lang], safety, change_check))


def _glossaries(s: Settings) -> dict[str, dict]:
    out = {}
    for lang in s.languages:
        path = s.docs_dir / f"{s.glossary}.{lang}.md"
        out[lang] = abbreviations(parse_glossary(path.read_text(encoding="utf-8"))) if path.is_file() else {}
    return out


def file_problems(root: Path, folders: list[Path]) -> list:
    """Files the content folders must not hold, checked on every build, uncached:
    - symbolic links: the build would copy whatever they point to (any file of the build machine) into the site
      and the offline zip;
    - names with control characters (a newline, a tab…): such a name breaks SHA256SUMS and the zips' listings,
      and no reader's system shows it."""
    from manualgen.problems import Problem
    problems, seen = [], set()
    for folder in folders:
        if folder in seen or not (folder.exists() or folder.is_symlink()):
            continue
        seen.add(folder)
        candidates = [folder] if folder.is_symlink() else []
        for base, dirs, files in os.walk(folder):  # never follows links
            for name in dirs + files:
                path = Path(base) / name
                if path.is_symlink():
                    candidates.append(path)
                elif CONTROL_CHARACTER.search(name):
                    problems.append(Problem(_relative(root, path), None, "archivo", "el nombre tiene caracteres de "
                                            "control (un salto de línea, un tabulador…)", "cambie el nombre del "
                                            "archivo: solo letras, cifras, guiones y puntos"))
        for path in candidates:
            problems.append(Problem(_relative(root, path), None, "archivo", "es un enlace simbólico: el sitio solo publica archivos reales del repositorio",
                                    "borre el enlace y copie el archivo (o la carpeta) real en su lugar"))
    return problems


CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _labels_schema(s: Settings) -> Path:
    """The labels' schema lives beside the manual's."""
    return s.schema_path.with_name("labels.schema.json")


def _shown(s: Settings, path: Path) -> str:
    """A path as authors see it: relative to the project."""
    return path.relative_to(s.root).as_posix() if path.is_relative_to(s.root) else path.as_posix()


def _docs_pages(s: Settings) -> list[tuple[Path, str]]:
    return [(path, path.relative_to(s.root).as_posix() if path.is_relative_to(s.root) else path.as_posix())
            for path in sorted(s.docs_dir.rglob("*.md"))]


def _docs_template_problems(s: Settings, templates) -> list:
    """Checked on every build, cached or not: templates live in the theme, outside the cached inputs."""
    problems = []
    for path, shown in _docs_pages(s):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += template_problems(shown, text, templates) + icon_problems(shown, text, templates)
    return problems


class ThemeTemplates:
    """The theme's template names, looked up one at a time: listing all of them walks Material's
    14,000 icon files (30 ms a build); the full list is only needed to suggest names after a mistake."""

    def __init__(self, env):
        self.env = env

    def __contains__(self, name) -> bool:
        try:
            self.env.loader.get_source(self.env, name)
        except TemplateNotFound:
            return False
        return True

    def __iter__(self):
        return iter(self.env.list_templates(extensions=["html"]))


def _disk_cache(s: Settings) -> ValidationCache:
    return ValidationCache(s.root / s.cache_dir / "validated")


def template_cache_folder(config) -> Path:
    s = settings(config)
    return s.root / s.cache_dir / "templates"


def template_env(config):
    """The theme's templates configured as for pages (escaping, filters, cache), for PDFs and other outputs."""
    from manualgen.templating import configure
    return configure(config.theme.get_env(), template_cache_folder(config))


def pdf_mode() -> str:
    """MANUAL_PDF: 1 (default) renders every PDF; preview (make serve) never makes a rebuild wait for
    PDFs; 0 skips PDFs for the quickest preview (links to PDFs are then left out)."""
    value = os.environ.get("MANUAL_PDF", "1").strip().lower()
    if value in ("0", "no", "false", "off"):
        return "off"
    return "preview" if value == "preview" else "on"


def pdf_enabled() -> bool:
    return pdf_mode() != "off"


def pdfs(config, lang: str) -> dict[str, str]:
    """PDF paths of the language, relative to its root; empty when PDFs are switched off."""
    if not pdf_enabled():
        return {}
    data = loaded(config)
    key = ("pdfs", lang)
    if key not in data.computed:
        data.computed[key] = pdf_paths(data.manual, lang, data.labels[lang])
    return data.computed[key]


def helplines_view(config, lang: str) -> dict:
    """Every helpline as templates print it: {id: {name, href, purpose}} (tap-to-call links, names in this language)."""
    return {line.id: {"name": line.name[lang], "href": line.href, "purpose": (line.purpose or {}).get(lang)}
            for line in loaded(config).helplines.values()}


def reference_renderers(config, lang: str) -> dict:
    """How [[fact:…]], [[helpline:…]], [[manual:…]] and [[safety:…]] read in this language (computed once per
    loaded manual)."""
    data = loaded(config)
    key = ("references", lang)
    if key not in data.computed:
        data.computed[key] = pipeline.reference_renderers(data.manual, data.facts, data.helplines, data.labels[lang], lang,
                                                          data.settings.schedule, data.safety, data.change_check)
    return data.computed[key]


def fact_citations(config, lang: str) -> dict[str, list[dict]]:
    """Where each fact is cited in this language: {fact id: [{url, title}]} (manual pages, then framing pages)."""
    data = loaded(config)
    key = ("citations", lang)
    if key not in data.computed:
        from manualgen.references import references_in
        from manualgen.source import decode, split_front_matter
        found: dict[str, list[dict]] = {}
        pages = [(p.url, p.meta["title"], p.source.body) for p in data.manual.pages if p.lang == lang]
        for path, _ in _docs_pages(data.settings):
            if path.name.endswith(f".{lang}.md"):
                head, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
                title = (yaml.safe_load(head) or {}).get("title", path.stem) if head else path.stem
                pages.append((path.relative_to(data.settings.docs_dir).as_posix().rsplit(".", 2)[0] + ".html", title, body))
        for url, title, body in pages:
            for _, kind, ref in references_in(body):
                entry = {"url": url, "title": title}
                if kind == "fact" and entry not in found.setdefault(ref, []):
                    found[ref].append(entry)
        data.computed[key] = found
    return data.computed[key]


def catalog(config, lang: str) -> dict:
    """The language's catalog (see DESIGN.md, Outputs), computed once per loaded manual."""
    data = loaded(config)
    key = (lang, pdf_enabled())
    if key not in data.computed:
        data.computed[key] = build_catalog(data.manual, lang, pdfs(config, lang))
    return data.computed[key]


def forms(config) -> list[tuple[str, str, bytes]]:
    """The XLSForms of manualgen.xlsform as (file name, title per language, .xlsx bytes), made once per loaded
    manual: the sessions come from both languages' catalogs, the referral services from the helplines."""
    from manualgen import xlsform
    data = loaded(config)
    if "forms" not in data.computed:
        languages = data.settings.languages
        catalogs = {lang: catalog(config, lang) for lang in languages}
        titles = {lang: {s["id"]: s["title"] for s in catalogs[lang]["sessions"]} for lang in languages}
        sessions = [{"id": s["id"], "duration": s["duration"], "title": {lang: titles[lang].get(s["id"], s["title"]) for lang in languages}}
                    for s in catalogs[languages[0]]["sessions"]]
        services = [(line.id, {lang: f"{line.name[lang]} — {line.purpose[lang]}" if line.purpose else line.name[lang]
                               for lang in languages}) for line in data.helplines.values()]
        main_line = data.helplines.get(FORMS_HELPLINE) or next(iter(data.helplines.values()))
        made = xlsform.forms(data.change_check, sessions, services, main_line.name, data.labels, languages)
        from manualgen.disk_memo import DiskMemo
        memo = DiskMemo(data.settings.root / data.settings.cache_dir / "checked" / "forms.json", xlsform.memo_version())
        data.computed["forms"] = [(form.filename, form.title, xlsform.xlsx_bytes(form, languages, memo)) for form in made]
        memo.save()
    return data.computed["forms"]


FORMS_HELPLINE = "linea-100"  # the line the change-check form names for anyone who needs help
