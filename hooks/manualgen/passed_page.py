"""A page the prerender passed (the allow-list kept every byte, the reading lint and the misleading checks said
nothing) needs no second check when MkDocs renders it again, if what MkDocs wrote is the same HTML but for the
links it rewrote to other pages (`contexto-peru.md` → `contexto-peru.html`, `../x.md#a` → `../x.html#a`).

Every check reads a link's value only through its scheme, whether it leaves the site (`//host`, a backslash) and,
for phone links, the value itself; a value made only of the characters below has no scheme, no entity, quote or
space and cannot leave the site (nor be a helpline's address, always tel: or https:). So when both the checked value and the new one are such plain relative
addresses, and everything else is byte for byte the HTML that passed, every check gives the same answer. Any
other difference (a text, an attribute, a quote style, a value with a colon) is checked in full.

A page the allow-list passed but wrote out differently (a no-break space as `&nbsp;`) is published as the allow-list
wrote it: its links, which the allow-list keeps as they are, then carry MkDocs' rewritten addresses."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# A link or image address as Python-Markdown writes it (double quotes). A match inside a text only ever compares
# equal text with equal text: MkDocs changes attributes, not words.
URL_VALUE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
PLAIN_RELATIVE = re.compile(r"[A-Za-z0-9._~/%#-]+")


@dataclass(frozen=True)
class PassedPage:
    skeleton: str            # sha256 of the HTML with every href/src value emptied
    urls: tuple[str, ...]    # those values, in page order
    published: str | None = None  # the allow-listed HTML, when the allow-list wrote the page out differently

    def admits(self, html: str) -> bool:
        """True when `html` is the passed page but for plain relative link values changed into plain relative
        ones, so that checking it again would find nothing."""
        skeleton, urls = _split(html)
        if skeleton != self.skeleton or len(urls) != len(self.urls):
            return False
        return all(old == new or (_plain_relative(old) and _plain_relative(new)) for old, new in zip(self.urls, urls))

    def publish(self, html: str) -> str:
        """What the allow-list publishes of `html`, a page this one admits: `html` itself, or the allow-listed
        HTML that passed with `html`'s link values in their places."""
        if self.published is None:
            return html
        urls = iter([match[2] for match in URL_VALUE.finditer(html)])
        return URL_VALUE.sub(lambda match: f'{match[1]}{next(urls)}"', self.published)


def passed_page(html: str, published: str | None = None) -> PassedPage | None:
    """What to remember of HTML that passed every check, to recognise it again with its links rewritten;
    `published` is what the allow-list made of it. None when the allow-list changed a link value (its links could
    not be put in their places)."""
    skeleton, urls = _split(html)
    if published is None or published == html:
        return PassedPage(skeleton, urls)
    if tuple(match[2] for match in URL_VALUE.finditer(published)) != urls:
        return None
    return PassedPage(skeleton, urls, published)


def _split(html: str) -> tuple[str, tuple[str, ...]]:
    parts = URL_VALUE.split(html)  # text, `href="`, value, `"`, text…: one pass (a third of finditer + sub)
    urls = tuple(parts[2::4])
    del parts[2::4]
    return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest(), urls


def _plain_relative(url: str) -> bool:
    """An address inside the site with nothing a check reads: no scheme, not protocol-relative (//host)."""
    return PLAIN_RELATIVE.fullmatch(url) is not None and not url.startswith("//")
