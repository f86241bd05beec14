"""What a reader on a phone downloads: the first load of a page as a browser really makes it (over http, in
Debian's chromium, every file it requests counted gzip-compressed, as a web server sends it), then what opening
search adds, the search index of each language and the offline zip. Not a test: the numbers go in the README.

Usage: python scripts/page_weight.py [site] [page …]   (make weight; needs the test dependencies)"""
from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html", "index.html",
         "en/modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html"]
TARGETS = {"first load of a session page, search closed": 100, "search index per language": 130}


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def served(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def files_of(requests: list[str], base: str, site: Path) -> list[Path]:
    out = []
    for url in dict.fromkeys(requests):
        if url.startswith(base):
            path = site / unquote(urlsplit(url).path).lstrip("/")
            if path.is_file():
                out.append(path)
    return out


def settled(page, requests: list[str], quiet_ms: int = 750) -> None:
    """Wait until no new request has started for `quiet_ms` (search-results.js and the last of lunr's scripts)."""
    seen = -1
    while seen != len(requests):
        seen = len(requests)
        page.wait_for_timeout(quiet_ms)


def measure(site: Path, pages: list[str]) -> list[tuple[str, float]]:
    from playwright.sync_api import sync_playwright
    server, base = served(site)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                                                                 "--disable-background-networking"])
        for rel in pages:
            page = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(base + rel)
            page.wait_for_load_state("networkidle")
            first = files_of(requests, base, site)
            rows.append((f"{rel}: first load, search closed ({len(first)} files)", sum(map(gz, first)) / 1024))
            page.locator('.md-header label[for="__search"]').first.click()  # the phone header's search button
            page.locator("input.md-search__input").press_sequentially("caja")
            # Results for the query mean the index, the worker and its scripts are in: "networkidle" is no wait
            # here (the page reached it before search opened), so the files that came last were sometimes missed.
            page.locator(".md-search-result__list > li").first.wait_for()
            settled(page, requests)
            more = [f for f in files_of(requests, base, site) if f not in first]
            rows.append((f"{rel}: opening search adds ({', '.join(f.name for f in more)})", sum(map(gz, more)) / 1024))
            page.context.close()
        browser.close()
    server.shutdown()
    for index in sorted(site.glob("**/search/search_index.json")):
        rows.append((f"search index {index.relative_to(site).as_posix()}", gz(index) / 1024))
    return rows


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    rows = measure(site, sys.argv[2:] or PAGES)
    for zip_path in sorted((site.parent / "dist").glob("*.zip")):
        rows.append((f"offline zip {zip_path.name} ({zip_path.stat().st_size / 1e6:.1f} MB)", zip_path.stat().st_size / 1024))
    for label, kib in rows:
        print(f"{kib:8.1f} KiB  {label}")
    print("targets: " + "; ".join(f"{name} ≤ {kib} kB gzip" for name, kib in TARGETS.items())
          + "; offline zip of one language (the download over mobile data) ≤ 5 MB; the zip of both languages is"
            " for USB sticks and has no target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
