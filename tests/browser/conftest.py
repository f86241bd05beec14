"""The built site in headless Debian chromium (PITFALLS.md §13), from file:// and from a local http server,
with every request to another host blocked and recorded."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from helpers import Visit, watch

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]



@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def http_root(real_site):
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output readable
            pass

    handler = functools.partial(QuietHandler, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(params=["file", "http"])
def visit(request, browser, real_site):
    base = real_site.site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("http_root")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    result = Visit(page, base)
    watch(context, page, base, result.blocked, result.errors)
    yield result
    context.close()

