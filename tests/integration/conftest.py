"""Real strict builds into temporary folders: the fixture manual (fast) and the real manual (once per run)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT, Build, make_project, mkdocs_build


@pytest.fixture
def mini_project(tmp_path) -> Path:
    return make_project(tmp_path / "project", FIXTURE)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real manual, built strictly once for the whole run."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = mkdocs_build(ROOT, site)
    assert build.returncode == 0, build.output
    return build
