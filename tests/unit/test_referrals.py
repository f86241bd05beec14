"""The referral log's categories (data/referrals.yml): one list for the log's key, the workshop report's counts and
the session report's form, so the report asks a count for each code the log writes and nothing else."""
import re
from pathlib import Path

import pytest
import yaml

from manualgen import xlsform
from manualgen.change_check import load_change_check
from manualgen.references import REFERENCE
from manualgen.referrals import load_referrals, referral_markdown, service_label
from manualgen.workshop_report import workshop_report_view

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "referrals.yml"
LANGS = ("es", "en")
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
LOG = str(ROOT / "modules" / "07-compromiso-y-accion" / "h05-registro-de-derivaciones.{lang}.md")
CATALOG = {"modules": [{"id": "m07", "order": 7}],
           "sessions": [{"id": "m07-s02", "module": "m07", "order": 2, "title": "Si alguien me cuenta", "duration": 120, "url": "x"}]}


@pytest.fixture(scope="module")
def services():
    found, problems = load_referrals(DATA, LANGS)
    assert problems == []
    return found


def load_text(tmp_path, text: str):
    path = tmp_path / "referrals.yml"
    path.write_text(text, encoding="utf-8")
    return load_referrals(path, LANGS, "data/referrals.yml")


def log_codes(markdown: str) -> list[str]:
    return re.findall(r"^\| \*\*([A-Z0-9]+)\*\* \|", markdown, re.M)


def test_the_log_the_report_and_the_form_count_the_same_categories_in_the_same_order(services):
    codes = [s.code for s in services]
    assert codes[0] == "CEM" and codes[-1] == "OTR" and len(set(codes)) == len(codes)
    registry, _ = load_change_check(ROOT / "data" / "change_check.yml", LANGS)
    form = xlsform.session_report_form([{"id": "m07-s02", "duration": 120, "title": {"es": "a", "en": "b"}}],
                                       [(s.id, {lang: service_label(s, lang) for lang in LANGS}) for s in services],
                                       xlsform._Words(LABELS, LANGS), LANGS)
    fields = [r for r in form.survey if r["name"].startswith("referred_") and r["type"] == "integer"]
    for lang in LANGS:
        in_log = log_codes(referral_markdown(services, "services", lang, LABELS[lang]))
        report = workshop_report_view(CATALOG, [(s.id, service_label(s, lang)) for s in services], 12, LABELS[lang])
        in_report = [entry["name"].split(" — ")[0] for entry in report["data"]["services"]]
        column = "label::Español (es)" if lang == "es" else "label::English (en)"
        in_form = [r[column].split(" — ")[0] for r in fields]
        assert in_log == in_report == in_form == codes
    assert registry is not None


def test_the_log_prints_the_list_as_its_key_and_asks_for_a_code_not_a_typed_service():
    for lang, column in (("es", "Servicio (código)"), ("en", "Service (code)")):
        text = Path(LOG.format(lang=lang)).read_text(encoding="utf-8")
        assert [m["id"] for m in REFERENCE.finditer(text) if m["kind"] == "referral"] == ["services"]
        assert f"| {column} |" in text and "Servicio al que se derivó" not in text and "Service referred to" not in text


def test_a_service_name_cannot_become_markup(tmp_path):
    text = DATA.read_text(encoding="utf-8").replace("      es: Comisaría\n", "      es: \"Comisaría | <b>x</b> [y](z)\"\n")
    services, problems = load_text(tmp_path, text)
    assert problems == []
    row = referral_markdown(services, "services", "es", LABELS["es"]).split("\n")[3]
    assert row == "| **COM** | Comisaría \\| &lt;b&gt;x&lt;/b&gt; \\[y\\](z) |"


@pytest.mark.parametrize("old, new, field, words", [
    ("    code: FIS\n", "    code: CEM\n", "services.2.code", "repetido"),
    ("    code: FIS\n", "    code: fiscalía\n", "services.2.code", "código no válido"),
    ("  - id: demuna\n", "  - id: cem\n", "services.3.id", "repetido"),
    ("      en: DEMUNA (children and adolescents)\n", "", "services.3.name", "falta el nombre en: en"),
    ("  - id: other\n", "  - id: others\n", "services.7.id", "debe ser 'other'"),
])
def test_an_authors_mistake_names_file_line_field_and_fix(tmp_path, old, new, field, words):
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    services, problems = load_text(tmp_path, text.replace(old, new, 1))
    assert services == ()
    [problem] = [p for p in problems if p.field == field]
    assert problem.path == "data/referrals.yml" and words in problem.message and problem.hint
    before = text[:text.index(old) + len(old)]
    assert problem.line == before[:before.rindex("  - id:")].count("\n") + 1  # the line of the service's entry
