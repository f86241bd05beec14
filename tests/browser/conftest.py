"""The built site in headless Debian chromium (PITFALLS.md §13), from file:// and from a local http server,
with every request to another host blocked and recorded."""
from __future__ import annotations


import pytest

from helpers import Visit, served, watch

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
    with served(real_site.site) as base:
        yield base


@pytest.fixture(params=["file", "http"])
def visit(request, browser, real_site):
    base = real_site.site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("http_root")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    result = Visit(page, base)
    watch(context, page, base, result.blocked, result.errors)
    yield result
    context.close()

