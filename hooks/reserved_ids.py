"""Headings never get an id the build's templates and scripts use (manualgen/reserved_ids.py): the table of
contents' slugifier is wrapped before any page is rendered."""
from __future__ import annotations

from markdown.extensions.toc import slugify as default_slugify

import allowed_html
import reporting
from manualgen.reserved_ids import avoiding


@reporting.reported
def on_config(config):
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = avoiding(toc.get("slugify") or default_slugify, allowed_html.reserved_ids(config))
    return config
