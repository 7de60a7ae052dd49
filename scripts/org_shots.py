"""Save PNGs of an organisation's setup: the logo and name in the navigation, a hidden feature
(no Review, no focus timer), locked settings with their reasons, the accent in the light and
dark themes, and the message about a refused pack, at 100% and 200% text.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/org_shots.py OUT_DIR
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.distribution_pack import org_pack
from zavmo_desktop.app import build_window
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.signing import generate_key_pair
from zavmo_desktop.ui.main_window import MainWindow

ACCENT = "#7a1f5c"


def grab(window: MainWindow, folder: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def draw_logo(path: Path) -> None:
    image = QImage(480, 160, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(ACCENT))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(8, 8, 144, 144))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("DejaVu Sans", 64, QFont.Weight.Bold))
    painter.drawText(QRectF(8, 8, 144, 144), Qt.AlignmentFlag.AlignCenter, "N")
    painter.setPen(QColor(ACCENT))
    painter.setFont(QFont("DejaVu Sans", 40, QFont.Weight.Bold))
    painter.drawText(QRectF(170, 0, 310, 160), Qt.AlignmentFlag.AlignVCenter, "Northfield")
    painter.end()
    image.save(str(path))


def org_folder(root: Path, theme: str, tamper: bool = False) -> Path:
    public = generate_key_pair(root / "key.pem", root / "key.pub.pem")
    build_pack(org_pack(root), root / "induction.zpack", root / "key.pem")
    if tamper:
        data = bytearray((root / "induction.zpack").read_bytes())
        data[len(data) // 2] ^= 0x01
        (root / "induction.zpack").write_bytes(bytes(data))
    draw_logo(root / "logo.png")
    (root / "org.toml").write_text(
        'name = "Northfield Care Trust"\nlogo = "logo.png"\n'
        f'accent_colour = "{ACCENT}"\nhide_features = ["review", "focus_timer"]\n'
        'preload_packs = ["induction.zpack"]\n'
        f'signing_keys = ["{base64.b64encode(public).decode()}"]\n'
        f'[locked.theme]\nvalue = "{theme}"\n'
        'reason = "Our shared ward screens are set up this way."\n'
        "[locked.reading_ruler]\nvalue = true\n",
        encoding="utf-8",
    )
    return root / "org.toml"


def start(config: Path) -> MainWindow:
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-shots-"),
                           "--org-config", str(config)])  # fmt: skip
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.activateWindow()
    if window.onboarding:
        window.onboarding_screen.skip_all.click()
    return window


def settings_shots(window: MainWindow, folder: Path, name: str) -> None:
    assert window.learner is not None
    for scale in (100, 200):
        window.learner.settings.set("text_scale", scale)
        window.show_screen("Home")
        grab(window, folder, f"{name}-home-{scale}")
        window.show_screen("Settings")
        screen = window.settings_screen
        theme = screen.controls.widgets["theme"]
        screen.scroll.ensureWidgetVisible(theme, 50, 200)
        screen.controls.widgets["focus_ring"].setFocus()
        grab(window, folder, f"{name}-settings-{scale}")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # the logo is drawn first
    for theme in ("cream", "dark"):
        window = start(org_folder(Path(tempfile.mkdtemp()), theme))
        settings_shots(window, folder, f"org-{theme}")
        window.close()
    window = start(org_folder(Path(tempfile.mkdtemp()), "light", tamper=True))
    assert window.learner is not None
    for scale in (100, 200):
        window.learner.settings.set("text_scale", scale)
        window.show_screen("Home")
        window.org_notice.close_button.setFocus()
        grab(window, folder, f"org-refused-{scale}")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
