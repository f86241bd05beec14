"""Paper for people who read little (manualgen.paper, manualgen.pictograms): the typography settings and their
floors, the print-only rewrites of a handout, the pictograms."""
from __future__ import annotations

import copy

import pytest
import yaml
from markupsafe import Markup

from helpers import ROOT
from manualgen.paper import PARTICIPANT_FLOORS, PaperSettingsError, for_paper, print_type
from manualgen.pictograms import PICTOGRAMS, data_uri, svg



def _settings() -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV and !!python tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config["extra"]["manual"]["pdf"]["type"]


SETTINGS = _settings()


def test_the_projects_settings_keep_the_floors():
    found = print_type(SETTINGS)
    for key, floor in PARTICIPANT_FLOORS.items():
        assert found["participants"][key] >= floor
    assert found["participants"]["box_pt"] >= found["participants"]["body_pt"]


@pytest.mark.parametrize("key, value, said", [
    ("body_pt", 11, "participants.body_pt: 11 is below 12"),
    ("table_pt", 10, "participants.table_pt: 10 is below 11"),
    ("tick_mm", 3, "participants.tick_mm: 3 is below 6"),
    ("row_mm", 9, "participants.row_mm: 9 is below 10"),
    ("open_lines", 2, "participants.open_lines: 2 is below 3"),
    ("box_pt", 10, "participants.box_pt: 10 is below body_pt"),
    ("body_pt", "12pt", "participants.body_pt: '12pt' is not a positive number"),
])
def test_a_participant_sheet_below_its_floor_stops_the_build(key, value, said):
    settings = copy.deepcopy(SETTINGS)
    settings["participants"][key] = value
    with pytest.raises(PaperSettingsError) as raised:
        print_type(settings)
    assert said in str(raised.value) and "mkdocs.yml, extra.manual.pdf.type" in str(raised.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(PaperSettingsError) as raised:
        print_type({"participants": {"body_pt": 9, "colour": "red"}})
    message = str(raised.value)
    assert "facilitators: missing" in message and "unknown colour" in message and "table_pt: None" in message


def test_facilitators_may_be_denser():
    settings = copy.deepcopy(SETTINGS)
    settings["facilitators"].update(body_pt=9, table_pt=8)
    assert print_type(settings)["facilitators"]["body_pt"] == 9


def test_on_paper_a_tick_box_is_a_drawn_square_and_dotted_cells_are_empty():
    html = Markup("<table><tr><td>1</td><td>☐</td><td> ………… </td><td>D-……</td><td>.....</td></tr></table>")
    assert for_paper(html) == ('<table><tr><td>1</td><td><span class="tick"></span></td><td></td>'
                               "<td>D-……</td><td></td></tr></table>")


def test_pictograms_are_shipped_and_drawn_in_black():
    for meaning in PICTOGRAMS:
        drawing = svg(meaning)
        assert drawing.startswith("<svg") and 'aria-hidden="true"' in drawing and 'fill="currentColor"' in drawing
        assert "http" not in drawing.replace('xmlns="http://www.w3.org/2000/svg"', "")
    labelled = svg("agree", "De acuerdo <b>")
    assert 'role="img" aria-label="De acuerdo &lt;b&gt;"' in labelled
    assert data_uri("help").startswith("data:image/svg+xml,") and "%23000" in data_uri("help")


def _page(lang: str, **meta):
    from manualgen.model import Page
    from manualgen.source import Source
    return Page(Source(f"{meta['id']}.{lang}.md", {"type": "handout", **meta}, "", 1), lang, meta["id"])


def test_a_sessions_sheets_split_by_who_holds_them_from_each_handouts_audience():
    from manualgen.catalog import for_whom
    from manualgen.model import Manual
    pages = [_page("es", id="m01-h01", audience="participants"), _page("es", id="m01-h02", audience="facilitators"),
             _page("es", id="m01-h03"), _page("es", id="m01-h07", audience="facilitators", sheet="sign-in")]
    manual = Manual(("es",), pages)
    participants, forms = for_whom(manual, "es", ["m01-h02", "m01-h01", "m01-h03", "m09-h09"])
    assert [p.id for p in participants] == ["m01-h01", "m01-h03"]  # no audience: a participant handout
    assert [p.id for p in forms] == ["m01-h02", "m01-h07"]          # the sign-in sheet serves every session
    assert [p.id for p in for_whom(manual, "es", [])[1]] == ["m01-h07"]


def test_an_answer_scale_gets_a_face_above_each_word_and_keeps_the_word():
    from manualgen.pictograms import scale_words, with_scale_pictures
    words = scale_words({"scale_agree": "De acuerdo | Sí", "scale_partly": "Más o menos", "scale_disagree": "No"})
    html = "<table><thead><tr><th>Frase</th><th>Sí</th><th>Más o menos</th><th>No</th></tr></thead></table>"
    out = str(with_scale_pictures(html, words))
    assert "<th>Frase</th>" in out
    for word, meaning in (("Sí", "agree"), ("Más o menos", "partly"), ("No", "disagree")):
        assert f'<th class="scale-step"><svg class="pictogram pictogram--{meaning}"' in out and f"<br>{word}</th>" in out
    assert with_scale_pictures("<p>No</p>", words) == "<p>No</p>"


def test_a_row_whose_next_row_continues_it_is_kept_with_it():
    html = ("<table><tbody><tr><td>1</td><td>Frase</td><td>Entrada</td></tr>\n<tr><td></td><td></td><td>Salida</td></tr>"
            "<tr><td>2</td><td>Otra</td><td>Entrada</td></tr></tbody></table>")
    out = for_paper(html)
    assert out.count('<tr class="keep-with-next">') == 1
    assert out.startswith('<table><tbody><tr class="keep-with-next"><td>1</td>')


def test_a_sheet_ending_on_a_sliver_is_found_and_marked_to_be_set_tighter(tmp_path):
    from manualgen.pdf import _document, sliver_ends, tighten
    filler = "".join(f"<p>{'palabra ' * 60}</p>" for _ in range(12))
    html = ('<html><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm } section { break-before: page }'
            '.fit { line-height: 1 }</style></head><body>'
            f'<section class="session" id="a"><h1 id="a-titulo">A</h1>{filler}</section>'
            f'<section class="handout" id="b"><h1 id="b-titulo">B</h1><p>corta</p></section></body></html>')
    assert sliver_ends(_document(html, tmp_path)) == [("a", 0, 2)]  # b is one page: a deliberate end
    assert '<section class="session fit" id="a">' in tighten(html, ["a"])


def _module_document(sheets: dict[str, str]) -> str:
    """A module document shaped as print/manual.html makes it: opening, then each sheet from a new page."""
    parts = "".join(f'<!--sheet:{name}--><div class="module-part"><section class="session" id="{name}">'
                    f'<h1 id="{name}-titulo">{name}</h1>{body}</section></div>' for name, body in sheets.items())
    return ('<html><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm } .module-part { break-before: page }'
            'p { margin: 0 0 6pt; line-height: 1.6 } .fit p { line-height: 1.2; margin: 0 }</style></head><body>'
            f'<!--module-opening--><section class="module"><h1 id="m1">Módulo</h1></section>{parts}<!--/sheets-->'
            '<p class="after">fin</p></body></html>')


def test_a_sheet_alone_keeps_the_head_and_the_end_of_its_module_document_but_no_other_sheet():
    from manualgen.pdf import sheet_alone
    html = _module_document({"a": "<p>uno</p>", "b": "<p>dos</p>", "c": "<p>tres</p>"})
    alone = sheet_alone(html, "b")
    assert alone.startswith("<html><head>") and alone.endswith('<!--/sheets--><p class="after">fin</p></body></html>')
    assert 'id="b-titulo"' in alone and "dos" in alone
    assert not any(text in alone for text in ("uno", "tres", "Módulo"))
    assert "tres" in sheet_alone(html, "c") and "dos" not in sheet_alone(html, "c")
    assert sheet_alone(html, "x") is None and sheet_alone("<p>sin marcas</p>", "a") is None


def test_only_the_sheet_ending_on_a_sliver_is_drawn_again_and_its_pages_replace_the_loose_ones(tmp_path):
    from manualgen.pdf import _document, render_body, sliver_ends
    filler = "".join(f"<p>{'palabra ' * 60}</p>" for _ in range(10))
    html = _module_document({"a": "<p>corta</p>", "b": filler, "c": "<p>otra corta</p>"})
    loose = _document(html, tmp_path)
    assert sliver_ends(loose) == [("b", 2, 4)] and len(loose.pages) == 6
    data, meta = render_body(html, tmp_path)
    assert meta["pages"] == 5  # b's sliver page saved; the module opening, a and c as they were
    assert [meta["anchors"][f"{name}-titulo"][0] for name in "abc"] == [1, 2, 4]
    assert data.startswith(b"%PDF") and meta["anchors"]["m1"][0] == 0


def test_english_pdfs_get_english_file_names():
    from manualgen.model import Manual, Page
    from manualgen.printing.products import pdf_paths
    from manualgen.source import Source
    pages = [Page(Source(f"h03.{lang}.md", {"type": "handout", "id": "m01-h03", "title": title}, "", 1), lang,
                  "01-encuadre/h03-cuestionario-de-entrada-y-salida")
             for lang, title in (("es", "Cuestionario de entrada y salida"), ("en", "Entry and exit questionnaire"))]
    manual = Manual(("es", "en"), pages)
    labels = {"pdf_pack": "pack", "pdf_manual": "manual"}
    assert pdf_paths(manual, "es", labels)["m01-h03"] == "pdf/m01-h03-cuestionario-de-entrada-y-salida.pdf"
    assert pdf_paths(manual, "en", labels)["m01-h03"] == "pdf/m01-h03-entry-and-exit-questionnaire.pdf"


def test_only_a_short_paragraph_opening_in_bold_is_a_lead_in():
    short = "<p><strong>Paso 1.</strong> Respire.</p>"
    long = f"<p><strong>Qué es el taller.</strong> {'Hablamos de muchas cosas. ' * 10}</p>"
    assert for_paper(short) == '<p class="lead-in"><strong>Paso 1.</strong> Respire.</p>'
    assert for_paper(long) == long and for_paper("<p>Texto <strong>x</strong></p>") == "<p>Texto <strong>x</strong></p>"


def test_a_list_item_opening_on_a_tick_box_loses_its_bullet_and_others_keep_theirs():
    html = ("<ul>\n<li>☐ Invita a los hombres a cambiar.</li>\n<li><p>☐ No culpa a las mujeres.</p></li>\n"
            "<li>Dice dónde pedir ayuda ☐</li>\n</ul>")
    out = for_paper(html)
    assert out.count('<li class="ticked">') == 2
    assert '<li class="ticked"><span class="tick"></span> Invita' in out
    assert "<li>Dice dónde pedir ayuda <span class=\"tick\"></span></li>" in out  # a box at the end is not the mark
