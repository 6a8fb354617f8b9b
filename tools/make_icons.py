"""Make the app icon's PNG sizes, Windows .ico and macOS .icns from its SVG source.

    python tools/make_icons.py

Reads assets/icons/coprod-check.svg and writes, beside it, coprod-check-N.png for each
size in PNG_SIZES, coprod-check.ico and coprod-check.icns. Both containers hold PNG
images (Windows Vista and later, macOS 10.7 and later read them), so no image library
is needed: Qt draws the SVG, and the containers are a few lines of struct.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
NAME = "coprod-check"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns element type for each pixel size ("@2x" types reuse the doubled PNG).
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)


def render_pngs(svg: Path) -> dict[int, bytes]:
    """The SVG drawn at every size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    pngs = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data.data())
    return pngs


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the PNGs of ICO_SIZES."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding a PNG for every type in ICNS_TYPES."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    pngs = render_pngs(ICONS / f"{NAME}.svg")
    for size, data in pngs.items():
        (ICONS / f"{NAME}-{size}.png").write_bytes(data)
    (ICONS / f"{NAME}.ico").write_bytes(ico(pngs))
    (ICONS / f"{NAME}.icns").write_bytes(icns(pngs))
    print(f"Wrote {len(pngs)} PNG sizes, {NAME}.ico and {NAME}.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
