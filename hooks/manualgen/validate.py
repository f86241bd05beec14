"""The whole manual validated in one pass, before anything is written: data files, module pages, framing pages
and every page rendered once through the allow-list. Every problem is collected and raised at once as a
ContentError; a schema that cannot be read at all is an Unreadable (one sentence). The caller (hooks/loaded_manual.py)
keeps the result in its caches."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline
from .change_check import Registry, load_change_check
from .checklist import setting_problems as checklist_setting_problems
from .change_check_render import PRODUCTS as CHANGE_CHECK_PRODUCTS, kit_page_problems
from .referrals import PRODUCTS as REFERRAL_PRODUCTS, load_referrals
from .counts import NAMES as COUNT_NAMES
from .facts import Fact, load_facts
from .glossary import abbreviations, parse_glossary, shared_id_problems
from .helplines import Helpline, helpline_source_problems, load_helplines
from .labels import load_label_rules, load_labels
from .lint import framing_page_problems, icon_problems, lint_document, template_problems
from .model import Manual, load_manual
from .prerender import Job, Renderer, rendered_problems
from .problems import ContentError
from .references import reference_problems
from .safety import EMPTY as EMPTY_SAFETY, Safety, load_safety
from .schema import load_schema
from .settings import CHECKLIST_SHEETS, Settings
from .source import decode, split_front_matter
from .text_checks import TextChecks, rules_key
from .translations import docs_translation_problems
from .typography import smart_quotes, smart_quotes_data


class Unreadable(Exception):
    """A schema the build cannot read at all: one sentence naming the file and what to do."""


@dataclass
class Loaded:
    """The validated manual and its data, as every hook reads them (kept on disk between builds: pickled)."""
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
    referrals: tuple = ()  # data/referrals.yml: the referral log's categories (manualgen.referrals.Service)
    # Each page's rendered-HTML checks (prerender.rendered_problems' memo), restored with the cache: without it, the
    # first edit under `mkdocs serve` after a cached start rendered and checked every page again (2.5 s at N=7).
    render_checks: dict = field(default_factory=dict)
    text_checks: dict = field(default_factory=dict)  # manualgen.text_checks' memo, restored the same way
    # (file as shown, language) -> passed_page.PassedPage: the pages the prerender passed unchanged, which
    # rendered_check need not check again when MkDocs writes the same HTML but for its rewritten links.
    passed_pages: dict = field(default_factory=dict)


def validate(s: Settings, renderer: Renderer, rules, page_memo: dict, render_memo: dict,
             text_memo: dict | None = None) -> Loaded:
    """The manual checked and loaded; raises ContentError with every problem found, or Unreadable. `page_memo`,
    `render_memo` and `text_memo` keep each page's own checks between calls (an edit re-checks one page)."""
    text_memo = {} if text_memo is None else text_memo
    passed: dict = {}
    try:
        schema = load_schema(str(s.schema_path))
    except (OSError, ValueError) as exc:
        raise Unreadable(f"{shown_path(s, s.schema_path)}: no se pudo leer el esquema: {exc} — recupérelo con git si lo "
                         "editó por error") from None
    try:
        label_rules = load_label_rules(s.labels_schema_path)
    except (OSError, ValueError) as exc:
        raise Unreadable(f"{shown_path(s, s.labels_schema_path)}: no se pudo leer el esquema de las palabras: {exc} — "
                         "recupérelo con git si lo editó por error") from None
    labels, problems = load_labels(s.labels_path, s.languages, shown_path(s, s.labels_path), label_rules)
    if problems:  # every page needs the interface words: report them alone
        raise ContentError(problems)
    facts, found = load_facts(s.facts_path, s.languages, shown_path(s, s.facts_path))
    problems += found
    helplines, found = load_helplines(s.helplines, s.languages)
    problems += found + helpline_source_problems(helplines, facts)
    change_check, found = load_change_check(s.change_check_path, s.languages, shown_path(s, s.change_check_path))
    problems += found
    referrals, found = load_referrals(s.referrals_path, s.languages, shown_path(s, s.referrals_path))
    problems += found
    known = {"fact": set(facts), "helpline": set(helplines), "manual": set(COUNT_NAMES), "schema": {"reference"},
             "changecheck": set(CHANGE_CHECK_PRODUCTS), "referral": set(REFERRAL_PRODUCTS)}
    safety, found = load_safety(s.safety_path, s.languages, shown_path(s, s.safety_path), known)
    problems += found
    known["safety"] = set(safety.statements)
    manual, found = load_manual(s.root, s.modules_dir, s.languages, schema, known, memo=page_memo)
    problems += found + checklist_setting_problems(s.checklist or {}, CHECKLIST_SHEETS, manual, s.languages[0])
    checks = TextChecks(text_memo, rules_key(s.safety_path, s.change_check_path))  # by page text: an edit checks one page
    for page in manual.pages:  # the safety rule retold in a page's own words (front matter included)
        problems += checks.paraphrases(page.path, (s.root / page.path).read_text(encoding="utf-8", errors="replace"), page.lang, safety)
    if change_check is not None:  # the statements live in the registry only: a page that retypes one is refused
        for page in manual.pages:
            problems += checks.copies(page.path, page.source.body, page.source.body_line, change_check)
            problems += kit_page_problems(page.path, page.source.body, page.source.body_line)
    _set_quotes(manual, s.typographic_quotes)
    problems += docs_translation_problems(s.docs_dir, s.root, s.languages)
    problems += _glossary_id_problems(s)
    for path, shown in docs_pages(s):
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
        problems += rendered_problems(_render_jobs(s, manual, facts, helplines, labels, schema, safety, change_check, referrals),
                                      renderer, _glossaries(s), rules, render_memo, passed)
    text_memo.clear()
    text_memo.update(checks.used)
    if problems:
        raise ContentError(problems)
    return Loaded(s, manual, facts, helplines, labels, schema, change_check, {}, dict(page_memo), safety, referrals,
                  dict(render_memo), dict(text_memo), passed)


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


def _render_jobs(s: Settings, manual, facts, helplines, labels, schema, safety, change_check, referrals):
    renderers = {lang: pipeline.reference_renderers(manual, facts, helplines, labels[lang], lang, s.schedule, safety, change_check,
                                                    referrals)
                 for lang in s.languages}
    for page in manual.pages:
        text = pipeline.page_markdown("", page, page.lang, labels[page.lang], renderers[page.lang], schema)
        full = (s.root / page.path).read_text(encoding="utf-8", errors="replace")
        yield Job(page.path, page.lang, text, pipeline.references_behind(full, page.lang, labels[page.lang], safety, change_check))
    for path, shown in docs_pages(s):
        lang = _page_language(path, s)
        if lang not in renderers:
            continue
        full = path.read_text(encoding="utf-8", errors="replace")
        body = split_front_matter(full)[1]
        yield Job(shown, lang, pipeline.page_markdown(body, None, lang, labels[lang], renderers[lang], schema),
                  pipeline.references_behind(full, lang, labels[lang], safety, change_check))


def _glossary_id_problems(s: Settings) -> list:
    """Every translated glossary term carries the id of its Spanish term (manualgen/glossary.py)."""
    source = s.docs_dir / f"{s.glossary}.{s.languages[0]}.md"
    if not source.is_file():
        return []
    problems = []
    for lang in s.languages[1:]:
        path = s.docs_dir / f"{s.glossary}.{lang}.md"
        if path.is_file():
            problems += shared_id_problems(shown_path(s, source), source.read_text(encoding="utf-8", errors="replace"),
                                           shown_path(s, path), path.read_text(encoding="utf-8", errors="replace"))
    return problems


def _glossaries(s: Settings) -> dict[str, dict]:
    out = {}
    for lang in s.languages:
        path = s.docs_dir / f"{s.glossary}.{lang}.md"
        out[lang] = abbreviations(parse_glossary(path.read_text(encoding="utf-8"))) if path.is_file() else {}
    return out


def shown_path(s: Settings, path: Path) -> str:
    """A path as authors see it: relative to the project."""
    return path.relative_to(s.root).as_posix() if path.is_relative_to(s.root) else path.as_posix()


def docs_pages(s: Settings) -> list[tuple[Path, str]]:
    """Every framing page under docs/ (both languages) as (path, path as authors see it)."""
    return [(path, shown_path(s, path)) for path in sorted(s.docs_dir.rglob("*.md"))]


def docs_template_problems(s: Settings, templates) -> list:
    """Checked on every build, cached or not: templates live in the theme, outside the cached inputs."""
    problems = []
    for path, shown in docs_pages(s):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += template_problems(shown, text, templates) + icon_problems(shown, text, templates)
    return problems
