"""No process outlives the build that started it, whatever stops the build (Ctrl-C, SIGTERM from `timeout` or a
CI cancel, SIGKILL, a crash).

Two mechanisms, because a process killed with SIGKILL runs no code of its own:
- die_with_parent(): called in a child at start-up (a PDF worker, the ZIM writer). A daemon thread checks every
  PARENT_CHECK seconds whether the parent that started it is gone (the child is then adopted by another process)
  and ends the child at once. A thread is used rather than Linux's PR_SET_PDEATHSIG because that signal fires
  when the *thread* that created the child ends, and `mkdocs serve` starts workers from more than one thread.
- parent_death_signal(): a `preexec_fn` for a child started from a process's main thread (scripts/build.py starts
  MkDocs so): the kernel sends SIGKILL to the child the moment its parent dies, even by SIGKILL."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PARENT_CHECK = 0.25  # seconds: a worker outlives a killed build by at most this much
_PR_SET_PDEATHSIG = 1


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)  # no clean-up to do: the work belongs to a build that no longer exists
        time.sleep(PARENT_CHECK)


def die_with_parent(parent: int | None = None) -> None:
    """End this process as soon as `parent` (the process that started it; by default the current parent) is gone."""
    parent = parent or os.getppid()
    if os.getppid() != parent:  # the parent died before this child started
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def parent_death_signal() -> None:
    """In the child, before exec: SIGKILL when the parent dies (Linux; elsewhere a no-op)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def worker_start(parent: int) -> None:
    """A PDF worker's initializer: ignore Ctrl-C (MkDocs stops the pool itself, instead of every worker dying
    mid-render with its own traceback) and end with the MkDocs process that started it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
