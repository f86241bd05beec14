"""Fixtures shared by every suite."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT, Build, mkdocs_build
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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real manual, built strictly once for the whole run (integration and browser suites)."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = mkdocs_build(ROOT, site)
    assert build.returncode == 0, build.output
    return build
