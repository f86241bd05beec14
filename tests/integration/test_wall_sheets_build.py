"""Rotafolio (issue 24), read back from the built PDFs of both languages: every wall sheet's capitals measured against
the room-depth rule with the cap height of the font embedded in the PDF (not the font size), nothing in the bottom
third, no colour; the A4 tiles put back together from their clipping rectangles and translations give the whole
sheet within 1 mm; the sheets published on the session page, the downloads page, the catalog and the planner's data;
a key message that breaks the rule stops the build naming the file, the line and the block."""
from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from helpers import LANGS, edit, mkdocs_build
from manualgen.wall_sheets import coverage_gaps

MM = 72 / 25.4
ROOM_DEPTH_M, CAP_MM_PER_M = 8, 3.3          # mkdocs.yml, extra.manual.wall_sheets
SHEET_MM = (420, 297)                         # A3 landscape
FLAT_CAPITALS = "EFHIKLMNTXZ"                 # capitals whose top is the cap height (no overshoot, no accent)
PREFIX = {"es": "", "en": "en/"}


def wall_pdfs(build, lang: str) -> list[tuple[str, str]]:
    catalog = build.catalog(lang)
    found = [(s["wall_sheets"]["pdf"], s["wall_sheets"]["tiles"]) for s in catalog["sessions"]]
    assert len(found) == len(catalog["sessions"]) and all(all(pair) for pair in found)
    return found


def cap_heights(path) -> dict[str, float]:
    """Each embedded font's cap height as a fraction of its size, from the font file inside the PDF (the top of its
    flat capitals): WeasyPrint's FontDescriptor /CapHeight repeats the ascent."""
    heights = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            name = str(descriptor["/FontName"]).lstrip("/")
            if name in heights:
                continue
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            cmap, glyphs = embedded.getBestCmap(), embedded["glyf"]
            tops = [glyphs[cmap[ord(c)]].yMax for c in FLAT_CAPITALS if ord(c) in cmap]
            if tops:
                heights[name] = max(tops) / embedded["head"].unitsPerEm
    return heights


@pytest.mark.parametrize("lang", LANGS)
def test_every_wall_sheet_has_capitals_the_room_depth_needs_nothing_low_and_no_colour(real_site, lang):
    least_mm = ROOM_DEPTH_M * CAP_MM_PER_M
    smallest = None
    for sheets, _tiles in wall_pdfs(real_site, lang):
        path = real_site.site / PREFIX[lang] / sheets
        caps = cap_heights(path)
        with pdfplumber.open(path) as pdf:
            fronts = pdf.pages[::2]  # each sheet is followed by its back, for the facilitator
            assert fronts and len(pdf.pages) == 2 * len(fronts)
            for number, page in enumerate(fronts, start=1):
                where = f"{sheets} sheet {number}"
                assert (round(page.width / MM), round(page.height / MM)) == SHEET_MM, where
                header_bottom = 30 * MM  # the band with the pictogram and the session's number
                message = [c for c in page.chars if c["top"] > header_bottom]
                assert message, f"{where}: no message"
                for char in message:
                    cap_mm = char["size"] * caps[char["fontname"]] / MM
                    smallest = cap_mm if smallest is None else min(smallest, cap_mm)
                    assert cap_mm >= least_mm - 0.01, f"{where}: «{char['text']}» capitals {cap_mm:.1f} mm < {least_mm:.1f}"
                    assert char["bottom"] <= page.height * 2 / 3, f"{where}: «{char['text']}» in the bottom third"
                for char in page.chars:
                    colour = char["non_stroking_color"]
                    assert colour in ((0,), (0.0, 0.0, 0.0), [0], [0, 0, 0], None), f"{where}: text in colour {colour}"
                assert not [box for box in page.images + page.curves + page.rects
                            if box["bottom"] > page.height * 2 / 3], f"{where}: a drawing in the bottom third"
    assert smallest is not None and smallest < least_mm + 0.2  # set at the rule's size, not far above it


def tile_windows(path) -> dict[int, dict]:
    """For each wall sheet drawn on the tiles (by its form's object number): its size and the windows of it the
    tiles print, in mm from its bottom left, computed from each tile's clip (`re W n`) and translation (`cm`)."""
    sheets: dict[int, dict] = {}
    reader = PdfReader(path)
    for page in reader.pages:
        operations = ContentStream(page.get_contents(), reader).operations
        clip = next(operands for operands, operator in operations if operator == b"re")
        matrix = next(operands for operands, operator in operations if operator == b"cm")
        form_name = next(operands[0] for operands, operator in operations if operator == b"Do")
        reference = page["/Resources"]["/XObject"].raw_get(form_name)
        form = reference.get_object()
        a, b, c, d, tx, ty = (float(v) for v in matrix)
        assert (a, b, c, d) == (1, 0, 0, 1), "a tile must not scale or turn its part of the sheet"
        x, y, w, h = (float(v) for v in clip)
        bbox = [float(v) for v in form["/BBox"]]
        entry = sheets.setdefault(reference.idnum, {"size": ((bbox[2] - bbox[0]) / MM, (bbox[3] - bbox[1]) / MM),
                                                    "windows": []})
        entry["windows"].append(((x - tx) / MM, (y - ty) / MM, w / MM, h / MM))
        assert tuple(round(float(v) / MM) for v in page.mediabox[2:]) in ((210, 297), (297, 210)), "tiles are A4"
    return sheets


@pytest.mark.parametrize("lang", LANGS)
def test_the_a4_tiles_reassemble_each_sheet_within_a_millimetre(real_site, lang):
    for sheets, tiles in wall_pdfs(real_site, lang):
        drawn = tile_windows(real_site.site / PREFIX[lang] / tiles)
        fronts = len(PdfReader(real_site.site / PREFIX[lang] / sheets).pages) // 2
        assert len(drawn) == fronts, f"{tiles}: {len(drawn)} sheets tiled, {fronts} on the wall PDF"
        for sheet in drawn.values():
            width, height = sheet["size"]
            assert (round(width), round(height)) == SHEET_MM
            for x, y, w, h in sheet["windows"]:
                assert x >= -1 and y >= -1 and x + w <= width + 1 and y + h <= height + 1, f"{tiles}: a window off the sheet"
            # Every point of the sheet, on a 1 mm grid, is printed by some tile (a gap would show as a white line).
            assert coverage_gaps((width, height), sheet["windows"], step=1.0) == [], tiles


@pytest.mark.parametrize("lang", LANGS)
def test_wall_sheets_are_on_the_session_page_the_downloads_page_and_in_the_catalog(real_site, lang):
    catalog = real_site.catalog(lang)
    session = next(s for s in catalog["sessions"] if s["id"] == "m02-s02")
    page = real_site.html(PREFIX[lang] + session["url"])
    for rel in session["wall_sheets"].values():
        assert (real_site.site / PREFIX[lang] / rel).is_file()
        assert re.search(rf'href="[./]*{re.escape(rel)}"', page), rel
        assert rel in real_site.html(PREFIX[lang] + "descargas.html")
    # The planner reads the catalog it embeds: the chosen sessions' wall sheets are there to print.
    assert session["wall_sheets"]["pdf"] in real_site.html(PREFIX[lang] + "planificador.html")
    # the author's short wall version is not on the page; the whole message is
    assert "Rotafolio:" not in page and "Wall sheet:" not in page
    assert ("nadie los cumple por completo" if lang == "es" else "nobody fulfils them completely") in page


LONG = {"es": "Los mandatos se aprenden en la familia, en la escuela y en la comunidad, y cada hombre puede elegir "
              "cuáles conserva y cuáles deja atrás para siempre.",
        "en": "Mandates are learned in the family, at school and in the community, and every man can choose which "
              "ones he keeps and which ones he leaves behind for good."}
FIXTURE_MESSAGE = {"es": "- Los mandatos se aprenden y se pueden cambiar.", "en": "- Mandates are learned and can change."}


def test_a_key_message_too_long_for_a_sheet_stops_the_build_naming_file_line_and_block(mini_project, tmp_path):
    folder = mini_project / "modules" / "01-prueba"
    for lang in LANGS:
        edit(folder / f"01-sesion.{lang}.md", FIXTURE_MESSAGE[lang], f"- {LONG[lang]}")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode != 0
    assert "Traceback" not in build.output
    for lang, marker in (("es", "Rotafolio"), ("en", "Wall sheet")):
        assert (f"modules/01-prueba/01-sesion.{lang}.md:58: bloque key-messages: el mensaje no cabe en una hoja de "
                "rotafolio A3 con mayúsculas de 26 mm (sala de 8 m)") in build.output
        assert f"«  {marker}: …»" in build.output

    # The author's short wall version fixes it; the page still says the whole message, never the wall version.
    edit(folder / "01-sesion.es.md", f"- {LONG['es']}", f"- {LONG['es']}\n  Rotafolio: Los mandatos se aprenden")
    edit(folder / "01-sesion.en.md", f"- {LONG['en']}", f"- {LONG['en']}\n  Wall sheet: Mandates are learned")
    build = mkdocs_build(mini_project, tmp_path / "site2", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    for lang, whole, marker in (("es", "cuáles deja atrás para siempre.", "Rotafolio"), ("en", "leaves behind for good.", "Wall sheet")):
        page = build.html(f"{PREFIX[lang]}modules/01-prueba/01-sesion.html")
        assert whole in page and f"{marker}:" not in page


def test_a_bigger_room_setting_gives_a2_sheets_tiled_onto_eight_a4(mini_project, tmp_path):
    edit(mini_project / "mkdocs.yml", "wall_sheets: {room_depth_m: 8, cap_mm_per_m: 3.3, sheet: A3,",
         "wall_sheets: {room_depth_m: 12, cap_mm_per_m: 3.3, sheet: A2,")
    build = mkdocs_build(mini_project, tmp_path / "site")
    assert build.returncode == 0, build.output
    for lang in LANGS:
        (sheets, tiles), = wall_pdfs(build, lang)
        path = build.site / PREFIX[lang] / sheets
        caps = cap_heights(path)
        with pdfplumber.open(path) as pdf:
            front = pdf.pages[0]
            assert (round(front.width / MM), round(front.height / MM)) == (594, 420)
            message = [c for c in front.chars if c["top"] > 30 * MM]
            assert message and min(c["size"] * caps[c["fontname"]] / MM for c in message) >= 12 * 3.3 - 0.01
        drawn = tile_windows(build.site / PREFIX[lang] / tiles)
        for sheet in drawn.values():
            assert len(sheet["windows"]) == 8
            assert coverage_gaps(sheet["size"], sheet["windows"], step=1.0) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_and_its_back_keep_their_words_inside_the_page(real_site, lang):
    """Text past the paper's edge is cut off in print (the backs once ran 40 mm past their right edge)."""
    margin = 10 * MM
    for sheets, _tiles in wall_pdfs(real_site, lang):
        with pdfplumber.open(real_site.site / PREFIX[lang] / sheets) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                outside = [c["text"] for c in page.chars
                           if c["x0"] < margin or c["x1"] > page.width - margin or c["bottom"] > page.height - margin]
                assert not outside, f"{sheets} page {number}: {''.join(outside)[:60]!r} outside the page's margins"
