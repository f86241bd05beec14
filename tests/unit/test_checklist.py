"""A session's one-page facilitator checklist (manualgen/checklist.py): what goes on it, from the session's data."""
import re
from pathlib import Path

import pytest
import yaml

from manualgen.checklist import (TAG, before_columns, checklist_view, cited_statements, density, first_sentence,
                                 setting_problems, split_even, statement_columns)
from manualgen.model import load_manual

ROOT = Path(__file__).resolve().parents[2]
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
AFTER = {"referral_log": "m07-h05", "evaluation": "m07-h04"}


@pytest.fixture(scope="module")
def manual(schema):
    found, problems = load_manual(ROOT, "modules", ("es", "en"), schema)
    assert problems == []
    return found


def statement(ref):
    return f"<p>[{ref}]</p>"


def test_before_during_and_after_come_from_the_sessions_own_data(manual):
    page = manual.by_id("es", "m01-s01")
    view = checklist_view(page, manual, "es", LABELS["es"], statement, AFTER)
    assert (view["number"], view["title"]) == ("1.1", page.meta["title"])
    assert view["preparation"] == page.meta["preparation"]
    assert {"item": "Papelógrafos", "qty": 6} in view["materials"] and {"item": "Pelota pequeña", "qty": None} in view["materials"]
    # sheets split by who holds them: a copy per participant, or one for the facilitator (the sign-in sheet too)
    titles = {h: manual.by_id("es", h).meta["title"] for h in ("m01-h03", "m01-h11", "m01-h02", "m01-h07")}
    assert titles["m01-h03"] in view["for_participants"] and titles["m01-h11"] in view["for_participants"]
    assert titles["m01-h02"] in view["for_facilitator"] and titles["m01-h07"] in view["for_facilitator"]
    assert not set(view["for_participants"]) & set(view["for_facilitator"])
    # the statements it cites, each once, in order, as the build prints them
    assert view["statements"] == [f"<p>[{ref}]</p>" for ref in cited_statements(page.source.body)]
    assert "<p>[confidencialidad]</p>" in view["statements"] and len(set(view["statements"])) == len(view["statements"])
    assert [(a["title"], a["minutes"]) for a in view["activities"]] == [(b.title, b.options["minutes"]) for b in page.activities]
    assert sum(a["minutes"] for a in view["activities"]) == page.meta["duration"]
    assert view["moments"] and all(m["what"] for m in view["moments"])
    log, evaluation = (manual.by_id("es", h).meta["title"] for h in ("m07-h05", "m07-h04"))
    assert any(log in item for item in view["after"]) and any(evaluation in item for item in view["after"])
    assert len(view["after"]) == 4


def test_every_session_in_both_languages_has_a_checklist_in_its_language(manual):
    for lang in ("es", "en"):
        for page in manual.of(lang, "session"):
            view = checklist_view(page, manual, lang, LABELS[lang], statement, AFTER)
            assert view["activities"] and view["after"][0] == LABELS[lang]["checklist_after_attendance"]
            assert view["density"] in ("", "compact", "tight", "tighter", "tightest")
            # the two columns decided in Python hold every item and statement once, in the order they are read
            read = [(section["heading"], item) for side in ("left", "right") for section in view["before"][side]
                    for item in section["items"]]
            assert [item["text"] for _, item in read] == (view["preparation"] + [m["item"] for m in view["materials"]]
                                                          + view["for_participants"] + view["for_facilitator"])
            assert view["before"]["left"] and view["before"]["right"], (lang, page.id)
            assert view["statement_columns"]["left"] + view["statement_columns"]["right"] == view["statements"]


def test_a_safety_moment_says_when_it_comes_and_what_it_is_about(manual):
    page = manual.by_id("en", "m02-s01")
    [moment] = checklist_view(page, manual, "en", LABELS["en"], statement, AFTER)["moments"]
    assert moment["when"].startswith("In ") and moment["what"].endswith(".") and "[[" not in moment["what"]
    assert first_sentence("See the [card](x.md) and **call** [[helpline:linea-100]]. Then more.") == "See the card and call ."


def test_a_manual_without_the_after_sheets_names_them_in_general_words(manual):
    view = checklist_view(manual.by_id("es", "m01-s01"), manual, "es", LABELS["es"], statement, {**AFTER, "evaluation": "m09-h01"})
    assert view["after"][2] == LABELS["es"]["checklist_after_evaluation"].format(sheet=LABELS["es"]["checklist_evaluation"])


def test_a_long_checklist_is_set_smaller():
    base = {"preparation": [], "materials": [], "for_participants": [], "for_facilitator": [], "statements": [],
            "activities": [], "moments": [], "after": []}
    assert density(base) == ""
    assert density({**base, "statements": ["<p><strong>palabra</strong> " + "palabra " * 600 + "</p>"]}) == "compact"
    assert density({**base, "preparation": ["palabra " * 870]}) == "tight"
    assert density({**base, "preparation": ["palabra " * 1000]}) == "tighter"
    assert density({**base, "preparation": ["palabra " * 1200]}) == "tightest"
    # a long list of short items takes lines too: 40 one-word materials weigh as much as 360 words
    assert density({**base, "materials": [{"item": "lápiz", "qty": None}] * 70}) == "compact"


def test_statements_print_as_html_with_their_helplines_as_links():
    from manualgen.safety import statements_as_html
    html = statements_as_html(lambda ref: "**Peligro:** llame a la [Línea 100](tel:100){: .helpline }" if ref == "x" else None)
    assert html("x") == '<p><strong>Peligro:</strong> llame a la <a class="helpline" href="tel:100">Línea 100</a></p>'
    assert html("unknown") is None and statements_as_html(None)("x") is None


def test_a_sheet_named_in_the_settings_must_be_a_handout_of_the_manual(manual):
    defaults = {"referral_log": "m07-h05", "evaluation": "m07-h04"}
    assert setting_problems(defaults, defaults, manual, "es") == []
    wrong = setting_problems({"referral_log": "m07-h50", "evaluation": "m07-s04"}, defaults, manual, "es")
    assert [(p.field, "m07-h50" in p.message or "m07-s04" in p.message) for p in wrong] == [
        ("extra.manual.checklist.referral_log", True), ("extra.manual.checklist.evaluation", True)]
    assert setting_problems({"referral_log": "m07-h05"}, {"referral_log": "m09-h09"}, manual, "es") == []


def test_a_default_sheet_a_small_manual_does_not_have_is_not_an_error(manual):
    assert setting_problems({"referral_log": "m09-h09"}, {"referral_log": "m09-h09"}, manual, "es") == []


def test_two_columns_are_split_where_their_heights_come_closest():
    assert split_even([3, 1, 1, 1]) == 1 and split_even([1, 1, 1, 1]) == 2 and split_even([1, 1, 1, 5]) == 3
    assert split_even([1, 2, 1]) == 2  # 1 | 3 or 3 | 1: the left one, read first, is the taller
    assert split_even([4]) == 1 and split_even([]) == 0  # nothing to split: all on the left


def _items(*texts):
    return [{"text": text, "qty": None, "copies": None} for text in texts]


def test_the_before_lists_are_split_between_items_and_a_heading_stays_with_its_list():
    line = "palabra " * 5  # one line in a column of 48 characters
    long_list = {"heading": "checklist_preparation", "items": _items(*[line] * 8)}
    short = [{"heading": "checklist_materials", "items": _items(line, line)},
             {"heading": "checklist_print", "items": _items(line)}]
    columns = before_columns([long_list] + short, 48)
    # 8 lines of preparation and two short lists: preparation goes on at the top of the right column, unheaded
    left, right = columns["left"], columns["right"]
    assert [(s["heading"], s["continued"], len(s["items"])) for s in left] == [("checklist_preparation", False, 6)]
    assert [(s["heading"], s["continued"], len(s["items"])) for s in right] == [
        ("checklist_preparation", True, 2), ("checklist_materials", False, 2), ("checklist_print", False, 1)]
    # a long item is never cut, and a heading never ends a column without its first item: the break falls between
    # the two lists, so "Materials" heads the right column with its item
    tall = [{"heading": "checklist_preparation", "items": _items("palabra " * 60)},
            {"heading": "checklist_materials", "items": _items("palabra " * 60)}]
    columns = before_columns(tall, 48)
    assert [s["heading"] for s in columns["left"]] == ["checklist_preparation"]
    assert [(s["heading"], s["continued"]) for s in columns["right"]] == [("checklist_materials", False)]
    assert columns["right"][0]["items"] == tall[1]["items"]
    # a list with nothing in it is still its heading
    columns = before_columns([{"heading": "checklist_print", "items": []}], 48)
    assert columns == {"left": [{"index": 0, "heading": "checklist_print", "continued": False, "items": []}],
                       "right": []}


def test_statements_are_split_whole_and_a_single_one_takes_the_width():
    short, long_one = "<p>" + "palabra " * 12 + "</p>", "<p>" + "palabra " * 40 + "</p><p>" + "palabra " * 20 + "</p>"
    assert statement_columns([long_one, short, short, short], 48) == {"left": [long_one], "right": [short] * 3}
    assert statement_columns([short, short, long_one], 48) == {"left": [short, short], "right": [long_one]}
    assert statement_columns([long_one], 48) == {"left": [long_one], "right": []}


def test_the_checklist_leaves_no_column_balancing_to_the_renderer():
    """WeasyPrint balancing CSS multi-columns cost ≈ 0.27 s of a checklist's 0.43 s: the checklist's rules (print.css
    .sc, .sc-…, .sc--…) use none; its two columns are split in Python (before_columns, statement_columns)."""
    css = (ROOT / "overrides" / "print" / "print.css").read_text(encoding="utf-8")
    rules = [(selector, body) for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css)
             if re.search(r"\.sc(-|\b)", selector)]
    assert len(rules) > 20 and any(".sc-columns" in selector for selector, _ in rules)
    assert [selector.strip() for selector, body in rules if re.search(r"\bcolumns\s*:|column-count", body)] == []


def _printed(view: dict) -> str:
    """The checklist's print HTML from the real template (overrides/print/checklist.html), compiled as the build does."""
    from jinja2 import Environment, FileSystemLoader
    from manualgen.templating import configure
    env = configure(Environment(loader=FileSystemLoader(ROOT / "overrides")), None)
    helplines = {"linea-100": {"name": "Línea 100"}, "policia": {"name": "Policía"}}
    manual = {"labels": LABELS["es"], "helplines": helplines, "lang": "es", "print": True, "print_type": {}}
    doc = {"lang": "es", "kind": "session-checklist", "title": "Lista", "author": "", "description": "",
           "running_title": "Manual", "checklist": view}
    return env.get_template("print/checklist.html").render(manual=manual, doc=doc)


def test_the_printed_columns_read_in_the_lists_order_with_each_heading_once(manual):
    from markupsafe import Markup
    page = manual.by_id("es", "m07-s02")
    view = checklist_view(page, manual, "es", LABELS["es"], lambda ref: Markup(statement(ref)), AFTER)
    view["statement_columns"] = {side: [Markup(t) for t in texts] for side, texts in view["statement_columns"].items()}
    html = _printed(view)
    before = html.split('<div class="sc-safety">')[0].split("<div class=\"sc-columns\">")[1]
    assert before.count('<div class="sc-column">') == 2
    headings = re.findall(r"<h3>([^<]*)</h3>", before)
    lists = ("checklist_preparation", "checklist_materials", "checklist_print")
    assert headings == [LABELS["es"][key] for key in lists]
    items = [TAG.sub("", li) for li in re.findall(r"<li>(.*?)</li>", before, re.S)]
    assert len(items) == len(view["preparation"]) + len(view["materials"]) + len(view["for_participants"]) + len(
        view["for_facilitator"])
    assert items[0] == view["preparation"][0] and items[-1].startswith(view["for_facilitator"][-1] + " — ")
    # m07-s02 cites seven statements: two columns, each whole, in order
    safety = html.split('<div class="sc-safety">')[1]
    assert '<div class="sc-statements sc-columns">' in safety and safety.count('<div class="sc-column">') == 2
    assert re.findall(r'<div class="sc-statement">(.*?)</div>', safety) == view["statements"]
    # a single statement takes the box's width: no columns
    view["statement_columns"] = {"left": [Markup("<p>[una]</p>")], "right": []}
    safety = _printed(view).split('<div class="sc-safety">')[1]
    assert '<div class="sc-statements"><div class="sc-statement"><p>[una]</p></div></div>' in safety

