"""PDFs for trainers, per language, into site/pdf/ and site/en/pdf/: the print products of
manualgen/printing/products, made by one pipeline (manualgen/printing/run.py) from the pages as MkDocs rendered
them (build_state.rendered) and the print templates in overrides/print/. This hook fills in each language's
PrintSource and hands the run to the workers.

A language's documents go to the workers as soon as its pages' content is known (on_env); the build goes on (its
pages are written, the next language is built) and each output is made as its documents arrive. Pages written
before their PDFs exist carry a mark where each size goes (language_views.pdf_size_text), filled in after the last
language (on_post_build): the workers never wait for the pages, nor the pages for the workers. When everything is
in the cache the PDFs are made at once and no mark is written. MANUAL_PDF=0 skips PDFs; MANUAL_PDF=preview
(make serve) draws in the background."""
from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_state
import language_views
import loaded_manual
import manual_settings
import reporting
import theme_env
from manualgen import paper, render_pool
from manualgen.facts import format_date
from manualgen.pdf import PdfCache, renderer_version
from manualgen.printing.products import PRODUCTS
from manualgen.printing.run import PrintRun
from manualgen.printing.source import PrintSource
from manualgen.views import SIZE_MARK_START, fill_size_marks

log = reporting.log


@event_priority(-50)  # after content_check loaded the manual
@reporting.reported
def on_pre_build(config):
    """A build whose sources no earlier build validated will draw PDFs: the workers start while the pages are
    validated and rendered, instead of after (≈ 0.6 s each to start, on the otherwise idle second core)."""
    if manual_settings.pdf_mode() == "on" and loaded_manual.sources_changed:
        render_pool.warm_up()


# The languages whose documents are being drawn while the build goes on (see on_env), in the order they started;
# emptied when the first language starts (module state outlives a `mkdocs serve` rebuild).
_pending: list[tuple[PrintRun, float]] = []


@event_priority(-90)  # after page_render stored every page's content; the i18n plugin builds languages in turn
@reporting.reported
def on_env(env, config, files):
    if not manual_settings.pdf_enabled():
        return env
    lang = manual_settings.current_language(config)
    if lang == manual_settings.settings(config).languages[0]:
        _pending.clear()
    try:
        run = _print_run(config, lang)
        if manual_settings.pdf_mode() == "preview":
            waiting = run.preview()
            build_state.pdf_sizes[lang] = run.sizes()
            log.info(f"PDF [{lang}]: preview: {sum(o.preview for o in run.outputs) - waiting} PDFs ready, {waiting} "
                     "render in the background; packs and the complete manual are made by `make site`")
        elif run.start():
            # Documents to draw: the build goes on (this language's pages, the next language) while the workers
            # draw; the pages carry a mark where a PDF's size goes, filled in once the PDFs are made (on_post_build).
            build_state.pdf_sizes_pending.add(lang)
            _pending.append((run, time.monotonic()))
        else:
            run.start_fronts()
            _finish(run, drawn=False)
    except render_pool.WorkerStopped as stopped:  # not the author's content: say what happened and what to do
        raise PluginError(f"PDF [{lang}]: {stopped}") from None
    return env


@event_priority(-105)  # after the i18n plugin built every language (-100); before the search indexes (-110) and the
# phone edition (-120) read the pages, whose PDF sizes are filled in here
@reporting.reported
def on_post_build(config):
    if config.plugins["i18n"].building or not _pending:
        return
    pending, lang = list(_pending), None
    _pending.clear()
    try:
        for run, _started in pending:  # each language's outputs made as its documents arrive, the next still drawing
            lang = run.source.lang
            run.collect()
        drawn = time.monotonic()
        for run, _started in pending:  # every language's contents drawn side by side
            run.start_fronts()
        for run, _started in pending:  # then every language's complete manual joined side by side
            lang = run.source.lang
            run.settle_fronts()
        for run, _started in pending:
            lang = run.source.lang
            _finish(run, drawn=True)
    except render_pool.WorkerStopped as stopped:
        raise PluginError(f"PDF [{lang}]: {stopped}") from None
    finally:
        build_state.pdf_sizes_pending.clear()
    _fill_sizes(Path(config.site_dir), {run.source.lang: build_state.pdf_sizes[run.source.lang] for run, _ in pending})
    log.info(f"PDF: {sum(run.drawn for run, _ in pending)} documents drawn in {drawn - pending[0][1]:.1f} s "
             f"while the pages were written; the complete manuals then took {time.monotonic() - drawn:.1f} s")


def on_build_error(error):
    """A failed build stops the workers at once, rather than wait for every queued document before exiting."""
    if _pending:
        _pending.clear()
        build_state.pdf_sizes_pending.clear()
        render_pool.stop()


def _print_run(config, lang: str) -> PrintRun:
    """The language's print products, from what MkDocs rendered and the settings (mkdocs.yml, extra.manual.pdf)."""
    data = loaded_manual.loaded(config)
    s = data.settings
    try:
        print_type = paper.print_type(s.pdf.get("type"))
    except paper.PaperSettingsError as problem:
        raise PluginError(f"{problem}\n(see the comment above it in mkdocs.yml)") from None
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(time.time())
    contact = (config.extra.get("manual") or {}).get("contact") or {}
    source = PrintSource(
        lang, data.labels[lang], data.manual, s, build_state.rendered.get(lang, {}), theme_env.template_env(config),
        manual_settings.language_prefix(lang, config), s.site_url.rstrip("/") + "/" if s.site_url else None,
        config.site_name, config.site_author or config.site_name, config.site_description or "",
        # who publishes the manual, under which licence and how to reach them, for its covers
        {"organisation": config.site_author or "", "licence": config.copyright or "",
         "contact": contact.get(lang, "") if isinstance(contact, dict) else str(contact)},
        format_date(time.strftime("%Y-%m-%d", time.gmtime(epoch)), lang),
        language_views.helplines_view(config, lang), print_type,
        language_views.reference_renderers(config, lang))
    cache = PdfCache(Path(s.root) / s.pdf.get("cache", ".cache/pdf"),
                     # info, not warning: strict mode would fail a build that recovers by itself
                     on_damaged=lambda path: log.info(f"PDF: warning: the cached {path.name} was damaged "
                                                      "(checksum mismatch); rendering it again"))
    return PrintRun(source, PRODUCTS, language_views.pdfs(config, lang), Path(config.site_dir) / source.prefix,
                    cache, renderer_version(), log)


def _finish(run: PrintRun, drawn: bool) -> None:
    """The fronts drawn and their outputs joined, then the sizes; the cache pruned after the last language."""
    run.finish()
    lang = run.source.lang
    build_state.pdf_sizes[lang] = run.sizes()
    log.info(f"PDF [{lang}]: {len(run.paths)} PDFs ready" if drawn else f"PDF [{lang}]: {len(run.paths)} PDFs from the cache")
    run.prune_cache()


def _fill_sizes(site: Path, sizes: dict[str, dict[str, int]]) -> None:
    """Write each PDF's size where the pages marked it (language_views.pdf_size_text) while it was being made."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if SIZE_MARK_START in text:
            page.write_text(fill_size_marks(text, sizes), encoding="utf-8")
