"""Rotafolio (issue 24): each session's wall sheets — its key messages, then the plenary's questions that fit, one per
landscape sheet, each followed by its back for the facilitator — and the same sheets tiled onto A4. One document per
module and language (overrides/print/wall.html) holds its sessions, each starting at `wall-<id>`: editing a session
draws its module's sheets again, not the whole language's (≈ 2.6 s of processor time), and the workers share the
pieces evenly. What goes on which sheet and at what size is manualgen.wall_sheets, the tiling manualgen.wall_tiles.
No page numbers: nothing may print in a sheet's bottom third."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from markupsafe import Markup

from ... import wall_sheets, wall_tiles
from ...pictograms import module_meaning, svg
from ..model import Document, Output, Part
from ..product import Product

def wall_document_name(module_id: str) -> str:
    return f"wall-sheets-{module_id}"

# What the tiles are made by: a change to the tiler makes the tiles again (the cache key of the joined output).
TILER = hashlib.sha256(Path(wall_tiles.__file__).read_bytes()).hexdigest()[:16]


def sheet_start(session_id: str) -> str:
    return f"wall-{session_id}"


def tiles_key(session_id: str) -> str:
    return f"wall-a4-{session_id}"


class WallSheets(Product):
    def paths(self, manual, lang, labels):
        paths = {}
        for page in manual.of(lang, "session"):
            paths[sheet_start(page.id)] = f"pdf/{page.id}-{labels['pdf_wall']}.pdf"
            paths[tiles_key(page.id)] = f"pdf/{page.id}-{labels['pdf_wall']}-a4.pdf"
        return paths

    def documents(self, source):
        return {wall_document_name(module): Document(html, tuple(sheet_start(s["id"]) for s in sessions))
                for module, (html, sessions) in self._drawn(source).items()}

    def outputs(self, source):
        settings = wall_sheets.wall_settings(source.settings.wall_sheets)
        tiles, help_text = wall_sheets.tiles(settings), source.labels["wall_tile_help"]
        outputs = []
        for module, session in ((m, s) for m, (_html, sessions) in self._drawn(source).items() for s in sessions):
            title = f"{session['number']} {session['title']} — {source.labels['wall_title']}"
            part = (Part(wall_document_name(module), sheet_start(session["id"])),)
            count = len(session["sheets"])
            captions = tuple(f"{session['number']} · {n}/{count}" for n in range(1, count + 1))
            outputs.append(Output(sheet_start(session["id"]), title, part, shift=0, numbered=False))
            outputs.append(Output(tiles_key(session["id"]), title, part, shift=0, numbered=False,
                                  transform=functools.partial(_tiled, tiles, captions, help_text),
                                  transform_key=f"{TILER}:{tiles!r}:{captions!r}:{help_text}"))
        return outputs

    def _drawn(self, source) -> dict[str, tuple[str, list[dict]]]:
        return source.once("wall-sheets", lambda: wall_documents(source))


def _tiled(tiles, captions, help_text, document: bytes) -> bytes:
    """A session's wall PDF as A4 tiles: its sheets (every other page; the others are their backs), tiled."""
    return wall_tiles.tiled(wall_tiles.fronts(document), list(tiles), list(captions), help_text)


def wall_documents(source) -> dict[str, tuple[str, list[dict]]]:
    """By module, in reading order: its wall document (HTML) and its sessions with their sheets; a session without
    a sheet is left out, a module without one has no document."""
    settings = wall_sheets.wall_settings(source.settings.wall_sheets)
    metrics = wall_sheets.font_metrics()
    layout = wall_sheets.layout(settings, metrics)
    labels, lang = source.labels, source.lang
    modules = {m.id: m for m in source.manual.of(lang, "module")}
    by_module: dict[str, list[dict]] = {}
    for page in source.manual.of(lang, "session"):
        sheets, spoken = wall_sheets.session_sheets(page, labels["wall_marker"], source.references, layout, metrics,
                                                    labels["say_marker"])
        if not sheets:
            continue
        module = modules.get(page.meta["module"])
        by_module.setdefault(page.meta["module"], []).append({"id": page.id, "title": page.meta["title"], "sheets": sheets, "spoken": spoken,
                         "number": f"{module.meta['order'] if module else ''}.{page.meta['order']}",
                         "pictogram": Markup(svg(module_meaning(page.meta["module"])))})
    view = {"lang": lang, "labels": labels, "title": f"{source.site_name} — {labels['wall_title']}",
            "sheet_mm": layout.sheet_mm, "margin_mm": wall_sheets.MARGIN_MM, "header_mm": wall_sheets.HEADER_MM,
            "text_box": layout.text_box, "font_pt": layout.font_pt, "line_height": wall_sheets.LINE_HEIGHT}
    return {module: (source.render("print/wall.html", wall={**view, "sessions": sessions}), sessions)
            for module, sessions in by_module.items()}
