"""One search index per language, shaped from the one Material writes for the whole site.

mkdocs-static-i18n gathers every language's pages into a single index (PITFALLS.md §7): a Spanish reader would
download English pages too and see them in results. This splits it: the Spanish index stays at
search/search_index.json with Spanish pages only, the English one goes to en/search/search_index.json with
its locations relative to en/, and each gets its own lunr language. A `.js` copy of each lets search work
from file:// (Material reads `var __index = …` there, as its offline plugin writes it).

Each index is also made light for a phone on paid data (about half the size, gzip): a section keeps a short
plain-text excerpt in `text` (what results show) and its searchable words once each, folded and without stop
words, in an extra `body` field that Material's search indexes like any field named in the index's config.
And light for a slow phone's CPU, which builds the lunr index from every word of every field each time search
opens: `body` leaves out the words the section's `title` and `text` already give the index as they are (split
at SEPARATOR and folded, as the search worker does), so each word is indexed once; it keeps the rest of the
section and the forms the shown text does not give whole (a word beside punctuation, a hyphenated word's parts).

What the index holds is inert in the result list: Material inserts a result's `title` and `text` as HTML, so
both are plain text escaped once here (a code span that shows `<img onerror=…>`, or a fact's source, reads as
text), whatever markup or entities the page had. Highlighting still works: it wraps the matched words."""
from __future__ import annotations

import json
import re
import unicodedata
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from .disk_memo import DiskMemo, key_of

EXCERPT = 180  # characters of each section shown under a result
TEXT_BOOST = 3.0  # the excerpt's words against body's (shape)
STOP_WORDS = {
    "es": set("""a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella
ellas ellos en entre era eran es esa esas ese eso esos esta estas este esto estos fue ha han hasta hay la las le les lo
los mas me mi mis mucho muy nada ni no nos o otra otras otro otros para pero poco por porque que quien quienes se sea
ser si sin sobre son su sus tambien tanto te tiene tienen todo todos tu un una uno unos usted ustedes y ya yo""".split()),
    "en": set("""a about an and are as at be been but by can could do does for from had has have he her his how i if in
into is it its may more most not of on or our should so some such than that the their them there these they this those
to was we were what when which who will with would you your""".split()),
}
WORD = re.compile(r"\w+")


def split_index(index: dict, languages: tuple[str, ...]) -> dict[str, dict]:
    """{language: index} — languages[0] is the one at the root; the others live under '<lang>/'."""
    default, others = languages[0], languages[1:]
    out = {lang: {"config": {**index.get("config", {}), "lang": [lang]}, "docs": []} for lang in languages}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next((other for other in others if location.startswith(f"{other}/")), default)
        if lang != default:
            doc = {**doc, "location": location[len(lang) + 1:]}
        out[lang]["docs"].append(doc)
    return out


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html: str) -> str:
    if "<" not in html and "&" not in html:  # no tag, no character reference: the parser would give the text whole
        return " ".join(html.split())
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


COMBINING_MARKS = re.compile(r"(?<![nN])\u0303|[\u0300-\u0302\u0304-\u036f]")  # all but the tilde of ñ
JOINING_HYPHEN = re.compile(r"(?<=[^\W_])[-\u2010\u2011]+(?=[^\W_])")  # between two letters or digits
# Words are split at spaces and at punctuation that never joins a word (and at a full stop that ends one), never
# at a hyphen: a hyphenated word reaches the folding whole (search-fold.js), while Material's default separator
# also splits at hyphens, and «timeout» would never meet «time-out». Splitting at punctuation makes «hombre,» and
# «¿Qué» the index terms «hombre» and «que», as the reader types them: fewer distinct terms for the phone to
# index, the shown words found as they are (a query «¿qué?» too), and `body` need not repeat them (_shaped).
# Not at «;», which ends the character references of the escaped text (highlighting must not cut «&amp;» apart).
# The same expression splits the reader's query (Material's worker) and, here, the shown text (indexed_as_shown).
SEPARATOR = r'[\s,:!?¿¡«»“”"()\[\]…·–—]+|\.+(?=\s|$)'


def fold(text: str) -> str:
    """Lower case without accents, keeping ñ, a hyphen between letters or digits removed («time-out» →
    «timeout»). The search worker folds queries the same way (search-fold.js); tests/golden/search_fold.json
    holds both to the same cases."""
    text = unicodedata.normalize("NFC", COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text)))
    return JOINING_HYPHEN.sub("", text).lower()


def excerpt(text: str, length: int = EXCERPT) -> str:
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def searchable_words(text: str, lang: str) -> str:
    """Every word a reader may look for, once, folded, without stop words or one- and two-letter words: a
    hyphenated word both joined and in its parts («time-out»: timeout, time, out)."""
    seen: dict[str, None] = {}
    stop = STOP_WORDS.get(lang, set())
    parts = JOINING_HYPHEN.sub(" ", text)
    # Without a joining hyphen the parts are the text: folded again, they would give the same words.
    for word in WORD.findall(fold(text)) + (WORD.findall(fold(parts)) if parts != text else []):
        if len(word) > 2 and word not in stop:
            seen.setdefault(word, None)
    return " ".join(seen)


def indexed_as_shown(shown: str) -> set[str]:
    """The terms the search worker takes from a field as it is stored (a title, an excerpt, escaped): Material's
    tokenizer splits it at the index's SEPARATOR and lower-cases it, search-fold.js folds each token.
    A term of `body` among them is found through that field already: exactly, so also by a quoted query."""
    return {fold(token.lower()) for token in re.split(SEPARATOR, shown) if token}


def shape(index: dict, lang: str, memo: DiskMemo | None = None) -> dict:
    """The light index: excerpts to show, words to find (see the module's docstring). `memo` (see memo_version)
    gives back the sections an earlier build shaped from the same words: only new or changed ones are shaped."""
    docs = []
    for doc in index["docs"]:
        key = key_of(lang, json.dumps(doc, sort_keys=True, ensure_ascii=False))
        shaped = memo.get(key) if memo is not None else None
        if shaped is None:
            shaped = _shaped(doc, lang)
            if memo is not None:
                memo.put(key, shaped)
        docs.append(shaped)
    # A word of a section's opening (its excerpt: what the result shows and highlights) weighed about three times a
    # word further down while body repeated it (in text, in body, and often again as a term with its punctuation,
    # «100:»): it keeps that weight in text alone, so «línea 100» still ranks the home page's help first among the
    # sections that only mention it further down.
    fields = {**index["config"].get("fields", {}), "body": {"boost": 1.0}}
    fields["text"] = {**fields.get("text", {}), "boost": TEXT_BOOST}
    return {"config": {**index["config"], "fields": fields, "separator": SEPARATOR}, "docs": docs}


def _shaped(doc: dict, lang: str) -> dict:
    text, title = plain_text(doc.get("text", "")), plain_text(doc.get("title", ""))
    shown_title, shown_text = escape(title, quote=False), escape(excerpt(text), quote=False)
    indexed = indexed_as_shown(f"{shown_title} {shown_text}")
    body = " ".join(word for word in searchable_words(f"{title} {text}", lang).split() if word not in indexed)
    return {**doc, "title": shown_title, "text": shown_text, "body": body}


def memo_version() -> str:
    """What a shaped section depends on besides its own words: this code (folding, stop words, excerpts)."""
    return key_of(Path(__file__).read_bytes())


def index_json(index: dict) -> str:
    # Compact: the index is the largest file a reader may download.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def index_script(index: dict) -> str:
    """The same index as a script for file://, where a page cannot fetch JSON."""
    return f"var __index = {index_json(index)}"
