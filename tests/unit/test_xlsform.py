"""The XLSForms for KoboToolbox / ODK Collect (manualgen/xlsform.py): each converts with pyxform, the library both
use; labels in both languages; no field for a name or a phone; the change-check choices are the paper sheet's."""
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from manualgen import xlsform
from manualgen.change_check import load_change_check
from manualgen.change_check_render import change_check_markdown
from manualgen.offline_app import left_out_of_phone
from manualgen.bundle import in_offline_zip
from manualgen.views import forms_view

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("es", "en")
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
SESSIONS = [{"id": "m01-s01", "duration": 120, "title": {"es": "Bienvenida", "en": "Welcome"}},
            {"id": "m03-s02", "duration": 90, "title": {"es": "Poder", "en": "Power"}}]
SERVICES = [("linea-100", {"es": "L100 — Línea 100", "en": "L100 — Línea 100"}),
            ("police", {"es": "COM — Comisaría", "en": "COM — Police station"}), ("other", {"es": "OTR — Otro", "en": "OTR — Other"})]
HELPLINE = {"es": "Línea 100", "en": "Línea 100"}
# Words that would ask for who someone is, in either language (field names and labels).
IDENTIFYING_WORDS = re.compile(r"\b(name|nombre|apellido|surname|phone|tel[eé]fono|celular|mobile|dni|address|direcci[oó]n|email|correo)\b", re.I)


@pytest.fixture(scope="module")
def registry():
    found, problems = load_change_check(ROOT / "data" / "change_check.yml", LANGS)
    assert problems == []
    return found


@pytest.fixture(scope="module")
def made(registry):
    return {form.stem: (form, xlsform.xlsx_bytes(form, LANGS))
            for form in xlsform.forms(registry, SESSIONS, SERVICES, HELPLINE, LABELS, LANGS)}


def rows(content: bytes, sheet: str) -> list[dict]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    values = [list(r) for r in book[sheet].iter_rows(values_only=True)]
    return [dict(zip(values[0], row)) for row in values[1:]]


def test_the_three_forms_are_made(made):
    assert set(made) == {"asistencia", "informe_de_sesion", "cuestionario_de_cambio"}


@pytest.mark.parametrize("stem", ["asistencia", "informe_de_sesion", "cuestionario_de_cambio"])
def test_every_form_converts_with_pyxform_in_both_languages(made, stem, tmp_path):
    path = tmp_path / f"{stem}.xlsx"
    path.write_bytes(made[stem][1])
    warnings: list[str] = []
    xform = convert(xlsform=str(path), warnings=warnings).xform
    assert warnings == []
    assert '<translation lang="Español (es)" default="true()">' in xform and '<translation lang="English (en)">' in xform
    assert f'id="{stem}"' in xform


@pytest.mark.parametrize("stem", ["asistencia", "informe_de_sesion", "cuestionario_de_cambio"])
def test_every_label_is_in_both_languages_and_no_field_asks_who_someone_is(made, stem):
    content = made[stem][1]
    for sheet in ("survey", "choices"):
        for row in rows(content, sheet):
            if row["type" if sheet == "survey" else "list_name"] in ("end_group",):
                continue
            assert row["label::Español (es)"] and row["label::English (en)"], row
            if sheet == "survey":
                assert row["type"].split()[0] not in xlsform.IDENTIFYING_TYPES
                assert not IDENTIFYING_WORDS.search(row["name"]), row["name"]
                if row["type"] in ("text", "integer", "decimal", "barcode"):  # what the person typing can fill freely
                    question = row["label::Español (es)"] + " " + row["label::English (en)"]
                    assert not IDENTIFYING_WORDS.search(question), question


def test_the_change_check_form_asks_the_registrys_statements_with_the_paper_sheets_choices(made, registry):
    content = made["cuestionario_de_cambio"][1]
    survey, choices = rows(content, "survey"), rows(content, "choices")
    statements = [r for r in survey if r["type"] == "select_one answer"]
    assert [r["name"] for r in statements] == [xlsform.item_field(i.id) for i in registry.items]
    assert [r["label::English (en)"] for r in statements] == [f"{i.number}. {i.text['en']}" for i in registry.items]
    assert not any(r.get("required") for r in statements), "a statement left blank on paper is left blank here"
    answers = [(r["name"], r["label::Español (es)"], r["label::English (en)"]) for r in choices if r["list_name"] == "answer"]
    assert answers == [(a.id, a.label["es"], a.label["en"]) for a in registry.answers]
    # one to one with the columns of the paper questionnaire, made from the same registry
    for lang, column in (("es", "label::Español (es)"), ("en", "label::English (en)")):
        header = change_check_markdown(registry, "questionnaire", lang, LABELS[lang]).split("\n")[0]
        assert [c.strip() for c in header.strip("|").split("|")][2:] == [r[column] for r in choices if r["list_name"] == "answer"]
    code = next(r for r in survey if r["name"] == "code")
    pattern = re.fullmatch(r"regex\(\., '(.+)'\)", code["constraint"])[1]
    assert re.match(pattern, "MA15") and re.match(pattern, "MA05") and not re.match(pattern, "Maria") and not re.match(pattern, "MA45")
    # the hint says the rule the code sheet prints, from the same parts
    assert "mother's first name" in code["hint::English (en)"] and "MA05" in code["hint::English (en)"]
    assert "nombre de mi mamá" in code["hint::Español (es)"] and "MA05" in code["constraint_message::Español (es)"]


def test_the_code_a_form_accepts_follows_the_registrys_parts(registry):
    from manualgen.change_check import code_pattern
    three = replace(registry, code=(replace(registry.code[0], length=3, value="MAR"),) + registry.code[1:])
    form = xlsform.change_check_form(three, HELPLINE, xlsform._Words(LABELS, LANGS), LANGS)
    code = next(r for r in form.survey if r["name"] == "code")
    assert code_pattern(three.code) in code["constraint"] and re.match(code_pattern(three.code), "MAR05")
    assert not re.match(code_pattern(three.code), "MA05")


def test_a_statement_added_to_the_registry_is_in_the_form(registry):
    extra = replace(registry.items[0], id="new-statement", number=13, text={"es": "Nueva.", "en": "New."})
    bigger = replace(registry, items=registry.items + (extra,))
    form = xlsform.change_check_form(bigger, HELPLINE, xlsform._Words(LABELS, LANGS), LANGS)
    assert [r["name"] for r in form.survey if r["type"] == "select_one answer"][-1] == "s_new_statement"
    before = xlsform.change_check_form(registry, HELPLINE, xlsform._Words(LABELS, LANGS), LANGS)
    assert xlsform.version(form) != xlsform.version(before)


def test_the_session_forms_list_the_manuals_sessions_with_their_planned_minutes(made):
    for stem in ("asistencia", "informe_de_sesion"):
        sessions = [r for r in rows(made[stem][1], "choices") if r["list_name"] == "session"]
        assert [(r["name"], r["label::English (en)"]) for r in sessions] == [("m01-s01", "m01-s01 · Welcome"), ("m03-s02", "m03-s02 · Power")]
    report = rows(made["informe_de_sesion"][1], "survey")
    assert [r["name"] for r in report if r["name"].startswith("referred_")] == ["referred_linea_100", "referred_police", "referred_other"]
    assert [r["minutes"] for r in rows(made["informe_de_sesion"][1], "choices") if r["list_name"] == "session"] == [120, 90]


def test_the_same_data_gives_the_same_bytes(made, registry):
    again = {f.stem: xlsform.xlsx_bytes(f, LANGS) for f in xlsform.forms(registry, SESSIONS, SERVICES, HELPLINE, LABELS, LANGS)}
    assert again == {stem: content for stem, (_, content) in made.items()}


def test_forms_an_earlier_build_wrote_are_taken_from_the_memo_with_the_same_bytes(made, registry, tmp_path, monkeypatch):
    from manualgen.disk_memo import DiskMemo
    path = tmp_path / "forms.json"
    memo = DiskMemo(path, xlsform.memo_version())
    first = {f.stem: xlsform.xlsx_bytes(f, LANGS, memo) for f in xlsform.forms(registry, SESSIONS, SERVICES, HELPLINE, LABELS, LANGS)}
    memo.save()
    assert first == {stem: content for stem, (_, content) in made.items()}

    def refuse(content):
        raise AssertionError("a form whose sheets did not change was written again")
    monkeypatch.setattr(xlsform, "_written", refuse)
    memo = DiskMemo(path, xlsform.memo_version())
    again = {f.stem: xlsform.xlsx_bytes(f, LANGS, memo) for f in xlsform.forms(registry, SESSIONS, SERVICES, HELPLINE, LABELS, LANGS)}
    assert again == first
    fewer = xlsform.forms(registry, SESSIONS[:1], SERVICES, HELPLINE, LABELS, LANGS)
    with pytest.raises(AssertionError, match="written again"):  # another session list: another file
        [xlsform.xlsx_bytes(f, LANGS, DiskMemo(path, xlsform.memo_version())) for f in fewer]


def test_the_downloads_page_and_every_offline_edition_carry_the_forms(made):
    listed = forms_view([(f.filename, f.title, content) for f, content in made.values()], "es")
    assert {item["path"] for item in listed} == {f"forms/{stem}.xlsx" for stem in made}
    assert all(item["size"].endswith("kB") for item in listed)
    for rel, prefix in (("forms/asistencia.xlsx", ""), ("en/forms/asistencia.xlsx", "en/")):
        assert left_out_of_phone(rel, prefix, tuple(p for p in ("en/",) if p != prefix) or ("",), ("es", "en")) is None
        assert in_offline_zip(rel, LANGS) and in_offline_zip(rel, LANGS, "en" if prefix else "es")
