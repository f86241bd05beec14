"""What a warm build (nothing changed) pays before its first page: the hooks' imports. Libraries only some builds
need are imported where they are used."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
IMPORTS = """
import sys
sys.path.insert(0, sys.argv[1])
import loaded_manual, language_views, manual_settings, page_render, rendered_check, search_index, forms_output, offline_app, content_check
import wall_sheets_check, pdf_output, catalog_write, run_mode, templates, glossary_hover, navigation
print(" ".join(sorted(name for name in ("jsonschema", "openpyxl", "pikepdf", "PIL", "fontTools") if name in sys.modules)))
"""


def test_the_hooks_load_neither_the_schema_validator_nor_the_spreadsheet_writer_nor_the_pdf_and_image_libraries():
    """jsonschema validates pages (only when .cache/validated misses) and openpyxl writes the forms (only when
    they changed): 0.2 s of every build when imported with the hooks. pikepdf tiles and joins PDFs, Pillow draws the
    icons (kept in .cache), fontTools measures the wall font (kept in .cache): ≈ 0.1 s more."""
    loaded = subprocess.run([sys.executable, "-c", IMPORTS, str(HOOKS)], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == []
