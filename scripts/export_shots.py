"""PNGs of the Export portfolio dialog: before, while exporting, saved and cancelled, at 100%
and 200% text and in the dark theme; and the first pages of the PDF it saved.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/export_shots.py OUT_DIR
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.core.portfolio_export_work import full_portfolio
from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.export_portfolio_dialog import ExportPortfolioDialog


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def wait_for(test: object, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not test() and time.monotonic() < end:  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.01)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="zavmo-export-shots-"))
    window = build_window(["--data-dir", str(data)])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(1100, 800)
    window.show()
    window.onboarding_screen.skip_all.click()
    full_portfolio(window.learner, data, Path(tempfile.mkdtemp()))
    out_dir = Path(tempfile.mkdtemp(prefix="zavmo-exported-"))
    for theme, scale in (("light", 100), ("light", 200), ("dark", 100)):
        window.learner.settings.set("theme", theme)
        window.learner.settings.set("text_scale", scale)
        settle()
        dialog = ExportPortfolioDialog(window.learner, window)
        dialog.show()
        dialog.details["name"].setChecked(True)
        dialog.file.setText(str(out_dir / f"portfolio-{theme}-{scale}.pdf"))
        save(dialog, folder, f"export-{theme}-{scale}-ready")
        dialog.start_export()
        wait_for(lambda d=dialog: d.progress.value() >= 20)
        save(dialog, folder, f"export-{theme}-{scale}-running")
        if scale == 200:
            dialog.reject()  # Cancel while exporting
            wait_for(lambda d=dialog: "cancelled" in d.status.text())
            save(dialog, folder, f"export-{theme}-{scale}-cancelled")
        else:
            wait_for(lambda d=dialog: "Saved" in d.status.text())
            save(dialog, folder, f"export-{theme}-{scale}-saved")
        dialog.close()
    pdf = out_dir / "portfolio-light-100.pdf"
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-l", "4", str(pdf),
                    str(folder / "pdf-page")], check=True)  # fmt: skip
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
