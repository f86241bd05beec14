"""The change-check registry through a real strict build: a page cites its tables and gets them in its language;
a page that retypes a statement, an unknown table, a kit page without consent and helpline, and a broken registry
each stop the build with a located message."""
from __future__ import annotations

import re

from pyxform.xls2xform import convert

from helpers import edit, mkdocs_build

HANDOUT = "modules/01-prueba/h01-ficha.{lang}.md"


def cite(project, lang: str, text: str) -> None:
    path = project / HANDOUT.format(lang=lang)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_a_page_citing_the_questionnaire_gets_the_registrys_statements_in_its_language(mini_project, tmp_path):
    for lang in ("es", "en"):
        cite(mini_project, lang, "[[changecheck:questionnaire]]\n\n[[changecheck:notice]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    spanish = build.html("modules/01-prueba/h01-ficha.html")
    english = build.html("en/modules/01-prueba/h01-ficha.html")
    assert "Hay ocasiones en que una mujer se merece un golpe." in spanish and "changecheck" not in spanish
    assert "There are times when a woman deserves to be hit." in english and "se merece un golpe" not in english
    assert len(re.findall(r"<td>☐</td>", spanish)) == 12 * 3
    assert re.search(r"<th[^>]*>(<svg[^>]*>.*?</svg>(<br>)?\s*)?En parte de acuerdo</th>", spanish, re.S)  # a face above the words
    # the kit's notice: consent, no names, the helpline as a tap-to-call link
    assert "voluntad propia" in spanish and 'href="tel:100"' in spanish and "answers freely" in english
    # the forms are written into each language's site (so each one-language edition has them) and convert
    sessions = [s["id"] for s in build.catalog("es")["sessions"]]
    assert sessions
    for prefix in ("", "en/"):
        forms = sorted(p.name for p in (build.site / prefix / "forms").iterdir())
        assert forms == ["asistencia.xlsx", "cuestionario_de_cambio.xlsx", "informe_de_sesion.xlsx"]
        xform = convert(xlsform=str(build.site / prefix / "forms" / "asistencia.xlsx")).xform
        assert re.findall(r"<value>(m\d\d-s\d\d) · ", xform)[:len(sessions)] == sessions


def test_the_participant_code_sheet_prints_pictures_words_and_a_box_per_character_in_its_language(mini_project, tmp_path):
    for lang in ("es", "en"):
        cite(mini_project, lang, "[[changecheck:code]]\n\n[[changecheck:notice]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    spanish = build.html("modules/01-prueba/h01-ficha.html")
    english = build.html("en/modules/01-prueba/h01-ficha.html")
    # a picture above each part's name (hidden from screen readers: the name says it), one box per character
    assert re.search(r'<th class="picture-cell"><svg class="pictogram pictogram--code-mother"[^>]*aria-hidden="true"', spanish)
    assert "</svg> Mi mamá</th>" in spanish and "</svg> My mother</th>" in english and "</svg> The day I was born</th>" in english
    assert spanish.count('<td class="code-write">☐ ☐</td>') == 2 and "MA05" in english and "changecheck" not in spanish


def test_a_retyped_statement_and_an_unknown_table_stop_the_build(mini_project, tmp_path):
    cite(mini_project, "es", "Frase: Un hombre de verdad no llora ni muestra miedo.\n\n[[changecheck:everything]]\n\n[[changecheck:share]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert ("modules/01-prueba/h01-ficha.es.md:16: changecheck: repite la frase 6 del cuestionario ('real-man-cry')"
            in build.output), build.output
    assert "modules/01-prueba/h01-ficha.es.md:18: referencia: la tabla del cuestionario 'everything' no existe" in build.output
    assert ("modules/01-prueba/h01-ficha.es.md:20: changecheck: la página del cuestionario ([[changecheck:share]]) no tiene el "
            "consentimiento, la regla de no escribir nombres ni la línea de ayuda — añada [[changecheck:notice]]") in build.output


def test_a_broken_registry_stops_the_build_naming_its_line(mini_project, tmp_path):
    edit(mini_project / "data" / "change_check.yml", "    subscale: care\n    reverse: true", "    subscale: kindness\n    reverse: true")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert re.search(r"data/change_check\.yml:\d+: items\.10\.subscale: la subescala 'kindness' no existe — use una de: action, care",
                     build.output), build.output


def test_the_report_page_counts_exactly_the_referral_logs_categories(mini_project, tmp_path):
    """The coded log's key ([[referral:services]]) and the workshop report's count fields come from one list: the
    report asks a count for each code the log writes, in the same order, in both languages."""
    for lang in ("es", "en"):
        cite(mini_project, lang, "[[referral:services]]")
        (mini_project / "docs" / f"informe.{lang}.md").write_text(
            "---\ntitle: Informe\ntemplate: manual/workshop-report.html\n---\nSolo números. [[helpline:linea-100]]\n", encoding="utf-8")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 0, build.output
    for prefix in ("", "en/"):
        log = build.html(f"{prefix}modules/01-prueba/h01-ficha.html")
        report = build.html(f"{prefix}informe.html")
        in_log = re.findall(r"<tr>\s*<td><strong>([A-Z0-9]+)</strong></td>", log)
        in_report = re.findall(r'<label for="report-service-[a-z0-9-]+">([A-Z0-9]+) — ', report)
        assert in_log == in_report == ["CEM", "COM", "FIS", "DEM", "SAL", "L100", "L113", "OTR"]
    assert "Otro servicio</label>" in build.html("informe.html") and "Another service</label>" in build.html("en/informe.html")


def test_an_unknown_referral_table_stops_the_build(mini_project, tmp_path):
    cite(mini_project, "es", "[[referral:everything]]")
    build = mkdocs_build(mini_project, tmp_path / "site", MANUAL_PDF="0")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert "la tabla de servicios 'everything' no existe" in build.output and "services" in build.output
