"""The template data of the framing pages that show the manual's data (front matter `template: manual/…`): the
programme, planner, certificates, schedule, gathered blocks, downloads, workshop report, change tally, facts,
materials and translation status. Not a hook itself: page_render asks it for a page's part of `manual`."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

import build_state
import language_views
import loaded_manual
from manualgen.catalog import planner_catalog
from manualgen.certificate import certificate_view
from manualgen.change_check_render import change_tally_view
from manualgen.referrals import service_label
from manualgen.timing import DayRules
from manualgen.translations import translation_status
from manualgen.views import (downloads_view, facts_view, forms_view, gathered_blocks_view, materials_view,
                             programme_view, schedule_view)
from manualgen.workshop_report import workshop_report_view


def _setting(make):
    """make(): a view built from a setting the manual's data may contradict (ValueError naming the setting): one
    build error, not a traceback."""
    try:
        return make()
    except ValueError as problem:
        raise PluginError(str(problem)) from None


def framing_view(template: str, page, config, lang: str) -> dict:
    """What the template shows, by the key it reads under `manual`; {} for a template without data of its own."""
    data = loaded_manual.loaded(config)
    labels, settings = data.labels[lang], data.settings
    if template == "manual/programme.html":
        return {"programme": programme_view(data.manual, lang)}
    if template == "manual/planner.html":
        catalog = language_views.catalog(config, lang)
        rules = _setting(lambda: DayRules.from_settings(settings.schedule).for_script({s["id"] for s in catalog["sessions"]}))
        words = {k[len("planner_"):]: v for k, v in labels.items() if k.startswith("planner_")}
        words["same_day_opening"] = labels["same_day_opening"]  # the session pages' words for the same note
        return {"catalog": catalog, "planner": {"words": words, "rules": rules, "catalog": planner_catalog(catalog)}}
    if template == "manual/certificate.html":
        return {"certificate": certificate_view(language_views.catalog(config, lang), labels,
                                                DayRules.from_settings(settings.schedule))}
    if template == "manual/schedule.html":
        return {"schedule": _setting(lambda: schedule_view(data.manual, lang, labels, settings.schedule))}
    if template == "manual/gathered.html":
        kinds = page.meta.get("gather") or ["key-messages"]
        return {"gathered": gathered_blocks_view(data.manual, lang, kinds, build_state.rendered.get(lang, {}),
                                                 settings.modules_dir, page.url)}
    if template == "manual/downloads.html":
        downloads = downloads_view(language_views.catalog(config, lang),
                                   lambda rel: language_views.pdf_size_text(lang, rel), lang, labels)
        downloads["forms"] = forms_view(language_views.forms(config), lang)
        return {"downloads": downloads}
    if template == "manual/workshop-report.html":
        services = [(service.id, service_label(service, lang)) for service in data.referrals]
        items = len(data.change_check.items) if data.change_check else 0
        return {"report": workshop_report_view(language_views.catalog(config, lang), services, items, labels)}
    if template == "manual/change-tally.html":
        return {"tally": change_tally_view(data.change_check, lang, labels)}
    if template == "manual/facts.html":
        return {"facts": facts_view(data.facts, lang, language_views.fact_citations(config, lang))}
    if template == "manual/materials.html":
        return {"materials": materials_view(data.manual, lang)}
    if template == "manual/translations.html":
        folders = (settings.docs_dir.relative_to(settings.root).as_posix(), settings.modules_dir)
        return {"translations": translation_status(settings.root, folders, settings.languages)}
    return {}
