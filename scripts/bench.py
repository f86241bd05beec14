"""`make bench`: how the build scales. Generates synthetic manuals of N modules (copies of the real seven,
renumbered, both languages, with their sessions, notes and handouts) in a temporary folder and measures, as the
median of several runs:

  html      full strict build with the project's hooks, PDFs off, build caches warm (every build after the first)
  first     the same with empty build caches (.cache/validated, .cache/templates): a fresh clone's first build
  plain     the same pages built by plain MkDocs + Material + i18n with the project's hooks off
  pdf-cold  full build rendering every PDF into an empty cache
  pdf-warm  full build with every PDF in the cache
  edit      rebuild after editing one session with a warm cache, as `make serve` does it (MANUAL_PDF=preview)
  memory    peak resident memory of the largest build process (pdf-cold)

and `make site` itself (scripts/build.py: both languages, every PDF, the zip and the ZIM) for the real manual,
cold (empty .cache) and warm, with where the time goes: the MkDocs build (of which drawing the PDFs, while the
pages are written and each session's PDF is cut as its module arrives, and then the complete manuals) and the
offline editions.

It prints the tables and writes them to bench-results.md (or --out). Not part of `make test`.
Usage: python scripts/bench.py [--sizes 7 35 70] [--runs 3] [--pdf-runs 1] [--site-only]
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "hooks", "overrides", "schema", "data", "docs")


def make_manual(target: Path, modules: int) -> Path:
    """Copy the project and replicate its seven modules up to `modules`, with fresh ids and folders."""
    target.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / part)
    originals = sorted(p for p in (ROOT / "modules").iterdir() if p.is_dir())
    for number in range(1, modules + 1):
        source = originals[(number - 1) % len(originals)]
        old = int(source.name[:2])
        folder = target / "modules" / (source.name if number <= len(originals) else f"{number:02d}-{source.name[3:]}-{number:02d}")
        folder.mkdir(parents=True)
        for file in source.iterdir():
            text = file.read_text(encoding="utf-8")
            if number != old:
                text = re.sub(rf"\bm{old:02d}(?=-[sh]\d\d\b)", f"m{number:02d}", text)
                text = re.sub(rf"^(id|module): m{old:02d}$", rf"\1: m{number:02d}", text, flags=re.M)
                if file.name.startswith("index."):
                    text = re.sub(r"^order: \d+$", f"order: {number}", text, count=1, flags=re.M)
                    text = re.sub(r'^title: "?(.*?)"?$', lambda m: f'title: "{m[1]} ({number})"', text, count=1, flags=re.M)
            (folder / file.name).write_text(text, encoding="utf-8")
    return target


def make_plain(project: Path) -> Path:
    """The same pages as a plain MkDocs + Material + i18n site: modules/ inside docs/, no hooks, no templates."""
    plain = project.parent / "plain"
    shutil.copytree(project / "docs", plain / "docs")
    shutil.copytree(project / "modules", plain / "docs" / "modules")
    for page in (plain / "docs").rglob("*.md"):
        page.write_text(re.sub(r"^template:.*\n", "", page.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nhooks:\n")[0] + "\n"
    config = config.replace("strict: true", "strict: false").replace("  custom_dir: overrides\n", "")
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def timed(project: Path, site: Path, **env) -> tuple[float, float]:
    """(seconds, peak MiB of the largest process) for one `mkdocs build` in a fresh process."""
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **env}
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '--site-dir', sys.argv[1]]); "
               "d = time.perf_counter() - t; m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
               "print(f'{d} {m}'); sys.exit(r.returncode)")
    result = subprocess.run([sys.executable, "-c", wrapper, str(site)], cwd=project, env=run_env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    seconds, memory = result.stdout.split()[-2:]
    return float(seconds), float(memory)


# The `make serve` case: one process builds, an author saves a session, the same process rebuilds
# (as mkdocs serve does: new config, same imported hooks and caches). Only the rebuild is timed: in
# preview mode the changed session's PDF renders in the background after the page has reloaded.
EDIT_DRIVER = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, session, run = sys.argv[1], sys.argv[2], sys.argv[3]
build(load_config("mkdocs.yml", site_dir=site))
text = open(session, encoding="utf-8").read()
edited = text.replace("\\n/// key-messages", f"\\nEdición {run} del banco de pruebas.\\n\\n/// key-messages", 1)
open(session, "w", encoding="utf-8").write(edited)
started = time.perf_counter()
build(load_config("mkdocs.yml", site_dir=site))
print(time.perf_counter() - started)
"""


def edit_rebuild(project: Path, site: Path, session: Path, run: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "MANUAL_PDF": "preview"}
    result = subprocess.run([sys.executable, "-c", EDIT_DRIVER, str(site), str(session), str(run)], cwd=project,
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"edit rebuild failed in {project}:\n{result.stderr[-3000:]}")
    return float(result.stdout.split()[-1])


def median(values):
    return statistics.median(values)


def bench(size: int, runs: int, pdf_runs: int, work: Path) -> dict:
    project = make_manual(work / f"n{size}" / "project", size)
    plain = make_plain(project)
    sessions = sum("\ntype: session\n" in p.read_text(encoding="utf-8") for p in (project / "modules").rglob("*.es.md"))
    site = project.parent / "site"
    first = []
    for _ in range(runs):
        for cache in ("validated", "templates"):
            shutil.rmtree(project / ".cache" / cache, ignore_errors=True)
        first.append(timed(project, site, MANUAL_PDF="0")[0])
    html = median([timed(project, site, MANUAL_PDF="0")[0] for _ in range(runs)])
    plain_time = median([timed(plain, plain.parent / "plain-site")[0] for _ in range(runs)])
    cold, memory = [], []
    for _ in range(pdf_runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        seconds, peak = timed(project, site)
        cold.append(seconds)
        memory.append(peak)
    warm = median([timed(project, site)[0] for _ in range(runs)])
    session = sorted((project / "modules").rglob("01-*.es.md"))[0]
    edits = [edit_rebuild(project, site, session, run) for run in range(runs)]
    return {"modules": size, "sessions": sessions, "html": html, "plain": plain_time, "ratio": html / plain_time,
            "first": median(first), "first_ratio": median(first) / plain_time,
            "pdf_cold": median(cold), "pdf_warm": warm, "edit": median(edits), "edit_ratio": median(edits) / html,
            "per_session": html / sessions, "memory": max(memory)}


def make_site_once(project: Path) -> dict:
    """One `make site` (scripts/build.py) in a fresh process, with its time split from the build's own log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env=env, capture_output=True, text=True)
    total = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"make site failed in {project}:\n{result.stderr[-3000:]}")
    log = result.stdout + result.stderr
    mkdocs = float(re.search(r"Documentation built in ([\d.]+) seconds", log)[1])
    return {"total": total, "mkdocs": mkdocs,
            "drawing": sum(map(float, re.findall(r"documents drawn in ([\d.]+) s", log))),
            "joining": sum(map(float, re.findall(r"the complete manuals then took ([\d.]+) s", log))),
            "editions": total - mkdocs}


def bench_site(runs: int, pdf_runs: int, work: Path) -> dict:
    """`make site` of the real manual: cold (no .cache: every PDF drawn) and warm (everything cached)."""
    project = make_manual(work / "site" / "project", len([p for p in (ROOT / "modules").iterdir() if p.is_dir()]))
    shutil.copytree(ROOT / "scripts", project / "scripts")
    cold = []
    for _ in range(pdf_runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(make_site_once(project))
    warm = [make_site_once(project) for _ in range(runs)]
    pick = lambda rows: {key: median([row[key] for row in rows]) for key in rows[0]}  # noqa: E731
    return {"cold": pick(cold), "warm": pick(warm)}


def site_table(result: dict, runs: int, pdf_runs: int) -> str:
    lines = [f"`make site` of the real manual (median of {pdf_runs} cold and {runs} warm runs):", "",
             "| | total | MkDocs build | of which: drawing PDFs (the pages written meanwhile) | then the complete manuals | zip, ZIM and copies |",
             "|---|---|---|---|---|---|"]
    for name, label in (("cold", "cold (empty `.cache`)"), ("warm", "warm")):
        r = result[name]
        lines.append(f"| {label} | {r['total']:.1f} s | {r['mkdocs']:.1f} s | {r['drawing']:.1f} s | {r['joining']:.1f} s | "
                     f"{r['editions']:.1f} s |")
    return "\n".join(lines) + "\n"


def table(rows: list[dict], runs: int, pdf_runs: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    lines = [f"Machine: {machine}. Median of {runs} runs ({pdf_runs} for cold PDF rendering).", "",
             "| modules | sessions | plain MkDocs | with hooks (HTML) | hooks overhead | first build, empty caches | s per session | PDFs cold | PDFs warm | edit one session (serve) | edit / HTML | peak memory |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['modules']} | {r['sessions']} | {r['plain']:.1f} s | {r['html']:.1f} s | {r['ratio']:.2f}× | "
                     f"{r['first']:.1f} s ({r['first_ratio']:.2f}×) | {r['per_session']:.3f} | {r['pdf_cold']:.0f} s | {r['pdf_warm']:.1f} s | {r['edit']:.1f} s | "
                     f"{r['edit_ratio']:.2f}× | {r['memory']:.0f} MiB |")
    if len(rows) > 1:
        growth = rows[-1]["per_session"] / rows[0]["per_session"]
        lines += ["", f"Time per session at N={rows[-1]['modules']} is {growth:.2f}× that at N={rows[0]['modules']}."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 35, 70])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf-runs", type=int, default=1)
    parser.add_argument("--out", default=str(ROOT / "bench-results.md"))
    parser.add_argument("--site-only", action="store_true", help="only `make site` of the real manual")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as work:
        started = time.perf_counter()
        site = bench_site(args.runs, args.pdf_runs, Path(work))
        print(f"make site: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        for size in [] if args.site_only else args.sizes:
            started = time.perf_counter()
            rows.append(bench(size, args.runs, args.pdf_runs, Path(work)))
            print(f"N={size}: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    machine = f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}."
    text = machine + "\n\n" + site_table(site, args.runs, args.pdf_runs) + ("\n" + table(rows, args.runs, args.pdf_runs) if rows else "")
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
