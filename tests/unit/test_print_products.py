"""Print products as declarations over the print model: each product lists its PDFs (paths) and what each is made
of (outputs), and one run makes them — here with a stand-in for WeasyPrint and the worker pool (one page per
<section>, its ids its anchors, its h1 its bookmark), so the pipeline is tested without MkDocs or a renderer."""
from __future__ import annotations

import io
import re
from concurrent.futures import Future
from types import SimpleNamespace

import pikepdf
import pytest
from jinja2 import DictLoader, Environment

from manualgen import render_pool
from manualgen.pdf import render_body
from manualgen.model import Manual, Page
from manualgen.printing.model import Document, Output, Part
from manualgen.printing.product import Product
from manualgen.printing.products import PRODUCTS, pdf_paths
from manualgen.printing.products.complete_manual import CompleteManual
from manualgen.printing.products.handout import Handout
from manualgen.printing.products.pack import ParticipantPack
from manualgen.printing.products.session_sheet import SessionSheet
from manualgen.printing.products.wall_sheets import WallSheets as Rotafolio
from manualgen.printing.run import PrintRun
from manualgen.printing.source import PrintSource
from manualgen.source import Source

# The book's products; the real rotafolio needs its template and the sessions' blocks (tests/unit/test_wall_sheets.py).
BOOK = tuple(product for product in PRODUCTS if not isinstance(product, Rotafolio))
LABELS = {"pdf_pack": "paquete", "pdf_manual": "manual", "pdf_checklist": "lista", "pack_title": "Paquete", "module": "Módulo",
          "manual_edition": "Manual", "contents": "Contenido", "page_of": "Página {page} de {pages}",
          "checklist_title": "Lista", "sensitivity_low": "Baja", "checklist_moment_start": "Al empezar",
          "checklist_moment_in": "En {activity}", "checklist_after_attendance": "Cuente", "checklist_after_report": "Informe",
          "checklist_after_referrals": "Registre en {sheet}", "checklist_after_evaluation": "Evalúe con {sheet}"}
# print/manual.html in miniature: a front lists its numbered contents; every other part is one page per <section>.
TEMPLATES = {
    "print/manual.html": "{% if doc.part == 'front' %}<section id='cover'><h1>{{ doc.title }}</h1></section><section id='toc'>"
                         "{% for e in doc.contents %}[{{ e.anchor }}={{ e.page }}]{% endfor %}</section>"
                         "{% else %}<section id='{{ doc.chapter.anchor if doc.chapter else doc.part }}'><h1>{{ doc.title }}</h1></section>{% endif %}",
    "print/checklist.html": "<section id='checklist'><h1>{{ doc.title }}</h1></section>",
    "wall/sheet.html": "{% for m in messages %}<section id='msg-{{ loop.index }}' data-size='1191 842'><h1>{{ m }}</h1>"
                       "</section>{% endfor %}",
}


def page(lang: str, key: str, **meta) -> Page:
    return Page(Source(f"{key}.{lang}.md", meta, "", 1), lang, key)


def small_manual() -> Manual:
    pages = []
    for lang in ("es", "en"):
        pages += [page(lang, "01-inicio/index", type="module", id="m01", order=1, title="Inicio", objectives=[]),
                  page(lang, "01-inicio/01-bienvenida", type="session", id="m01-s01", module="m01", order=1,
                       title="Bienvenida" if lang == "es" else "Welcome", key_messages=["Nadie merece violencia", "Pedir ayuda"],
                       duration=90, sensitivity="low", preparation=[], materials=[], handouts=["m01-h01"]),
                  page(lang, "01-inicio/h01-acuerdos", type="handout", id="m01-h01", module="m01", order=1, title="Acuerdos"),
                  page(lang, "01-inicio/h02-asistencia", type="handout", id="m01-h02", module="m01", order=2,
                       title="Asistencia", audience="facilitators")]
    return Manual(("es", "en"), pages)


def source(manual=None) -> PrintSource:
    settings = SimpleNamespace(modules_dir="modules", pdf={"front_pages": ["como-usar"], "back_pages": ["glosario"]},
                               checklist={"referral_log": "m01-h02", "evaluation": "m01-h01"})
    pages = {"como-usar.es.md": {"html": "<p>Cómo</p>", "url": "como-usar.html", "title": "Cómo usar"}}
    made = PrintSource("es", LABELS, manual or small_manual(), settings, pages, Environment(loader=DictLoader(TEMPLATES)),
                       "", None, "Manual", "Autoría", "", {}, "1 de enero de 2026")
    # The module document in miniature: its opening, then each sheet's pages (the form takes two).
    made._made["module documents"] = {"module-m01": Document(
        "<section id='m01'><h1>Inicio</h1></section><section id='m01-s01-titulo'><h1>Bienvenida</h1></section>"
        "<section id='m01-h01-titulo'><h1>Acuerdos</h1></section><section id='m01-h02-titulo'><h1>Asistencia</h1>"
        "</section><section id='m01-h02-b'></section>", ("m01-s01-titulo", "m01-h01-titulo", "m01-h02-titulo"))}
    return made


class WallSheets(Product):
    """What the next products need: a document built from the session data and a template, with its own page size
    (A3 landscape, two key messages), printed whole without page numbers."""

    def paths(self, manual, lang, labels):
        return {f"wall-{s.id}": f"pdf/{s.id}-rotafolio.pdf" for s in manual.of(lang, "session")}

    def documents(self, source):
        return {f"wall-{s.id}": Document(source.render("wall/sheet.html", messages=s.meta["key_messages"]))
                for s in source.manual.of(source.lang, "session")}

    def outputs(self, source):
        return [Output(f"wall-{s.id}", s.meta["title"], (Part(f"wall-{s.id}"),), numbered=False)
                for s in source.manual.of(source.lang, "session")]


class Checklists(Product):
    """A stand-in for a product drawn as one document (one WeasyPrint run) and cut per session."""

    def paths(self, manual, lang, labels):
        return {f"check-{s.id}": f"pdf/{s.id}-hoja.pdf" for s in manual.of(lang, "session")}

    def documents(self, source):
        sessions = source.manual.of(source.lang, "session")
        html = "".join(f"<section id='check-{s.id}'><h1>{s.meta['title']}</h1></section><section id='x'></section>"
                       for s in sessions)
        return {"checklists": Document(html, tuple(f"check-{s.id}" for s in sessions))}

    def outputs(self, source):
        return [Output(f"check-{s.id}", s.meta["title"], (Part("checklists", f"check-{s.id}"),))
                for s in source.manual.of(source.lang, "session")]


def test_the_products_list_every_pdf_of_a_language_in_order():
    assert pdf_paths(small_manual(), "es", LABELS, BOOK) == {
        "m01-s01": "pdf/m01-s01-bienvenida.pdf", "m01-h01": "pdf/m01-h01-acuerdos.pdf",
        "m01-h02": "pdf/m01-h02-asistencia.pdf", "pack-m01": "pdf/m01-paquete.pdf", "manual": "pdf/manual.pdf",
        "checklist-m01-s01": "pdf/m01-s01-lista.pdf"}
    assert pdf_paths(small_manual(), "en", LABELS, BOOK)["m01-s01"] == "pdf/m01-s01-welcome.pdf"  # named from the title
    assert list(pdf_paths(small_manual(), "es", LABELS, BOOK + (WallSheets(),))) [-1] == "wall-m01-s01"


def test_sheets_are_cut_from_their_module_document_and_made_in_preview_too():
    made = source()
    assert SessionSheet().outputs(made) == [Output("m01-s01", "Bienvenida", (Part("module-m01", "m01-s01-titulo"),), preview=True)]
    assert [o.parts for o in Handout().outputs(made)] == [(Part("module-m01", "m01-h01-titulo"),), (Part("module-m01", "m01-h02-titulo"),)]
    assert set(SessionSheet().documents(made)) == set(Handout().documents(made)) == {"module-m01"}


def test_a_pack_holds_the_participant_handouts_only_and_no_module_without_them_gets_one():
    packs = ParticipantPack().outputs(source())
    assert [(o.key, o.title, o.parts, o.preview) for o in packs] == [
        ("pack-m01", "Paquete — Módulo 1: Inicio", (Part("module-m01", "m01-h01-titulo"),), False)]
    only_forms = Manual(("es", "en"), [p for p in small_manual().pages if p.id != "m01-h01"])
    assert ParticipantPack().outputs(source(only_forms)) == []


def test_the_complete_manual_is_chapters_modules_and_back_cover_after_a_front_with_its_contents():
    made = source()
    [manual] = CompleteManual().outputs(made)
    assert [part.body for part in manual.parts] == ["chapter-como-usar", "module-m01", "back-cover"]  # no glosario page
    assert (manual.shift, manual.first_numbered) == (0, 1)
    assert [(e["level"], e["kind"], e["anchor"]) for e in manual.front.contents] == [
        (1, "chapter", "como-usar"), (1, "module", "m01"), (2, "session", "m01-s01-titulo"),
        (2, "handout", "m01-h01-titulo"), (2, "handout", "m01-h02-titulo")]
    assert "[m01=7]" in manual.front.html([{"anchor": "m01", "page": 7}])
    assert set(CompleteManual().documents(made)) == {"module-m01", "chapter-como-usar", "back-cover"}


def fake_render(html: str, base_dir) -> tuple[bytes, dict]:
    """WeasyPrint in miniature: one page per <section> (A4, or its data-size), its ids its anchors, its h1 a bookmark."""
    pdf, meta = pikepdf.Pdf.new(), {"pages": 0, "anchors": {}, "bookmarks": [], "links": []}
    for index, section in enumerate(re.findall(r"<section(.*?)</section>", html, re.S)):
        size = re.search(r"data-size='(\d+) (\d+)'", section)
        pdf.add_blank_page(page_size=tuple(int(v) for v in size.groups()) if size else (595, 842))
        for anchor in re.findall(r"id='([^']+)'", section):
            meta["anchors"].setdefault(anchor, [index, 0, 0])
        meta["bookmarks"] += [[1, title, index, 0, 0] for title in re.findall(r"<h1>(.*?)</h1>", section)]
        meta["pages"] += 1
    out = __import__("io").BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue(), meta


class MemoryCache:
    def __init__(self):
        self.entries = {}

    def get(self, key):
        return self.entries.get(key)

    def get_meta(self, key):
        return self.entries.get(key + ".json")

    def put(self, key, data):
        self.entries[key] = data

    def put_meta(self, key, meta):
        self.entries[key + ".json"] = meta


@pytest.fixture
def drawn_here(monkeypatch):
    """The worker pool replaced by drawing at once in this process; records what was drawn."""
    class Drawn(list):
        joined: list  # the outputs' joins the workers were given (the complete manual), by key

    drawn = Drawn()
    drawn.joined = []

    def submit(function, *args, key):
        future = Future()
        if function is render_body:
            html, base_dir = args
            drawn.append(html)
            future.set_result(fake_render(html, base_dir))
        else:
            drawn.joined.append(key)
            future.set_result(function(*args))
        return future
    monkeypatch.setattr(render_pool, "submit", submit)
    return drawn


def outline_titles(items) -> list:
    return [(item.title, outline_titles(item.children)) if item.children else item.title for item in items]


def test_one_run_makes_every_product_and_the_front_numbers_the_pages_behind_it(tmp_path, drawn_here):
    made = source()
    products = BOOK + (WallSheets(), Checklists())
    run = PrintRun(made, products, pdf_paths(made.manual, "es", LABELS, products), tmp_path, MemoryCache(), "v1",
                   SimpleNamespace(info=lambda message: None))
    assert run.start()  # nothing cached: the documents go to the workers
    run.collect()
    assert {p.name for p in (tmp_path / "pdf").iterdir()} == {  # each made as its documents arrived; not the manual yet
        "m01-s01-bienvenida.pdf", "m01-h01-acuerdos.pdf", "m01-h02-asistencia.pdf", "m01-paquete.pdf", "m01-s01-rotafolio.pdf",
        "m01-s01-lista.pdf", "m01-s01-hoja.pdf"}
    run.start_fronts()
    run.settle_fronts()
    assert not (tmp_path / "pdf" / "manual.pdf").exists() and len(drawn_here.joined) == 1  # joining in a worker
    run.finish()
    with pikepdf.open(tmp_path / "pdf" / "manual.pdf") as manual:
        # cover + contents guessed as 2 pages, then como-usar, the module's 5 pages and the back cover
        assert len(manual.pages) == 9
        with manual.open_outline() as outline:
            assert outline_titles(outline.root) == ["Contenido", "Manual — Manual", "Cómo usar", "Inicio", "Bienvenida", "Acuerdos",
                                                    "Asistencia", "Manual"]
    front = drawn_here[-1]
    assert "[como-usar=3][m01=4][m01-s01-titulo=5][m01-h01-titulo=6][m01-h02-titulo=7]" in front
    with pikepdf.open(tmp_path / "pdf" / "m01-h02-asistencia.pdf") as form:
        assert len(form.pages) == 2 and str(form.docinfo.Title) == "Asistencia"
        assert b"(P\xe1gina 2 de 2)" in form.pages[1].Contents[-1].read_bytes()
    with pikepdf.open(tmp_path / "pdf" / "m01-s01-rotafolio.pdf") as wall:
        assert [tuple(float(v) for v in p.mediabox)[2:] for p in wall.pages] == [(1191, 842), (1191, 842)]
        assert all("/Font" not in p.Resources for p in wall.pages)  # no page number stamped
    with pikepdf.open(tmp_path / "pdf" / "m01-s01-hoja.pdf") as checklist:  # its sheet: two pages, numbered
        assert len(checklist.pages) == 2 and b"(P\xe1gina 1 de 2)" in checklist.pages[0].Contents[-1].read_bytes()
    assert run.sizes().keys() == set(run.paths.values())


def test_a_second_run_takes_everything_from_the_cache(tmp_path, drawn_here):
    made, cache = source(), MemoryCache()
    for _ in range(2):
        run = PrintRun(made, BOOK, pdf_paths(made.manual, "es", LABELS, BOOK), tmp_path, cache, "v1",
                       SimpleNamespace(info=lambda message: None))
        drawing = run.start()
        run.collect()
        run.start_fronts()
        run.finish()
    assert drawing is False and len(drawn_here) == 5  # module, chapter, back cover, checklist, front: drawn once


def test_a_product_that_forgets_a_path_or_a_document_or_reuses_a_name_is_told_at_once(tmp_path):
    class Unnamed(WallSheets):
        def paths(self, manual, lang, labels):
            return {}

    class Undrawn(WallSheets):
        def documents(self, source):
            return {}
    made = source()
    with pytest.raises(ValueError, match="'wall-m01-s01' has no path"):
        PrintRun(made, (Unnamed(),), {}, tmp_path, MemoryCache(), "v1", None)
    with pytest.raises(ValueError, match="takes from wall-m01-s01, which no product"):
        PrintRun(made, (Undrawn(),), {"wall-m01-s01": "pdf/w.pdf"}, tmp_path, MemoryCache(), "v1", None)
    class Clashing(WallSheets):
        def documents(self, source):
            return {"module-m01": Document("<section id='other'></section>")}
    with pytest.raises(ValueError, match="Clashing declares a document 'module-m01' unlike"):
        PrintRun(made, (SessionSheet(), Clashing()), pdf_paths(made.manual, "es", LABELS, (SessionSheet(), WallSheets())),
                 tmp_path, MemoryCache(), "v1", None)
    with pytest.raises(ValueError, match="Handout names its output 'm01-s01'"):
        pdf_paths(made.manual, "es", LABELS, (SessionSheet(), type("Handout", (SessionSheet,), {})()))


def test_preview_makes_only_the_sheets_each_as_its_document_is_drawn(tmp_path, drawn_here):
    made = source()
    run = PrintRun(made, BOOK, pdf_paths(made.manual, "es", LABELS, BOOK), tmp_path, MemoryCache(), "v1",
                   SimpleNamespace(info=lambda message: None, warning=lambda message: None))
    assert run.preview() == 3  # the session and two handouts waited for their module's document
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [
        "m01-h01-acuerdos.pdf", "m01-h02-asistencia.pdf", "m01-s01-bienvenida.pdf"]  # no pack, no manual
    assert len(drawn_here) == 1
    assert PrintRun(made, BOOK, run.paths, tmp_path, run.cache, "v1", None).preview() == 0  # then from the cache


def test_the_cache_is_pruned_once_after_the_last_language(tmp_path):
    pruned, said = [], []

    class Pruned(MemoryCache):
        def prune(self, days):
            pruned.append(days)
            return 3
    for lang in ("es", "en"):
        made = source()
        made.lang, made.settings.languages, made.settings.pdf["cache_unused_days"] = lang, ("es", "en"), 12
        PrintRun(made, (), {}, tmp_path, Pruned(), "v1", SimpleNamespace(info=said.append)).prune_cache()
    assert pruned == [12.0] and said == ["PDF: 3 cached files unused for 12 days removed"]


def test_two_products_writing_one_file_is_told_at_once():
    class Again(Checklists):
        def paths(self, manual, lang, labels):
            return {f"again-{s.id}": f"pdf/{s.id}-hoja.pdf" for s in manual.of(lang, "session")}
    with pytest.raises(ValueError, match="writes pdf/m01-s01-hoja.pdf"):
        pdf_paths(small_manual(), "es", LABELS, (Checklists(), Again()))


def test_joining_says_nothing_about_the_named_destinations_it_drops(recwarn, tmp_path):
    """pdf_compose.join writes internal links again itself: pikepdf's warning about copied pages would otherwise
    reach the build's report from the worker that joins a complete manual."""
    from manualgen.pdf import render_body
    from manualgen.pdf_compose import join
    data, _meta = render_body('<html lang="es"><h1 id="top">T</h1><a href="#top">arriba</a></html>', tmp_path)
    joined = join([(data, 0, 0), (data, 0, 0)], ["1", "2"], [], [], {"Title": "t"}, "es")
    assert len(pikepdf.open(io.BytesIO(joined)).pages) == 2
    assert [str(w.message) for w in recwarn if issubclass(w.category, pikepdf.PageCopyWarning)] == []
