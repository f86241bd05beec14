"""Results of pure work kept in one file between builds, so a build whose inputs did not change does not redo it.

Each entry is keyed by the hash of everything the work reads (`key_of`); the file also records a version (the
code that does the work, the settings it reads): another version and the whole file is ignored. Saving keeps only
the entries this build used, so the file holds one build's worth and never grows. A missing, damaged or
unwritable file costs time, never a build: the work is then simply done again."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .atomic import write_atomically


def key_of(*parts: str | bytes) -> str:
    """One key for several inputs (a separator between them: ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class DiskMemo:
    """A JSON file of {key: value}; values must be JSON (text, numbers, lists, dicts)."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version
        self.stored: dict = {}
        self.used: dict = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == version and isinstance(data.get("entries"), dict):
                self.stored = data["entries"]
        except (OSError, ValueError):
            pass

    def get(self, key: str):
        """The remembered value, or None."""
        value = self.stored.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self.used[key] = value

    def remembered(self, key: str, make):
        """The remembered value, or make()'s (a JSON value), remembered from now on."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def save(self) -> None:
        """Keep this build's entries (nothing is written when they are the ones already stored)."""
        if self.used == self.stored:
            return
        try:
            write_atomically(self.path, json.dumps({"version": self.version, "entries": self.used}, ensure_ascii=False,
                                                   separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # a read-only checkout still builds; it does the work again next time
        self.stored = dict(self.used)
