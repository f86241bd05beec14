"""The manual loaded and validated once per build and reused: by the second language's build and by `mkdocs
serve` until a source changes (same process), and by later builds of the same bytes (.cache/validated). Not a
hook itself: hook files import it."""
from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

import allowed_html
from manual_settings import settings
from manualgen.prerender import Renderer
from manualgen.problems import ContentError
from manualgen.published_files import file_problems, published_file_problems
from manualgen.settings import Settings, data_files, validation_inputs
from manualgen.templating import ThemeTemplates
from manualgen.validate import Loaded, Unreadable, docs_template_problems, validate
from manualgen.validation_cache import ValidationCache, sources_key, stable_text, stat_key

jsonschema_version = version("jsonschema")

_cache: dict[str, Loaded] = {}

# Each module file's own checks, by path and bytes: an edit under `mkdocs serve` re-checks one file.
_page_memo: dict = {}

# Rendered-HTML checks by page text (see prerender.rendered_problems): an edit re-renders one page.
_render_memo: dict = {}

# The text checks against data files by page text and data (manualgen.text_checks): an edit checks one page.
_text_memo: dict = {}

_active: list[Loaded] = []

# Non-empty when this build's load() validated sources no earlier build had: pages probably changed, so PDFs will
# probably be drawn (pdf_output starts its workers early then).
sources_changed: list[bool] = []


def loaded(config) -> Loaded:
    """The manual validated at the start of this build (see load)."""
    return _active[0] if _active else load(config)


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
    problems += docs_template_problems(s, ThemeTemplates(config.theme.get_env()))
    if problems:
        raise PluginError(ContentError(problems).report())
    inputs = validation_inputs(s, Path(__file__).resolve().parent)
    quick = stat_key(inputs, repr(s))  # cheap: names, sizes and modification times, for the same process
    sources_changed.clear()
    if quick not in _cache:
        key = sources_key(inputs, _salt(s))
        stored = _disk_cache(s).get(key)
        if isinstance(stored, Loaded):
            _restore_memos(stored.page_checks, getattr(stored, "render_checks", {}), getattr(stored, "text_checks", {}))
        else:
            checks_key = _page_checks_key(s, config)
            if not (_page_memo or _render_memo or _text_memo):  # a new process: the last build's checks of each page
                _restore_memos(*(_page_checks_cache(s).get(checks_key) or ({}, {}, {})))
            stored = _validated(s, config)
            _disk_cache(s).put(key, stored)
            _page_checks_cache(s).put(checks_key, (stored.page_checks, stored.render_checks, stored.text_checks))
            sources_changed.append(True)
        _cache.clear()
        _cache[quick] = stored
    _active.append(_cache[quick])
    return _cache[quick]


def _restore_memos(page_checks: dict, render_checks: dict, text_checks: dict) -> None:
    for memo, found in ((_page_memo, page_checks), (_render_memo, render_checks), (_text_memo, text_checks)):
        memo.clear()
        memo.update(found)


def _page_checks_key(s: Settings, config) -> str:
    """What each page's remembered checks depend on besides the page itself (every memo is keyed by the page's
    own text): the data files, mkdocs.yml (Markdown extensions, helplines, allowed blocks), the templates (the ids
    they reserve), the hooks' code and the versions of what renders Markdown. So `make site` after editing one
    page, a new process, renders and checks that page alone, while a change to any of these checks every page."""
    root = Path(__file__).resolve().parent
    custom = config.theme.custom_dir
    inputs = data_files(s) + [Path(config.config_file_path)] + (sorted(Path(custom).rglob("*")) if custom else [])
    inputs += sorted(root.rglob("*.py"))
    renderers = " ".join(version(name) for name in ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material"))
    return sources_key([path for path in inputs if path.is_file()], f"{_salt(s)}\n{renderers}")


def _page_checks_cache(s: Settings) -> ValidationCache:
    return ValidationCache(s.root / s.cache_dir / "page-checks")


def _validated(s: Settings, config) -> Loaded:
    renderer = Renderer(list(config.markdown_extensions), dict(config.mdx_configs))
    try:
        return validate(s, renderer, allowed_html.html_policy(config), _page_memo, _render_memo, _text_memo)
    except (ContentError, Unreadable) as problem:
        raise PluginError(str(problem)) from None


def _salt(s: Settings) -> str:
    """What decides the validation besides the input files: Python, the validators' versions, the settings."""
    # stable_text, not repr: a set's order in repr changes with each process's hash seed, so the key never matched
    return "\n".join([sys.version, jsonschema_version, yaml.__version__, stable_text(s)])


def _disk_cache(s: Settings) -> ValidationCache:
    return ValidationCache(s.root / s.cache_dir / "validated")
