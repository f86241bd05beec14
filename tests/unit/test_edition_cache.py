"""Reusing the offline editions of the last build (hooks/manualgen/edition_cache.py)."""
from __future__ import annotations

from manualgen.edition_cache import EditionCache, editions_key, place


def site_with(tmp_path, text="hola"):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(text, encoding="utf-8")
    (site / "en" / "index.html").write_text("hello", encoding="utf-8")
    return site


def test_the_key_follows_every_file_setting_and_writer(tmp_path):
    writer = tmp_path / "zim.py"
    writer.write_text("v1")
    site = site_with(tmp_path)
    key = editions_key(site, {"version": "a"}, [writer])
    assert editions_key(site, {"version": "a"}, [writer]) == key
    assert editions_key(site, {"version": "b"}, [writer]) != key
    (site / "index.html").write_text("adiós", encoding="utf-8")
    assert editions_key(site, {"version": "a"}, [writer]) != key
    (site / "index.html").write_text("hola", encoding="utf-8")
    (site / "en" / "index.html").rename(site / "en" / "other.html")  # same bytes, another path
    assert editions_key(site, {"version": "a"}, [writer]) != key
    (site / "en" / "other.html").rename(site / "en" / "index.html")
    writer.write_text("v2")
    assert editions_key(site, {"version": "a"}, [writer]) != key


def test_restores_only_the_same_key_and_intact_files(tmp_path):
    made = {"zip": tmp_path / "made.zip", "zim": tmp_path / "made.zim"}
    made["zip"].write_bytes(b"zip bytes")
    made["zim"].write_bytes(b"zim bytes")
    cache = EditionCache(tmp_path / "cache")
    cache.keep("k1", made)
    targets = {"zip": tmp_path / "out" / "a.zip", "zim": tmp_path / "out" / "a.zim"}
    assert not cache.restore("k2", targets) and not targets["zip"].exists()
    assert cache.restore("k1", targets)
    assert targets["zip"].read_bytes() == b"zip bytes" and targets["zim"].read_bytes() == b"zim bytes"
    (tmp_path / "cache" / "zim").write_bytes(b"zim bytez")  # same length, other bytes
    assert not cache.restore("k1", {"zip": tmp_path / "b.zip", "zim": tmp_path / "b.zim"})
    (tmp_path / "cache" / "manifest.json").write_text("{not json")
    assert not cache.restore("k1", targets)
    assert not EditionCache(tmp_path / "nowhere").restore("k1", targets)


def test_an_edition_is_placed_as_a_file_of_its_own_and_replaces_what_was_there(tmp_path):
    made = tmp_path / "made.zip"
    made.write_bytes(b"zip bytes")
    target = tmp_path / "dist" / "edition.zip"
    target.parent.mkdir()
    target.write_bytes(b"an older edition")
    place(made, target)
    assert target.read_bytes() == b"zip bytes" and target.stat().st_ino != made.stat().st_ino


def test_changing_the_cache_in_place_never_changes_a_published_edition(tmp_path):
    made = {"zip": tmp_path / "made" / "a.zip"}
    made["zip"].parent.mkdir()
    made["zip"].write_bytes(b"the edition")
    cache = EditionCache(tmp_path / "cache")
    cache.keep("k1", made)
    published = {"zip": tmp_path / "dist" / "a.zip"}
    assert cache.restore("k1", published)
    with (tmp_path / "cache" / "zip").open("r+b") as kept:  # written in place, as a careless tool would
        kept.write(b"THE")
    assert made["zip"].read_bytes() == b"the edition" and published["zip"].read_bytes() == b"the edition"
