"""Writing an offline zip again after a small edit without compressing again what did not change.

Compressing every member at level 9 is most of the time a zip takes (≈ 12 MB of pages and PDFs, three zips);
after one session is edited, all but a few members have the same bytes as in the previous build's zip. A member
whose bytes are the same (its size and CRC-32 agree, and its compressed bytes inflate to exactly the new bytes:
inflating is some twenty times quicker than compressing at level 9) is copied from it still compressed: zlib gives
the same compressed bytes for the same input and level, so the zip is byte for byte the one a full write makes
(tests/unit/test_zip_reuse.py holds it to that). A damaged previous zip only means more compressing.

Python's zipfile cannot add an already-compressed member; `add_deflated` does what `ZipFile.writestr` does after
compressing (local header, data, then the central directory at close), through the same ZipFile attributes."""
from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # zip's local file header, 30 bytes
LOCAL_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class Deflated:
    crc: int
    size: int
    data: bytes  # the member's compressed bytes


def previous_members(*zips: Path) -> dict[tuple[int, int], Deflated]:
    """The deflated members of earlier zips, by what they hold ({(size, CRC-32): member}, see content_key), not by
    name: the one-language zips take the members of the all-languages zip written just before them, whose names
    start with another folder. A zip that is missing or cannot be read lends nothing (then everything is
    compressed, as on a first build)."""
    found: dict[tuple[int, int], Deflated] = {}
    for previous in zips:
        if not previous.is_file():
            continue
        try:
            with zipfile.ZipFile(previous) as archive, previous.open("rb") as raw:
                members = [Deflated(info.CRC, info.file_size, _raw_data(raw, info)) for info in archive.infolist()
                           if info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x08]
        except (OSError, ValueError, zipfile.BadZipFile, struct.error):
            continue
        for member in members:
            found.setdefault((member.size, member.crc), member)
    return found


def content_key(data: bytes) -> tuple[int, int]:
    """How a member is looked up among the previous ones: its size and CRC-32 (reusable checks the bytes)."""
    return len(data), zlib.crc32(data)


def _raw_data(raw, info: zipfile.ZipInfo) -> bytes:
    raw.seek(info.header_offset)
    header = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if header[0] != LOCAL_SIGNATURE:
        raise ValueError(f"{info.filename}: not a local header")
    raw.seek(header[-2] + header[-1], 1)  # the name and extra field
    data = raw.read(info.compress_size)
    if len(data) != info.compress_size:
        raise ValueError(f"{info.filename}: truncated")
    return data


def reusable(member: Deflated | None, data: bytes) -> bool:
    """Whether `member` holds exactly `data`."""
    if member is None or member.size != len(data) or member.crc != zlib.crc32(data):
        return False
    try:
        return zlib.decompress(member.data, -zlib.MAX_WBITS) == data
    except zlib.error:
        return False


def add_deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: Deflated) -> None:
    """Add `member`'s compressed bytes under `info` (name, date, attributes), as writestr would have written them."""
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.CRC, info.compress_size = member.size, member.crc, len(member.data)
    info.header_offset = archive.fp.tell()
    archive._writecheck(info)
    archive._didModify = True
    archive.fp.write(info.FileHeader(False))
    archive.fp.write(member.data)
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info
    archive.start_dir = archive.fp.tell()
