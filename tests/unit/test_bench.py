"""`make bench` measures what a contributor's machine does: warm builds reuse the hooks' bytecode, a fresh clone's
first build has neither build caches nor compiled hooks."""
from __future__ import annotations

import bench


def test_a_measured_build_keeps_bytecode_even_where_the_shell_forbids_it(monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = bench.build_env(MANUAL_PDF="0")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["MANUAL_PDF"] == "0" and env["SOURCE_DATE_EPOCH"] == "1700000000"


def test_a_fresh_clone_has_no_build_cache_and_no_compiled_hooks(tmp_path):
    for folder in (".cache/validated", "hooks/__pycache__", "hooks/manualgen/__pycache__"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x").write_text("x")
    (tmp_path / "hooks/manualgen/sanitise.py").write_text("# source stays")
    bench.empty_caches(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "hooks", "hooks/manualgen", "hooks/manualgen/sanitise.py"]
