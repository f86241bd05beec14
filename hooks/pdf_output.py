"""PDFs for trainers: one per handout and session plan, a participant pack per module and the complete
facilitator manual, per language, into site/pdf/ and site/en/pdf/.

Each module (opening, sessions, handouts) and each framing chapter is rendered once by WeasyPrint as a "body"
(no page numbers), from the pages as MkDocs rendered them (build_state.rendered) and the print templates in
overrides/print/. A session's or handout's own PDF is its pages of its module's body with "Page i of N" written
on; a module's pack and the complete manual join the same pages (pdf_compose): nothing is rendered twice, and
fonts are embedded once per module rather than once per sheet. Bodies and finished PDFs are cached by content
hash in .cache/pdf/, so a rebuild renders only what changed.

A language's documents are sent to the workers as soon as its pages' content is known (on_env); the build goes
on meanwhile (its pages are written, the next language is built) and each module's own PDFs are cut as its
document arrives. Pages written before their PDFs exist carry a mark where each size goes (language_views.
pdf_size_text), filled in once every PDF is made (on_post_build, after the last language): the workers never wait
for the pages, nor the pages for the workers. When everything is in the cache the PDFs are made at once and no
mark is written. MANUAL_PDF=0 skips PDFs; MANUAL_PDF=preview (make serve) renders in the background."""
from __future__ import annotations

import functools
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import segno
from markupsafe import Markup
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
from manualgen.pdf import PdfCache, cache_key, demote_headings, prefix_ids, print_links, render_body, renderer_version
from manualgen.pdf_compose import InternalLink, OutlineEntry, join
from manualgen.views import SIZE_MARK_START, fill_size_marks
from manualgen.views import attendance_view, programme_view, schedule_view, session_view

log = reporting.log

FRONT_ENTRIES_PER_PAGE = 36  # contents lines on an A4 page (print.css .toc), for a first guess of its length


@dataclass
class Body:
    """One rendered unit: its HTML, cache key, and (once rendered) its PDF and description (render_body)."""
    html: str
    key: str
    data: bytes | None = None
    meta: dict | None = None


@dataclass
class Job:
    """Everything one language's PDFs need, gathered from the pages and templates."""
    lang: str
    labels: dict
    out_dir: Path
    cache: PdfCache
    version: str
    templates: object      # the theme's Jinja environment, configured as for pages
    base_view: dict        # what every print template gets as `manual`
    author: str
    site_name: str
    bodies: dict[str, Body] = field(default_factory=dict)  # by name: "m02-s02", "pack-m02", "chapter-como-usar", …

    def body(self, name: str, html: str) -> str:
        self.bodies[name] = Body(html, cache_key(html, self.version))
        return name

    def render(self, template: str, **context) -> str:
        return self.templates.get_template(template).render(**context)

    def metadata(self, title: str | None) -> dict:
        """PDF metadata in the document's language (joined documents; a body carries its own)."""
        return {"Title": title or "", "Author": self.author, "Creator": "manual-masculinidades"}


def _qr(url: str | None) -> str | None:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=1) if url else None


@event_priority(-50)  # after content_check loaded the manual
@reporting.reported
def on_pre_build(config):
    """A build whose sources no earlier build validated will draw PDFs: the workers start while the pages are
    validated and rendered, instead of after (≈ 0.6 s each to start, on the otherwise idle second core)."""
    if manual_settings.pdf_mode() == "on" and loaded_manual.sources_changed:
        render_pool.warm_up()


# The languages whose documents are being drawn while the build goes on (see on_env), in the order they started.
_pending: list[Pending] = []


@event_priority(-90)  # after page_render stored every page's content; the i18n plugin builds languages in turn
@reporting.reported
def on_env(env, config, files):
    if not manual_settings.pdf_enabled():
        return env
    lang = manual_settings.current_language(config)
    if lang == manual_settings.settings(config).languages[0]:
        _pending.clear()
    try:
        pending = _build_pdfs(config, lang)
    except render_pool.WorkerStopped as stopped:  # not the author's content: say what happened and what to do
        raise PluginError(f"PDF [{lang}]: {stopped}") from None
    if pending is not None:
        _pending.append(pending)
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
        for item in pending:  # cut and pack each language as its documents arrive, the next one still drawing
            lang = item.job.lang
            _collect(item)
            _write_packs(item)
        drawn = time.monotonic()
        manuals = [_start_manual(item) for item in pending]  # every language's contents drawn side by side
        for item, complete in zip(pending, manuals):
            lang = item.job.lang
            _finish(item, complete)
    except render_pool.WorkerStopped as stopped:
        raise PluginError(f"PDF [{lang}]: {stopped}") from None
    finally:
        build_state.pdf_sizes_pending.clear()
    _fill_sizes(Path(config.site_dir), {item.job.lang: build_state.pdf_sizes[item.job.lang] for item in pending})
    log.info(f"PDF: {sum(len(item.futures) for item in pending)} documents drawn in {drawn - pending[0].started:.1f} s "
             f"while the pages were written; the complete manuals then took {time.monotonic() - drawn:.1f} s")


def on_build_error(error):
    """A build that fails while documents are still being drawn stops the workers at once: otherwise the
    process would wait for every queued document before it could exit."""
    if _pending:
        _pending.clear()
        build_state.pdf_sizes_pending.clear()
        render_pool.stop()


def _build_pdfs(config, lang: str) -> Pending | None:
    data = loaded_manual.loaded(config)
    labels, manual, s = data.labels[lang], data.manual, data.settings
    prefix = manual_settings.language_prefix(lang, config)
    pages = build_state.rendered.get(lang, {})
    paths = language_views.pdfs(config, lang)
    site_url = s.site_url.rstrip("/") + "/" if s.site_url else None
    try:
        print_type = paper.print_type(s.pdf.get("type"))
    except paper.PaperSettingsError as problem:
        raise PluginError(f"{problem}\n(see the comment above it in mkdocs.yml)") from None
    base_view = {"labels": labels, "helplines": language_views.helplines_view(config, lang), "lang": lang, "prefix": prefix,
                 "print": True, "anchor_prefix": "", "print_type": print_type}
    author = config.site_author or config.site_name
    job = Job(lang, labels, Path(config.site_dir) / prefix,
              PdfCache(Path(s.root) / s.pdf.get("cache", ".cache/pdf"),
                       # info, not warning: strict mode would fail a build that recovers by itself
                       on_damaged=lambda path: log.info(f"PDF: warning: the cached {path.name} was damaged "
                                                        "(checksum mismatch); rendering it again")),
              renderer_version(), theme_env.template_env(config), base_view, author, config.site_name)

    def content(src_uri: str, unique: str, demote: int = 0) -> Markup:
        entry = pages.get(src_uri)
        if entry is None:
            return Markup("")
        html = prefix_ids(print_links(entry["html"], entry["url"], site_url), unique)
        return Markup(demote_headings(html, demote) if demote else html)  # allow-listed page HTML (rendered_check)

    def page_content(page, demote: int = 0) -> Markup:
        return content(f"{s.modules_dir}/{page.key}.{page.lang}.md", page.id, demote)

    def online(page) -> str | None:
        return f"{site_url}{prefix}{page.url}" if site_url else None

    def doc(kind: str, title: str, **extra) -> dict:
        return {"lang": lang, "kind": kind, "title": title, "author": author,
                "description": config.site_description or "", "running_title": config.site_name,
                "site_name": config.site_name, **extra}

    render = job.render

    module_of = {m.id: m for m in manual.of(lang, "module")}

    def handout_item(page) -> dict:
        module = module_of.get(page.meta["module"])
        return {"id": page.id, "title": page.meta["title"], "kind": page.meta["kind"],
                "audience": page.meta.get("audience", "participants"), "sheet": page.meta.get("sheet"),
                "attendance": attendance_view(manual, lang, s.attendance_rows) if page.meta.get("sheet") == "attendance" else None,
                "sign_in_rows": s.sign_in_rows, "help": s.home.get("help", []),
                "module": {"order": module.meta["order"], "title": module.meta["title"]} if module else None,
                "qr": _qr(online(page)), "content": Markup(paper.for_paper(page_content(page)))}

    # Bodies: one document per module (its opening, sessions and handouts, each starting on a new page), the
    # framing chapters. A session's or handout's own PDF is its pages of its module.
    pieces: dict[str, tuple[str, str]] = {}  # page id -> (module body, anchor where its pages start)
    packs = {}
    for module in manual.of(lang, "module"):
        sessions = [p for p in manual.of(lang, "session") if p.meta["module"] == module.id]
        handouts = [h for h in manual.of(lang, "handout") if h.meta["module"] == module.id]
        items = []
        for page in sessions:
            view = {**base_view, "session": session_view(page, manual, lang, labels), "anchor_prefix": f"{page.id}-"}
            items.append({"kind": "session", "manual": view, "item": {"id": page.id, "title": page.meta["title"],
                                                                       "qr": _qr(online(page)), "content": Markup(paper.for_paper(page_content(page)))}})
        items += [{"kind": "handout", "item": handout_item(h)} for h in handouts]
        opening = {"anchor": module.id, "order": module.meta["order"], "title": module.meta["title"],
                   "objectives": module.meta["objectives"], "content": page_content(module, 1), "items": items}
        name = job.body(f"module-{module.id}", render("print/manual.html", doc=doc("manual", module.meta["title"], part="module",
                                                                                       module=opening), manual=base_view))
        for page in sessions + handouts:
            pieces[page.id] = (name, f"{page.id}-titulo")
        participants = [h for h in handouts if h.meta.get("audience", "participants") == "participants"]
        if participants:
            title = f"{labels['pack_title']} — {labels['module']} {module.meta['order']}: {module.meta['title']}"
            packs[module.id] = (title, [h.id for h in participants])
    chapters = {}
    for stem in s.pdf.get("front_pages", []) + s.pdf.get("back_pages", []):
        entry = pages.get(f"{stem}.{lang}.md")
        if entry is None:
            continue
        body = content(f"{stem}.{lang}.md", stem) + _generated_chapter(stem, job, data, labels)
        chapter = {"anchor": stem, "title": entry["title"], "content": Markup(body)}
        chapters[stem] = (entry["title"], job.body(f"chapter-{stem}", render(
            "print/manual.html", doc=doc("manual", entry["title"], part="chapter", chapter=chapter), manual=base_view)))

    # The complete manual's back cover: where to get help, who made it, under which licence (the front cover says it too).
    job.body("back-cover", render("print/manual.html", doc=doc("manual", config.site_name, part="back",
                                                               publisher=_publisher(config, s, lang)), manual=base_view))
    own = [(paths[p.id], p.id, p.meta["title"]) for p in manual.of(lang, "session") + manual.of(lang, "handout")]
    if manual_settings.pdf_mode() == "preview":
        waiting = _preview(job, own, pieces)
        build_state.pdf_sizes[lang] = {rel: (job.out_dir / rel).stat().st_size for rel in paths.values()
                                         if (job.out_dir / rel).is_file()}
        log.info(f"PDF [{lang}]: preview: {len(own) - waiting} PDFs ready, {waiting} render in the background; "
                 "packs and the complete manual are made by `make site`")
        return None
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(time.time())
    item = Pending(job, pieces, packs, chapters, paths, manual, s, f"{config.site_name} — {labels['manual_edition']}",
                   format_date(time.strftime("%Y-%m-%d", time.gmtime(epoch)), lang), _publisher(config, s, lang))
    # A module's own PDFs are cut and numbered as soon as its document is there, while the workers draw the rest.
    for rel, page_id, title in own:
        item.outputs.setdefault(pieces[page_id][0], []).append((rel, page_id, title))
    item.futures = _start_bodies(job, list(job.bodies), on_ready=item.cut)
    if item.futures:
        # Documents to draw: the build goes on (this language's pages, the next language) while the workers draw;
        # the pages carry a mark where a PDF's size goes, filled in once the PDFs are made (on_post_build).
        build_state.pdf_sizes_pending.add(lang)
        return item
    _write_packs(item)
    _finish(item, _start_manual(item))
    return None


@dataclass
class Pending:
    """One language's PDFs: its documents (drawn or on their way) and what is made of them."""
    job: Job
    pieces: dict           # page id -> (module document, anchor where its pages start)
    packs: dict            # module id -> (title, handout ids)
    chapters: dict         # stem -> (title, document)
    paths: dict            # output name -> path relative to the language's root
    manual: object
    settings: object
    title: str             # the complete manual's
    edition: str           # its cover date, in the language's format
    publisher: dict        # its covers' organisation, licence and contact (_publisher)
    outputs: dict = field(default_factory=dict)   # document -> [(path, page id, title)] cut from it
    futures: dict = field(default_factory=dict)   # documents being drawn: future -> name
    started: float = field(default_factory=time.monotonic)

    def cut(self, name: str) -> None:
        for rel, page_id, title in self.outputs.get(name, []):
            _write_output(self.job, rel, _own_pdf(self.job, self.pieces, page_id, title))


def _collect(item: Pending) -> None:
    """Wait for the language's documents, cutting each module's own PDFs as its document arrives."""
    _wait_bodies(item.job, item.futures, on_ready=item.cut)


def _write_packs(item: Pending) -> None:
    """Each module's participant pack: its handouts, joined (nothing to draw). No cover sheet: copied for every
    participant, a page that only lists the sheets behind it cost a sheet per person (issue 23); the pack's title is
    its PDF title, and each handout's title its bookmark and the head of its first page."""
    for module_id, (title, handout_ids) in item.packs.items():
        _write_output(item.job, item.paths[f"pack-{module_id}"],
                      _assembled(item.job, [_piece(item.job, item.pieces, h) for h in handout_ids],
                                 [-1] * len(handout_ids), title))  # each handout's title a top bookmark


def _start_manual(item: Pending) -> CompleteManual:
    """The complete manual's contents sent to the workers, once every page number of the language is known."""
    return CompleteManual(item.job, item.manual, item.chapters, item.settings, item.title, item.edition, item.publisher)


def _finish(item: Pending, complete: CompleteManual) -> None:
    """The complete manual joined, then the sizes."""
    job, paths = item.job, item.paths
    _write_output(job, paths["manual"], complete.result())
    build_state.pdf_sizes[job.lang] = {rel: (job.out_dir / rel).stat().st_size for rel in paths.values()
                                         if (job.out_dir / rel).is_file()}
    log.info(f"PDF [{job.lang}]: {len(paths)} PDFs ready" if item.futures else f"PDF [{job.lang}]: {len(paths)} PDFs from the cache")
    if job.lang == item.settings.languages[-1]:  # after a complete build: every current entry was just used
        days = float(item.settings.pdf.get("cache_unused_days", 30))
        if removed := job.cache.prune(days):
            log.info(f"PDF: {removed} cached files unused for {days:g} days removed")


def _fill_sizes(site: Path, sizes: dict[str, dict[str, int]]) -> None:
    """Write each PDF's size where the pages marked it (language_views.pdf_size_text) while it was being made."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if SIZE_MARK_START not in text:
            continue
        page.write_text(fill_size_marks(text, sizes), encoding="utf-8")


def _publisher(config, settings, lang: str) -> dict:
    """Who publishes the manual, under which licence and how to reach them, for its covers (mkdocs.yml: site_author,
    copyright, extra.manual.contact)."""
    contact = (config.extra.get("manual") or {}).get("contact") or {}
    return {"organisation": config.site_author or "", "licence": config.copyright or "",
            "contact": contact.get(lang, "") if isinstance(contact, dict) else str(contact)}


def _generated_chapter(stem: str, job: Job, data, labels: dict) -> Markup:
    """Framing pages whose body is generated (the programme, the schedule) print their tables too."""
    page_templates = {"programa": ("manual/_programme_body.html", "programme"), "horario": ("manual/_schedule_body.html", "schedule")}
    if stem not in page_templates:
        return Markup("")
    template, key = page_templates[stem]
    view = {**job.base_view, "anchor_prefix": f"{stem}-"}  # unique in the joined manual (m01 is also a module's anchor)
    view[key] = (programme_view(data.manual, job.lang) if key == "programme"
                 else schedule_view(data.manual, job.lang, labels, data.settings.schedule))
    return Markup(job.render(template, manual=view))


def _start_bodies(job: Job, names: list[str], on_ready=lambda name: None) -> dict:
    """Take each body from the cache (`on_ready(name)` at once) or send it to the workers (one process per core);
    returns the bodies being drawn, future -> name, for _wait_bodies."""
    missing = []
    for name in names:
        body = job.bodies[name]
        body.data, body.meta = job.cache.get(body.key), job.cache.get_meta(body.key)
        if body.data is None or body.meta is None:
            missing.append(name)
        else:
            on_ready(name)
    if missing:
        # Longest first: with one worker per core, a long module document started last would finish alone.
        missing.sort(key=lambda name: len(job.bodies[name].html), reverse=True)
        log.info(f"PDF [{job.lang}]: drawing {len(missing)} of {len(names)} documents…")
    return {render_pool.submit(render_body, job.bodies[name].html, job.out_dir, job.bodies[name].key): name
            for name in missing}


def _wait_bodies(job: Job, futures: dict, on_ready=lambda name: None) -> None:
    """Store each drawn body (and cache it) as it arrives, then `on_ready(name)`, in the order they finish."""
    for done, future in enumerate(render_pool.as_completed(futures), start=1):
        name = futures[future]
        body = job.bodies[name]
        body.data, body.meta = render_pool.result(future)
        job.cache.put(body.key, body.data)
        job.cache.put_meta(body.key, body.meta)
        on_ready(name)
        if done % 10 == 0 or done == len(futures):
            log.info(f"PDF [{job.lang}]: {done}/{len(futures)} drawn")


def _page_texts(labels: dict, total: int, first_numbered: int = 0) -> list[str]:
    return ["" if index < first_numbered else labels["page_of"].format(page=index + 1, pages=total) for index in range(total)]


@dataclass(frozen=True)
class Piece:
    """Pages of a rendered body: all of it, or pages first..last (0-based, inclusive)."""
    body: str
    first: int = 0
    last: int | None = None

    def span(self, job: Job) -> tuple[int, int]:
        meta = job.bodies[self.body].meta
        return self.first, meta["pages"] - 1 if self.last is None else self.last


def _piece(job: Job, pieces: dict, page_id: str) -> Piece:
    """A session's or handout's pages in its module's document: from its title to the next one's."""
    name, anchor = pieces[page_id]
    meta = job.bodies[name].meta
    first = meta["anchors"][anchor][0]
    starts = sorted({meta["anchors"][a][0] for b, a in pieces.values() if b == name and a in meta["anchors"]})
    later = [page for page in starts if page > first]
    return Piece(name, first, later[0] - 1 if later else meta["pages"] - 1)


def _outline_of(job: Job, piece: Piece, start: int, shift: int = 0) -> list[OutlineEntry]:
    """A piece's bookmarks (from its headings, print.css) placed at `start` in a larger document, levels moved."""
    first, last = piece.span(job)
    entries = []
    for level, label, page, x, y in job.bodies[piece.body].meta["bookmarks"]:
        if first <= page <= last and level + shift >= 1:
            entries.append(OutlineEntry(level + shift, label, start + page - first, x, y))
    return entries


def _links_of(job: Job, pieces: list[Piece]) -> list[InternalLink]:
    """The pieces' internal links (agenda to activity, contents to chapter) pointed anew in the joined document;
    a link to a page left out is dropped."""
    anchors, spans, start = {}, [], 0
    for piece in pieces:
        first, last = piece.span(job)
        spans.append((piece, first, last, start))
        for name, (page, x, y) in job.bodies[piece.body].meta["anchors"].items():
            if first <= page <= last:
                anchors.setdefault(name, (start + page - first, x, y))
        start += last - first + 1
    links = []
    for piece, first, last, begin in spans:
        for page, x, y, width, height, target in job.bodies[piece.body].meta["links"]:
            if first <= page <= last and target in anchors:
                to_page, to_x, to_y = anchors[target]
                links.append(InternalLink(begin + page - first, (x, y, width, height), to_page, to_x, to_y))
    return links


def _assembled(job: Job, pieces: list[Piece], shifts: list[int], title: str | None,
               outline_first: tuple[OutlineEntry, ...] = (), first_numbered: int = 0) -> bytes:
    """One PDF from pieces of rendered bodies: numbered (from page `first_numbered`), with the pieces' bookmarks
    each moved `shifts[i]` levels, after `outline_first`, and their internal links. Cached by its inputs."""
    spans = [piece.span(job) for piece in pieces]
    key = cache_key("\n".join(f"{job.bodies[p.body].key}:{a}-{b}" for p, (a, b) in zip(pieces, spans))
                    + repr((title, shifts, outline_first, first_numbered)), job.version + "-assembled")
    cached = job.cache.get(key)
    if cached is not None:
        return cached
    outline, start = list(outline_first), 0
    for piece, shift, (first, last) in zip(pieces, shifts, spans):
        outline += _outline_of(job, piece, start, shift)
        start += last - first + 1
    data = join([(job.bodies[p.body].data, a, b) for p, (a, b) in zip(pieces, spans)],
                _page_texts(job.labels, start, first_numbered), outline, _links_of(job, pieces), job.metadata(title), job.lang)
    job.cache.put(key, data)
    return data


def _own_pdf(job: Job, pieces: dict, page_id: str, title: str) -> bytes:
    """A session's or handout's own PDF: its pages of its module's document, its title the top bookmark."""
    return _assembled(job, [_piece(job, pieces, page_id)], [-1], title)


class CompleteManual:
    """The complete manual: cover and contents, the framing chapters, every module's document (opening,
    sessions, handouts marked as such), the closing chapters; bookmarks down to each session's sections and
    activities; the contents clickable; page numbers from the contents page on.

    Made in two steps so that both languages' contents are drawn side by side: creating it sends the front
    (cover and contents) to the workers; result() waits for it and joins everything."""

    def __init__(self, job: Job, manual, chapters: dict, settings, title: str, edition: str, publisher: dict):
        self.job, self.title, self.edition, self.publisher = job, title, edition, publisher
        lang, labels = job.lang, job.labels
        self.names: list[str] = []
        self.contents: list[dict] = []
        for stem in settings.pdf.get("front_pages", []):
            if stem in chapters:
                self.names.append(chapters[stem][1])
                self.contents.append({"level": 1, "kind": "chapter", "title": chapters[stem][0], "anchor": stem})
        for module in manual.of(lang, "module"):
            self.names.append(f"module-{module.id}")
            self.contents.append({"level": 1, "kind": "module", "anchor": module.id,
                                  "title": f"{labels['module']} {module.meta['order']}: {module.meta['title']}"})
            for session in (p for p in manual.of(lang, "session") if p.meta["module"] == module.id):
                self.contents.append({"level": 2, "kind": "session", "anchor": f"{session.id}-titulo",
                                      "title": f"{module.meta['order']}.{session.meta['order']} {session.meta['title']}"})
            for handout in (h for h in manual.of(lang, "handout") if h.meta["module"] == module.id):
                self.contents.append({"level": 2, "kind": "handout", "anchor": f"{handout.id}-titulo",
                                      "title": handout.meta["title"]})
        for stem in settings.pdf.get("back_pages", []):
            if stem in chapters:
                self.names.append(chapters[stem][1])
                self.contents.append({"level": 1, "kind": "chapter", "title": chapters[stem][0], "anchor": stem})
        if "back-cover" in job.bodies:
            self.names.append("back-cover")
        # The contents' page numbers depend on how many pages the cover and contents take: start from the count
        # the last build found (or an estimate), and draw again only if the guess was wrong.
        self.remembered = cache_key(f"front-pages:{lang}:{len(self.contents)}", job.version)
        stored = job.cache.get(self.remembered)
        self.guess = int(stored) if stored and stored.isdigit() else 1 + -(-len(self.contents) // FRONT_ENTRIES_PER_PAGE)
        self.front, self.drawing = self._front(self.guess)

    def _front(self, front_pages: int) -> tuple[str, dict]:
        job = self.job
        doc = {"lang": job.lang, "kind": "manual", "title": self.title, "author": job.author, "description": "",
               "running_title": self.title, "site_name": job.site_name, "part": "front",
               "contents": self._numbered(front_pages), "edition": self.edition, "publisher": self.publisher}
        name = job.body("front", job.render("print/manual.html", doc=doc, manual=job.base_view))
        return name, _start_bodies(job, [name])

    def _numbered(self, front_pages: int) -> list[dict]:
        anchors, start = {}, front_pages
        for name in self.names:
            meta = self.job.bodies[name].meta
            for anchor, (page, _x, _y) in meta["anchors"].items():
                anchors.setdefault(anchor, start + page + 1)
            start += meta["pages"]
        return [{**entry, "page": anchors.get(entry["anchor"], "")} for entry in self.contents]

    def result(self) -> bytes:
        job = self.job
        _wait_bodies(job, self.drawing)
        for _attempt in range(3):
            pages = job.bodies[self.front].meta["pages"]
            if pages == self.guess:
                break
            self.guess = pages
            self.front, drawing = self._front(pages)
            _wait_bodies(job, drawing)
        job.cache.put(self.remembered, str(self.guess).encode("ascii"))
        return _assembled(job, [Piece(self.front)] + [Piece(name) for name in self.names], [0] * (len(self.names) + 1),
                          self.title, outline_first=(OutlineEntry(1, job.labels["contents"], 1, 0, 0),), first_numbered=1)


def _write_output(job: Job, rel: str, data: bytes) -> None:
    target = job.out_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _preview(job: Job, own: list[tuple[str, str, str]], pieces: dict) -> int:
    """`make serve`: each session's and handout's PDF from the cache, or its module's document rendered in the
    background and the PDFs cut from it a moment after the page reloads; a rebuild never waits for PDFs.
    Returns how many PDFs wait for a render."""
    by_body: dict[str, list] = {}
    for rel, page_id, title in own:
        by_body.setdefault(pieces[page_id][0], []).append((rel, page_id, title))
    waiting = 0
    for name, outputs in by_body.items():
        body = job.bodies[name]
        body.data, body.meta = job.cache.get(body.key), job.cache.get_meta(body.key)
        if body.data is not None and body.meta is not None:
            for rel, page_id, title in outputs:
                _write_output(job, rel, _own_pdf(job, pieces, page_id, title))
            continue
        future = render_pool.submit(render_body, body.html, job.out_dir, body.key)
        future.add_done_callback(functools.partial(_finish_in_background, job, name, outputs, pieces))
        waiting += len(outputs)
    return waiting


def _finish_in_background(job: Job, name: str, outputs: list, pieces: dict, future) -> None:
    """Preview callback (runs in the pool's thread): a failure is a warning, never a lost build."""
    try:
        body = job.bodies[name]
        body.data, body.meta = future.result()
        job.cache.put(body.key, body.data)
        job.cache.put_meta(body.key, body.meta)
        for rel, page_id, title in outputs:
            _write_output(job, rel, _own_pdf(job, pieces, page_id, title))
    except Exception as exc:  # noqa: BLE001 - a background render must not break live preview
        log.warning(f"PDF: {name} could not be rendered in preview: {type(exc).__name__}: {exc}")
