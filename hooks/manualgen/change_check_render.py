"""The registry's statements as the pages print them: [[changecheck:questionnaire]] (the answer table of m01-h03),
[[changecheck:tally]] (the count tables of m01-h04, one per scoring direction) and [[changecheck:share]] (its
"so many of so many" table). Markdown in the page's language; words from data/labels.yml."""
from __future__ import annotations

import html
import re

from .change_check import Item, Registry, code_example

PRODUCTS = ("questionnaire", "tally", "share", "script", "answers", "notice", "code", "code-boxes", "code-rule")
TABLES = ("questionnaire", "tally", "share", "script", "answers")  # the products that list statements
NOTICE_HELPLINE = "linea-100"
BOX = "☐"


MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]|])")


def _cell(text: str) -> str:
    """Registry text as plain words in a table cell: no markup, no links, no column breaks."""
    return MARKDOWN_ACTIVE.sub(r"\\\1", html.escape(str(text), quote=False))


def number_list(numbers: list[int], words: dict) -> str:
    """"1 a 8" for a run, "1, 3 y 5" otherwise."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} {words['cc_range_to']} {numbers[-1]}"
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(map(str, numbers[:-1])) + f" {words['cc_list_and']} {numbers[-1]}"


def questionnaire(registry: Registry, lang: str, words: dict) -> str:
    answers = [a.label[lang] for a in registry.answers]
    rows = [f"| {words['cc_number']} | {words['cc_statement']} | " + " | ".join(map(_cell, answers)) + " |",
            "|---|---|" + "---|" * len(answers)]
    rows += [f"| {item.number} | {_cell(item.text[lang])} | " + " | ".join([BOX] * len(answers)) + " |" for item in registry.items]
    return "\n".join(rows)


def _groups(registry: Registry) -> list[tuple[bool, list[Item]]]:
    """Statements by scoring direction: those that voice inequality first, as the sheet has always read."""
    return [(reverse, [i for i in registry.items if i.reverse is reverse]) for reverse in (False, True)
            if any(i.reverse is reverse for i in registry.items)]


def tally(registry: Registry, lang: str, words: dict) -> str:
    answers = [a.label[lang] for a in registry.answers] + [registry.no_answer[lang]]
    out = []
    for reverse, items in _groups(registry):
        numbers = number_list([i.number for i in items], words)
        title = words["cc_statements_one" if len(items) == 1 else "cc_statements_many"].format(numbers=numbers)
        meaning = words["cc_group_equitable" if reverse else "cc_group_inequitable"]
        answer = registry.answer(items[0].equality_answer).label[lang]
        out += [f"**{title}: {meaning}** " + words["cc_equality_answer_is"].format(answer=answer), "",
                f"| {words['cc_number']} | {words['cc_statement']} | {words['cc_moment']} | " + " | ".join(map(_cell, answers)) + " |",
                "|---|---|---|" + "---|" * len(answers)]
        blanks = " |" * len(answers)
        for item in items:
            out.append(f"| {item.number} | {_cell(item.text[lang])} | {words['cc_entry']} |" + blanks)
            out.append(f"| | | {words['cc_exit']} |" + blanks)
        out.append("")
    return "\n".join(out).rstrip("\n")


def share(registry: Registry, lang: str, words: dict) -> str:
    rows = [f"| {words['cc_number']} | {words['cc_equality_answer']} | {words['cc_entry_of']} | {words['cc_exit_of']} | "
            f"{words['cc_what_changed']} |", "|---|---|---|---|---|"]
    for item in registry.items:
        answer = registry.answer(item.equality_answer).label[lang]
        rows.append(f"| {item.number} | {_cell(answer)} | {words['cc_of']} | {words['cc_of']} | |")
    return "\n".join(rows)


def _scale(registry: Registry, lang: str) -> str:
    """"● De acuerdo, ◐ En parte de acuerdo, ○ En desacuerdo": the picture scale with its words."""
    return ", ".join(f"{a.symbol} {_cell(a.label[lang])}" for a in registry.answers)


def script(registry: Registry, lang: str, words: dict) -> str:
    """The facilitator's read-aloud script: every statement with its number, then the same question each time, so
    entry and exit are read the same way and a man who reads little answers on the picture sheet."""
    out = [words["cc_script_intro"].format(scale=_scale(registry, lang)), ""]
    for item in registry.items:
        out += [words["cc_script_item"].format(number=item.number, text=_cell(item.text[lang]),
                                               ask=words["cc_script_ask"].format(number=item.number, scale=_scale(registry, lang))), ""]
    return "\n".join(out).rstrip("\n")


def answers(registry: Registry, lang: str, words: dict) -> str:
    """The participant's answer sheet: one row per statement number, the three pictures to mark; no statement text
    (it is read aloud), no name."""
    rows = [f"| {words['cc_number']} | " + " | ".join(f"{a.symbol} {_cell(a.label[lang])}" for a in registry.answers) + " |",
            "|---|" + "---|" * len(registry.answers)]
    rows += [f"| **{item.number}** | " + " | ".join(a.symbol for a in registry.answers) + " |" for item in registry.items]
    # the class prints the pictures large (print.css, manual.css): a man who reads little finds and circles them
    return '<div class="picture-scale" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def notice(registry: Registry, lang: str, words: dict) -> str:
    """Consent, the no-names rule and the helpline, as every page of the kit carries them; the helpline is left as a
    reference for the caller to replace like any other."""
    return words["cc_notice"].format(helpline=f"[[helpline:{NOTICE_HELPLINE}]]")


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _boxes(length: int) -> str:
    """One box per character, printed large (print.css .code-write): a man writes one letter or number in each."""
    return " ".join([BOX] * length)


def code_boxes(registry: Registry, lang: str, words: dict) -> str:
    """Where a sheet asks for the code: each part's picture and name beside its boxes, in the registry's order, in
    one row (the picture answer sheet keeps to one page)."""
    row = "".join(f'<th class="picture--{part.picture}">{_text(part.name[lang])}</th><td class="code-write">{_boxes(part.length)}</td>'
                  for part in registry.code)
    return (f'<div class="code-boxes">\n<p><strong>{_text(words["cc_code_mine"])}</strong></p>\n'
            f"<table><tbody><tr>{row}</tr></tbody></table>\n</div>")


def code_sheet(registry: Registry, lang: str, words: dict) -> str:
    """The participant-code sheet: each part as a picture, its words and an example, then the boxes to write the
    whole code, and the code of the example."""
    rows = "".join(f'<tr><th class="picture--{part.picture}">{_text(part.name[lang])}</th>'
                   f'<td><strong>{_text(part.fact[lang])}.</strong> {_text(part.example[lang])}</td></tr>'
                   for part in registry.code)
    example = words["cc_code_example"].format(code=_cell(code_example(registry.code)))
    return (f'<div class="code-sheet">\n<table><thead><tr><th>{_text(words["cc_code_part"])}</th>'
            f'<th>{_text(words["cc_code_what"])}</th></tr></thead><tbody>{rows}</tbody></table>\n</div>\n\n'
            + code_boxes(registry, lang, words) + f"\n\n{example}")


def code_rule(registry: Registry, lang: str, words: dict) -> str:
    """The rule in one sentence, for the sessions that explain it: the parts' facts in order and the example."""
    facts = [part.fact[lang][:1].lower() + part.fact[lang][1:] for part in registry.code]
    joined = facts[0] if len(facts) == 1 else ", ".join(facts[:-1]) + f" {words['cc_list_and']} {facts[-1]}"
    return words["cc_code_rule"].format(parts=_cell(joined), code=_cell(code_example(registry.code)))


def change_check_markdown(registry: Registry, product: str, lang: str, words: dict) -> str | None:
    """The Markdown of one product, or None for an unknown name (reported by validation)."""
    render = {"questionnaire": questionnaire, "tally": tally, "share": share, "script": script, "answers": answers,
              "notice": notice, "code": code_sheet, "code-boxes": code_boxes, "code-rule": code_rule}.get(product)
    return render(registry, lang, words) if render else None


TALLY_TEMPLATE = re.compile(r"^template:\s*['\"]?manual/change-tally\.html", re.M)


def kit_page_problems(path: str, body: str, first_line: int) -> list:
    """A page that lists the questionnaire's statements, or the tally page, is a page of the kit: it must carry
    consent, the no-names rule and the helpline, as [[changecheck:notice]] or with its own [[helpline:…]] beside its
    own wording. `body` may include the front matter (framing pages), where the tally page names its template."""
    from .problems import Problem
    from .references import references_in
    found = references_in(body)
    tables = [(offset, f"[[changecheck:{ref}]]") for offset, kind, ref in found if kind == "changecheck" and ref in TABLES]
    if TALLY_TEMPLATE.search(body):
        tables.insert(0, (body[:TALLY_TEMPLATE.search(body).start()].count("\n"), "template: manual/change-tally.html"))
    if not tables or any(kind == "helpline" or (kind, ref) == ("changecheck", "notice") for _, kind, ref in found):
        return []
    return [Problem(path, first_line + tables[0][0], "changecheck",
                    f"la página del cuestionario ({tables[0][1]}) no tiene el consentimiento, la regla de no escribir "
                    "nombres ni la línea de ayuda",
                    "añada [[changecheck:notice]] (o una referencia [[helpline:linea-100]] junto a su propio texto de consentimiento)")]


TALLY_WORDS = "tally_"


def change_tally_view(registry: Registry, lang: str, labels: dict) -> dict:
    """What the offline tally page (overrides/manual/change-tally.html) prints and its script reads: the statements
    with their scoring direction and subscale, the answer scale, the rule for an important change, and the page's
    words (the tally_* labels, without their prefix)."""
    equality = {item.id: registry.answer(item.equality_answer).label[lang] for item in registry.items}
    return {
        "items": [{"id": item.id, "number": item.number, "text": item.text[lang], "subscale": item.subscale,
                   "reverse": item.reverse, "equality": equality[item.id]} for item in registry.items],
        "subscales": [{"id": s.id, "label": s.label[lang]} for s in registry.subscales],
        "answers": [{"id": a.id, "label": a.label[lang]} for a in registry.answers],
        "rule": {"atLeast": registry.important_change.at_least, "oneIn": registry.important_change.one_in},
        "words": {key[len(TALLY_WORDS):]: text for key, text in labels.items() if key.startswith(TALLY_WORDS)},
    }
