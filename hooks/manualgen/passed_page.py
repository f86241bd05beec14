"""A page the prerender passed (the allow-list kept every byte, the reading lint and the misleading checks said
nothing) needs no second check when MkDocs renders it again, if what MkDocs wrote is the same HTML but for the
links it rewrote to other pages (`contexto-peru.md` → `contexto-peru.html`, `../x.md#a` → `../x.html#a`).

Every check reads a link's value only through its scheme, whether it leaves the site (`//host`, a backslash) and,
for phone links, the value itself; a value made only of the characters below has no scheme, no entity, quote or
space and cannot leave the site. So when both the checked value and the new one are such plain relative
addresses, and everything else is byte for byte the HTML that passed, every check gives the same answer. Any
other difference (a text, an attribute, a quote style, a value with a colon) is checked in full."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# A link or image address as Python-Markdown writes it (double quotes). A match inside a text only ever compares
# equal text with equal text: MkDocs changes attributes, not words.
URL_VALUE = re.compile(r'(?<=\s)(href|src)="([^"]*)"')
PLAIN_RELATIVE = re.compile(r"[A-Za-z0-9._~/%#-]+")


@dataclass(frozen=True)
class PassedPage:
    skeleton: str            # sha256 of the HTML with every href/src value emptied
    urls: tuple[str, ...]    # those values, in page order

    def admits(self, html: str) -> bool:
        """True when `html` is the passed page but for plain relative link values changed into plain relative
        ones, so that checking it again would find nothing."""
        skeleton, urls = _split(html)
        if skeleton != self.skeleton or len(urls) != len(self.urls):
            return False
        return all(old == new or (_plain_relative(old) and _plain_relative(new)) for old, new in zip(self.urls, urls))


def passed_page(html: str) -> PassedPage:
    """What to remember of HTML that passed every check, to recognise it again with its links rewritten."""
    return PassedPage(*_split(html))


def _split(html: str) -> tuple[str, tuple[str, ...]]:
    urls = tuple(match[2] for match in URL_VALUE.finditer(html))
    skeleton = URL_VALUE.sub(r'\1=""', html)
    return hashlib.sha256(skeleton.encode("utf-8")).hexdigest(), urls


def _plain_relative(url: str) -> bool:
    """An address inside the site with nothing a check reads: no scheme, not protocol-relative (//host)."""
    return PLAIN_RELATIVE.fullmatch(url) is not None and not url.startswith("//")
