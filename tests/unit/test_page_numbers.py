"""The page numbers pdf_compose writes on joined documents: one font subset shared by every document of a
language, holding what the numbers need and nothing a plain run of codes does not use."""
from __future__ import annotations

import io

import pikepdf
import pypdf
import weasyprint
from fontTools.ttLib import TTFont

from manualgen.pdf_compose import FONT_NAME, join, numbered_characters


def test_documents_of_one_language_ask_for_the_same_characters():
    short = [f"Página {n} de 3" for n in range(1, 4)]
    long = [f"Página {n} de 47" for n in range(1, 48)]
    assert numbered_characters(short) == numbered_characters(long)
    assert set("0123456789Página de") <= set(numbered_characters(short))
    assert numbered_characters(["Page 1 of 2"]) != numbered_characters(short)  # another label, another subset


def test_the_numbers_are_written_in_a_subset_without_layout_tables():
    body = weasyprint.HTML(string="<p>uno</p><p style='break-before: page'>dos</p>").render().write_pdf()
    data = join([(body, 0, 1)], ["Página 1 de 2", "Página 2 de 2"], [], [], {"Title": "x"}, "es")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "Página 2 de 2" in reader.pages[1].extract_text()
    pdf = pikepdf.open(io.BytesIO(data))
    descriptor = pdf.pages[0].Resources.Font[FONT_NAME].FontDescriptor
    font = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
    assert {ord(c) for c in "0123456789Página de"} <= set(font.getBestCmap())
    assert not {"GSUB", "GPOS", "GDEF"} & set(font.keys())
