"""Lighthouse budgets (issue 26): mobile performance and accessibility of the home, module, session, handout,
planner and downloads pages, beside a stock Material page holding the same session text. The built site is served
gzip-compressed on 127.0.0.1 and audited by Lighthouse (npm, pinned in tools/lighthouse) with Debian's chromium.
Not a test: scores move with the machine's load; the table goes in the README.

Usage: python scripts/budgets.py [site] [--runs N] [--keep FOLDER] [--pages NAMES]   (make budgets)
--runs N: audit each page N times and report the median of each figure (a shared machine's load moves single
runs by several points). --keep FOLDER: keep each Lighthouse report (JSON) there, to read which audits fail.
--pages home,session: audit only these (names of PAGES, and `stock` for the stock Material page), to compare
two builds of one page side by side on a shared machine."""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
SESSION = "modules/02-genero-y-masculinidades/02-la-caja-del-hombre"
PAGES = {"home": "index.html", "module": "modules/02-genero-y-masculinidades/index.html",
         "session": f"{SESSION}.html", "handout": "modules/02-genero-y-masculinidades/h01-la-caja-del-hombre.html",
         "planner": "planificador.html", "downloads": "descargas.html"}
TARGETS = {"performance": 98, "accessibility": 100}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Files as a web server sends them: text compressed with gzip when the browser accepts it."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.directory) / unquote(urlsplit(self.path).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def stock_material_page(work: Path) -> Path:
    """The session's Spanish text (front matter off) as the only page of a plain MkDocs + Material site."""
    text = (ROOT / f"{SESSION}.es.md").read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1].split("\n", 1)[1]
    (work / "docs").mkdir(parents=True)
    (work / "docs" / "index.md").write_text(text, encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: Manual\ntheme:\n  name: material\n  language: es\n"
                                     "plugins:\n  - search\nmarkdown_extensions:\n  - pymdownx.blocks.admonition\n",
                                     encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml"),
                    "-d", str(work / "site")], check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return work / "site"


def audit(url: str, out: Path) -> dict[str, float]:
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance,accessibility",
                    "--output=json", f"--output-path={out}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    scores["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["kib"] = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    return scores


def median_audit(url: str, runs: int, keep: Path | None, name: str, work: Path) -> dict[str, float]:
    """Each figure's median over `runs` audits of one page; each report kept in `keep` when given."""
    results = []
    for run in range(runs):
        out = (keep / f"{name.split(',')[0].replace(' ', '-')}-{run + 1}.json") if keep else work / "report.json"
        results.append(audit(url, out))
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--pages", default=",".join([*PAGES, "stock"]),
                        help="comma-separated: " + ", ".join([*PAGES, "stock"]))
    options = parser.parse_args()
    wanted = options.pages.split(",")
    unknown = [name for name in wanted if name not in PAGES and name != "stock"]
    if unknown:
        parser.error(f"--pages: no page named {', '.join(unknown)} (choose from {', '.join([*PAGES, 'stock'])})")
    site = options.site
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse is not installed: run `npm ci --prefix tools/lighthouse` (make budgets does).")
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server, base = serve(site)
        targets = [(name, base + rel) for name, rel in PAGES.items() if name in wanted]
        stock_server = None
        if "stock" in wanted:
            stock_server, stock_base = serve(stock_material_page(work / "stock"))
            targets.append(("stock Material, same session text", stock_base))
        for name, url in targets:
            rows.append((name, median_audit(url, max(1, options.runs), options.keep, name, work)))
        server.shutdown()
        if stock_server:
            stock_server.shutdown()
    print("| page | performance | accessibility | largest paint | bytes |\n|---|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['performance']:.0f} | {s['accessibility']:.0f} | {s['lcp']:.1f} s | {s['kib']:.0f} KiB |")
    ours = [s for name, s in rows if not name.startswith("stock")]
    return 0 if all(s[k] >= v for s in ours for k, v in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
