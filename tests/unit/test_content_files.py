"""Files no content folder may hold (symbolic links, names with control characters), and the validation's quick
in-process key: both checked without a build."""
from __future__ import annotations

import os

from manualgen.published_files import file_problems
from manualgen.validation_cache import stat_key


def test_links_and_control_characters_are_named_once_each(tmp_path):
    docs, modules = tmp_path / "docs", tmp_path / "modules"
    (docs / "assets").mkdir(parents=True)
    (modules / "m01").mkdir(parents=True)
    (docs / "index.es.md").write_text("# Inicio", encoding="utf-8")
    (docs / "assets" / "passwd.txt").symlink_to("/etc/passwd")
    (modules / "m01" / "s\n1.es.md").write_text("x", encoding="utf-8")
    (modules / "linked").symlink_to(docs, target_is_directory=True)  # never followed: its files are not reported
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    (tmp_path / "empty").mkdir()
    outside.symlink_to(tmp_path / "empty", target_is_directory=True)  # a content folder that is itself a link
    problems = file_problems(tmp_path, [docs, modules, docs, outside])
    said = sorted((p.path, p.message.split(":")[0]) for p in problems)
    assert said == sorted([("docs/assets/passwd.txt", "es un enlace simbólico"),
                    ("modules/linked", "es un enlace simbólico"),
                    ("modules/m01/s\n1.es.md", "el nombre tiene caracteres de control (un salto de línea, un tabulador…)"),
                    (outside.as_posix(), "es un enlace simbólico")])
    assert all(p.field == "archivo" and p.hint for p in problems)
    assert "\\n" in str(next(p for p in problems if "\n" in p.path))  # shown on one line


def test_clean_folders_and_missing_ones_give_nothing(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.es.md").write_text("# Inicio", encoding="utf-8")
    assert file_problems(tmp_path, [tmp_path / "docs", tmp_path / "absent"]) == []


def test_quick_key_follows_modification_time_size_and_salt_not_reading_bytes(tmp_path):
    page = tmp_path / "s.es.md"
    page.write_text("duration: 60", encoding="utf-8")
    key = stat_key([page], "settings")
    assert stat_key([page], "settings") == key and stat_key([page], "other") != key
    stat = page.stat()
    page.write_text("duration: 61", encoding="utf-8")  # same size: only the modification time tells
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert stat_key([page], "settings") == key
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert stat_key([page], "settings") != key
