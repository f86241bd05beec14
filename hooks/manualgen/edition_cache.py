"""The offline editions (zip and ZIM) of the last build, kept so that a `make site` which changed nothing they
hold copies them instead of writing them again (the ZIM alone takes ~3.5 s: compression and a full-text index).

Both editions are reproducible (same site and settings, same bytes), so reusing them is exact, not an
approximation: the key is every file of the built site (path and bytes) plus every setting either writer
reads and the code that writes them. One entry is kept; each file's checksum is checked before it is reused,
and every edition placed from or into the cache is a file of its own (place)."""
from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
from pathlib import Path

MANIFEST = "manifest.json"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


_FICLONE = 0x40049409  # Linux's ioctl that shares a file's blocks copy-on-write (Btrfs, XFS): a copy in no time


def place(source: Path, target: Path) -> None:
    """`target` with the bytes of `source`, as a file of its own: a published edition must never share its
    bytes with the cache (a hard link did: changing the cache's file in place changed the published zip). A
    copy-on-write clone where the file system offers one, else an ordinary copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with source.open("rb") as reader, target.open("xb") as writer:
        try:
            fcntl.ioctl(writer.fileno(), _FICLONE, reader.fileno())
            return
        except OSError:
            pass
        shutil.copyfileobj(reader, writer, 1 << 20)


def editions_key(site: Path, settings: dict, writers: list[Path]) -> str:
    """What the editions are made of: each file under `site` (sorted path and checksum), the settings (any
    JSON value: version, date, metadata, helplines…) and the source of the code that writes them."""
    sha = hashlib.sha256(json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    for source in writers:
        sha.update(source.read_bytes())
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        sha.update(f"\0{path.relative_to(site).as_posix()}\0{_digest(path)}".encode("utf-8"))
    return sha.hexdigest()


class EditionCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def restore(self, key: str, targets: dict[str, Path]) -> bool:
        """Place the kept editions at `targets` (kind -> path) if they were made from `key` and are intact."""
        try:
            manifest = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        files = manifest.get("files", {}) if isinstance(manifest, dict) else {}
        if manifest.get("key") != key or set(files) != set(targets):
            return False
        kept = {kind: self.folder / kind for kind in targets}
        if any(not path.is_file() or _digest(path) != files[kind] for kind, path in kept.items()):
            return False
        for kind, target in targets.items():
            place(kept[kind], target)
        return True

    def keep(self, key: str, made: dict[str, Path]) -> None:
        """Replace the kept editions with `made`. The manifest is written last: an interrupted copy leaves an
        entry that no key matches, never a wrong edition."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / MANIFEST).unlink(missing_ok=True)
        for kind, path in made.items():
            place(path, self.folder / kind)
        files = {kind: _digest(self.folder / kind) for kind in made}
        (self.folder / MANIFEST).write_text(json.dumps({"key": key, "files": files}, indent=1), encoding="utf-8")
