"""Shared test helpers: the project root, the schema, and a copy of the small fixture manual."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from manualgen.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
LANGS = ("es", "en")


@pytest.fixture(scope="session")
def schema() -> dict:
    return load_schema(str(ROOT / "schema" / "manual.schema.json"))


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the fixture content (modules/ and docs/) for tests that change it."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
