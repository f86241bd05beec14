"""`make site`: build site/ and dist/ atomically.

The site is built into .build/ first; only a successful build replaces site/ and dist/, both or neither, so
an author's mistake, a full disk or Ctrl-C never destroys the last good output (DESIGN.md, Commands). One
build at a time per checkout: a second `make site` waits for the first (they would share .build/)."""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from manualgen.edition_cache import EditionCache, editions_key, place  # noqa: E402
from manualgen.bundle import EDITIONS_LISTING, NOTICE, START_NOTICE, checksums, editions_listing, published_copy, write_offline_zip  # noqa: E402
from manualgen.lifetime import parent_death_signal  # noqa: E402
from manualgen.zim import site_languages, ZimError, ZimMetadata, zim_metadata  # noqa: E402
from manualgen.zim_process import ZimWriter  # noqa: E402

NAME = "manual-masculinidades"
EDITIONS_CACHE = ROOT / ".cache" / "editions"  # beside .cache/pdf; `make clean` empties both
ZIM_PAGES = ROOT / ".cache" / "checked" / "zim-pages.json"  # what the ZIM read from each page, by its bytes
KEPT = "site/ y dist/ quedan como estaban. / site/ and dist/ were left as they were."


class BuildStopped(Exception):
    """A reason to stop that the person running the build can act on (printed without a traceback)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (`timeout`, a CI cancel, a closed terminal): stopped as Ctrl-C is, without waiting."""


def _terminated(signum, frame):
    raise Terminated(signum)


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def source_date_epoch() -> int:
    """Reproducible dates: SOURCE_DATE_EPOCH if set, else the last commit's time."""
    value = os.environ.get("SOURCE_DATE_EPOCH") or git("log", "-1", "--format=%ct") or "315532800"
    return int(value)


def version() -> str:
    return os.environ.get("MANUAL_VERSION") or git("describe", "--tags", "--always") or "dev"


def read_settings(epoch: int) -> tuple[ZimMetadata, tuple[str, ...], dict]:
    """The ZIM's metadata, the site's languages and the helplines from mkdocs.yml, read before the long build
    so that a mistake in them stops at once."""
    try:
        with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
            config = yaml_load(handle)
        helplines = ((config.get("extra") or {}).get("manual") or {}).get("helplines") or {}
        return zim_metadata(config, epoch), tuple(site_languages(config)), helplines
    except ZimError as error:
        raise BuildStopped(f"La edición Kiwix (ZIM) no está bien configurada:\n{error}") from None
    except (OSError, yaml.YAMLError) as error:
        raise BuildStopped(f"No se puede leer mkdocs.yml: {error}") from None


def explain(error: OSError, doing: str) -> BuildStopped:
    """One clear sentence for the file-system errors a build can meet."""
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return BuildStopped(f"No queda espacio en el disco al {doing}{where}: libere espacio (por ejemplo, borre .cache/) "
                            "y vuelva a construir. / The disk is full.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BuildStopped(f"No hay permiso de escritura al {doing}{where}: revise los permisos de la carpeta o "
                            "construya en una copia con permisos. / Permission denied.")
    return BuildStopped(f"Error del sistema de archivos al {doing}{where}: {error.strerror or error}.")


def remove(path: Path) -> None:
    """Delete a file or folder, read-only contents included."""
    if path.is_dir() and not path.is_symlink():
        def make_writable(function, target, _):
            os.chmod(os.path.dirname(target) or ".", 0o700)
            os.chmod(target, 0o700)
            function(target)
        shutil.rmtree(path, onerror=make_writable)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap_in(pairs: list[tuple[Path, Path]]) -> None:
    """Replace each current output with its new version, all or none: if any step fails, every output
    already replaced is put back as it was, then the error is raised."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for new, current in pairs:
            old = current.with_name(f".{current.name}.old")
            if old.exists() or old.is_symlink():
                remove(old)
            if current.exists() or current.is_symlink():
                current.rename(old)
                done.append((current, old))
            else:
                done.append((current, None))
            new.rename(current)
    except OSError:
        for current, old in reversed(done):
            if old is not None and old.exists():
                if current.exists():
                    remove(current)
                old.rename(current)
        raise
    for _, old in done:
        if old is not None:
            try:
                remove(old)
            except OSError:
                pass  # the new output is in place; a leftover backup is removed by the next build


class BuildLock:
    """An exclusive lock on the checkout's build (fcntl): a second build waits, saying why."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = None

    def __enter__(self):
        self.handle = self.path.open("a")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Otra construcción del sitio está en curso en esta carpeta: esta espera a que termine… / "
                  "Another build is running in this checkout: waiting for it to finish…", file=sys.stderr, flush=True)
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def run_mkdocs(site: Path, env: dict) -> int:
    """MkDocs in its own process group, so Ctrl-C reaches this script alone, which then stops MkDocs and its
    PDF workers together (a worker left behind keeps ~60 MB and a core busy). Should this script be killed
    outright (SIGKILL), the kernel kills MkDocs too (parent_death_signal) and its workers follow it (lifetime)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, preexec_fn=parent_death_signal)
    try:
        return process.wait()
    except KeyboardInterrupt as stop:
        # Ctrl-C first as a terminal would (MkDocs stops its workers and says so), then harder if it does not end;
        # SIGTERM means "now": the whole group at once.
        steps = ((signal.SIGINT, False), (signal.SIGTERM, True), (signal.SIGKILL, True))
        for sig, group in steps[1:] if isinstance(stop, Terminated) else steps:
            try:
                os.killpg(process.pid, sig) if group else os.kill(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=15)
                break
            except subprocess.TimeoutExpired:
                continue
        raise


def edition_paths(dist: Path, name: str, languages: tuple[str, ...]) -> dict[str, Path]:
    """Where each offline edition goes, by kind: "zip" (both languages, for a USB stick), "zip-<language>"
    (one language, a lighter download) and "zim" (Kiwix)."""
    paths = {"zip": dist / f"{NAME}-offline-{name}.zip"}
    paths.update({f"zip-{lang}": dist / f"{NAME}-offline-{lang}-{name}.zip" for lang in languages})
    paths["zim"] = dist / f"{NAME}-{name}.zim"
    return paths


def write_zips(site: Path, paths: dict[str, Path], name: str, epoch: int, languages: tuple[str, ...], helplines: dict) -> None:
    """Each zip unpacks into a folder of its own (manual-masculinidades, manual-masculinidades-es …): unpacked
    side by side, a one-language edition never overwrites another's pages with its notices. The last build's zip
    of the same kind (.cache/editions) lends its members that did not change, already compressed, and so does the
    all-languages zip (first in `paths`) to each one-language zip written after it: a cold build compressed each
    page and PDF twice."""
    for kind, path in paths.items():
        if kind.startswith("zip"):
            edition = kind.removeprefix("zip-") if kind.startswith("zip-") else None
            folder = f"{NAME}-{edition}" if edition else NAME
            lenders = (EDITIONS_CACHE / kind,) + ((paths["zip"],) if edition else ())
            write_offline_zip(site, path, folder, name, epoch, languages, helplines, edition, lenders)


def write_editions(site: Path, dist: Path, epoch: int, metadata: ZimMetadata, languages: tuple[str, ...],
                   helplines: dict) -> dict[str, Path]:
    """The offline zips and the ZIM of `site`: copied from the last build when nothing they hold changed, else
    written side by side (the ZIM in a child process, zim_process.ZimWriter, while this one writes the zips)."""
    name = version()
    paths = edition_paths(dist, name, languages)
    settings = {"name": NAME, "version": name, "epoch": epoch, "metadata": list(metadata.items()),
                "languages": languages, "helplines": helplines, "libzim": installed_version("libzim")}
    key = editions_key(site, settings, sorted((ROOT / "hooks" / "manualgen").glob("*.py")))
    cache = EditionCache(EDITIONS_CACHE)
    if cache.restore(key, paths):
        print("Ediciones sin conexión sin cambios: copiadas de .cache/editions. / "
              "Offline editions unchanged: copied from .cache/editions.")
        return paths
    zim = ZimWriter(site, paths["zim"], metadata, ZIM_PAGES)
    try:
        write_zips(site, paths, name, epoch, languages, helplines)
        zim.wait()
    finally:
        zim.stop()  # a failed zip (the disk is shared), Ctrl-C or SIGTERM: the ZIM is not waited for
    try:
        cache.keep(key, paths)
    except OSError as error:  # a cache that cannot be written costs time next build, never this build
        print(f"Aviso: no se pudieron guardar las ediciones en .cache/editions ({error}). Esta construcción está "
              "completa; la próxima escribirá los zip y el ZIM de nuevo. Revise el espacio libre o los permisos de "
              ".cache/.", file=sys.stderr)
    return paths


def build() -> list[Path]:
    staging = ROOT / ".build"
    if staging.exists() and not staging.is_dir():
        raise BuildStopped(f"{staging.name} existe pero no es una carpeta: la construcción la usa como espacio de trabajo; "
                           "bórrelo o muévalo y vuelva a construir.")
    try:
        remove(staging)
        staging.mkdir()
    except OSError as error:
        raise explain(error, "preparar .build/") from None
    site, dist = staging / "site", staging / "dist"
    epoch = source_date_epoch()
    metadata, languages, helplines = read_settings(epoch)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    if run_mkdocs(site, env) != 0:
        raise BuildStopped("La construcción falló (vea los mensajes de arriba).")
    try:
        editions = write_editions(site, dist, epoch, metadata, languages, helplines)
        # The notices the one-language zips were made with are not pages of the published site.
        for lang in languages:
            for notice in (NOTICE, START_NOTICE):
                (site / notice.format(lang=lang)).unlink(missing_ok=True)
        # The zips and the ZIM, as published side by side (each zip also holds the SHA256SUMS of what it holds).
        (dist / "SHA256SUMS").write_text(checksums(dist), encoding="utf-8")
        # A copy of each beside the published site, for its downloads page (made after them: never inside them).
        copies = {}
        for kind, made in editions.items():
            copy = site / published_copy(kind)
            place(made, copy)
            copies[kind] = copy.stat().st_size
        (site / EDITIONS_LISTING).write_text(editions_listing(copies), encoding="utf-8")
    except ZimError as error:
        raise BuildStopped(f"No se pudo escribir la edición Kiwix (ZIM):\n{error}") from None
    except OSError as error:
        raise explain(error, "escribir la edición sin conexión") from None
    try:
        swap_in([(site, ROOT / "site"), (dist, ROOT / "dist")])
    except OSError as error:
        raise explain(error, "reemplazar site/ y dist/") from None
    return list(editions.values())


def main() -> int:
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # `nohup make site` keeps ignoring the closed terminal
            signal.signal(sig, _terminated)
    try:
        with BuildLock(ROOT / ".build.lock"):
            try:
                outputs = build()
            finally:
                try:
                    remove(ROOT / ".build")
                except OSError:
                    pass
    except BuildStopped as stopped:
        print(f"\n{stopped}\n{KEPT}", file=sys.stderr)
        return 1
    except Terminated as stop:
        print(f"\nConstrucción detenida por la señal {signal.Signals(stop.args[0]).name}. / Build stopped.\n{KEPT}",
              file=sys.stderr)
        return 128 + stop.args[0]
    except KeyboardInterrupt:
        print(KEPT, file=sys.stderr)  # MkDocs has said it was interrupted
        return 130
    print(f"site/ and {', '.join(f'dist/{path.name}' for path in outputs)} are ready.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
