"""One pool of PDF worker processes for the whole MkDocs process.

Why one pool, created with `spawn`:
- `mkdocs serve` builds while its file watcher and HTTP server threads run. A child *forked* from a
  threaded process can inherit a lock another thread held at that moment and wait on it forever; with
  `spawn` each worker is a fresh interpreter, so that hang cannot happen.
- Creating a pool per language and per build paid the start-up again each time. This pool starts
  on first use and its workers stay warm (WeasyPrint imported) for every later language and rebuild.
  This module is imported once per process (MkDocs reloads hook files, not the packages they import),
  so the pool and the renders in flight survive `mkdocs serve`'s rebuilds.
- Work is submitted from the build's own thread only. In preview, results are stored by callbacks and
  the process exit waits for the renders still in flight (never for the whole manual)."""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from manualgen import lifetime

# Spawned workers start with the parent's sys.path; MkDocs puts hooks/ on it only while it imports a
# hook file, so it is added for good (at the end: it shadows nothing) before the first worker starts.
_HOOKS_DIR = str(Path(__file__).resolve().parent.parent)

_pool: ProcessPoolExecutor | None = None
_in_flight: dict[str, Future] = {}


class WorkerStopped(RuntimeError):
    """A worker process died (usually out of memory); the pool is discarded and made again next time."""


def _worker_count() -> int:
    return os.cpu_count() or 1  # one per core: drawing a PDF is pure CPU


def _worker_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        if _HOOKS_DIR not in sys.path:
            sys.path.append(_HOOKS_DIR)
        # Workers ignore Ctrl-C (MkDocs shuts the pool down itself) and end with this process, however it ends.
        _pool = ProcessPoolExecutor(max_workers=_worker_count(), mp_context=multiprocessing.get_context("spawn"),
                                    initializer=lifetime.worker_start, initargs=(os.getpid(),))
    return _pool


def _discard_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None
    _in_flight.clear()


def stop() -> None:
    """End every worker now (Ctrl-C, a failed build): workers ignore SIGINT, so without this they would
    finish their renders and hold memory after MkDocs has stopped."""
    global _pool
    if _pool is None:
        return
    processes = list(getattr(_pool, "_processes", {}).values())
    _pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
    _pool = None
    _in_flight.clear()


def _ready() -> bool:
    import weasyprint  # noqa: F401 - the import is the work: most of a worker's start-up
    return True


def warm_up() -> None:
    """Start every worker now, each importing WeasyPrint, so that they are ready when the first document
    comes: the build's main process spends its first seconds validating and rendering pages on one core."""
    pool = _worker_pool()
    for _ in range(_worker_count()):
        pool.submit(_ready)


def submit(function: Callable, *args, key: str) -> Future:
    """Run `function(*args)` in a worker (a document drawn, a long PDF joined). The same key already at work (an
    earlier preview build of `mkdocs serve` still drawing it) returns that work instead of starting it again."""
    running = _in_flight.get(key)
    if running is not None and not running.done():
        return running
    try:
        future = _worker_pool().submit(function, *args)
    except BrokenProcessPool:
        _discard_pool()
        future = _worker_pool().submit(function, *args)
    _in_flight[key] = future
    future.add_done_callback(lambda done: _in_flight.pop(key, None) if _in_flight.get(key) is done else None)
    return future


def as_completed(futures):
    """The futures in the order they finish (Ctrl-C stops the workers, as result() does)."""
    from concurrent.futures import as_completed as completed
    try:
        yield from completed(futures)
    except KeyboardInterrupt:
        stop()
        raise


def result(future: Future):
    """The render's result; a dead worker becomes one clear error and a fresh pool for the next build."""
    try:
        return future.result()
    except KeyboardInterrupt:
        stop()
        raise
    except BrokenProcessPool:
        _discard_pool()
        raise WorkerStopped("un proceso que genera los PDF se detuvo antes de terminar (casi siempre por falta de "
                            "memoria) — cierre otros programas y vuelva a construir; para revisar solo las páginas, "
                            "construya sin PDF: MANUAL_PDF=0 make serve") from None
