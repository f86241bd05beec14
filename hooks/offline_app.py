"""The phone edition (manualgen/offline_app.py): for each language, a web app manifest, a service worker with the
list of files to save (content hashes and sizes) and a summary for the save page (docs/sin-conexion.*.md), plus
the icons, written once the whole site is (pages, PDFs, both languages, the per-language search indexes); and
the notice each one-language offline zip puts in place of the other language's pages (manualgen/bundle.py), from
the same stand-alone template as the phone edition's "not saved" page.

Nothing here reaches a reader who does not ask: pages link none of these files; the save page registers the
worker when the reader chooses to save (assets/javascripts/offline-page.js)."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

import loaded_manual
import manual_settings
import reporting
import theme_env
from manualgen.atomic import write_atomically
from manualgen.bundle import NOTICE, START_NOTICE
from manualgen.disk_memo import DiskMemo
from manualgen.logo import PURPLE, logo_memo_version, remembered_logo_png
from manualgen.offline_app import (HOME_MARKER, ICON_SIZES, ICONS, MANIFEST, SUMMARY, WORKER, PhoneEdition, describe_files,
                                   keep_sizes, manifest_json, remembered_sizes, select, size_text, summary_json,
                                   worker_script)

log = reporting.log

# Each language's site name, as the i18n plugin set it in on_config for that language's build (at the end of the
# build the config holds the last language's). Reset when the default language starts a build (every build starts
# with it, also under `mkdocs serve`).
_site_names: dict[str, str] = {}


@reporting.reported
def on_pre_build(config):
    lang = manual_settings.current_language(config)
    if lang == config.plugins["i18n"].default_language:
        _site_names.clear()
    _site_names[lang] = config.site_name


@event_priority(-120)  # last: after the i18n plugin built every language (-100), after the per-language search
# indexes (search_index.py, -110) and the PDFs (pdf_output.py, 10): the list must describe the finished site
@reporting.reported
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside the i18n plugin: the phone edition is written once every language is
    site = Path(config.site_dir)
    data = loaded_manual.loaded(config)
    languages = data.settings.languages
    prefixes = {lang: manual_settings.language_prefix(lang, config) for lang in languages}
    theme = "#{:02x}{:02x}{:02x}".format(*PURPLE)
    s = manual_settings.settings(config)
    icons = DiskMemo(s.root / s.cache_dir / "checked" / "icons.json", logo_memo_version())
    for rel, size in zip(ICONS, ICON_SIZES):
        write_atomically(site / rel, remembered_logo_png(size, icons))
    icons.save()
    for lang in languages:
        labels = data.labels[lang]
        write_atomically(site / prefixes[lang] / MANIFEST, manifest_json(
            name=_site_names.get(lang, config.site_name), short_name=labels["offline_short_name"],
            description=labels["offline_description"], lang=lang, prefix=prefixes[lang], theme_color=theme,
            background_color="#ffffff").encode("utf-8"))
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    sizes_memo = s.root / s.cache_dir / "checked" / "gzip-sizes.json"
    remembered_sizes(sizes_memo)
    env = theme_env.template_env(config)
    summary = []
    for lang in languages:
        prefix = prefixes[lang]
        others = tuple(p for p in prefixes.values() if p and p != prefix)
        index = site / prefix / "search" / "search_index.json"
        index_languages = tuple(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]) if index.is_file() else ()
        core, pdfs = select(rels, prefix, others, index_languages)
        edition = PhoneEdition(lang, prefix, describe_files(site, core), describe_files(site, pdfs))
        missing = env.get_template("manual/_offline_missing.html").render(
            messages=[notice_message(lang, data.labels[lang], "offline_missing")], home=HOME_MARKER, theme=theme)
        write_atomically(site / prefix / WORKER, worker_script(edition, missing).encode("utf-8"))
        write_atomically(site / prefix / SUMMARY, summary_json(edition).encode("utf-8"))
        core_part, pdf_part = edition.part("core"), edition.part("pdf")
        summary.append(f"{lang} {size_text(core_part['bytes'])} ({size_text(core_part['gzip'])} gzip, {core_part['files']} files)"
                       + (f" + PDFs {size_text(pdf_part['bytes'])} ({pdf_part['files']})" if pdf_part["files"] else ""))
    keep_sizes(sizes_memo)
    log.info("Phone edition: " + "; ".join(summary))
    # The notices of the one-language zips (manualgen/bundle.py): the reader who lands on one asked for
    # another language, so the other languages speak first.
    for lang in languages:
        messages = [notice_message(other, data.labels[other], "edition_only", lang) for other in languages if other != lang]
        messages.append(notice_message(lang, data.labels[lang], "edition_only", lang))
        for rel, refresh in ((NOTICE, False), (START_NOTICE, True)):
            page = env.get_template("manual/_offline_missing.html").render(
                messages=messages, home=HOME_MARKER, theme=theme, refresh=refresh)
            write_atomically(site / rel.format(lang=lang), page.encode("utf-8"))


def notice_message(lang: str, labels: dict, key: str, edition: str | None = None) -> dict:
    """One language's part of a stand-alone notice: labels `<key>_title`, `<key>_text`, `<key>_home`, where
    {language} is the name (label `language_name_<edition>`) of the language the edition holds."""
    language = labels[f"language_name_{edition}"] if edition else ""
    def text(part: str) -> str:
        return labels[f"{key}_{part}"].replace("{language}", language)
    return {"lang": lang, "title": text("title"), "text": text("text"), "link": text("home")}
