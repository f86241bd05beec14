"""One pass of the standard HTML parser over a page, shared by the checks that read its elements (lint.lint_html,
misleading.misleading_problems): parsing is most of their time, and each used to parse the same HTML again."""
from __future__ import annotations

from html.parser import HTMLParser


class _Recorder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, None))

    def handle_data(self, data):
        self.events.append(("data", data, None))


def html_events(html: str) -> list[tuple]:
    """What the parser reports of `html`, in order: (kind, tag or text, attributes)."""
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.events


def replay(events: list[tuple], parser: HTMLParser) -> None:
    """Hand recorded events to `parser`'s handlers, exactly as feeding it the HTML would."""
    for kind, value, attrs in events:
        if kind == "start":
            parser.handle_starttag(value, attrs)
        elif kind == "startend":
            parser.handle_startendtag(value, attrs)
        elif kind == "end":
            parser.handle_endtag(value)
        else:
            parser.handle_data(value)
