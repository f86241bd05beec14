"""A template printing `{{ W.copy }}` from a dict of words prints the dict's *method* ("<built-in method copy of
dict object at 0x7f…>"): Jinja's attribute lookup finds the method before the key. The workshop report's copy button
did, which also made every build's informe.html (and so the zips and the ZIM) differ from the last."""
import re
from pathlib import Path

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
DICT_METHODS = "clear|copy|fromkeys|get|items|keys|pop|popitem|setdefault|update|values"
PRINTED_METHOD = re.compile(r"\{\{-?\s*\w+(?:\.\w+)*\.(" + DICT_METHODS + r")\s*-?\}\}")


def test_no_template_prints_a_dict_method_as_a_word():
    found = [f"{path.relative_to(OVERRIDES)}: {match.group(0)}"
             for path in sorted(OVERRIDES.rglob("*.html"))
             for match in PRINTED_METHOD.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
