"""The logo drawn with Pillow (the ZIM's illustration, the web-app icons): sizes, colours, same bytes every time."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from manualgen.logo import PURPLE, logo_png


def opened(size: int) -> Image.Image:
    image = Image.open(io.BytesIO(logo_png(size)))
    assert image.format == "PNG"
    return image.convert("RGBA")


@pytest.mark.parametrize("size", [16, 48, 192, 512])
def test_png_of_the_asked_size(size):
    image = opened(size)
    assert image.size == (size, size)


@pytest.mark.parametrize("size", [48, 192])
def test_same_size_same_bytes(size):
    assert logo_png(size) == logo_png(size)
    assert logo_png(size) != logo_png(size + 1)


@pytest.mark.parametrize("size", [48, 192, 512])
def test_purple_square_with_rounded_transparent_corners(size):
    image = opened(size)
    near_corner = size // 16  # (2, 2) in the SVG's 32-unit box: inside the rounded square
    r, g, b, a = image.getpixel((near_corner, near_corner))
    assert a == 255 and max(abs(r - PURPLE[0]), abs(g - PURPLE[1]), abs(b - PURPLE[2])) <= 2
    assert image.getpixel((0, 0))[3] == 0  # the corner itself is cut by the 6-unit radius
    assert image.getpixel((size - 1, size - 1))[3] == 0


@pytest.mark.parametrize("size", [48, 512])
def test_white_heads_and_shoulders(size):
    image = opened(size)
    at = lambda x, y: image.getpixel((round(x * size / 32), round(y * size / 32)))  # noqa: E731 - SVG units
    for head in ((11, 11), (21, 11)):
        assert at(*head)[:3] == (255, 255, 255)
    assert at(11, 23)[:3] == (255, 255, 255) and at(21, 23)[:3] == (255, 255, 255)  # inside the domes
    assert at(16, 4)[:3] == PURPLE  # above the heads, between them


@pytest.mark.parametrize("size", [0, -3, 4.5, "48", True])
def test_refuses_a_size_that_is_not_a_positive_whole_number(size):
    with pytest.raises(ValueError, match="whole number of pixels"):
        logo_png(size)


def test_the_icons_are_remembered_and_read_back_byte_for_byte(tmp_path, monkeypatch):
    """A build reads the phone edition's icons from .cache instead of drawing them again."""
    from manualgen import logo
    from manualgen.disk_memo import DiskMemo
    memo = DiskMemo(tmp_path / "icons.json", logo.logo_memo_version())
    drawn = {size: logo.remembered_logo_png(size, memo) for size in (192, 512)}
    assert drawn == {size: logo.logo_png(size) for size in (192, 512)}
    memo.save()
    monkeypatch.setattr(logo, "logo_png", lambda size: pytest.fail("the icon was drawn again"))
    again = DiskMemo(tmp_path / "icons.json", logo.logo_memo_version())
    assert {size: logo.remembered_logo_png(size, again) for size in (192, 512)} == drawn
