"""One test per mistake an author can make: the strict build fails with one clear message (file, line where
possible, field, hint), exit 1, no traceback, and the previously built site stays byte for byte the same."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE, edit, make_project, mkdocs_build

S_ES = "modules/01-prueba/01-sesion.es.md"
S_EN = "modules/01-prueba/01-sesion.en.md"
H_ES = "modules/01-prueba/h01-ficha.es.md"


def replace(old, new, path=S_ES):
    return lambda root: edit(root / path, old, new)


def write(text, path=S_ES, binary=False):
    def apply(root):
        target = root / path
        target.write_bytes(text) if binary else target.write_text(text, encoding="utf-8")
    return apply


def delete(path):
    return lambda root: (root / path).unlink()


def duplicate_session(root):
    for lang in ("es", "en"):
        shutil.copy(root / f"modules/01-prueba/01-sesion.{lang}.md", root / f"modules/01-prueba/02-otra.{lang}.md")


def huge(root):
    text = (root / S_ES).read_text(encoding="utf-8")
    (root / S_ES).write_text(text + ("Texto de relleno para un archivo enorme. " * 30000), encoding="utf-8")


def latin1(root):
    (root / S_ES).write_bytes((root / S_ES).read_text(encoding="utf-8").encode("latin-1"))


def latin1_byte(path):
    def apply(root):
        target = root / path
        target.write_bytes(target.read_bytes().replace(b"Manual de prueba", b"Manual de prueba, espa\xf1ol", 1))
    return apply


def apply_all(*changes):
    def apply(root):
        for change in changes:
            change(root)
    return apply


CASES = {
    "broken-yaml": (replace("duration: 60", "duration: [60"), f"{S_ES}:", "YAML no válido"),
    "wrong-type": (replace("duration: 60", "duration: sesenta"), f"{S_ES}:7: duration:", "número entero"),
    "empty-file": (write(""), f"{S_ES}:1: front matter:", "no empieza con un bloque de datos"),
    "one-language-only": (delete(S_EN), f"{S_ES}: traducción:", "falta la versión 'en'"),
    "not-utf8": (latin1, f"{S_ES}:6: archivo:", "UTF-8"),
    "binary-file": (write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", binary=True), f"{S_ES}:", "binario"),
    "duplicate-id": (duplicate_session, "modules/01-prueba/02-otra.es.md:3: id:", "ya se usa en"),
    "unknown-handout": (replace("handouts: [m01-h01]", "handouts: [m01-h05]"), f"{S_ES}:18: handouts:", "'m01-h05' no existe"),
    "minutes-dont-add-up": (replace("minutes: 45", "minutes: 35"), f"{S_ES}:7: duration:", "suman 50 (15 + 35)"),
    "zero-minutes": (replace("minutes: 15", "minutes: 0"), f"{S_ES}:23: bloque activity: minutes:", "al menos 1"),
    "negative-minutes": (replace("minutes: 15", "minutes: -10"), f"{S_ES}:23: bloque activity: minutes:", "al menos 1"),
    "missing-required-block": (replace("/// key-messages\n- Los mandatos se aprenden y se pueden cambiar.\n///\n", ""),
                               f"{S_ES}:20: bloque key-messages:", "falta al menos un bloque 'key-messages'"),
    "unknown-block": (replace("/// discussion", "/// pregunta"), f"{S_ES}:38: bloque pregunta:", "tipo de bloque desconocido"),
    "very-large-file": (huge, f"{S_ES}: archivo:", "el máximo es"),
    "stray-file-type": (write("x", path="modules/01-prueba/notas.docx"), "modules/01-prueba/notas.docx: archivo:", "no admitido"),
    "front-matter-not-mapping": (write("---\n- uno\n- dos\n---\nTexto\n", path=H_ES), f"{H_ES}:2: front matter:", "nombre: valor"),
    "missing-field": (replace("title: Ficha de prueba\n", "", path=H_ES), f"{H_ES}:1: title:", "falta el campo obligatorio 'title'"),
    "unknown-field": (replace("kind: worksheet", "kind: worksheet\ncolor: rojo", path=H_ES), f"{H_ES}:8: color:", "campo desconocido"),
    "bad-enum": (replace("sensitivity: medium", "sensitivity: alta"), f"{S_ES}:9: sensitivity:", "valor no permitido"),
    "bad-id-format": (replace("id: m01-h01", "id: ficha1", path=H_ES), f"{H_ES}:3: id:", "formato no válido"),
    "id-of-another-module": (replace("id: m01-h01", "id: m02-h01", path=H_ES), f"{H_ES}:3: id:", "no corresponde al módulo"),
    "unclosed-block": (replace("- Los mandatos se aprenden y se pueden cambiar.\n///", "- Los mandatos se aprenden y se pueden cambiar."),
                       f"{S_ES}:57: bloque key-messages:", "no se cierra"),
    "activity-without-minutes": (replace("    minutes: 15\n", ""), f"{S_ES}:22: bloque activity: minutes:", "falta el campo obligatorio 'minutes'"),
    "bad-grouping": (replace("grouping: plenary", "grouping: todos"), f"{S_ES}:24: bloque activity: grouping:", "valor no permitido"),
    "translation-disagrees": (replace("order: 1\ntitle: \"Test", "order: 2\ntitle: \"Test", path=S_EN),
                              f"{S_EN}:5: order:", "no coincide con el original"),
    "unknown-fact": (replace("[[fact:endes-2024-partner-violence-ever]]", "[[fact:inventado]]"), f"{S_ES}:47: referencia:", "'inventado' no existe"),
    "image-without-alt": (replace("Una sesión corta para probar el generador.", "Una sesión corta. ![](caja.png)"), f"{S_ES}:20: imagen:", "sin texto alternativo"),
    "script-tag": (replace("Una sesión corta para probar el generador.", "<script>alert('x')</script>"), f"{S_ES}:20: html:", "<script>"),
    "vague-link-text": (replace("Responda con calma.", "Vea la guía [aquí](../../index.md).", path=H_ES), f"{H_ES}:10: enlace:", "poco informativo"),
    "english-vague-link": (replace("Take your time to answer.", "Read the guide [here](../../index.md).", path="modules/01-prueba/h01-ficha.en.md"),
                           "modules/01-prueba/h01-ficha.en.md:10: enlace:", "«here»"),
    "skipped-heading": (replace("Responda con calma.", "## Uno\n\n#### Dos", path=H_ES), f"{H_ES}:12: encabezado:", "salta del nivel 2 al 4"),
    "insecure-link": (replace("Responda con calma.", "Vea el [INEI](http://www.inei.gob.pe).", path=H_ES), f"{H_ES}:10: html:", "sin https"),
    "unfilled-template": (replace("title: Ficha de prueba", "title: \"✎ Título de la ficha\"", path=H_ES), f"{H_ES}:6: plantilla:", "sin completar"),
    "no-closing-fence": (write("---\ntype: handout\nid: m01-h01\n", path=H_ES), f"{H_ES}:1: front matter:", "falta la línea '---'"),
    "no-language-suffix": (write("---\ntitle: x\n---\n", path="modules/01-prueba/suelta.md"), "modules/01-prueba/suelta.md: archivo:", "no indica el idioma"),
    "too-many-objectives": (replace("  - Nombrar los mandatos de la caja del hombre.\n", "  - a\n  - b\n  - c\n  - d\n  - e\n"),
                            f"{S_ES}:10: objectives:", "como máximo 4"),
    "group-size-inverted": (replace("group_size: {min: 8, max: 20}", "group_size: {min: 30, max: 20}"), f"{S_ES}:8: group_size:", "mayor que max"),
    "sensitive-without-safety": (apply_all(replace("sensitivity: medium", "sensitivity: high"), replace("/// safety", "/// facilitator"),
                                           replace("/// safety", "/// facilitator", path=S_EN)),
                                 f"{S_ES}:9: sensitivity:", "necesita al menos un bloque 'safety'"),
    "missing-page-template": (replace("template: manual/programme.html", "template: manual/programa.html", path="docs/programa.es.md"),
                              "docs/programa.es.md:3: template:", "no existe"),
    "deeply-nested-html": (replace("Una sesión corta para probar el generador.", "<div>\n" * 20_000 + "x\n" + "</div>\n" * 20_000),
                           f"{S_ES}:50: html:", "anidados en más de 30 niveles"),
    "latin1-byte-in-framing-page": (latin1_byte("docs/index.es.md"), "docs/index.es.md:4: archivo:", "UTF-8"),
    "level-one-heading": (replace("Responda con calma.", "Responda con calma.\n\n# Otro título", path=H_ES),
                          f"{H_ES}:12: html:", "encabezado de nivel 1"),
    "missing-icon": (replace("title: Inicio", "title: Inicio\nicon: material/no-such-icon", path="docs/index.es.md"),
                     "docs/index.es.md:3: icon:", "no existe"),
    "newline-inside-a-url": (replace("Responda con calma.", "Responda con calma.\n\n<a href=\"java\nscript:alert(1)\">x</a>", path=H_ES),
                             f"{H_ES}:12: html:", "enlace con «javascript:» (java script:alert(1))"),
    "unclosed-style": (replace("Responda con calma.", "<style>\nbody{display:none}\n\nResponda con calma. <b onclick=\"x()\">b</b>", path=H_ES),
                       f"{H_ES}:10: html:", "<style> sin cerrar"),
    "control-character-in-a-file-name": (write("x", path="docs/assets/notas\nfalsas.txt"),
                                         "docs/assets/notas\\nfalsas.txt: archivo:", "caracteres de control"),
    "activity-without-title": (replace("/// activity | Bienvenida", "/// activity"), f"{S_ES}:22: bloque activity:", "falta el título"),
}


def snapshot(site: Path) -> dict:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("good") / "project", FIXTURE)
    site = project.parent / "site"
    build = mkdocs_build(project, site, MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    return site


def test_there_are_at_least_25_distinct_mistakes():
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_is_reported_and_previous_site_kept(name, tmp_path, good_site):
    change, where, message = CASES[name]
    project = make_project(tmp_path / "project", FIXTURE)
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    change(project)
    build = mkdocs_build(project, site, MANUAL_PDF="0")
    assert build.returncode == 1, build.output
    line = next((l for l in build.output.splitlines() if where in l and message in l), None)
    assert line is not None, f"expected a line with {where!r} and {message!r} in:\n{build.output}"
    assert " — " in line, "every message ends with a hint on how to fix it"
    assert "Traceback" not in build.output
    assert snapshot(site) == before


def test_an_unclosed_style_hides_nothing_after_it_and_each_message_is_one_line(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    edit(project / H_ES, "Responda con calma.",
         "<style>\nbody{display:none}\n\nResponda con calma. <b onclick=\"x()\">b</b>\n\n<a href=\"java\nscript:x()\">y</a>")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    report = [line for line in build.output.splitlines() if line.startswith((H_ES, f"ERROR   -  {H_ES}"))]
    assert any(":10: html: etiqueta <style> sin cerrar" in line for line in report), build.output
    assert any(":13: html: atributo onclick" in line for line in report), build.output
    assert any(":15: html: enlace con «javascript:»" in line for line in report), build.output
    assert "3 problemas en el contenido" in build.output


def test_a_byte_order_mark_in_a_framing_page_is_accepted_as_in_a_module_page(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    for path in ("docs/index.es.md", S_ES):
        page = project / path
        page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    assert "Manual de prueba" in build.html("index.html")


def test_a_missing_icon_in_the_theme_settings_is_not_reported_as_a_disk_error(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    edit(project / "mkdocs.yml", "icon: material/weather-night", "icon: material/no-such-night")
    build = mkdocs_build(project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1
    assert "No existe la plantilla o el icono «.icons/material/no-such-night.svg» — revise" in build.output
    assert "theme.icon" in build.output and "espacio libre" not in build.output and "Traceback" not in build.output
