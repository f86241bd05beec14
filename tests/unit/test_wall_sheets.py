"""Rotafolio's pure logic: the legibility rule, what goes on which sheet (key messages with their wall versions,
the plenary's questions), the author error for a message that does not fit, the wall line kept off the page, and
the A4 tiles' geometry."""
from __future__ import annotations

import pytest

from manualgen.model import Page
from manualgen.render import rewrite_blocks
from manualgen.source import parse_source
from manualgen.wall_sheets import (SHEETS, WallSettingsError, block_items, coverage_gaps, fit_problems, fits,
                                   font_metrics, layout, parity_problems, plain, session_sheets, tiles, wall_settings, wrap)

SESSION = """---
type: session
id: m02-s02
module: m02
order: 2
title: La caja
---
Intro.

/// discussion
- ¿Qué pesa más?
- ¿Por qué creen que los hombres se esfuerzan tanto por no salir de esa caja que nadie eligió ni escribió?
///

/// answers
- Ser fuerte.
///

/// key-messages
- Los hombres podemos cambiar.
- La «caja del hombre» es un conjunto de mandatos que aprendimos: nadie nació con ellos y nadie los cumple por completo.
  Rotafolio: Nadie nace dentro de la caja
- [[safety:confidencialidad]]
///
"""


def page(text: str = SESSION) -> Page:
    source, problems = parse_source("modules/02/02-caja.es.md", text)
    assert not problems
    return Page(source, "es", "02/02-caja")


REFERENCES = {"safety": lambda ref: "**Confidencialidad.** Lo que se cuenta aquí sobre la vida de cada uno, aquí "
                                    "se queda, con una excepción que quien facilita explica con calma al grupo entero."}


@pytest.fixture(scope="module")
def metrics():
    return font_metrics()


def test_the_rule_sets_capitals_at_3_3_mm_per_metre_of_depth(metrics):
    for depth in (5, 8, 12):
        settings = wall_settings({"room_depth_m": depth})
        drawn_cap = layout(settings, metrics).font_mm * metrics.cap_ratio
        assert settings.cap_mm == pytest.approx(3.3 * depth)
        assert 3.3 * depth <= drawn_cap <= 3.3 * depth + 0.1 * 25.4 / 72 * metrics.cap_ratio + 1e-9


def test_the_text_stays_in_the_top_two_thirds_of_every_sheet_size(metrics):
    for sheet, (width, height) in SHEETS.items():
        box = layout(wall_settings({"sheet": sheet}), metrics).text_box
        assert box[1] + box[3] <= height * 2 / 3 + 1e-9
        assert box[0] + box[2] <= width


def test_dejavu_bold_capital_height_is_read_from_the_font(metrics):
    assert metrics.cap_ratio == pytest.approx(0.729, abs=0.002)


def test_bad_settings_are_listed_together():
    with pytest.raises(WallSettingsError) as raised:
        wall_settings({"room_depth_m": 0, "sheet": "A5", "colour": "red"})
    text = str(raised.value)
    assert "room_depth_m: 0" in text and "'A5'" in text and "unknown colour" in text


def test_key_messages_are_read_with_their_lines_and_wall_versions():
    items = block_items(page(), "key-messages", "Rotafolio")
    assert [(item.line, item.wall) for item in items] == [(20, None), (21, "Nadie nace dentro de la caja"), (23, None)]


def test_the_wall_line_never_reaches_the_page():
    body = rewrite_blocks(page().source, {"wall_marker": "Rotafolio"})
    assert "Rotafolio" not in body and "Nadie nace" not in body
    assert "nadie los cumple por completo." in body


def test_each_message_is_one_sheet_the_wall_version_shown_the_whole_message_said(metrics):
    settings = wall_settings({})
    sheets, spoken = session_sheets(page(), "Rotafolio", REFERENCES, layout(settings, metrics), metrics)
    messages = [s for s in sheets if s.kind == "message"]
    assert [s.shown for s in messages][:2] == ["Los hombres podemos cambiar.", "Nadie nace dentro de la caja"]
    assert messages[1].said.startswith("La «caja del hombre» es un conjunto")
    assert messages[2].said.startswith("Confidencialidad. Lo que se cuenta aquí")  # no Markdown marks
    # The short question is a sheet, with the answers block that follows the discussion; the long one is said aloud.
    questions = [s for s in sheets if s.kind == "question"]
    assert [q.shown for q in questions] == ["¿Qué pesa más?"] and questions[0].answers == ("Ser fuerte.",)
    assert spoken and spoken[0].startswith("¿Por qué creen")


def test_a_message_that_does_not_fit_is_an_error_naming_file_line_and_block(metrics):
    settings = wall_settings({})
    found = fit_problems(page(), "Rotafolio", REFERENCES, settings, layout(settings, metrics), metrics)
    assert [(p.path, p.line, p.field) for p in found] == [("modules/02/02-caja.es.md", 23, "bloque key-messages")]
    assert "A3" in found[0].message and "26 mm" in found[0].message and "Rotafolio:" in found[0].hint


def test_a_wall_version_that_is_too_long_is_named_as_such(metrics):
    text = SESSION.replace("Nadie nace dentro de la caja", "Nadie nace dentro de la caja y nadie la cumple por "
                           "completo aunque lo intente toda la vida")
    settings = wall_settings({})
    found = fit_problems(page(text), "Rotafolio", REFERENCES, settings, layout(settings, metrics), metrics)
    assert any(p.line == 21 and "la versión de rotafolio no cabe" in p.message for p in found)


def test_a_bigger_sheet_holds_more(metrics):
    long = plain(REFERENCES["safety"]("x"), {})
    assert not fits(long, layout(wall_settings({}), metrics), metrics)
    assert fits(long, layout(wall_settings({"sheet": "A1"}), metrics), metrics)


def test_a_word_wider_than_the_sheet_cannot_be_wrapped(metrics):
    assert wrap("Anticonstitucionalísimamentemente", layout(wall_settings({}), metrics), metrics) is None


def test_references_links_and_emphasis_are_printed_as_words():
    text = plain("Llame a la [[helpline:linea-100]] o vea **la [ruta](ruta.md)**{: .x } &amp; más",
                 {"helpline": lambda ref: "[Línea 100](tel:100){: .helpline }"})
    assert text == "Llame a la Línea 100 o vea la ruta & más"


@pytest.mark.parametrize("sheet,count", [("A3", 4), ("A2", 8), ("A1", 15)])
def test_tiles_cover_the_sheet_with_the_glue_overlap(sheet, count):
    settings = wall_settings({"sheet": sheet})
    found = tiles(settings)
    assert len(found) == count
    assert coverage_gaps(settings.size_mm, [t.region for t in found], step=1.0) == []
    for tile in found:
        x, y, w, h = tile.region
        assert x >= 0 and y >= 0 and x + w <= settings.size_mm[0] + 1e-6 and y + h <= settings.size_mm[1] + 1e-6
        # the window fits inside the printer's margins on the paper
        assert tile.at[0] + w <= tile.paper[0] - settings.tile_margin_mm + 1e-6
        assert tile.at[1] + h <= tile.paper[1] - settings.tile_margin_mm + 1e-6
        right = next((t for t in found if t.row == tile.row and t.col == tile.col + 1), None)
        if right:  # neighbours share at least the glue strip
            assert x + w - right.region[0] >= settings.tile_overlap_mm - 1e-6
    assert found[0].name == "A1" and found[-1].name[0] == chr(ord("A") + max(t.row for t in found))


def test_coverage_gaps_finds_a_missing_strip():
    assert coverage_gaps((10, 10), [(0, 0, 10, 4), (0, 6, 10, 4)]) != []


# --- the print product --------------------------------------------------------------------------------------------

def product_source(manual):
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from helpers import ROOT
    from manualgen.printing.source import PrintSource
    labels = {"wall_marker": "Rotafolio", "wall_title": "Rotafolio", "pdf_wall": "rotafolio", "say_marker": "Diga",
              "wall_back": "dorso de la hoja {number} de {count}", "wall_ask": "Pregunte", "wall_answers": "Respuestas",
              "wall_spoken": "En voz alta", "wall_tile_help": "Recorte y pegue"}
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=select_autoescape(["html"]))
    settings = SimpleNamespace(wall_sheets={}, modules_dir="modules", pdf={})
    return PrintSource("es", labels, manual, settings, {}, env, "", None, "Manual", "Autoría", "", {}, "",
                       references=REFERENCES)


def test_the_product_declares_each_sessions_sheets_and_tiles_unnumbered():
    from manualgen.model import Manual
    from manualgen.printing.products.wall_sheets import WallSheets
    source_page = page()
    module = Page(parse_source("modules/02/index.es.md", "---\ntype: module\nid: m02\norder: 2\ntitle: M\n---\n")[0], "es", "02/index")
    manual = Manual(("es",), [module, source_page])
    product, source = WallSheets(), product_source(manual)
    assert product.paths(manual, "es", source.labels) == {"wall-m02-s02": "pdf/m02-s02-rotafolio.pdf",
                                                          "wall-a4-m02-s02": "pdf/m02-s02-rotafolio-a4.pdf"}
    documents = product.documents(source)
    assert list(documents) == ["wall-sheets-m02"]  # one document per module: an edit draws its module's sheets again
    document = documents["wall-sheets-m02"]
    assert document.sheets == ("wall-m02-s02",)
    assert 'id="wall-m02-s02"' in document.html and "Nadie nace dentro de la caja" in document.html
    assert "nadie los cumple por completo" in document.html  # said on the sheet's back
    assert "pictogram--module-m02" in document.html
    sheets, tiles = product.outputs(source)
    assert (sheets.key, tiles.key) == ("wall-m02-s02", "wall-a4-m02-s02")
    assert not sheets.numbered and not tiles.numbered and sheets.transform is None
    assert tiles.transform is not None and "2.2 · 1/" in tiles.transform_key


def test_the_tiles_transform_tiles_only_the_fronts():
    import io

    import pikepdf

    from manualgen.wall_tiles import tiled, fronts
    with pikepdf.new() as pdf:
        for _ in range(4):  # two sheets, each with its back
            pdf.add_blank_page(page_size=(420 * 72 / 25.4, 297 * 72 / 25.4))
        buffer = io.BytesIO()
        pdf.save(buffer)
    found = tiles(wall_settings({}))
    made = tiled(fronts(buffer.getvalue()), found, ["2.2 · 1/2", "2.2 · 2/2"], "Recorte y pegue")
    with pikepdf.open(io.BytesIO(made)) as result:
        assert len(result.pages) == 2 * len(found)
        assert {tuple(round(float(v)) for v in p.mediabox[2:]) for p in result.pages} == {(842, 595)}  # A4 landscape


def test_the_back_of_a_message_carries_the_sessions_own_script_that_says_it(metrics):
    text = SESSION.replace("Intro.\n", "Intro.\n\n    > **Diga:** «Nadie nació con estos mandatos: los aprendimos, y nadie "
                           "los cumple por completo.»\n\n    > **Diga:** «Pueden decir paso.»\n")
    sheets, _ = session_sheets(page(text), "Rotafolio", REFERENCES, layout(wall_settings({}), metrics), metrics, "Diga")
    assert sheets[1].script == "«Nadie nació con estos mandatos: los aprendimos, y nadie los cumple por completo.»"
    assert sheets[0].script == ""  # «Los hombres podemos cambiar» shares too few words with either script


def english(text: str) -> Page:
    source, problems = parse_source("modules/02/02-caja.en.md", text)
    assert not problems
    return Page(source, "en", "02/02-caja")


def test_a_translation_carries_a_wall_version_where_the_source_does_and_only_there():
    translated = (SESSION.replace("  Rotafolio: Nadie nace dentro de la caja\n", "  Wall sheet: No one is born in the box\n"))
    assert parity_problems(page(), "Rotafolio", english(translated), "Wall sheet") == []
    missing = SESSION.replace("  Rotafolio: Nadie nace dentro de la caja\n", "")
    found = parity_problems(page(), "Rotafolio", english(missing), "Wall sheet")
    assert [(p.line, p.path) for p in found] == [(21, "modules/02/02-caja.en.md")]
    assert "modules/02/02-caja.es.md:21" in found[0].message and "Wall sheet:" in found[0].hint
    extra = translated.replace("- Los hombres podemos cambiar.\n", "- Los hombres podemos cambiar.\n  Wall sheet: We can change\n")
    assert [p.line for p in parity_problems(page(), "Rotafolio", english(extra), "Wall sheet")] == [20]


def test_the_font_metrics_are_remembered_by_the_font_file_and_read_back_the_same(tmp_path, monkeypatch, metrics):
    """A build with the same font reads the metrics from .cache instead of parsing the font with fontTools."""
    from manualgen import wall_sheets
    from manualgen.disk_memo import DiskMemo
    memo = DiskMemo(tmp_path / "font-metrics.json", "v1")
    assert wall_sheets.remembered_font_metrics(memo) == metrics
    memo.save()
    monkeypatch.setattr(wall_sheets, "font_metrics", lambda path=None: pytest.fail("the font was parsed again"))
    assert wall_sheets.remembered_font_metrics(DiskMemo(tmp_path / "font-metrics.json", "v1")) == metrics
