"""English typographic quotes: text and rendered pages, never tags, attributes or code."""
from __future__ import annotations

from manualgen.typography import smart_quotes, smart_quotes_data, smart_quotes_html


def test_quotes_open_and_close_by_context():
    assert smart_quotes('the "man box" mandates') == "the “man box” mandates"
    assert smart_quotes('"Act like a man!"') == "“Act like a man!”"
    assert smart_quotes("the group's agreements, men's health") == "the group’s agreements, men’s health"
    assert smart_quotes("he said 'no' and left") == "he said ‘no’ and left"
    assert smart_quotes("('yes')") == "(‘yes’)"
    assert smart_quotes('a "quote" — "another"') == "a “quote” — “another”"
    assert smart_quotes("«ya» stays") == "«ya» stays"


def test_html_text_changes_but_tags_attributes_and_code_do_not():
    html = ('<p>The "man box" <a href="x.html" title="a &quot;title&quot;">is "here"</a></p>'
            '<pre><code>print("as typed")</code></pre><p>it\'s <code>\'x\'</code> &quot;done&quot;</p>'
            '<script>var a = "b";</script>')
    assert smart_quotes_html(html) == (
        '<p>The “man box” <a href="x.html" title="a &quot;title&quot;">is “here”</a></p>'
        '<pre><code>print("as typed")</code></pre><p>it’s <code>\'x\'</code> “done”</p>'
        '<script>var a = "b";</script>')


def test_a_quote_across_inline_tags_keeps_its_context():
    assert smart_quotes_html('<p>"<em>Be strong</em>," they say</p>') == "<p>“<em>Be strong</em>,” they say</p>"
    assert smart_quotes_html("<li>'x'</li><li>\"y\"</li>") == "<li>‘x’</li><li>“y”</li>"


def test_front_matter_data_is_converted_recursively():
    meta = {"title": 'The "time-out"', "order": 2, "activities": [{"title": "Who's who", "minutes": 10}]}
    assert smart_quotes_data(meta) == {"title": "The “time-out”", "order": 2, "activities": [{"title": "Who’s who", "minutes": 10}]}


def test_text_without_quotes_is_given_back_as_it_is_without_a_pass_over_each_character():
    text = "The man box — a long paragraph of the page, " * 50
    assert smart_quotes(text) is text
    assert smart_quotes("") == ""
    assert smart_quotes_html("<p>No quotes here</p><p>\"Quoted\"</p>") == "<p>No quotes here</p><p>“Quoted”</p>"
