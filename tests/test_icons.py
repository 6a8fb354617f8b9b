"""The app icon: one SVG of the project's own, made into PNG sizes, .ico and .icns by tools/make_icons.py."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "assets" / "icons"


def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "tools" / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def committed_pngs() -> dict[int, bytes]:
    return {size: (ICONS / f"coprod-check-{size}.png").read_bytes() for size in make_icons().PNG_SIZES}


def test_every_png_size_is_there_at_its_size():
    for size, data in committed_pngs().items():
        assert png_size(data) == (size, size)
    assert {16, 32, 48, 256, 512}.issubset(committed_pngs())


def test_the_ico_and_icns_hold_exactly_the_committed_pngs():
    module = make_icons()
    pngs = committed_pngs()
    ico = (ICONS / "coprod-check.ico").read_bytes()
    assert ico == module.ico(pngs)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(module.ICO_SIZES))
    for i, size in enumerate(module.ICO_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        assert png_size(ico[offset : offset + length]) == (size, size)

    icns = (ICONS / "coprod-check.icns").read_bytes()
    assert icns == module.icns(pngs)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = [], 8
    while at < len(icns):
        kind, length = icns[at : at + 4].decode(), struct.unpack(">I", icns[at + 4 : at + 8])[0]
        kinds.append(kind)
        assert png_size(icns[at + 8 : at + length])[0] == dict(module.ICNS_TYPES)[kind]
        at += length
    assert at == len(icns) and {"ic07", "ic08", "ic09", "ic10"} <= set(kinds)


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_pngs_are_drawn_from_the_svg_source(qapp, size):
    """Drawing the SVG again gives the committed picture (a changed SVG needs tools/make_icons.py run)."""
    from PySide6.QtGui import QImage

    fresh = QImage.fromData(make_icons().render_pngs(ICONS / "coprod-check.svg")[size])
    committed = QImage(str(ICONS / f"coprod-check-{size}.png"))
    assert fresh.size() == committed.size()
    worst = max(
        abs(a - b)
        for y in range(size)
        for x in range(size)
        for a, b in zip(fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True)
    )
    assert worst <= 8
