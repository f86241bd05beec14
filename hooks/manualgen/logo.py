"""The site's logo as a PNG of any size, drawn with Pillow: the ZIM's 48 px illustration and the web-app icons.

The geometry mirrors docs/assets/images/favicon.svg (viewBox 0 0 32 32): a purple rounded square, two white
circles (heads) and two white domes (shoulders). Change both together. Same size, same bytes (for a given
Pillow and zlib): the PNG carries no timestamp or other metadata.
"""
from __future__ import annotations

import base64
import io
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from .disk_memo import DiskMemo, key_of

if TYPE_CHECKING:
    from PIL import Image

# From favicon.svg, in its 32-unit viewBox.
VIEWBOX = 32
PURPLE = (0x4A, 0x1C, 0x6B)        # <rect ... fill="#4a1c6b">
WHITE = (0xFF, 0xFF, 0xFF)
CORNER_RADIUS = 6                  # <rect rx="6">
HEADS = ((11, 11, 4), (21, 11, 4))  # <circle cx cy r>
# Each dome is the SVG path "M x 26 c0-5 3-8 7-8 s7 3 7 8 z": two cubic Béziers, left half then right half,
# written out with absolute points (the "s" command's first control point mirrors the previous one).
DOMES = tuple(
    (((x, 26), (x, 21), (x + 3, 18), (x + 7, 18)),
     ((x + 7, 18), (x + 11, 18), (x + 14, 21), (x + 14, 26)))
    for x in (4, 14)
)

# Drawn this many times larger, then reduced: Pillow's shapes have hard edges, the reduction smooths them.
SUPERSAMPLE = 4
CURVE_STEPS = 48  # points per Bézier: smooth at 512 px


def _cubic(points, steps: int) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return out


def logo_image(size: int) -> Image.Image:
    """The logo as a size × size RGBA image (transparent outside the rounded square)."""
    from PIL import Image, ImageDraw  # here: a build that reads its icons from .cache never needs Pillow
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise ValueError(f"the logo's size must be a whole number of pixels, at least 1 (got {size!r})")
    canvas = size * SUPERSAMPLE
    scale = canvas / VIEWBOX
    # Transparent pixels carry the purple too, so the reduction does not darken the rounded edge.
    image = Image.new("RGBA", (canvas, canvas), PURPLE + (0,))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=CORNER_RADIUS * scale, fill=PURPLE + (255,))
    for cx, cy, r in HEADS:
        draw.ellipse(((cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale), fill=WHITE + (255,))
    for left, right in DOMES:
        outline = _cubic(left, CURVE_STEPS) + _cubic(right, CURVE_STEPS)[1:]
        draw.polygon([(x * scale, y * scale) for x, y in outline], fill=WHITE + (255,))
    return image.resize((size, size), Image.Resampling.BOX)


def remembered_logo_png(size: int, memo: DiskMemo) -> bytes:
    """logo_png, kept in `memo` (see logo_memo_version): a build reads the phone edition's icons instead of drawing
    them (≈ 0.1 s of every build, Pillow's import apart)."""
    return base64.b64decode(memo.remembered(key_of(str(size)), lambda: base64.b64encode(logo_png(size)).decode("ascii")))


def logo_memo_version() -> str:
    """What the drawn bytes depend on: this code and Pillow (its zlib compresses them)."""
    return key_of(Path(__file__).read_bytes(), version("pillow"))


def logo_png(size: int) -> bytes:
    """The logo as PNG bytes, size × size pixels; the same size always gives the same bytes."""
    buffer = io.BytesIO()
    logo_image(size).save(buffer, format="PNG", optimize=False, compress_level=9)
    return buffer.getvalue()
