"""The ZIM written in a child process that the build can always stop.

libzim writes from threads of its own; when the disk fills at some points of the writing (its temporary cluster
and full-text files) it waits forever for a thread that has died, inside C++ code where neither Ctrl-C nor Python
can reach it, and `make site` hung holding the build lock. In a child process it can be ended: the build stops it
when the zips fail (the disk is shared), on Ctrl-C or SIGTERM, and when the disk has stayed full while the child
made no progress for FULL_DISK_WAIT seconds (then the build says the disk is full, as for any other write)."""
from __future__ import annotations

import errno
import multiprocessing
import os
import time
from pathlib import Path

from manualgen import lifetime
from manualgen.zim import ZimError, ZimMetadata, write_zim

FULL_DISK_BYTES = 1 << 20  # less free than this while the writer is stuck: the disk is full
FULL_DISK_WAIT = 3.0  # seconds the disk stays full before the writer is taken as stuck
POLL = 0.2


def _write(site: Path, target: Path, metadata: ZimMetadata, parent: int, report, memo: Path | None = None) -> None:
    lifetime.die_with_parent(parent)
    try:
        write_zim(site, target, metadata, memo)
        report.send(None)
    except ZimError as error:
        report.send(("zim", str(error)))
    except OSError as error:
        report.send(("os", error.errno, error.strerror, error.filename))
    except Exception as error:  # noqa: BLE001 - any failure reaches the build as one sentence
        report.send(("zim", f"{type(error).__name__}: {error}"))


def free_bytes(folder: Path) -> int:
    """What this process may still write on `folder`'s file system (root may also use the reserved blocks)."""
    stats = os.statvfs(folder)
    return (stats.f_bfree if os.geteuid() == 0 else stats.f_bavail) * stats.f_frsize


class ZimWriter:
    """write_zim(site, target, metadata, memo) running in a child process from the moment this is made."""

    def __init__(self, site: Path, target: Path, metadata: ZimMetadata, memo: Path | None = None):
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        context = multiprocessing.get_context("spawn")  # never fork a process that may have threads
        self._report, child_end = context.Pipe(duplex=False)
        self._process = context.Process(target=_write, args=(site, target, metadata, os.getpid(), child_end, memo),
                                        name="zim-writer", daemon=True)
        self._process.start()
        child_end.close()

    def wait(self) -> Path:
        """The written ZIM; raises ZimError, or OSError (ENOSPC for a full disk, whatever libzim does then)."""
        full_since = None
        try:
            while not self._report.poll(POLL):
                if not self._process.is_alive():
                    if self._report.poll(0):
                        break
                    raise ZimError(f"el proceso que escribe {self.target.name} terminó sin decir por qué "
                                   f"(código {self._process.exitcode}) — vuelva a construir")
                if free_bytes(self.target.parent) >= FULL_DISK_BYTES:
                    full_since = None
                elif full_since is None:
                    full_since = time.monotonic()
                elif time.monotonic() - full_since > FULL_DISK_WAIT:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.target))
            outcome = self._report.recv()
        except EOFError:
            raise ZimError(f"el proceso que escribe {self.target.name} terminó sin decir por qué — vuelva a construir") from None
        finally:
            self.stop()
        if outcome is None:
            return self.target
        if outcome[0] == "os":
            raise OSError(outcome[1], outcome[2], outcome[3])
        raise ZimError(outcome[1])

    def stop(self) -> None:
        """End the child now, if it still runs (SIGTERM, then SIGKILL: libzim may be stuck in C++ code)."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
        self._process.join(timeout=5)
        self._report.close()
