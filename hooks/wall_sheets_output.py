"""Rotafolio: each session's key messages (and the plenary's questions that fit) as wall sheets, per language, into
pdf/<id>-rotafolio.pdf (the sheet size of extra.manual.wall_sheets) and pdf/<id>-rotafolio-a4.pdf (the same sheets on
A4 tiles). The texts, the legibility rule and the tiles' geometry are manualgen.wall_sheets; the drawing is
overrides/print/wall.html (one WeasyPrint document per language, cut per session) and manualgen.wall_tiles.

Made before the pages (on_pre_build of the first language), so each page can show the sheets' sizes; both languages'
documents are drawn side by side by the PDF workers, and cached by content hash beside the other PDFs."""
from __future__ import annotations

import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_context
from manualgen import render_pool, wall_sheets, wall_tiles
from manualgen.pdf import PdfCache, cache_key, render_body, renderer_version
from manualgen.pictograms import module_meaning, svg
from manualgen.problems import ContentError

log = build_context.log
# Language -> path (relative to its root) -> the PDF's bytes: this build's wall sheets, reset by every build.
_made: dict[str, dict[str, bytes]] = {}


def _settings(config) -> wall_sheets.WallSettings:
    try:
        return wall_sheets.wall_settings((config.extra.get("manual") or {}).get("wall_sheets"))
    except wall_sheets.WallSettingsError as problem:
        raise PluginError(f"{problem}\n(see the comment above it in mkdocs.yml)") from None


@event_priority(-40)  # after content_check loaded the manual; before pdf_output starts its workers (-50)
@build_context.reported
def on_pre_build(config):
    if config.plugins["i18n"].building:  # the other languages' builds: done once, for every language, below
        return
    _made.clear()
    build_context.wall_pdf_sizes.clear()
    data, settings = build_context.loaded(config), _settings(config)
    metrics = wall_sheets.font_metrics()
    layout = wall_sheets.layout(settings, metrics)
    problems, documents = [], {}
    for lang in data.settings.languages:
        marker, references = data.labels[lang]["wall_marker"], build_context.reference_renderers(config, lang)
        for page in data.manual.of(lang, "session"):
            problems += wall_sheets.fit_problems(page, marker, references, settings, layout, metrics)
        documents[lang] = _document(config, data, lang, settings, layout, metrics)
    if problems:
        raise PluginError(ContentError(problems).report())
    if build_context.pdf_enabled():
        started = time.monotonic()
        _draw(config, data, settings, documents)
        log.info(f"Rotafolio: {sum(len(made) for made in _made.values())} PDFs in {time.monotonic() - started:.1f} s")


def _document(config, data, lang: str, settings, layout, metrics) -> tuple[str, list[dict]]:
    """The language's wall document (HTML) and its sessions (id, number, sheets) in order."""
    labels, marker = data.labels[lang], data.labels[lang]["wall_marker"]
    references = build_context.reference_renderers(config, lang)
    modules = {m.id: m for m in data.manual.of(lang, "module")}
    sessions = []
    for page in data.manual.of(lang, "session"):
        sheets, spoken = wall_sheets.session_sheets(page, marker, references, layout, metrics)
        if not sheets:
            continue
        module = modules.get(page.meta["module"])
        sessions.append({"id": page.id, "title": page.meta["title"], "sheets": sheets, "spoken": spoken,
                         "number": f"{module.meta['order'] if module else ''}.{page.meta['order']}",
                         "pictogram": Markup(svg(module_meaning(page.meta["module"])))})
    view = {"lang": lang, "labels": labels, "title": f"{config.site_name} — {labels['wall_title']}",
            "sheet_mm": layout.sheet_mm, "margin_mm": wall_sheets.MARGIN_MM, "header_mm": wall_sheets.HEADER_MM,
            "text_box": layout.text_box, "font_pt": layout.font_pt, "line_height": wall_sheets.LINE_HEIGHT,
            "sessions": sessions}
    html = build_context.template_env(config).get_template("print/wall.html").render(wall=view)
    return html, sessions


def _draw(config, data, settings, documents: dict) -> None:
    """Each language's document from the cache or the workers (side by side), then each session's two PDFs."""
    s = data.settings
    cache = PdfCache(Path(s.root) / s.pdf.get("cache", ".cache/pdf"),
                     on_damaged=lambda path: log.info(f"PDF: warning: the cached {path.name} was damaged; drawing it again"))
    version = renderer_version() + "-wall-" + cache_key(Path(wall_tiles.__file__).read_text(encoding="utf-8"), "")[:12]
    tiles = wall_sheets.tiles(settings)
    drawn, waiting = {}, {}
    for lang, (html, _sessions) in documents.items():
        key = cache_key(html, version)
        pdf, meta = cache.get(key), cache.get_meta(key)
        if pdf is None or meta is None:
            waiting[render_pool.submit(render_body, html, Path(config.site_dir), key)] = (lang, key)
        else:
            drawn[lang] = (key, pdf, meta)
    for future in render_pool.as_completed(waiting):
        lang, key = waiting[future]
        pdf, meta = render_pool.result(future)
        cache.put(key, pdf)
        cache.put_meta(key, meta)
        drawn[lang] = (key, pdf, meta)
    for lang, (key, pdf, meta) in drawn.items():
        labels, sessions = data.labels[lang], documents[lang][1]
        paths = build_context.wall_pdfs(config, lang)
        starts = [meta["anchors"][f"wall-{session['id']}"][0] for session in sessions]
        for index, session in enumerate(sessions):
            first, last = starts[index], (starts[index + 1] if index + 1 < len(starts) else meta["pages"]) - 1
            out_key = cache_key(f"{key}:{session['id']}:{first}-{last}:{tiles!r}", version + "-out")
            sheets = cache.get(out_key + "s") or wall_tiles.cut(pdf, first, last)
            captions = [f"{session['number']} · {n}/{len(session['sheets'])}" for n in range(1, len(session["sheets"]) + 1)]
            tiled = cache.get(out_key + "t") or wall_tiles.tiled(wall_tiles.fronts(sheets), tiles, captions, labels["wall_tile_help"])
            cache.put(out_key + "s", sheets)
            cache.put(out_key + "t", tiled)
            _made.setdefault(lang, {})[paths[f"wall-{session['id']}"]] = sheets
            _made[lang][paths[f"wall-a4-{session['id']}"]] = tiled
        build_context.wall_pdf_sizes[lang] = {rel: len(data) for rel, data in _made.get(lang, {}).items()}
    if waiting:
        log.info(f"Rotafolio: {len(waiting)} wall documents drawn")


@event_priority(-104)  # after every language is built, before pdf_output fills in the pages' PDF sizes (-105)
@build_context.reported
def on_post_build(config):
    if config.plugins["i18n"].building or not _made:
        return
    for lang, made in _made.items():
        folder = Path(config.site_dir) / build_context.language_prefix(lang, config)
        for rel, data in made.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
