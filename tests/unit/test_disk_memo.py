"""Pure work remembered between builds (manualgen/disk_memo.py) and its users: the search index's sections."""
from __future__ import annotations

import json

from manualgen import search_index
from manualgen.disk_memo import DiskMemo, key_of
from manualgen.search_index import memo_version, shape

INDEX = {"config": {"lang": ["es"], "fields": {"title": {"boost": 1000.0}}},
         "docs": [{"location": "a.html", "title": "Género", "text": "<p>El <em>time-out</em> y la violencia.</p>"},
                  {"location": "b.html#x", "title": "Línea 100", "text": "<p>Llame a la Línea 100, gratis.</p>"}]}


def test_keys_separate_their_parts():
    assert key_of("ab", "c") != key_of("a", "bc")
    assert key_of("a", b"b") == key_of("a", "b")


def test_a_saved_memo_keeps_only_what_the_build_used_and_ignores_another_version(tmp_path):
    path = tmp_path / "checked" / "memo.json"
    memo = DiskMemo(path, "v1")
    memo.put("old", [1])
    memo.save()
    memo = DiskMemo(path, "v1")
    memo.put("new", {"a": "ñ"})
    memo.save()
    assert json.loads(path.read_text(encoding="utf-8"))["entries"] == {"new": {"a": "ñ"}}
    assert DiskMemo(path, "v1").get("new") == {"a": "ñ"}
    assert DiskMemo(path, "v2").get("new") is None
    path.write_text("{damaged", encoding="utf-8")
    assert DiskMemo(path, "v1").get("new") is None


def test_an_unwritable_memo_costs_time_not_the_build(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    memo = DiskMemo(blocker / "memo.json", "v1")
    memo.put("k", 1)
    memo.save()  # must not raise


def test_the_search_index_shaped_again_from_the_memo_is_the_same_without_shaping(tmp_path, monkeypatch):
    path = tmp_path / "search-sections.json"
    fresh = shape(INDEX, "es")
    memo = DiskMemo(path, memo_version())
    assert shape(INDEX, "es", memo) == fresh
    memo.save()

    def refuse(html):
        raise AssertionError("an unchanged section was shaped again")
    monkeypatch.setattr(search_index, "plain_text", refuse)
    assert shape(INDEX, "es", DiskMemo(path, memo_version())) == fresh
    changed = {**INDEX, "docs": [INDEX["docs"][0], {**INDEX["docs"][1], "text": "<p>Otra cosa</p>"}]}
    monkeypatch.undo()
    again = shape(changed, "es", DiskMemo(path, memo_version()))
    assert again["docs"][0] == fresh["docs"][0] and again["docs"][1]["text"] == "Otra cosa"
