"""Wall sheets tiled with qpdf (pikepdf, already the PDFs' joiner): each sheet of a session's wall PDF onto A4 tiles
(manualgen.wall_sheets.tiles) with cut marks, the glue strips and a small assembly map. A tile shows its window of the sheet through a clipping rectangle (`re W n`) and one translation
(`cm`) of the sheet drawn as a form: nothing is redrawn or scaled, so the tiles join to the sheet exactly."""
from __future__ import annotations

import io

from .wall_sheets import Tile

PT_PER_MM = 72 / 25.4
MARK_MM = 5.0         # length of a cut mark, in the margin
GLUE_GREY = 0.8       # the glue strip's sign in the margins: light grey, never a colour


def fronts(document: bytes) -> bytes:
    """A session's wall PDF without the sheets' backs (its pages 1, 3, 5…): what is tiled."""
    import pikepdf  # here: an HTML build imports this module with the print products but tiles nothing
    with pikepdf.open(io.BytesIO(document)) as source, pikepdf.new() as out:
        out.pages.extend(source.pages[::2])
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True)
        return buffer.getvalue()


def _text(x: float, y: float, size: float, words: str) -> str:
    data = words.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return f"BT /Tl {size:g} Tf {x:.2f} {y:.2f} Td ({data.decode('latin-1')}) Tj ET\n"


def tile_marks(tile: Tile, all_tiles: list[Tile], caption: str, help_text: str) -> str:
    """The drawing around a tile's window: cut marks where it is cut to lie over its neighbour (left and top edges
    of a tile that has one), grey signs in the margin along the strip where the next tile is glued (right and
    bottom), its name and the sheet it belongs to, and a map of the tiles with this one filled in."""
    paper_w, paper_h = (v * PT_PER_MM for v in tile.paper)
    x0, y_top = tile.at[0] * PT_PER_MM, tile.at[1] * PT_PER_MM
    w, h = tile.region[2] * PT_PER_MM, tile.region[3] * PT_PER_MM
    left, right, top, bottom = x0, x0 + w, paper_h - y_top, paper_h - y_top - h
    mark = MARK_MM * PT_PER_MM
    ops = ["q 0 G 0.5 w\n"]
    if tile.col > 0:   # cut along the window's left edge
        ops.append(f"{left:.2f} {paper_h:.2f} m {left:.2f} {paper_h - mark:.2f} l S {left:.2f} 0 m {left:.2f} {mark:.2f} l S\n")
    if tile.row > 0:   # and its top edge
        ops.append(f"0 {top:.2f} m {mark:.2f} {top:.2f} l S {paper_w:.2f} {top:.2f} m {paper_w - mark:.2f} {top:.2f} l S\n")
    ops.append("Q\n")
    right_neighbour = next((t for t in all_tiles if t.row == tile.row and t.col == tile.col + 1), None)
    below = next((t for t in all_tiles if t.col == tile.col and t.row == tile.row + 1), None)
    ops.append(f"q {GLUE_GREY} g\n")
    if right_neighbour:  # the strip the next tile covers: grey in the top and bottom margins
        strip = (tile.region[0] + tile.region[2] - right_neighbour.region[0]) * PT_PER_MM
        ops.append(f"{right - strip:.2f} {top:.2f} {strip:.2f} {mark:.2f} re f {right - strip:.2f} {bottom - mark:.2f} {strip:.2f} {mark:.2f} re f\n")
    if below:
        strip = (tile.region[1] + tile.region[3] - below.region[1]) * PT_PER_MM
        ops.append(f"{left - mark:.2f} {bottom:.2f} {mark:.2f} {strip:.2f} re f {right:.2f} {bottom:.2f} {mark:.2f} {strip:.2f} re f\n")
    ops.append("Q\n")
    # Name, caption and help in the top and bottom margins; the map at the bottom right.
    ops.append("q 0 g\n" + _text(left + mark + 2, top + 3, 9, f"{tile.name}  ·  {caption}")
               + _text(left + mark + 2, bottom - 9, 7, help_text))
    rows, cols = max(t.row for t in all_tiles) + 1, max(t.col for t in all_tiles) + 1
    cell = 2.2 * PT_PER_MM
    map_x, map_y = right - mark - cols * cell, bottom - 2 - rows * cell
    for other in all_tiles:
        x, y = map_x + other.col * cell, map_y + (rows - 1 - other.row) * cell
        ops.append(f"{x:.2f} {y:.2f} {cell:.2f} {cell:.2f} re {'f' if other == tile else 'S'}\n")
    ops.append("Q\n")
    return "".join(ops)


def tiled(document: bytes, tiles: list[Tile], captions: list[str], help_text: str) -> bytes:
    """Every page of `document` (one wall sheet each) as its A4 tiles, in reading order (A1, A2, …, B1, …)."""
    import pikepdf  # see fronts
    with pikepdf.open(io.BytesIO(document)) as source, pikepdf.new() as out:
        font = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                    BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
        for index, page in enumerate(source.pages):
            sheet = out.copy_foreign(page.as_form_xobject())
            sheet_h = float(page.mediabox[3]) - float(page.mediabox[1])
            for tile in tiles:
                paper_w, paper_h = (v * PT_PER_MM for v in tile.paper)
                x, y, w, h = (v * PT_PER_MM for v in tile.region)
                at_x, at_top = tile.at[0] * PT_PER_MM, tile.at[1] * PT_PER_MM
                clip_y = paper_h - at_top - h
                # Sheet point (x, sheet_h - y - h) lands on (at_x, clip_y): the window's bottom left corner.
                tx, ty = at_x - x, clip_y - (sheet_h - y - h)
                content = (f"q {at_x:.3f} {clip_y:.3f} {w:.3f} {h:.3f} re W n 1 0 0 1 {tx:.3f} {ty:.3f} cm /Sheet Do Q\n"
                           + tile_marks(tile, tiles, captions[index], help_text))
                new = pikepdf.Page(pikepdf.Dictionary(
                    Type=pikepdf.Name.Page, MediaBox=[0, 0, paper_w, paper_h],
                    Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Sheet=sheet), Font=pikepdf.Dictionary(Tl=font)),
                    Contents=out.make_stream(content.encode("latin-1"))))
                out.pages.append(new)
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buffer.getvalue()
