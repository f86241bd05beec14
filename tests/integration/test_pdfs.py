"""PDFs from the real build (pypdf) and determinism/caching on the fixture manual."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from helpers import FIXTURE, make_project, mkdocs_build

A4 = (595.28, 841.89)
LANG_PREFIX = {"es": "", "en": "en/"}
HELPLINE = {"es": "Línea 100 (gratuita, las 24 horas", "en": "Línea 100 (free, 24 hours"}
PAGE_WORD = {"es": "Página 1 de", "en": "Page 1 of"}


def reader(site, lang, rel) -> PdfReader:
    return PdfReader(site / LANG_PREFIX[lang] / rel)


def is_a4(page, landscape: bool = False) -> bool:
    box = page.mediabox
    width, height = (A4[1], A4[0]) if landscape else A4
    return abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1


@pytest.mark.parametrize("lang", ["es", "en"])
def test_catalog_names_every_pdf_and_they_exist(real_site, lang):
    catalog = real_site.catalog(lang)
    named = [s["pdf"] for s in catalog["sessions"]] + [h["pdf"] for h in catalog["handouts"]]
    named += list(catalog["pdfs"]["packs"].values()) + [catalog["pdfs"]["manual"]]
    assert all(named) and len(set(named)) == len(named)
    assert len(catalog["pdfs"]["packs"]) == 7
    for rel in named:
        assert (real_site.site / LANG_PREFIX[lang] / rel).is_file(), rel


@pytest.mark.parametrize("lang", ["es", "en"])
def test_handout_pdfs_are_a4_with_helpline_and_page_numbers(real_site, lang):
    catalog = real_site.catalog(lang)
    for handout in catalog["handouts"]:
        pdf = reader(real_site.site, lang, handout["pdf"])
        assert 1 <= len(pdf.pages) <= 6, handout["id"]
        assert all(is_a4(p, landscape=handout["id"] == "m01-h02") for p in pdf.pages), handout["id"]
        text = pdf.pages[0].extract_text()
        assert HELPLINE[lang] in text and PAGE_WORD[lang] in text
        assert handout["title"].split(":")[0][:20] in text.replace("\n", " ")
        assert pdf.metadata.title == handout["title"]
        assert pdf.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang,agenda", [("es", "Agenda"), ("en", "Agenda")])
def test_session_pdfs_hold_the_facilitator_sheet(real_site, lang, agenda):
    catalog = real_site.catalog(lang)
    for session in catalog["sessions"]:
        pdf = reader(real_site.site, lang, session["pdf"])
        assert 2 <= len(pdf.pages) <= 16, session["id"]
        text = "\n".join(p.extract_text() for p in pdf.pages)
        assert agenda in text and session["activities"][0]["title"][:15] in text
        assert all(is_a4(p) for p in pdf.pages)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_sheet_is_exactly_its_pages_of_the_manual(real_site, lang):
    """Sessions and handouts are cut from their module's pages: a sheet holds its own pages, no page of the
    next one and none of the module's opening, and its text matches the manual's pages."""
    catalog = real_site.catalog(lang)
    manual = reader(real_site.site, lang, catalog["pdfs"]["manual"])
    starts = []  # (page, title) of every session and handout bookmark, in order, then the next top-level part
    for top in manual.outline:
        if isinstance(top, list):
            starts += [(manual.get_destination_page_number(x), x.title) for x in top if not isinstance(x, list)]
        else:
            starts.append((manual.get_destination_page_number(top), None))
    starts.sort(key=lambda item: item[0])
    for entry in catalog["sessions"] + catalog["handouts"]:
        index = next(i for i, (_, title) in enumerate(starts) if title and title.endswith(entry["title"]))
        first, following = starts[index][0], next(page for page, _ in starts[index + 1:] if page > starts[index][0])
        sheet = reader(real_site.site, lang, entry["pdf"])
        assert len(sheet.pages) == following - first, entry["id"]
        for own, in_manual in ((0, first), (len(sheet.pages) - 1, following - 1)):
            assert (sheet.pages[own].extract_text().split("\n")[:3] == manual.pages[in_manual].extract_text().split("\n")[:3]
                    ), entry["id"]


@pytest.mark.parametrize("lang,contents,module_word", [("es", "Contenido", "Módulo"), ("en", "Contents", "Module")])
def test_manual_has_cover_contents_bookmarks_and_metadata(real_site, lang, contents, module_word):
    catalog = real_site.catalog(lang)
    pdf = reader(real_site.site, lang, catalog["pdfs"]["manual"])
    assert 120 <= len(pdf.pages) <= 400
    assert all(is_a4(p) for p in pdf.pages[:3])
    assert pdf.trailer["/Root"]["/Lang"] == lang
    assert pdf.metadata.title.startswith({"es": "Masculinidades y prevención", "en": "Masculinities and Prevention"}[lang])
    assert pdf.metadata.author
    toc = pdf.pages[1].extract_text()
    assert contents in toc and f"{module_word} 1" in toc
    top = [o.title for o in pdf.outline if not isinstance(o, list)]
    modules = [t for t in top if t.startswith(module_word)]
    assert len(modules) == 7
    children = [x.title for o in pdf.outline if isinstance(o, list) for x in o if not isinstance(x, list)]
    for session in catalog["sessions"]:
        assert session["title"] in children, session["title"]
    fonts = {f for page in pdf.pages[:5] for f in _fonts(page)}  # the page numbers' font too
    assert fonts and all("+" in f for f in fonts), "fonts must be embedded subsets"


def _fonts(page):
    resources = page.get("/Resources") or {}
    fonts = resources.get("/Font") or {}
    return [str(fonts[name].get_object()["/BaseFont"]) for name in fonts]


def test_pdfs_are_reproducible_and_cached(tmp_path):
    first = make_project(tmp_path / "one", FIXTURE)
    second = make_project(tmp_path / "two", FIXTURE)
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    a = mkdocs_build(first, tmp_path / "site-a", **env)
    b = mkdocs_build(second, tmp_path / "site-b", **env)
    assert a.returncode == 0 and b.returncode == 0, a.output + b.output
    # Nothing printed raw by a library, in this process or in a PDF worker (which joins the complete manual).
    assert not re.search(r"\w+Warning: ", a.output), a.output
    pdfs_a = sorted(p.relative_to(a.site) for p in a.site.rglob("*.pdf"))
    assert len(pdfs_a) == 14  # per language: session, handout, pack, manual, the session's checklist, wall sheets and tiles
    assert pdfs_a == sorted(p.relative_to(b.site) for p in b.site.rglob("*.pdf"))
    for rel in pdfs_a:
        assert (a.site / rel).read_bytes() == (b.site / rel).read_bytes(), f"{rel} differs between two builds"
    again = mkdocs_build(first, tmp_path / "site-a", **env)
    assert again.returncode == 0
    assert "drawing" not in again.output
    assert again.output.count("7 PDFs from the cache") == 2, again.output  # both languages, nothing rendered


def test_preview_never_waits_for_the_whole_manual(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="preview")
    assert build.returncode == 0, build.output
    assert "packs and the complete manual are made by `make site`" in build.output
    assert not (build.site / "pdf" / "manual-para-quien-facilita.pdf").exists()
    # Handouts and session sheets rendered in the background, and the process ended only once they were
    # stored: every one the catalog names is a complete PDF (regression: a background thread forking
    # workers once left CI waiting forever).
    for lang in ("es", "en"):
        catalog = build.catalog(lang)
        for entry in catalog["sessions"] + catalog["handouts"]:
            pdf = reader(build.site, lang, entry["pdf"])
            assert entry["title"] in "".join(page.extract_text() for page in pdf.pages).replace("\n", " "), entry["pdf"]
    again = mkdocs_build(project, tmp_path / "site-again", MANUAL_PDF="preview")
    assert again.returncode == 0 and again.output.count("2 PDFs ready, 0 render in the background") == 2, again.output


def test_pdfs_can_be_skipped_for_a_quick_preview(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0
    assert not list(build.site.rglob("*.pdf"))
    assert build.catalog("es")["sessions"][0]["pdf"] is None


def test_qr_code_points_online_only_when_site_url_is_set(tmp_path):
    project = make_project(tmp_path / "p", FIXTURE)
    with_url = mkdocs_build(project, tmp_path / "with", MANUAL_SITE_URL="https://example.org/manual/")
    without = mkdocs_build(project, tmp_path / "without")
    assert with_url.returncode == 0 and without.returncode == 0
    for lang, label in (("es", "Versión en línea"), ("en", "Online version")):
        rel = LANG_PREFIX[lang] + with_url.catalog(lang)["handouts"][0]["pdf"]
        assert label in PdfReader(with_url.site / rel).pages[0].extract_text()
        assert label not in PdfReader(without.site / rel).pages[0].extract_text()


def test_pages_written_while_their_pdfs_are_drawn_show_the_sizes_a_warm_build_shows(tmp_path):
    """A build that draws PDFs writes the pages meanwhile, with a mark where each size goes, and fills the marks
    in once the PDFs are made: every page is the same as in a build that took every PDF from the cache."""
    import re
    project = make_project(tmp_path / "p", FIXTURE)
    cold = mkdocs_build(project, tmp_path / "cold", MANUAL_PDF="1", SOURCE_DATE_EPOCH="1700000000")
    assert cold.returncode == 0, cold.output
    assert "while the pages were written" in cold.output
    warm = mkdocs_build(project, tmp_path / "warm", MANUAL_PDF="1", SOURCE_DATE_EPOCH="1700000000")
    assert warm.returncode == 0 and "PDFs from the cache" in warm.output, warm.output
    pages = sorted(p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*.html"))
    shown = 0
    for rel in pages:
        text = (tmp_path / "cold" / rel).read_text(encoding="utf-8")
        assert "\u27e6" not in text, rel
        assert text == (tmp_path / "warm" / rel).read_text(encoding="utf-8"), rel
        for pdf, size in re.findall(r'href="([^"]+\.pdf)" download>[^<]*<span class="download-size">· ([^<]+)</span>', text):
            on_disk = ((tmp_path / "cold" / rel).parent / pdf).resolve().stat().st_size
            assert size == (f"{max(1, round(on_disk / 1e3))} kB" if on_disk < 1e6 else size), (rel, pdf, size)
            shown += 1
    assert shown >= 4


CHECKLIST_WORDS = {"es": ("Antes de la sesión", "Durante la sesión", "Después de la sesión", "una copia por participante"),
                   "en": ("Before the session", "During the session", "After the session", "one copy per participant")}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_session_has_a_one_page_facilitator_checklist_from_its_data(real_site, lang):
    """Issue 23: before (preparation, materials with quantities, sheets to print by copies, the statements it cites,
    the helpline), during (activities with minutes, safety moments), after; one A4 page for every session."""
    catalog = real_site.catalog(lang)
    handouts = {h["id"]: h["title"] for h in catalog["handouts"]}
    listed = (real_site.site / LANG_PREFIX[lang] / "descargas.html").read_text(encoding="utf-8")  # the downloads page
    for session in catalog["sessions"]:
        rel = session["checklist_pdf"]
        assert rel and rel != session["pdf"], session["id"]
        pdf = reader(real_site.site, lang, rel)
        assert len(pdf.pages) == 1 and is_a4(pdf.pages[0]), (session["id"], len(pdf.pages))
        text = " ".join(pdf.pages[0].extract_text().split())
        squeezed = text.replace(" ", "")
        assert all(word in text for word in CHECKLIST_WORDS[lang][:3]), session["id"]
        for activity in session["activities"]:
            assert activity["title"].replace(" ", "") in squeezed, (session["id"], activity["title"])
        for material in session["materials"]:
            shown = (f"{material['qty']}×" if material["qty"] else "") + material["item"].replace(" ", "")
            assert shown in squeezed, (session["id"], shown)
        for handout_id in session["participant_handouts"]:
            assert handouts[handout_id].replace(" ", "") in squeezed, (session["id"], handout_id)
        if session["participant_handouts"]:
            assert CHECKLIST_WORDS[lang][3] in text
        assert HELPLINE[lang] in text and pdf.metadata.title.endswith(session["title"])
        assert f'href="{rel}"' in listed, (session["id"], "not on the downloads page")
