"""`make site`: build site/ and dist/ atomically.

The site is built into .build/ first; only a successful build replaces site/ and dist/, so an
author's mistake never destroys the last good output (DESIGN.md, Commands)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from manualgen.bundle import write_offline_zip  # noqa: E402

NAME = "manual-masculinidades"


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


def replace(new: Path, current: Path) -> None:
    old = current.with_name(f".{current.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    staging = ROOT / ".build"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    site, dist = staging / "site", staging / "dist"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch()), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    if subprocess.run(mkdocs, cwd=ROOT, env=env).returncode != 0:
        print("\nLa construcción falló: site/ y dist/ quedan como estaban. / Build failed: site/ and dist/ were left as they were.",
              file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    zip_path = write_offline_zip(site, dist / f"{NAME}-offline-{version()}.zip", NAME, version(), int(env["SOURCE_DATE_EPOCH"]))
    replace(site, ROOT / "site")
    replace(dist, ROOT / "dist")
    shutil.rmtree(staging, ignore_errors=True)
    print(f"site/ and dist/{zip_path.name} are ready.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
