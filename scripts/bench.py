"""`make bench`: how the build scales. Generates synthetic manuals of N modules (copies of the real seven,
renumbered, both languages, with their sessions, notes and handouts) in a temporary folder and measures, as the
median of several runs taken in turn (first, warm, plain, first, warm, plain…: this machine is shared and its speed
drifts, so the builds compared are measured side by side), wall time and processor time (user + sys):

  html      full strict build with the project's hooks, PDFs off, build caches warm (every build after the first)
  first     the same with empty build caches (no .cache at all, no compiled hooks): a fresh clone's first build
  plain     the same pages built by plain MkDocs + Material + i18n with the project's hooks off
  pdf-cold  full build rendering every PDF into an empty cache
  pdf-warm  full build with every PDF in the cache
  edit      rebuild after editing one session with a warm cache, as `make serve` does it (MANUAL_PDF=preview)
  memory    peak resident memory of the largest build process (pdf-cold)

and `make site` itself (scripts/build.py: both languages, every PDF, the zips and the ZIM) for the real manual,
cold (empty .cache), warm, and after editing one session, with where the time goes: the MkDocs build (of which
drawing the PDFs, while the pages are written and each session's PDF is cut as its module arrives, and then the
complete manuals) and the offline editions.

--baseline REV measures the hooks of git revision REV beside the working tree's, interleaved, on the same pages
(the overhead ratios of both, for a before/after in one run). It prints the tables and writes them to
bench-results.md (or --out). Not part of `make test`.
Usage: python scripts/bench.py [--sizes 7 35 70] [--runs 3] [--pdf-runs 1] [--site-only] [--html-only] [--baseline REV]
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "hooks", "overrides", "schema", "data", "docs")
IGNORED = shutil.ignore_patterns("__pycache__")


def checkout(rev: str, target: Path) -> Path:
    """The files of git revision `rev` (a baseline to compare with), unpacked into `target`."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def make_manual(target: Path, modules: int, source: Path = ROOT) -> Path:
    """Copy the project (from `source`: this checkout or a baseline revision) and replicate its seven modules up to
    `modules`, with fresh ids and folders."""
    target.mkdir(parents=True)
    for part in PARTS:
        src = source / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / part, **({"ignore": IGNORED} if src.is_dir() else {}))
    originals = sorted(p for p in (source / "modules").iterdir() if p.is_dir())
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


class Timing(NamedTuple):
    wall: float    # seconds
    cpu: float     # processor seconds (user + sys) of the build and every process it started
    memory: float  # peak MiB of the largest process


def build_env(**env) -> dict:
    """The environment of a measured build: a contributor's, where Python keeps the hooks' bytecode in __pycache__
    between builds (a shell or CI that sets PYTHONDONTWRITEBYTECODE would have every build compile the hooks again:
    0.08 s of processor time a build on this machine, which no contributor pays)."""
    base = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**base, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **env}


def timed(project: Path, site: Path, **env) -> Timing:
    """One `mkdocs build` in a fresh process."""
    run_env = build_env(**env)
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '--site-dir', sys.argv[1]]); "
               "d = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(f'{d} {u.ru_maxrss / 1024} {u.ru_utime + u.ru_stime}'); sys.exit(r.returncode)")
    result = subprocess.run([sys.executable, "-c", wrapper, str(site)], cwd=project, env=run_env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    seconds, memory, cpu = result.stdout.split()[-3:]
    return Timing(float(seconds), float(cpu), float(memory))


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
started, processor = time.perf_counter(), time.process_time()
build(load_config("mkdocs.yml", site_dir=site))
print(time.perf_counter() - started, time.process_time() - processor)
"""


def edit_rebuild(project: Path, site: Path, session: Path, run: int) -> Timing:
    """The rebuild's wall time and the building process's own processor time (the preview's PDF workers apart)."""
    env = build_env(MANUAL_PDF="preview")
    result = subprocess.run([sys.executable, "-c", EDIT_DRIVER, str(site), str(session), str(run)], cwd=project,
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"edit rebuild failed in {project}:\n{result.stderr[-3000:]}")
    wall, cpu = result.stdout.split()[-2:]
    return Timing(float(wall), float(cpu), 0.0)


def median(values):
    return statistics.median(values)


def empty_caches(project: Path) -> None:
    """A fresh clone: no build cache at all (validated manual, templates, checked pages, memos), and no compiled
    hooks (Python writes their bytecode on the first build)."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    for compiled in list((project / "hooks").rglob("__pycache__")):
        shutil.rmtree(compiled, ignore_errors=True)


def overheads(projects: dict[str, Path], plain: Path, runs: int) -> dict:
    """First (empty caches) and warm HTML builds of each project and the plain build, taken in turn run after run;
    for each project the medians and the median of the per-run ratios to the plain build of the same run."""
    rows = {name: {"first": [], "html": []} for name in projects}
    plains = []
    for _ in range(runs):
        for name, project in projects.items():
            empty_caches(project)
            rows[name]["first"].append(timed(project, project.parent / "site", MANUAL_PDF="0"))
            rows[name]["html"].append(timed(project, project.parent / "site", MANUAL_PDF="0"))
        plains.append(timed(plain, plain.parent / "plain-site"))
    out = {"plain": median([p.wall for p in plains]), "plain_cpu": median([p.cpu for p in plains])}
    for name, row in rows.items():
        for kind in ("first", "html"):
            out[f"{name}:{kind}"] = median([r.wall for r in row[kind]])
            out[f"{name}:{kind}_cpu"] = median([r.cpu for r in row[kind]])
            out[f"{name}:{kind}_ratio"] = median([r.wall / p.wall for r, p in zip(row[kind], plains)])
            out[f"{name}:{kind}_cpu_ratio"] = median([r.cpu / p.cpu for r, p in zip(row[kind], plains)])
    return out


def bench(size: int, runs: int, pdf_runs: int, work: Path, html_only: bool = False, baseline: Path | None = None) -> dict:
    project = make_manual(work / f"n{size}" / "project", size)
    plain = make_plain(project)
    sessions = sum("\ntype: session\n" in p.read_text(encoding="utf-8") for p in (project / "modules").rglob("*.es.md"))
    site = project.parent / "site"
    projects = {"now": project}
    if baseline is not None:
        projects["baseline"] = make_manual(work / f"n{size}-baseline" / "project", size, baseline)
    row = {"modules": size, "sessions": sessions, **overheads(projects, plain, runs)}
    row.update({"html": row["now:html"], "first": row["now:first"], "ratio": row["now:html_ratio"],
                "first_ratio": row["now:first_ratio"], "per_session": row["now:html"] / sessions})
    session = sorted((project / "modules").rglob("01-*.es.md"))[0]
    edits = [edit_rebuild(project, site, session, run) for run in range(runs)]
    row.update({"edit": median([e.wall for e in edits]), "edit_cpu": median([e.cpu for e in edits])})
    row.update({"edit_ratio": row["edit"] / row["html"], "edit_cpu_ratio": row["edit_cpu"] / row["now:html_cpu"]})
    if html_only:
        return row
    cold, memory = [], []
    for _ in range(pdf_runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        timing = timed(project, site)
        cold.append(timing.wall)
        memory.append(timing.memory)
    warm = median([timed(project, site).wall for _ in range(runs)])
    row.update({"pdf_cold": median(cold), "pdf_warm": warm, "memory": max(memory)})
    return row


def make_site_once(project: Path) -> dict:
    """One `make site` (scripts/build.py) in a fresh process, with its time split from the build's own log."""
    env = build_env()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env=env, capture_output=True, text=True)
    total = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"make site failed in {project}:\n{result.stderr[-3000:]}")
    log = result.stdout + result.stderr
    mkdocs = float(re.search(r"Documentation built in ([\d.]+) seconds", log)[1])
    return {"total": total, "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), "mkdocs": mkdocs,
            "drawing": sum(map(float, re.findall(r"documents drawn in ([\d.]+) s", log))),
            "joining": sum(map(float, re.findall(r"the complete manuals then took ([\d.]+) s", log))),
            "editions": total - mkdocs}


def edit_session(project: Path, run: int) -> None:
    """An author's edit: one paragraph added to one session (another each run)."""
    session = sorted((project / "modules").rglob("02-*.es.md"))[0]
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("\n/// key-messages", f"\nEdición {run} del banco de pruebas.\n\n/// key-messages", 1),
                       encoding="utf-8")


def bench_site(runs: int, pdf_runs: int, work: Path) -> dict:
    """`make site` of the real manual: cold (no .cache: every PDF drawn), warm (everything cached) and after editing
    one session (its module's PDFs drawn again, the editions written again from what changed)."""
    project = make_manual(work / "site" / "project", len([p for p in (ROOT / "modules").iterdir() if p.is_dir()]))
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=IGNORED)
    cold = []
    for _ in range(pdf_runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(make_site_once(project))
    warm, edited = [], []
    for run in range(runs):
        warm.append(make_site_once(project))
        edit_session(project, run)
        edited.append(make_site_once(project))
    pick = lambda rows: {key: median([row[key] for row in rows]) for key in rows[0]}  # noqa: E731
    return {"cold": pick(cold), "warm": pick(warm), "edit": pick(edited)}


def site_table(result: dict, runs: int, pdf_runs: int) -> str:
    lines = [f"`make site` of the real manual (median of {pdf_runs} cold and {runs} warm and edit runs, warm and edit "
             "taken in turn):", "",
             "| | total | processor (user + sys) | MkDocs build | of which: drawing PDFs (the pages written meanwhile) | "
             "then the complete manuals | zips, ZIM and copies |",
             "|---|---|---|---|---|---|---|"]
    for name, label in (("cold", "cold (empty `.cache`)"), ("warm", "warm (nothing changed)"),
                        ("edit", "one session edited")):
        r = result[name]
        lines.append(f"| {label} | {r['total']:.1f} s | {r['cpu']:.1f} s | {r['mkdocs']:.1f} s | {r['drawing']:.1f} s | "
                     f"{r['joining']:.1f} s | {r['editions']:.1f} s |")
    return "\n".join(lines) + "\n"


def overhead_table(rows: list[dict], runs: int) -> str:
    """The hooks' overhead over plain MkDocs, wall and processor time, for this checkout and any baseline."""
    names = [name for name in ("baseline", "now") if f"{name}:html" in rows[0]]
    lines = [f"Hooks overhead, HTML only (PDFs off), median of {runs} interleaved runs; ratios are the median of each "
             "run's ratio to the plain build of the same run (wall / processor):", "",
             "| modules | hooks | plain MkDocs | warm build | warm / plain | first build, empty caches | first / plain |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        for name in names:
            label = "this checkout" if name == "now" else "baseline"
            lines.append(f"| {r['modules']} | {label} | {r['plain']:.1f} s / {r['plain_cpu']:.1f} s | "
                         f"{r[name + ':html']:.1f} s / {r[name + ':html_cpu']:.1f} s | "
                         f"{r[name + ':html_ratio']:.2f}× / {r[name + ':html_cpu_ratio']:.2f}× | "
                         f"{r[name + ':first']:.1f} s / {r[name + ':first_cpu']:.1f} s | "
                         f"{r[name + ':first_ratio']:.2f}× / {r[name + ':first_cpu_ratio']:.2f}× |")
    return "\n".join(lines) + "\n"


def table(rows: list[dict], runs: int, pdf_runs: int) -> str:
    pdfs = "pdf_cold" in rows[0]
    lines = [f"Median of {runs} runs ({pdf_runs} for cold PDF rendering).", "",
             "| modules | sessions | plain MkDocs | with hooks (HTML) | hooks overhead | first build, empty caches | s per session |"
             + (" PDFs cold | PDFs warm |" if pdfs else "") + " edit one session (serve), wall / processor | edit / warm HTML build |" + (" peak memory |" if pdfs else ""),
             "|---|---|---|---|---|---|---|" + ("---|---|" if pdfs else "") + "---|---|" + ("---|" if pdfs else "")]
    for r in rows:
        lines.append(f"| {r['modules']} | {r['sessions']} | {r['plain']:.1f} s | {r['html']:.1f} s | {r['ratio']:.2f}× | "
                     f"{r['first']:.1f} s ({r['first_ratio']:.2f}×) | {r['per_session']:.3f} |"
                     + (f" {r['pdf_cold']:.0f} s | {r['pdf_warm']:.1f} s |" if pdfs else "")
                     + f" {r['edit']:.1f} s / {r['edit_cpu']:.1f} s | {r['edit_ratio']:.2f}× / {r['edit_cpu_ratio']:.2f}× |"
                     + (f" {r['memory']:.0f} MiB |" if pdfs else ""))
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
    parser.add_argument("--html-only", action="store_true", help="no PDFs: the overhead ratios and the edit rebuild only")
    parser.add_argument("--baseline", metavar="REV", help="also measure the hooks of this git revision, interleaved")
    args = parser.parse_args(argv)
    rows, site = [], None
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as work:
        baseline = checkout(args.baseline, Path(work) / "baseline") if args.baseline else None
        if not args.html_only:
            started = time.perf_counter()
            site = bench_site(args.runs, args.pdf_runs, Path(work))
            print(f"make site: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        for size in [] if args.site_only else args.sizes:
            started = time.perf_counter()
            rows.append(bench(size, args.runs, args.pdf_runs, Path(work), args.html_only, baseline))
            print(f"N={size}: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    machine = f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}."
    parts = [machine]
    if site:
        parts.append(site_table(site, args.runs, args.pdf_runs))
    if rows:
        parts += [overhead_table(rows, args.runs), table(rows, args.runs, args.pdf_runs)]
    text = "\n".join(parts)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
