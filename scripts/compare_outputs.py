"""Compare two builds' outputs file by file: `python scripts/compare_outputs.py OLD NEW`.

OLD and NEW are folders holding a build's site/ and dist/ (or any two trees). Prints every file that differs
or exists on one side only, and exits 1 when there is any; 0 when every file is byte-identical. Used to prove a
refactor changed no output (PDFs, zips, ZIM): build twice with the same SOURCE_DATE_EPOCH and MANUAL_VERSION and an
emptied .cache/, copy site/ and dist/ aside between the builds, and compare.

`--only SUFFIX` (repeatable) limits the comparison to files whose names end so (e.g. `--only .pdf`)."""
from __future__ import annotations

import argparse
import filecmp
import sys
from pathlib import Path


def files_under(root: Path, suffixes: tuple[str, ...]) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*")
            if path.is_file() and (not suffixes or path.name.endswith(suffixes))}


def differences(old: Path, new: Path, suffixes: tuple[str, ...] = ()) -> list[str]:
    """One line per differing file, sorted: `only in OLD: x`, `only in NEW: x` or `differs: x`."""
    old_files, new_files = files_under(old, suffixes), files_under(new, suffixes)
    lines = [f"only in {old}: {name}" for name in sorted(old_files - new_files)]
    lines += [f"only in {new}: {name}" for name in sorted(new_files - old_files)]
    lines += [f"differs: {name}" for name in sorted(old_files & new_files)
              if not filecmp.cmp(old / name, new / name, shallow=False)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--only", action="append", default=[], metavar="SUFFIX")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            print(f"not a folder: {folder}", file=sys.stderr)
            return 2
    lines = differences(args.old, args.new, tuple(args.only))
    for line in lines:
        print(line)
    compared = len(files_under(args.old, tuple(args.only)) | files_under(args.new, tuple(args.only)))
    print(f"{compared} files compared, {len(lines)} differ", file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
