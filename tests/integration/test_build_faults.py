"""Faults of the machine, not of the content: a full disk and a build stopped by a signal end the build at once,
with one sentence, the build lock released and no process left running."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import BUILD_TIMEOUT, FIXTURE, ROOT, make_project, mkdocs_build

ENV = {"SOURCE_DATE_EPOCH": "1700000000", "MANUAL_VERSION": "test", "NO_MKDOCS_2_WARNING": "1"}
DISK_FULL = "No queda espacio en el disco"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def lock_is_free(project: Path) -> bool:
    with (project / ".build.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_build_stopped_by_a_signal_leaves_no_process_running(tmp_path, sig):
    project = make_project(tmp_path / "p", FIXTURE)
    build = subprocess.Popen([sys.executable, "scripts/build.py"], cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, **ENV, "MANUAL_PDF": "1"})
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers:  # wait for MkDocs and its PDF workers (they start while the pages are validated)
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        running = descendants(build.pid)
        workers = [pid for pid in running if "spawn_main" in command_line(pid)]
        time.sleep(0.02)
    running = descendants(build.pid)
    assert any("mkdocs" in command_line(pid) for pid in running)
    build.send_signal(sig)
    _, err = build.communicate(timeout=60)
    survivors = running
    until = time.monotonic() + 5  # a worker checks for its parent 4 times a second
    while survivors and time.monotonic() < until:
        survivors = [pid for pid in running if alive(pid)]
        time.sleep(0.1)
    assert not survivors, [command_line(pid) for pid in survivors]
    assert lock_is_free(project)
    if sig == signal.SIGTERM:
        assert build.returncode == 128 + signal.SIGTERM, err
        assert "SIGTERM" in err and "site/ y dist/ quedan como estaban" in err and "Traceback" not in err
        assert not (project / ".build").exists()
        assert not (project / "site").exists()


def test_mkdocs_stopped_by_sigterm_leaves_no_pdf_worker(tmp_path):
    # `timeout mkdocs build` or a CI cancel sends SIGTERM to MkDocs itself, which then ends without running any code.
    project = make_project(tmp_path / "p", FIXTURE)
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                             cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, **ENV, "MANUAL_PDF": "1"})
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers:
        assert build.poll() is None and time.monotonic() < deadline
        workers = [pid for pid in descendants(build.pid) if "spawn_main" in command_line(pid)]
        time.sleep(0.02)
    build.send_signal(signal.SIGTERM)
    build.wait(timeout=60)
    until = time.monotonic() + 5
    while [pid for pid in workers if alive(pid)] and time.monotonic() < until:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], [command_line(pid) for pid in workers]


# scripts/build.py run whole, except that the offline editions are written into `full` (a small file system).
DRIVER = textwrap.dedent("""
    import importlib.util, sys
    from pathlib import Path
    spec = importlib.util.spec_from_file_location("build", "scripts/build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    full = Path(sys.argv[1])
    original = build.edition_paths
    build.edition_paths = lambda dist, name, languages: original(full, name, languages)
    sys.exit(build.main())
""")


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB file system (tmpfs; needs root, as on CI), full long before the editions are written."""
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_while_the_editions_are_written_stops_the_build_and_releases_the_lock(tmp_path, tiny_disk):
    # The real manual: with the fixture's few pages libzim fails cleanly; with this many it used to wait forever.
    project = make_project(tmp_path / "p", FIXTURE)
    for content in ("modules", "docs"):
        shutil.rmtree(project / content)
        shutil.copytree(ROOT / content, project / content)
    started = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-c", DRIVER, str(tiny_disk / "dist")], cwd=project,
                                capture_output=True, text=True, timeout=240, env={**os.environ, **ENV, "MANUAL_PDF": "0"})
    except subprocess.TimeoutExpired:
        raise AssertionError("the build hung on a full disk") from None
    assert result.returncode == 1, result.stderr
    assert DISK_FULL in result.stderr and "escribir la edición sin conexión" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "libzim" not in result.stderr
    assert time.monotonic() - started < 200
    assert lock_is_free(project)
    assert not (project / ".build").exists() and not (project / "site").exists()
    assert not [pid for pid in descendants(os.getpid()) if "spawn_main" in command_line(pid)]


def test_a_full_disk_in_a_hook_says_the_disk_is_full(mini_project, tmp_path):
    # The catalog is written by one of the manual's hooks: ENOSPC at that write, as a full disk gives it.
    driver = textwrap.dedent("""
        import errno, os, pathlib, sys
        from mkdocs.__main__ import cli
        write_text = pathlib.Path.write_text
        def full(self, *args, **kwargs):
            if self.name == "catalog.json":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return write_text(self, *args, **kwargs)
        pathlib.Path.write_text = full
        sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
        cli()
    """)
    result = subprocess.run([sys.executable, "-c", driver, str(tmp_path / "site")], cwd=mini_project,
                            capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                            env={**os.environ, **ENV, "MANUAL_PDF": "0"})
    assert result.returncode == 1
    assert "no queda espacio en el disco" in result.stderr, result.stderr
    assert "error inesperado" not in result.stderr and "Traceback" not in result.stderr


def test_a_pdf_cache_entry_swapped_with_another_is_drawn_again_not_published_under_the_wrong_name(mini_project, tmp_path):
    env = {**ENV, "MANUAL_PDF": "1"}
    first = mkdocs_build(mini_project, tmp_path / "first", **env)
    assert first.returncode == 0, first.output
    pdfs = {p.relative_to(first.site).as_posix(): p.read_bytes() for p in first.site.rglob("*.pdf")}
    entries = sorted((mini_project / ".cache" / "pdf").rglob("*.pdf"), key=lambda p: p.stat().st_size)
    one, other = entries[-1], entries[-2]  # two bodies: a module of each language, or two modules
    for suffix in ("", ".sha256"):  # the PDF and its checksum together
        a, b = one.with_name(one.name + suffix), other.with_name(other.name + suffix)
        a_bytes = a.read_bytes()
        a.write_bytes(b.read_bytes())
        b.write_bytes(a_bytes)
    again = mkdocs_build(mini_project, tmp_path / "again", **env)
    assert again.returncode == 0, again.output
    assert "was damaged" in again.output
    assert {p.relative_to(again.site).as_posix(): p.read_bytes() for p in again.site.rglob("*.pdf")} == pdfs
