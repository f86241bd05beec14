"""Real strict builds into temporary folders: the fixture manual (fast) and the real manual (once per run)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE, make_project


@pytest.fixture
def mini_project(tmp_path) -> Path:
    return make_project(tmp_path / "project", FIXTURE)

