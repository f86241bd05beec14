"""The manual's settings read from extra.manual, the validation's input files derived from them, MANUAL_PDF."""
from __future__ import annotations

from dataclasses import fields
import pytest

from manualgen.settings import Settings, data_files, pdf_mode, read_settings, validation_inputs


def test_defaults_fill_what_extra_manual_leaves_out(tmp_path):
    s = read_settings(tmp_path, tmp_path / "docs", {}, ("es", "en"), "")
    assert s.schema_path == tmp_path / "schema/manual.schema.json"
    assert s.labels_schema_path == tmp_path / "schema/labels.schema.json"
    assert (s.modules_dir, s.cache_dir, s.glossary) == ("modules", ".cache", "glosario")
    assert (s.attendance_rows, s.sign_in_rows, s.site_url) == (20, 16, None)


def test_values_from_extra_manual(tmp_path):
    extra = {"facts": "other/facts.yml", "attendance_rows": "25", "typographic_quotes": ["en"],
             "published_types": [".PDF", "png"], "schema": "s/manual.json"}
    s = read_settings(tmp_path, tmp_path / "docs", extra, ("es", "en"), "https://example.org/")
    assert s.facts_path == tmp_path / "other/facts.yml"
    assert s.labels_schema_path == tmp_path / "s/labels.schema.json"
    assert s.attendance_rows == 25 and s.typographic_quotes == ("en",)
    assert s.published_types == frozenset({"pdf", "png"}) and s.site_url == "https://example.org/"


def test_every_path_setting_is_a_data_file_of_the_validation(tmp_path):
    s = read_settings(tmp_path, tmp_path / "docs", {}, ("es",), None)
    named = {getattr(s, f.name) for f in fields(Settings) if f.name.endswith("_path")}
    found = data_files(s)
    assert set(found) == named | {s.labels_schema_path}
    assert found[:3] == [s.schema_path, s.labels_schema_path, s.facts_path]


def test_validation_inputs_are_existing_data_modules_pages_and_code(tmp_path):
    for rel in ("schema/manual.schema.json", "data/facts.yml", "modules/m01/s.es.md", "modules/m01/pic.svg",
                "docs/index.es.md", "docs/assets/app.js", "code/hook.py", "code/inner/pure.py", "code/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    s = read_settings(tmp_path, tmp_path / "docs", {}, ("es",), None)
    found = [p.relative_to(tmp_path).as_posix() for p in validation_inputs(s, tmp_path / "code")]
    assert found == ["schema/manual.schema.json", "data/facts.yml", "modules/m01/pic.svg", "modules/m01/s.es.md",
                     "docs/index.es.md", "code/hook.py", "code/inner/pure.py"]


@pytest.mark.parametrize("value, mode", [(None, "on"), ("1", "on"), ("", "on"), (" Preview ", "preview"),
                                         ("0", "off"), ("no", "off"), ("FALSE", "off"), ("off", "off"), ("yes", "on")])
def test_manual_pdf_switch(value, mode):
    assert pdf_mode(value) == mode

