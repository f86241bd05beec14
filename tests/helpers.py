"""Helpers shared by the test suites (imported as `helpers`; pytest.ini puts tests/ on the path)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
LANGS = ("es", "en")
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "schema", "data", "scripts")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")

    def catalog(self, lang: str) -> dict:
        prefix = "" if lang == "es" else f"{lang}/"
        return json.loads((self.site / prefix / "catalog.json").read_text(encoding="utf-8"))


# Far above any build of the test manuals (the real one with cold PDFs takes about a minute): a build
# that hangs fails its test with its output instead of stalling the whole run.
BUILD_TIMEOUT = 900


def mkdocs_build(project: Path, site: Path, **env) -> Build:
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=project, env=run_env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired as hung:
        output = "".join(part.decode(errors="replace") if isinstance(part, bytes) else part or ""
                         for part in (hung.stdout, hung.stderr))
        raise AssertionError(f"mkdocs build did not finish in {BUILD_TIMEOUT} s; its output:\n{output}") from None
    return Build(result.returncode, result.stdout + result.stderr, site)


def make_project(target: Path, content: Path) -> Path:
    """A project with the real generator (config, hooks, templates) and the given content."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, target / part)
    shutil.copytree(content / "modules", target / "modules")
    shutil.copytree(content / "docs", target / "docs")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    return target



@dataclass
class Visit:
    """A browser page on the built site (base: its file:// or http:// root), with the requests to other hosts
    it tried (blocked) and the console errors it logged (watch)."""
    page: object
    base: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, rel: str):
        self.page.goto(self.base + rel)
        self.page.wait_for_load_state("load")
        return self.page


def watch(context, page, base: str, blocked: list[str], errors: list[str]) -> None:
    """Block and record every request to another host than the site under test; record console and page errors."""
    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")) or url.startswith(base):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()
    context.route("**/*", guard)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def search_results(page, query: str) -> list[str]:
    """The search result links, in order, for a query typed as a reader types it, once the list has stopped
    changing (Material re-renders as its worker answers; reading too early gives a partial list)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, .md-search__input").first.click()
    box.fill("")
    box.press_sequentially(query)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20000)
    previous, stable = None, 0
    while stable < 3:
        page.wait_for_timeout(150)
        current = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        stable = stable + 1 if current == previous else 0
        previous = current
    return previous


@contextlib.contextmanager
def served(folder: Path, late: dict[str, float] | None = None):
    """`folder` served over http on 127.0.0.1 (a free port) while the block runs: its base address, ending in /.
    late: {path under folder: seconds} answered that much later, as over a slow link (the server's own thread
    waits, so the browser goes on loading and painting everything else)."""
    late = late or {}

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output readable
            pass

        def do_GET(self):
            time.sleep(late.get(self.path.split("?", 1)[0].lstrip("/"), 0))
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
