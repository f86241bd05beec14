"""The published site's own address in its pages: canonical and hreflang alternate links for search engines,
and their removal from the offline copies (USB zips, ZIM), which must point at no other host.

Each page of the published site (built with site_url) names its address and the same page in every language,
plus x-default (the default language's page), all absolute. Material's script fetches a `sitemap.xml` beside
the target of every <link rel="alternate"> it finds (its selector is `link[rel=alternate]`, meant for language
roots): with one link per page that would be a request for a sitemap that does not exist on every page view,
and from a USB copy a request to the published host. So the template writes `rel="alternate "`: the same link
type by HTML's rules (rel is a set of space-separated tokens, which may have surrounding spaces), which that
exact-value selector does not match. The sitemap lists the same alternates (search engines accept either)."""
from __future__ import annotations

import re

# The links the template writes from site_url (overrides/main.html), one per line; offline copies drop them.
WEB_ONLY_LINK = re.compile(r'[ \t]*<link rel="(?:canonical|alternate )"[^>]*\bhref="https?://[^"]*"[^>]*>\n?')


def language_alternates(site_url: str, page_url: str, prefix: str,
                        prefixes: dict[str, str]) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of the page at `page_url` (relative to the site root, inside its language's
    `prefix`) in each language of `prefixes` (language → its folder, "" for the default language, listed
    first), then x-default: the default language's page. Every page exists in every language (the build
    refuses a missing translation), so the address is the same path under each language's folder."""
    if prefix and not page_url.startswith(prefix):
        raise ValueError(f"{page_url!r} is not inside its language's folder {prefix!r}")
    path = page_url[len(prefix):]
    root = site_url.rstrip("/") + "/"
    found = [(lang, f"{root}{folder}{path}") for lang, folder in prefixes.items()]
    return found + [("x-default", found[0][1])]


def offline_copy(html: str) -> str:
    """The page without its links to the published address (canonical, hreflang alternates): an offline copy
    names no other host, so nothing in it can ever ask for one."""
    return WEB_ONLY_LINK.sub("", html)
