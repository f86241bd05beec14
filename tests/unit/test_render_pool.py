"""The shared PDF worker pool: one render per key in flight, a dead worker becomes one clear error and a
fresh pool, workers ignore Ctrl-C. The render functions live here: spawned workers import this module."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from manualgen import render_pool


def slow_echo(html: str, base_dir: Path) -> str:
    time.sleep(0.5)
    return f"{html} in {base_dir.name}"


def sigint_handler(html: str, base_dir: Path) -> str:
    return str(signal.getsignal(signal.SIGINT))


def die(html: str, base_dir: Path) -> str:
    os._exit(1)  # what the kernel's out-of-memory killer does to a worker


@pytest.fixture(autouse=True)
def fresh_pool():
    render_pool._discard_pool()
    yield
    render_pool._discard_pool()


def test_the_same_key_in_flight_is_rendered_once(tmp_path):
    first = render_pool.submit(slow_echo, "<p>a</p>", tmp_path, key="key-a")
    again = render_pool.submit(slow_echo, "<p>a</p>", tmp_path, key="key-a")
    other = render_pool.submit(slow_echo, "<p>b</p>", tmp_path, key="key-b")
    assert again is first and other is not first
    assert render_pool.result(first) == f"<p>a</p> in {tmp_path.name}"
    assert render_pool.result(other) == f"<p>b</p> in {tmp_path.name}"
    later = render_pool.submit(slow_echo, "<p>a</p>", tmp_path, key="key-a")  # done renders are not reused
    assert later is not first and render_pool.result(later) == f"<p>a</p> in {tmp_path.name}"


def test_workers_ignore_ctrl_c(tmp_path):
    assert render_pool.result(render_pool.submit(sigint_handler, "", tmp_path, key="k")) == str(signal.SIG_IGN)


def test_a_dead_worker_is_one_clear_error_and_the_next_render_works(tmp_path):
    with pytest.raises(render_pool.WorkerStopped, match="falta de memoria.*MANUAL_PDF=0"):
        render_pool.result(render_pool.submit(die, "", tmp_path, key="k-die"))
    assert render_pool.result(render_pool.submit(slow_echo, "<p>c</p>", tmp_path, key="k-after")) == f"<p>c</p> in {tmp_path.name}"
