from manualgen.validation_cache import ValidationCache, sources_key


def test_key_changes_with_any_byte_name_or_salt(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("duration: 60", encoding="utf-8")
    b.write_text("x", encoding="utf-8")
    key = sources_key([a, b], "v1")
    assert sources_key([a, b], "v1") == key
    assert sources_key([a, b], "v2") != key
    assert sources_key([b, a], "v1") != key
    a.write_text("duration: 61", encoding="utf-8")  # same size, one byte different
    assert sources_key([a, b], "v1") != key


def test_round_trip_keeps_only_the_newest(tmp_path):
    cache = ValidationCache(tmp_path / "validated")
    assert cache.get("k1") is None
    cache.put("k1", {"pages": [1, 2]})
    assert cache.get("k1") == {"pages": [1, 2]}
    cache.put("k2", {"pages": [3]})
    assert cache.get("k1") is None
    assert cache.get("k2") == {"pages": [3]}
    assert [p.name for p in (tmp_path / "validated").iterdir()] == ["k2.pickle"]


def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path):
    cache = ValidationCache(tmp_path / "validated")
    cache.put("k", [1])
    (tmp_path / "validated" / "k.pickle").write_bytes(b"\x80\x05truncated")
    assert cache.get("k") is None


def test_unwritable_folder_is_ignored(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ValidationCache(blocker / "validated")
    cache.put("k", [1])  # must not raise: the build goes on without the cache
    assert cache.get("k") is None


# The validated manual's key is made in a new process each build, where Python seeds string hashes afresh: a
# key that follows a set's order (repr of a frozenset) misses the cache on most builds.
KEY_IN_A_NEW_PROCESS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import loaded_manual
from manualgen.settings import read_settings
s = read_settings(Path("/p"), Path("/p/docs"), {"published_types": ["png", "jpg", "jpeg", "webp", "svg", "gif"]},
                  ("es", "en"), None)
print(loaded_manual._salt(s))
"""


def test_the_validated_manuals_key_is_the_same_in_every_process():
    import os
    import subprocess
    import sys
    from pathlib import Path
    hooks = Path(__file__).resolve().parents[2] / "hooks"
    keys = {subprocess.run([sys.executable, "-c", KEY_IN_A_NEW_PROCESS, str(hooks)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(keys) == 1, keys


def test_stable_text_orders_sets_and_writes_paths_as_text():
    from dataclasses import dataclass
    from pathlib import Path

    from manualgen.validation_cache import stable_text

    @dataclass(frozen=True)
    class Shape:
        kinds: frozenset
        where: Path

    assert stable_text(Shape(frozenset({"svg", "png"}), Path("/a"))) == '{"kinds": ["png", "svg"], "where": "/a"}'
    assert stable_text(Shape(frozenset({"svg"}), Path("/a"))) != stable_text(Shape(frozenset({"png"}), Path("/a")))
