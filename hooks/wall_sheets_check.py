"""Rotafolio: a key message that does not fit one wall sheet at the legibility rule's size stops the build before
anything is written, naming the file, the line and the block (manualgen.wall_sheets.fit_problems), in every
language, with PDFs on or off. The sheets themselves are a print product (manualgen/printing/products/wall_sheets.py)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import language_views
import loaded_manual
import reporting
from manualgen import wall_sheets
from manualgen.disk_memo import DiskMemo
from manualgen.problems import ContentError


@event_priority(-40)  # after content_check validated the manual; before pdf_output starts its workers (-50)
@reporting.reported
def on_pre_build(config):
    if config.plugins["i18n"].building:  # the other languages' builds: every language was checked in the first
        return
    data = loaded_manual.loaded(config)
    try:
        settings = wall_sheets.wall_settings(data.settings.wall_sheets)
        metrics = wall_sheets.remembered_font_metrics(memo := DiskMemo(
            data.settings.root / data.settings.cache_dir / "checked" / "font-metrics.json", wall_sheets.metrics_memo_version()))
        memo.save()
    except wall_sheets.WallSettingsError as problem:
        raise PluginError(f"{problem}\n(see the comment above it in mkdocs.yml)") from None
    layout = wall_sheets.layout(settings, metrics)
    problems = []
    for lang in data.settings.languages:
        marker, references = data.labels[lang]["wall_marker"], language_views.reference_renderers(config, lang)
        for page in data.manual.of(lang, "session"):
            problems += wall_sheets.fit_problems(page, marker, references, settings, layout, metrics)
    source_lang = data.settings.languages[0]
    sources = {page.id: page for page in data.manual.of(source_lang, "session")}
    for lang in data.settings.languages[1:]:
        for page in data.manual.of(lang, "session"):
            if page.id in sources:
                problems += wall_sheets.parity_problems(sources[page.id], data.labels[source_lang]["wall_marker"],
                                                        page, data.labels[lang]["wall_marker"])
    if problems:
        raise PluginError(ContentError(problems).report())
