"""PDFs for trainers: one per handout and session plan, a participant pack per module and the complete
facilitator manual, per language, into site/pdf/ and site/en/pdf/.

Pages are taken as MkDocs rendered them (build_context.rendered), laid out with the Jinja print templates in overrides/print/
and rendered by WeasyPrint (no JavaScript, local files only). Each PDF is cached by the hash of its
HTML in .cache/pdf/, so a rebuild with no content change renders nothing again. MANUAL_PDF=0 skips PDFs."""
from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import segno
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import build_context
from manualgen import render_pool
from manualgen.pdf import (PdfCache, assemble, cache_key, demote_headings, prefix_ids, print_links, render_part, render_pdf,
                           renderer_version)
from manualgen.templating import css_string
from manualgen.views import session_view

log = build_context.log


def _page_counter(labels: dict) -> Markup:
    """'Página {page} de {pages}' -> CSS content: "Página " counter(page) " de " counter(pages) (the label's
    words written as escaped CSS strings)."""
    text = labels["page_of"].replace("{pages}", "\x01").replace("{page}", "\x00")
    parts, out = [], ""
    for char in text:
        if char in "\x00\x01":
            parts.append(css_string(out) if out else "")
            parts.append("counter(page)" if char == "\x00" else "counter(pages)")
            out = ""
        else:
            out += char
    parts.append(css_string(out) if out else "")
    return Markup(" ".join(p for p in parts if p))


def _qr(url: str | None) -> str | None:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=1) if url else None


@event_priority(10)  # before the i18n plugin starts the next language's build (-100)
@build_context.reported
def on_post_build(config):
    if not build_context.pdf_enabled():
        return
    data = build_context.loaded(config)
    lang = build_context.current_language(config)
    labels, manual, s = data.labels[lang], data.manual, data.settings
    prefix = build_context.language_prefix(lang, config)
    pages = build_context.rendered.get(lang, {})
    paths = build_context.pdfs(config, lang)
    site_url = s.site_url.rstrip("/") + "/" if s.site_url else None
    env = build_context.template_env(config)
    base_view = {"labels": labels, "helplines": build_context.helplines_view(config, lang), "lang": lang, "prefix": prefix,
                 "print": True}

    def captured(page, demote=0, unique=None):
        entry = pages.get(f"{s.modules_dir}/{page.key}.{page.lang}.md") if page else None
        if entry is None:
            return ""
        html = print_links(entry["html"], entry["url"], site_url)
        if unique:
            html = prefix_ids(html, unique)
        return Markup(demote_headings(html, demote) if demote else html)  # allow-listed page HTML (rendered_check)

    def online(page) -> str | None:
        return f"{site_url}{prefix}{page.url}" if site_url else None

    def session_item(page, demote=0, unique=False):
        view = {**base_view, "session": session_view(page, manual, lang, labels)}
        return {"id": page.id, "title": page.meta["title"], "qr": _qr(online(page)), "manual": view,
                "content": captured(page, demote, page.id if unique else None)}

    def handout_item(page, demote=0, unique=False):
        return {"id": page.id, "title": page.meta["title"], "kind": page.meta["kind"], "description": page.meta["description"],
                "qr": _qr(online(page)), "content": captured(page, demote, page.id if unique else None)}

    def doc(kind, title, **extra):
        return {"lang": lang, "kind": kind, "title": title, "author": config.site_author or config.site_name,
                "description": config.site_description or "", "running_title": config.site_name,
                "page_counter": _page_counter(labels), "site_name": config.site_name, **extra}

    jobs: list[tuple[str, str]] = []
    for page in manual.of(lang, "handout"):
        item = handout_item(page)
        jobs.append((paths[page.id], env.get_template("print/handout.html").render(
            doc=doc("handout", page.meta["title"], item=item), manual=base_view)))
    for page in manual.of(lang, "session"):
        item = session_item(page)
        jobs.append((paths[page.id], env.get_template("print/session.html").render(
            doc=doc("session", page.meta["title"], item=item, manual=item["manual"]), manual=item["manual"])))
    modules = []
    for module in manual.of(lang, "module"):
        handouts = [h for h in manual.of(lang, "handout") if h.meta["module"] == module.id]
        sessions = [p for p in manual.of(lang, "session") if p.meta["module"] == module.id]
        if handouts:
            title = f"{labels['pack_title']} — {labels['module']} {module.meta['order']}: {module.meta['title']}"
            jobs.append((paths[f"pack-{module.id}"], env.get_template("print/pack.html").render(
                doc=doc("pack", title, module=module.meta, handouts=[handout_item(h, 1, True) for h in handouts]), manual=base_view)))
        modules.append({"anchor": module.id, "order": module.meta["order"], "title": module.meta["title"],
                        "objectives": module.meta["objectives"], "content": captured(module, 1, module.id),
                        "sessions": [session_item(p, 1, True) for p in sessions],
                        "handouts": [handout_item(h, 1, True) for h in handouts]})
    chapters = lambda names: [_chapter(pages, f"{stem}.{lang}.md", site_url) for stem in names]  # noqa: E731
    front = [c for c in chapters(s.pdf.get("front_pages", [])) if c]
    back = [c for c in chapters(s.pdf.get("back_pages", [])) if c]
    edition = time.strftime("%Y-%m-%d", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or time.time()))
    title = f"{config.site_name} — {labels['manual_edition']}"
    part = lambda **extra: env.get_template("print/manual.html").render(  # noqa: E731
        doc=doc("manual", title, page_counter="none", edition=edition, **extra), manual=base_view)
    parts = []
    contents = [{"level": 1, "title": c["title"], "anchor": c["anchor"]} for c in front]
    if front:
        parts.append(part(part="chapters", chapters=front))
    for module in modules:
        parts.append(part(part="module", module=module))
        contents.append({"level": 1, "title": f"{labels['module']} {module['order']}: {module['title']}", "anchor": module["anchor"]})
        contents += [{"level": 2, "title": i["title"], "anchor": f"{i['id']}-titulo"} for i in module["sessions"] + module["handouts"]]
    if back:
        parts.append(part(part="chapters", chapters=back))
        contents += [{"level": 1, "title": c["title"], "anchor": c["anchor"]} for c in back]
    manual_job = {
        "path": paths["manual"], "parts": parts, "contents": contents,
        "front": lambda entries: part(part="front", contents=entries),
        "numbers": lambda total: env.get_template("print/page-numbers.html").render(
            doc={"lang": lang, "title": title, "total": total, "page_counter": _page_counter(labels)}),
        "metadata": {"Title": title, "Author": config.site_author or config.site_name,
                     "Subject": config.site_description or "", "Creator": "manual-masculinidades"},
    }
    cache = PdfCache(Path(s.root) / s.pdf.get("cache", ".cache/pdf"),
                     # info, not warning: strict mode would fail a build that recovers by itself
                     on_damaged=lambda path: log.info(f"PDF: warning: the cached {path.name} was damaged "
                                                      "(checksum mismatch); rendering it again"))
    out_dir = Path(config.site_dir) / prefix
    preview = build_context.pdf_mode() == "preview"
    try:
        _render_all(jobs, out_dir, cache, lang, preview=preview)
        _render_manual(manual_job, out_dir, cache, lang, preview=preview)
    except render_pool.WorkerStopped as stopped:  # not the author's content: say what happened and what to do
        raise PluginError(f"PDF [{lang}]: {stopped}") from None
    if not preview and lang == s.languages[-1]:  # after a complete build: every current entry was just used
        days = float(s.pdf.get("cache_unused_days", 30))
        if removed := cache.prune(days):
            log.info(f"PDF: {removed} cached files unused for {days:g} days removed")


def _chapter(pages: dict, src_uri: str, site_url: str | None) -> dict | None:
    entry = pages.get(src_uri)
    if entry is None:
        return None
    anchor = src_uri.split(".")[0]
    html = demote_headings(prefix_ids(print_links(entry["html"], entry["url"], site_url), anchor), 1)
    return {"anchor": anchor, "title": entry["title"], "content": Markup(html)}  # allow-listed page HTML


def _render_all(jobs: list[tuple[str, str]], out_dir: Path, cache: PdfCache, lang: str, preview: bool = False) -> None:
    """Copy cached PDFs and render the missing ones (in parallel, one worker process per core).

    In preview (`make serve`) the build does not wait: missing PDFs render in the workers and are
    stored as each one finishes, a moment after the page reloads."""
    version = renderer_version()
    keyed = [(rel, html, cache_key(html, version)) for rel, html in jobs]
    missing = []
    for rel, html, key in keyed:
        data = cache.get(key)
        if data is None:
            missing.append((rel, html, key))
        else:
            _write(out_dir / rel, data)
    if not missing:
        log.info(f"PDF [{lang}]: {len(jobs)} PDFs from the cache")
        return
    started = time.monotonic()
    futures = [(rel, key, render_pool.submit(render_pdf, html, out_dir, key)) for rel, html, key in missing]
    if preview:
        log.info(f"PDF [{lang}]: preview: {len(missing)} PDFs render in the background")
        for rel, key, future in futures:
            future.add_done_callback(functools.partial(_store_when_rendered, cache, key, out_dir / rel))
        return
    log.info(f"PDF [{lang}]: rendering {len(missing)} PDFs…")
    for done, (rel, key, future) in enumerate(futures, start=1):
        data = render_pool.result(future)
        cache.put(key, data)
        _write(out_dir / rel, data)
        if done % 5 == 0 or done == len(futures):
            log.info(f"PDF [{lang}]: {done}/{len(futures)} rendered")
    log.info(f"PDF [{lang}]: {len(missing)} PDFs rendered in {time.monotonic() - started:.1f} s")


def _store_when_rendered(cache: PdfCache, key: str, target: Path, future) -> None:
    """Preview callback (runs in the pool's thread): a failure is a warning, never a lost build."""
    try:
        data = future.result()
        cache.put(key, data)
        _write(target, data)
    except Exception as exc:  # noqa: BLE001 - a background render must not break live preview
        log.warning(f"PDF: {target.name} could not be rendered in preview: {type(exc).__name__}: {exc}")


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _render_manual(job: dict, out_dir: Path, cache: PdfCache, lang: str, preview: bool = False) -> None:
    """The complete manual, rendered as parts (front, chapters, one per module) and joined.

    Parts render in parallel and are cached one by one, so editing one session re-renders one module.
    The contents' page numbers come from where each part's anchors fell; page numbers are stamped last."""
    version = renderer_version()
    keys = [cache_key(html, version) for html in job["parts"]]
    final_key = cache_key("\n".join(keys) + repr(job["contents"]) + repr(job["metadata"]), version + "-manual")
    joined = cache.get(final_key)
    if joined is not None:
        _write(out_dir / job["path"], joined)
        for key in keys:  # parts stay cached while the manual is in use: one edit re-renders one part
            cache.keep(key)
        return
    if preview:
        log.info(f"PDF [{lang}]: preview: the complete manual PDF is rendered by `make site`")
        return
    started = time.monotonic()
    missing = [(html, key) for html, key in zip(job["parts"], keys) if cache.get_meta(key) is None]
    if missing:
        log.info(f"PDF [{lang}]: rendering {len(missing)} of {len(keys)} parts of the complete manual…")
        futures = [(key, render_pool.submit(render_part, html, out_dir, key)) for html, key in missing]
        for key, future in futures:
            data, meta = render_pool.result(future)
            cache.put(key, data)
            cache.put_meta(key, meta)
    metas = [cache.get_meta(key) for key in keys]

    def rendered(html: str) -> tuple[bytes, dict]:
        key = cache_key(html, version)
        if cache.get_meta(key) is None:
            data, meta = render_part(html, out_dir)
            cache.put(key, data)
            cache.put_meta(key, meta)
        return cache.get(key), cache.get_meta(key)

    def numbered(front_pages: int) -> list[dict]:
        starts, page = [], front_pages + 1
        for meta in metas:
            starts.append(page)
            page += meta["pages"]
        where = {anchor: starts[i] + at for i, meta in enumerate(metas) for anchor, at in meta["anchors"].items()}
        return [{**entry, "page": where.get(entry["anchor"], "")} for entry in job["contents"]]

    front_pages = rendered(job["front"]([{**e, "page": 888} for e in job["contents"]]))[1]["pages"]
    front, meta = rendered(job["front"](numbered(front_pages)))
    if meta["pages"] != front_pages:  # page numbers changed the contents' length: number once more
        front, meta = rendered(job["front"](numbered(meta["pages"])))
    total = meta["pages"] + sum(m["pages"] for m in metas)
    overlay, _ = rendered(job["numbers"](total))
    data = assemble([front] + [cache.get(key) for key in keys], overlay, job["metadata"], lang)
    cache.put(final_key, data)
    _write(out_dir / job["path"], data)
    log.info(f"PDF [{lang}]: complete manual, {total} pages, ready in {time.monotonic() - started:.1f} s")
