"""The Quechua/Aymara card never gives a translation without a published source: a row either names a source
listed under the table, or says the term is to be agreed with the interpreter and leaves both cells blank."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CARD = str(ROOT / "modules" / "01-encuadre" / "h06-terminos-quechua-aimara.{lang}.md")
TO_AGREE = {"es": "a acordar con la persona intérprete", "en": "to agree with the interpreter"}
COLUMNS = {"es": ("Quechua (variedad)", "Aimara", "Fuente"), "en": ("Quechua (variety)", "Aymara", "Source")}


def rows(text: str) -> list[dict]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")))) for line in lines[2:]]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_translation_on_the_card_has_a_published_source(lang):
    text = Path(CARD.format(lang=lang)).read_text(encoding="utf-8")
    quechua, aymara, source = COLUMNS[lang]
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", text.split("**Fuentes**" if lang == "es" else "**Sources**")[1], re.M)}
    table = rows(text)
    assert 20 <= len(table) <= 30 and listed
    for row in table:
        if row[source] == TO_AGREE[lang]:
            assert row[quechua] == "" and row[aymara] == "", row
        else:
            cited = {int(n) for n in re.findall(r"\[(\d+)\]", row[source])}
            assert cited and cited <= listed and (row[quechua] or row[aymara]), row
        if row[quechua]:
            assert re.search(r"\((Cusco-Collao|Apurímac|Collao, Puno)\)$", row[quechua]), f"no variety named: {row}"


def test_both_languages_list_the_same_terms_and_translations():
    es, en = (rows(Path(CARD.format(lang=lang)).read_text(encoding="utf-8")) for lang in ("es", "en"))
    assert [r["Castellano"] for r in es] == [r["Spanish"] for r in en]
    assert [(r["Quechua (variedad)"], r["Aimara"]) for r in es] == [(r["Quechua (variety)"], r["Aymara"]) for r in en]
    assert all(r["English gloss"] for r in en)
