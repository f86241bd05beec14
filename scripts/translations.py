"""`make translations`: for every page, whether it exists in every language and whether the translation is
out of date (its recorded source_hash differs from the Spanish source's current hash).
Exit 1 when a translation is missing; stale or unstamped ones are warnings.

`make translations-stamp FILES="modules/…/x.en.md"` records the current Spanish hash in those translations
(after updating them); with no FILES it stamps only translations that have no source_hash yet."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from manualgen.translations import content_hash, recorded_hash, stamp, translation_status  # noqa: E402

FOLDERS = ("docs", "modules")
LANGUAGES = ("es", "en")
WORDS = {"ok": "al día", "stale": "DESACTUALIZADA", "unstamped": "sin registro", "missing": "FALTA"}


def report(rows) -> int:
    width = max(len(r["page"]) for r in rows)
    counts = {state: 0 for state in WORDS}
    for row in rows:
        for lang, info in row["languages"].items():
            counts[info["state"]] += 1
            if info["state"] != "ok":
                stream = sys.stderr if info["state"] == "missing" else sys.stdout
                print(f"{row['page']:<{width}}  {lang}: {WORDS[info['state']]}", file=stream)
    print(f"\n{len(rows)} páginas: {counts['ok']} traducciones al día, {counts['stale']} desactualizadas, "
          f"{counts['unstamped']} sin registro, {counts['missing']} faltan.")
    if counts["stale"] or counts["unstamped"]:
        print("Aviso: actualice las traducciones desactualizadas y luego: make translations-stamp FILES=\"…\"")
    return 1 if counts["missing"] else 0


def stamp_files(files: list[str]) -> int:
    rows = translation_status(ROOT, FOLDERS, LANGUAGES)
    by_path = {info["path"]: row for row in rows for info in row["languages"].values() if info["path"]}
    targets = files or [info["path"] for row in rows for info in row["languages"].values()
                        if info["state"] == "unstamped"]
    for rel in targets:
        rel = Path(rel).as_posix()
        row = by_path.get(rel)
        if row is None or row["hash"] is None:
            print(f"{rel}: no es una traducción con original en castellano", file=sys.stderr)
            return 1
        path = ROOT / rel
        path.write_text(stamp(path.read_text(encoding="utf-8"), row["hash"]), encoding="utf-8")
        print(f"{rel}: registrada la versión {row['hash']} de {row['source']}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stamp", nargs="*", metavar="FILE")
    args = parser.parse_args(argv)
    if args.stamp is not None:
        return stamp_files(args.stamp)
    return report(translation_status(ROOT, FOLDERS, LANGUAGES))


if __name__ == "__main__":
    sys.exit(main())
