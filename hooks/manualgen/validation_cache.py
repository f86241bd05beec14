"""The validated manual kept on disk between builds, keyed by the content of every input.

Validating ~200 pages against the schema is the hooks' largest fixed cost, and most builds (`make site`
after `make test`, a restarted `mkdocs serve`, CI re-runs) validate exactly the same sources again. A
build whose inputs (pages, schema, facts, labels, hook code, settings) hash to a known key reuses that
result; any change, even of one byte, gives a new key and a full validation. Only successful loads
are stored, so an author's errors are always reported afresh."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
from collections.abc import Iterable
from pathlib import Path

from .atomic import write_atomically


def sources_key(paths: Iterable[Path], salt: str = "") -> str:
    """Hash of the paths' names and bytes plus `salt` (versions, settings): equal keys mean equal inputs."""
    digest = hashlib.sha256(salt.encode("utf-8"))
    for path in paths:
        digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stat_key(paths: Iterable[Path], salt: str = "") -> str:
    """Cheap key from the paths' names, sizes and modification times plus `salt`, for the same process building
    again (an edit changes the modification time; the bytes are not read)."""
    digest = hashlib.sha256(salt.encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


def stable_text(value) -> str:
    """`value` (settings: dataclasses, dicts, lists, sets, paths) as text that is the same in every process.
    repr() is not: a set's order follows the string hashes, which Python seeds anew in each process, so a key
    made from repr(settings) with a frozenset in them missed the cache on most builds."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=stable_text)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    return str(value)  # paths and anything else with a stable str()


class ValidationCache:
    """One pickled result per folder: the newest replaces the previous, so the cache never grows."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str):
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing, truncated or from other code: validate again
            return None

    def put(self, key: str, value) -> None:
        try:
            write_atomically(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            for old in self.folder.glob("*.pickle"):
                if old.name != self._path(key).name:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout still builds; it just validates every time

