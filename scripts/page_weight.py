"""First-load weight of a page: its HTML plus the CSS and JS it links, each gzip-compressed (as a web server
would send them). Usage: python scripts/page_weight.py site/modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"#?]+)', re.I)


def weight(page: Path) -> list[tuple[str, int, int]]:
    html = page.read_bytes()
    rows = [(page.name, len(html), len(gzip.compress(html, 9)))]
    for ref in dict.fromkeys(ASSET.findall(html.decode("utf-8"))):
        path = (page.parent / ref).resolve()
        if path.is_file():
            data = path.read_bytes()
            rows.append((ref.rsplit("/", 1)[-1], len(data), len(gzip.compress(data, 9))))
    return rows


if __name__ == "__main__":
    rows = weight(Path(sys.argv[1]))
    for name, raw, packed in rows:
        print(f"{name:40} {raw / 1024:8.1f} KiB {packed / 1024:8.1f} KiB gzip")
    print(f"{'total':40} {sum(r[1] for r in rows) / 1024:8.1f} KiB {sum(r[2] for r in rows) / 1024:8.1f} KiB gzip")
