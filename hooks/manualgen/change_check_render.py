"""The registry's statements as the pages print them: [[changecheck:questionnaire]] (the answer table of m01-h03),
[[changecheck:tally]] (the count tables of m01-h04, one per scoring direction) and [[changecheck:share]] (its
"so many of so many" table). Markdown in the page's language; words from data/labels.yml."""
from __future__ import annotations

import html
import re

from .change_check import Item, Registry

PRODUCTS = ("questionnaire", "tally", "share")
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


def change_check_markdown(registry: Registry, product: str, lang: str, words: dict) -> str | None:
    """The Markdown of one product, or None for an unknown name (reported by validation)."""
    render = {"questionnaire": questionnaire, "tally": tally, "share": share}.get(product)
    return render(registry, lang, words) if render else None
