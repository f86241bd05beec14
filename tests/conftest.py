"""Fixtures shared by every suite."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT
from manualgen.schema import load_schema


@pytest.fixture(scope="session")
def schema() -> dict:
    return load_schema(str(ROOT / "schema" / "manual.schema.json"))


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the fixture content (modules/ and docs/) for tests that change it."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURE, target)
    return target
