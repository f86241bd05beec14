"""The checklist's column split (manualgen.checklist) estimates line lengths from the type sizes print.css sets at
each density: its copy of them (SIZES) must say what print.css says, or a change there would silently unbalance
the columns."""
from __future__ import annotations

from pathlib import Path

import tinycss2

from manualgen.checklist import DENSITIES, SIZES

PRINT_CSS = Path(__file__).resolve().parents[2] / "overrides" / "print" / "print.css"


def font_sizes(css: str) -> dict[str, tuple[float, str]]:
    """Every selector's font-size in the stylesheet's top-level rules: {selector: (value, unit)}."""
    found = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        for declaration in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True):
            if declaration.type == "declaration" and declaration.lower_name == "font-size":
                value = next(token for token in declaration.value if token.type != "whitespace")
                for selector in tinycss2.serialize(rule.prelude).split(","):
                    found[" ".join(selector.split())] = (float(value.value), getattr(value, "unit", ""))
    return found


def test_the_checklist_type_sizes_are_print_css_s():
    sizes = font_sizes(PRINT_CSS.read_text(encoding="utf-8"))
    base, _ = sizes[".sc"]
    statements, unit = sizes[".sc-statements"]
    assert unit == "em"
    densities = [""] + [name for name, _above in DENSITIES]
    assert set(densities) == set(SIZES)
    for density in densities:
        lists = sizes[f".sc--{density}"][0] if density else base
        factor = sizes.get(f".sc--{density} .sc-statements", (statements, "em"))[0] if density else statements
        assert SIZES[density] == (lists, round(lists * factor, 1)), density
