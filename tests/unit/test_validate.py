"""The whole-manual validation without MkDocs: what it raises when a schema cannot be read at all."""
from __future__ import annotations

import shutil

import pytest

from helpers import ROOT
from manualgen.settings import read_settings
from manualgen.validate import Unreadable, validate


def _validate_in(project):
    s = read_settings(project, project / "docs", {}, ("es", "en"), None)
    validate(s, renderer=None, rules=None, page_memo={}, render_memo={})  # stops before anything is rendered


def test_a_missing_schema_is_one_sentence_naming_it(tmp_path):
    with pytest.raises(Unreadable) as caught:
        _validate_in(tmp_path)
    said = str(caught.value)
    assert said.startswith("schema/manual.schema.json: no se pudo leer el esquema: ")
    assert said.endswith(" — recupérelo con git si lo editó por error")


def test_a_broken_labels_schema_is_named_after_a_good_manual_schema(tmp_path):
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "manual.schema.json", tmp_path / "schema")
    (tmp_path / "schema" / "labels.schema.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(Unreadable) as caught:
        _validate_in(tmp_path)
    assert str(caught.value).startswith("schema/labels.schema.json: no se pudo leer el esquema de las palabras: ")
