"""An offline zip written again after an edit reuses the unchanged members' compressed bytes (manualgen/zip_reuse.py)
and is byte for byte the zip a full write makes."""
from __future__ import annotations

import os
import zipfile

import pytest

from manualgen import zip_reuse
from manualgen.bundle import write_offline_zip

HELPLINES = {"linea-100": {"name": {"es": "Línea 100", "en": "Línea 100"}, "number": "100"}, "policia": {"number": "105"}}


def site(folder, session_text: str):
    files = {"index.html": "<p>Inicio</p>" * 200, "en/index.html": "<p>Home</p>" * 200,
             "modules/s1.html": session_text, "pdf/s1.pdf": os.urandom(3000).hex(), "assets/app.js": "var a = 1;\n" * 500}
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def write(site_folder, target, previous=None):
    return write_offline_zip(site_folder, target, "manual", "v1", 1700000000, ("es", "en"), HELPLINES, None,
                             (previous,) if previous else ())


@pytest.fixture
def edited(tmp_path):
    """The zip of a site, then the same site with one page edited."""
    folder = site(tmp_path / "site", "<p>Sesión</p>" * 100)
    before = write(folder, tmp_path / "before.zip")
    (folder / "modules/s1.html").write_text("<p>Sesión editada</p>" * 100, encoding="utf-8")
    return folder, before


def test_an_edit_compresses_only_the_changed_member_and_gives_the_same_bytes(edited, tmp_path, monkeypatch):
    folder, before = edited
    full = write(folder, tmp_path / "full.zip").read_bytes()
    compressed = []
    real = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr", lambda self, info, data, *a, **k: compressed.append(info.filename) or real(self, info, data, *a, **k))
    again = write(folder, tmp_path / "again.zip", previous=before)
    assert again.read_bytes() == full
    assert sorted(compressed) == ["manual/SHA256SUMS", "manual/modules/s1.html"]  # what changed, nothing else
    with zipfile.ZipFile(again) as archive:
        assert archive.testzip() is None
        assert archive.read("manual/modules/s1.html").decode("utf-8").startswith("<p>Sesión editada</p>")


def test_a_damaged_or_missing_previous_zip_means_a_full_write(edited, tmp_path):
    folder, before = edited
    full = write(folder, tmp_path / "full.zip").read_bytes()
    data = bytearray(before.read_bytes())
    with zipfile.ZipFile(before) as archive:  # inside the compressed bytes of a member that did not change
        info = archive.getinfo("manual/assets/app.js")
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start:start + 8] = b"\xff" * 8
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    for previous in (damaged, tmp_path / "none.zip", tmp_path):
        assert write(folder, tmp_path / "again.zip", previous=previous).read_bytes() == full


def test_a_member_is_reused_only_when_it_inflates_to_exactly_the_new_bytes():
    import zlib
    data = b"the same bytes, " * 20
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = packer.compress(data) + packer.flush()
    assert zip_reuse.reusable(zip_reuse.Deflated(zlib.crc32(data), len(data), deflated), data)
    assert not zip_reuse.reusable(zip_reuse.Deflated(1, len(data), deflated), data)
    assert not zip_reuse.reusable(zip_reuse.Deflated(zlib.crc32(data), len(data) + 1, deflated), data)
    damaged = deflated[:10] + bytes([deflated[10] ^ 0xFF]) + deflated[11:]  # same CRC and size in the directory
    assert not zip_reuse.reusable(zip_reuse.Deflated(zlib.crc32(data), len(data), damaged), data)
    assert not zip_reuse.reusable(None, data)


def test_a_one_language_zip_takes_the_members_of_the_zip_written_before_it(tmp_path, monkeypatch):
    folder = site(tmp_path / "site", "<p>Sesión</p>" * 100)
    (folder / "offline").mkdir()
    (folder / "offline" / "only-es.html").write_text("<p>Solo español</p>", encoding="utf-8")
    (folder / "offline" / "only-es-start.html").write_text("<p>Inicio</p>", encoding="utf-8")
    both = write(folder, tmp_path / "both.zip")

    def es(target, previous=None):
        return write_offline_zip(folder, target, "manual-es", "v1", 1700000000, ("es", "en"), HELPLINES, "es", previous or ())
    full = es(tmp_path / "full-es.zip").read_bytes()
    compressed = []
    real = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr", lambda self, info, data, *a, **k: compressed.append(info.filename) or real(self, info, data, *a, **k))
    lent = es(tmp_path / "lent-es.zip", previous=(tmp_path / "missing.zip", both))
    assert lent.read_bytes() == full
    with zipfile.ZipFile(lent) as archive:
        names = archive.namelist()
    assert "manual-es/modules/s1.html" in names and "manual-es/modules/s1.html" not in compressed  # under another folder
    assert "manual-es/assets/app.js" not in compressed
    # compressed: only what the all-languages zip does not hold (its start text, checksums, the English notice)
    assert sorted(compressed) == ["manual-es/LEAME-README.txt", "manual-es/SHA256SUMS", "manual-es/en/index.html"]
