"""The per-page checks of a page's text against the data files, remembered by the hash of both: a safety statement
retold in the page's own words (safety.paraphrase_problems) and a change-check statement retyped
(change_check.copied_item_problems). Each looks at one page only, so a page whose text and the data are unchanged
gives the same findings: an edit under `mkdocs serve` checks the edited page, not all of them again (0.3 s of a
rebuild at N=7). The memo is the caller's (loaded_manual keeps it with the validated manual)."""
from __future__ import annotations

from pathlib import Path

from .change_check import Registry, copied_item_problems
from .disk_memo import key_of
from .problems import Problem
from .safety import Safety, paraphrase_problems


def rules_key(*data_files: Path) -> str:
    """What the checks read besides the page: the data files' bytes (a missing file counts as empty)."""
    return key_of(*(path.read_bytes() if path.is_file() else b"" for path in data_files))


class TextChecks:
    def __init__(self, memo: dict, rules: str):
        self.memo, self.rules = memo, rules
        self.used: dict = {}

    def _remembered(self, check: str, shown: str, text: str, extra: str, compute) -> list[Problem]:
        key = key_of(check, self.rules, shown, extra, text)
        found = self.memo.get(key)
        if found is None:
            found = compute()
        self.used[key] = found
        return list(found)

    def paraphrases(self, shown: str, text: str, lang: str, safety: Safety) -> list[Problem]:
        return self._remembered("paraphrase", shown, text, lang, lambda: paraphrase_problems(shown, text, lang, safety))

    def copies(self, shown: str, text: str, first_line: int, registry: Registry) -> list[Problem]:
        return self._remembered("copied", shown, text, str(first_line),
                                lambda: copied_item_problems(shown, text, first_line, registry))
