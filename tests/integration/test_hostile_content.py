"""Content is data, never code: what a careless or hostile author or translator writes can neither run a
script, load anything from another host nor hide the safety guidance — in the web pages, the search index
or the PDFs. Real strict builds of the fixture manual with hostile values in every field a page prints."""
from __future__ import annotations

import json
import re
import time
from html import unescape
from pathlib import Path

import pytest

from helpers import FIXTURE, edit, make_project, mkdocs_build
from hostile import ESCAPED, EVIL, RAW, RESERVED_SLUGS, H, M, S, hostile_project, set_field, yaml_text  # noqa: F401


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    build = mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def test_hostile_values_are_printed_as_text_on_every_page(hostile_site):
    pages = sorted(p for p in hostile_site.site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 10
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not RAW.search(html), f"{page.relative_to(hostile_site.site)}: {RAW.search(html).group(0)}"
        shown += html.count(ESCAPED)
    session = hostile_site.html("modules/01-prueba/01-sesion.html")
    shown_text = unescape(session)  # what the reader sees: the markup written out as text
    for what in ("Sesión ", "Prepare ", "Material ", "Objetivo ", "Manual ", "Org ", "Agenda ", "Fuente ", "valor "):
        assert what + EVIL in shown_text, what
    assert shown > 30


def test_headings_never_take_the_ids_the_scripts_read(hostile_site):
    for page in ("planificador.html", "en/planificador.html", "constancia.html", "en/constancia.html"):
        html = hostile_site.html(page)
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert sorted(i for i in ids if ids.count(i) > 1) == [], page
        for slug in RESERVED_SLUGS:
            assert f'id="h-{slug}"' in html, (page, slug)
    assert re.search(r'<script type="application/json" id="planner-rules">', hostile_site.html("planificador.html"))


def test_search_index_and_catalog_carry_the_values_as_data(hostile_site):
    index = (hostile_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not RAW.search(index)
    catalog = hostile_site.catalog("es")  # JSON data: the planner writes it with textContent
    assert catalog["sessions"][0]["title"] == "Sesión " + EVIL


def test_pdfs_show_the_values_as_text(hostile_site):
    from pypdf import PdfReader
    pdfs = sorted((hostile_site.site / "pdf").glob("m01-s01-*.pdf"))
    assert pdfs, sorted(p.name for p in (hostile_site.site / "pdf").iterdir())
    text = " ".join(page.extract_text() for page in PdfReader(pdfs[0]).pages)
    assert "<script>alert(2)</script>" in text.replace("\n", "")


BODY_ATTACKS = {
    "style-hides-safety": ("<style>.safety{display:none}</style>", "etiqueta <style>"),
    "handler-no-space": ('<p/onclick="alert(1)">x</p>', "atributo onclick"),
    "handler-two-lines": ('<p onmouseover\n="alert(1)">x</p>', "atributo onmouseover"),
    "handler-other-tag": ('<details open ontoggle="alert(1)">x</details>', "atributo ontoggle"),
    "attr-list-handler": ('Texto\n{: onclick="alert(1)" }', "atributo onclick"),
    "markdown-js-link": ("[clic](javascript:alert(1))", "«javascript:»"),
    "entity-js-link": ('<a href="&#106;avascript:alert(1)">x</a>', "«javascript:»"),
    "data-url-link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", "«data:»"),
    "remote-image": ("![pixel](https://tracker.example.org/p.png)", "imagen de otro sitio"),
    "protocol-relative-image": ('<img src="//tracker.example.org/p.png" alt="p">', "imagen de otro sitio"),
    "base": ('<base href="https://example.org/">', "etiqueta <base>"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://example.org">', "etiqueta <meta>"),
    "form": ('<form action="https://example.org"><input name="q"></form>', "etiqueta <form>"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "etiqueta <iframe>"),
    "http-link": ("[INEI](http://www.inei.gob.pe)", "sin https"),
    "activity-title": ("/// activity | Bienvenida <img src=x onerror=alert(1)>", "atributo onerror"),
    "uppercase-http": ("[INEI](HTTP://www.inei.gob.pe)", "sin https"),
}


@pytest.mark.parametrize("name", sorted(BODY_ATTACKS))
def test_hostile_markup_in_the_body_stops_the_build_with_its_line(name, tmp_path):
    attack, message = BODY_ATTACKS[name]
    project = make_project(tmp_path / "project", FIXTURE)
    if attack.startswith("/// activity | Bienvenida"):  # the activity's own title line
        edit(project / S.format("es"), "/// activity | Bienvenida", attack)
    else:
        edit(project / S.format("es"), "1. Salude al grupo.", f"1. Salude al grupo.\n\n{attack}\n")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    line = next((l for l in build.output.splitlines() if f"{S.format('es')}:" in l and message in l), None)
    assert line is not None, build.output
    assert re.search(r"\.md:(22|2[6-9]|3[0-9]): html:", line), line  # the line where the attack is written
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("*.html"))


def test_pages_found_clean_are_remembered_and_a_changed_page_is_checked_again(tmp_path):
    """A warm build skips the allow-list only for HTML it already passed, byte for byte: the same attack is
    still refused with every cache of an earlier good build in place."""
    project = make_project(tmp_path / "project", FIXTURE)
    assert mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    remembered = (project / ".cache" / "checked" / "clean-pages.txt").read_text(encoding="ascii").split()
    assert len(remembered) > 5 and all(len(entry) == 64 for entry in remembered)  # the checker's version, then pages
    assert mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    assert (project / ".cache" / "checked" / "clean-pages.txt").read_text(encoding="ascii").split() == remembered
    edit(project / S.format("es"), "1. Salude al grupo.", '1. Salude al grupo.\n\n<p onclick="alert(1)">x</p>\n')
    build = mkdocs_build(project, tmp_path / "site2", MANUAL_PDF="0")
    assert build.returncode == 1 and "atributo onclick" in build.output, build.output


def test_pages_the_allow_list_writes_out_differently_are_remembered_with_what_it_published(tmp_path):
    """A page whose only difference after the allow-list is how a character is written (a no-break space as
    &nbsp;) was checked again by every build; now its published HTML is remembered by the hash of its HTML."""
    project = make_project(tmp_path / "project", FIXTURE)
    edit(project / S.format("es"), "1. Salude al grupo.", "1. Salude al grupo.\n\nCasi el 52,0\u00a0% lo vivió.\n")
    assert mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0").returncode == 0
    memo = project / ".cache" / "checked" / "rewritten-pages.json"
    entries = json.loads(memo.read_text(encoding="utf-8"))["entries"]
    [published] = [html for html in entries.values() if "52,0&nbsp;%" in html]
    # Mark the remembered HTML: a build that uses it publishes the mark, one that checks again does not.
    memo.write_text(memo.read_text(encoding="utf-8").replace("52,0&nbsp;%", "52,0&nbsp;% (recordado)"), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "site2", MANUAL_PDF="0").returncode == 0
    page = next(p for p in (tmp_path / "site2").rglob("*.html") if "52,0&nbsp;%" in p.read_text(encoding="utf-8"))
    assert "52,0&nbsp;% (recordado)" in page.read_text(encoding="utf-8")


def test_a_symlink_cannot_bring_files_of_the_build_machine_into_the_site(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    (project / "modules/01-prueba/passwd.png").symlink_to("/etc/passwd")
    (project / "docs/secrets").symlink_to("/etc")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    assert "modules/01-prueba/passwd.png: archivo:" in build.output and "enlace simbólico" in build.output
    assert "docs/secrets: archivo:" in build.output
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").rglob("passwd*"))


PATHOLOGICAL = {
    "yaml-alias-bomb": (lambda t: t.replace("type: session\n", "type: session\na: &a [x, x, x, x, x, x, x, x, x]\n"
                                            + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                      for p, c in zip("abcdefgh", "bcdefghi"))), "anclas ni alias"),
    "brackets-in-a-line": (lambda t: t.replace("Una sesión corta", "[" * 200_000 + "\n\nUna sesión corta"), "caracteres"),
    "brackets-in-a-paragraph": (lambda t: t.replace("Una sesión corta", "[\n" * 200_000 + "\nUna sesión corta"), "corchetes"),
    "nested-lists": (lambda t: t.replace("Una sesión corta", "- " * 1000 + "x\n\nUna sesión corta"), "anidadas"),
    "deep-yaml": (lambda t: t.replace("type: session\n", "type: session\nz: " + "[" * 20 + "]" * 20 + "\n"), "niveles anidados"),
    "very-deep-yaml": (lambda t: t.replace("type: session\n", "type: session\nz: " + "[" * 50_000 + "]" * 50_000 + "\n"), "front matter"),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_inputs_are_refused_quickly(name, tmp_path):
    change, message = PATHOLOGICAL[name]
    project = make_project(tmp_path / "project", FIXTURE)
    path = project / S.format("es")
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    started = time.monotonic()
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    elapsed = time.monotonic() - started
    assert build.returncode == 1 and message in build.output, build.output[-2000:]
    assert "Traceback" not in build.output
    assert elapsed < 60, f"{name} took {elapsed:.0f} s"


def test_repeated_keys_are_refused(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    edit(project / S.format("es"), "duration: 60\n", "duration: 60\nduration: 90\n")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1 and "modules/01-prueba/01-sesion.es.md:8: front matter:" in build.output
    assert "'duration' está escrito dos veces" in build.output


def test_windows_line_endings_build_like_unix_ones(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    for path in (project / "modules").rglob("*.md"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert build.html("modules/01-prueba/01-sesion.html").count('class="activity admonition"') == 2


FRAMING_FRONT_MATTER = {
    # name: (lines added to a framing page's front matter, the field named, line in the file)
    "subtitle": ('subtitle: "<img src=x onerror=alert(1)>"', "subtitle", "campo desconocido 'subtitle'"),
    "status": ("status: new", "status", "campo desconocido 'status'"),
    "icon": ("icon: material/alert", "icon", "campo desconocido 'icon'"),
    "hide": ("hide: [toc, navigation]", "hide", "campo desconocido 'hide'"),
    "redirect": ('location: "javascript:alert(1)"', "location", "campo desconocido 'location'"),
    "template-of-another-kind": ("template: manual/session.html", "template", "valor no permitido 'manual/session.html'"),
    "search-include": ("search: {boost: 1000}", "search", "campo desconocido 'boost'"),
}


@pytest.mark.parametrize("name", sorted(FRAMING_FRONT_MATTER))
def test_a_framing_page_takes_only_the_keys_the_manual_uses(name, tmp_path):
    added, field, message = FRAMING_FRONT_MATTER[name]
    project = make_project(tmp_path / "project", FIXTURE)
    page = project / "docs/index.en.md"
    text = page.read_text(encoding="utf-8")
    if added.startswith("template:"):
        assert "template:" not in text.split("---")[1]
    page.write_text(text.replace("---\n", "---\n" + added + "\n", 1), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    assert re.search(rf"^(ERROR +- +)?docs/index\.en\.md:2: {re.escape(field)}(\.\w+)?: {re.escape(message)}", build.output, re.M), build.output
    assert "Traceback" not in build.output


def test_framing_page_values_reach_the_theme_escaped(hostile_site):
    for page in ("programa.html", "en/programa.html"):
        html = hostile_site.html(page)
        meta = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert meta and unescape(meta.group(1)) == "Descripción " + EVIL, page


SAFETY = "/// safety\nSi alguien cuenta una situación de violencia, escuche sin juzgar.\n///"
MISLEADING = {
    # name: (Markdown added to the session's body, field, words of the message, words of the hint)
    "typed-tel": ("[Línea 100](tel:999)", "enlace", "teléfono escrito a mano (tel:999)", "extra.manual.helplines"),
    "typed-tel-helpline-class": ("[Línea 100](tel:999){: .helpline }", "enlace", "teléfono escrito a mano", "[[helpline:"),
    "entity-tel": ('<a href="&#116;el:999">Línea 100</a>', "enlace", "teléfono escrito a mano", "[[helpline:"),
    "tab-in-tel": ('<a href="t&#9;el:999">Línea 100</a>', "enlace", "teléfono escrito a mano", "[[helpline:"),
    "real-number-typed": ("[Línea 100](tel:100){: .helpline }", "enlace", "teléfono escrito a mano", "[[helpline:linea-100]]"),
    "helpline-class-on-a-web-link": ("[Línea 100](https://example.org/){: .helpline }", "enlace", "teléfono escrito a mano", "[[helpline:"),
    "fake-verified-fact": ("**99 %**{: .fact .fact--verified }", "html", "clase «fact", "[[fact:ID]]"),
    "framing-safety-in-details-block": (f"/// html | details\n\n{SAFETY}\n\n///", "seguridad", "dentro de <details>", "a la vista"),
    "framing-typed-tel": ("Llame a la [Línea 100](tel:999).", "enlace", "teléfono escrito a mano", "[[helpline:"),
    "safety-in-details-html": (f'<details markdown="1">\n<summary>Más</summary>\n\n{SAFETY}\n\n</details>', "seguridad",
                               "dentro de <details>", "a la vista"),
    "reserved-id-html": ('<div id="planner-rules">x</div>', "html", "id «planner-rules»", "otro id"),
    "reserved-id-attr-list": ("Texto\n{: #certificate-words }", "html", "id «certificate-words»", "otro id"),
    "reserved-id-heading": ("## Datos {: #run-open }", "html", "id «run-open»", "otro id"),
    "template-heading-id": ("## Agenda propia {: #agenda }", "html", "id «agenda»", "otro id"),
}


@pytest.mark.parametrize("name", sorted(MISLEADING))
def test_content_that_would_mislead_stops_the_build_with_its_line(name, tmp_path):
    attack, field, message, hint = MISLEADING[name]
    project = make_project(tmp_path / "project", FIXTURE)
    if name.startswith("framing-"):  # a framing page (docs/), where any block type is Markdown's
        where, rows = "docs/index.es.md", "(5|6)"
        head, body = (project / where).read_text(encoding="utf-8").split("---\n", 2)[1:]
        (project / where).write_text(f"---\n{head}---\n\n{attack}\n\n{body}", encoding="utf-8")
    else:
        where, rows = S.format("es"), r"(2[6-9]|3[0-9])"
        edit(project / where, "1. Salude al grupo.\n", "1. Salude al grupo.\n///\n\n" + attack + "\n\n/// facilitator\nx\n")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    lines = [l for l in build.output.splitlines() if f"{where}:" in l and f": {field}: " in l and message in l]
    assert lines, build.output
    assert re.search(rf"\.md:{rows}: ", lines[0]) and hint in lines[0], lines[0]
    assert "Traceback" not in build.output


PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#4a1c6b"/></svg>\n'
PUBLISHED_FILES = {
    # name: (file, content, what the report says about it)
    "html-beside-the-pages": ("docs/ayuda.html", "<script>alert(1)</script>", "docs/ayuda.html: archivo: tipo de archivo no admitido ('.html')"),
    "html-in-a-module": ("modules/01-prueba/ficha.htm", "<script>alert(1)</script>", "modules/01-prueba/ficha.htm: archivo: tipo de archivo no admitido ('.htm')"),
    "script-in-the-code-folder-as-html": ("docs/assets/javascripts/x.html", "<script>alert(1)</script>", "docs/assets/javascripts/x.html: archivo:"),
    "script-beside-the-pages": ("docs/x.js", "alert(1)", "docs/x.js: archivo: tipo de archivo no admitido ('.js'): junto a las páginas"),
    "svg-script": ("modules/01-prueba/dibujo.svg",
                   '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="4" height="4"/>\n<script>alert(1)</script>\n</svg>',
                   "modules/01-prueba/dibujo.svg:3: svg: elemento <script> no permitido"),
    "svg-handler": ("docs/assets/images/logo2.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                    "docs/assets/images/logo2.svg:1: svg: atributo onload"),
    "svg-foreign-html": ("docs/dibujo.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
                         "docs/dibujo.svg:2: svg: elemento <foreignObject>"),
    "svg-link": ("docs/dibujo.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
                 '<use xlink:href="https://example.org/x.svg#a"/></svg>', "docs/dibujo.svg:2: svg: <use> apunta fuera"),
    "svg-entities": ("docs/dibujo.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "b">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
                     "docs/dibujo.svg:2: svg: una imagen SVG no lleva DOCTYPE"),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED_FILES))
def test_only_the_kinds_of_file_the_manual_needs_are_published(name, tmp_path):
    where, content, message = PUBLISHED_FILES[name]
    project = make_project(tmp_path / "project", FIXTURE)
    (project / where).write_text(content, encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    assert message in build.output, build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").rglob(Path(where).name))


def test_plain_images_are_published(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    (project / "modules/01-prueba/dibujo.svg").write_text(PLAIN_SVG, encoding="utf-8")
    (project / "docs/foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert (build.site / "modules/01-prueba/dibujo.svg").read_text(encoding="utf-8") == PLAIN_SVG
    assert (build.site / "foto.png").is_file()


def test_a_verified_fact_whose_official_host_is_only_user_info_is_refused(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    facts = project / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + """
  - id: falsa-oficial
    value: 99.0
    unit: percent
    year: 2024
    label: {es: etiqueta, en: label}
    source: INEI
    url: https://www.inei.gob.pe:x@evil.example.org/informe
    status: verified
    evidence:
      url: https://www.inei.gob.pe:x@evil.example.org/informe
      quote: "el 99,0 % de los casos"
      checked: 2026-11-29
""", encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    assert re.search(r"data/facts\.yml:\d+: facts\.\d+ \(falsa-oficial\)\.evidence\.url: la evidencia de un dato verificado debe venir de una "
                     r"fuente oficial", build.output), build.output
    assert "Traceback" not in build.output


LABELS = {
    # name: (English line replaced, new line, words of the message)
    "padding-spec": ("  sessions_count:", '  sessions_count: "{n:>999999999} sessions"', "sin formato ni conversión"),
    "attribute": ("  group_size_value:", '  group_size_value: "{min.__class__} to {max} people"', "no es un marcador"),
    "unknown-name": ("  page_of:", '  page_of: "Page {page} of {pages}{secret}"', "no es un marcador"),
    "blank-safety-title": ("  safety_box_title:", '  safety_box_title: ""', "está vacío"),
    "emergency-without-number": ("  emergency:", '  emergency: "In an emergency call the police."', "falta el marcador {policia}"),
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_hostile_labels_stop_the_build_naming_labels_yml_and_the_key(name, tmp_path):
    start, new, message = LABELS[name]
    project = make_project(tmp_path / "project", FIXTURE)
    path = project / "data" / "labels.yml"
    text = path.read_text(encoding="utf-8")
    english = text.index("\nen:\n")
    old = next(line for line in text[english:].split("\n") if line.startswith(start))
    line = text[:english].count("\n") + 1 + text[english:].split("\n").index(old)
    path.write_text(text[:english] + text[english:].replace(old, new, 1), encoding="utf-8")
    started = time.monotonic()
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1, build.output[-3000:]
    key = start.strip().rstrip(":")
    assert re.search(rf"data/labels\.yml:{line}: en\.{key}: .*{re.escape(message)}", build.output), build.output[-3000:]
    assert "Traceback" not in build.output and time.monotonic() - started < 60


ONE_PIXEL_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fccf"
                              "c0500f0004850180848a98c20000000049454e44ae426082")


def test_a_pdf_cannot_pull_an_image_of_the_build_machine(tmp_path):
    """A folder literally named %2e%2e inside the site passes a check of the literal path; the opener decodes it
    and would read the image beside the site: the fetcher checks the path the opener reads."""
    project = make_project(tmp_path / "project", FIXTURE)
    (tmp_path / "secret.png").write_bytes(ONE_PIXEL_PNG)  # beside the site: a file of the build machine
    (project / "docs" / "%2e%2e").mkdir()
    (project / "docs" / "%2e%2e" / "secret.png").write_bytes(ONE_PIXEL_PNG)  # the decoy the literal path finds
    edit(project / H.format("es"), "Responda con calma.", 'Responda con calma.\n\n<img src="%2e%2e/secret.png" alt="Foto">')
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    from pypdf import PdfReader
    pdf = build.site / "pdf" / "m01-h01-ficha.pdf"
    assert pdf.is_file()
    assert sum(len(page.images) for page in PdfReader(pdf).pages) == 0
