"""PNGs of Import content pack: the preview, a refusal and the Library after the install,
at 100% and 200% and in the dark and high-contrast themes.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/pack_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.distribution_pack import MODULE_FILE, org_pack
from zavmo_desktop.app import build_window
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.library import LibraryScreen
from zavmo_desktop.ui.widgets.pack_import_dialog import PackImportDialog


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def packs(root: Path) -> tuple[Path, Path]:
    good, tampered = root / "org.zpack", root / "tampered.zpack"
    build_pack(org_pack(root), good)
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, data + b"\nx" if info.filename == MODULE_FILE else data)
    return good, tampered


def opened_dialog(window: MainWindow, pack: Path) -> PackImportDialog:
    window.show_screen("Library")
    screen = window.findChild(LibraryScreen)
    assert screen is not None
    screen.choose_pack_file = lambda: pack
    screen.import_button.click()
    dialog = screen.import_dialog
    while not dialog.progress.isHidden():
        QApplication.processEvents()
    return dialog


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    good, tampered = packs(Path(tempfile.mkdtemp(prefix="zavmo-packs-")))
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-pack-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(1100, 800)
    window.show()
    window.onboarding_screen.skip_all.click()
    for theme, scale in (("cream", 100), ("cream", 200), ("dark", 100), ("high_contrast", 100)):
        window.learner.settings.set("theme", theme)
        window.learner.settings.set("text_scale", scale)
        dialog = opened_dialog(window, tampered)
        save(dialog, folder, f"pack-refused-{theme}-{scale}")
        dialog.reject()
        dialog = opened_dialog(window, good)
        save(dialog, folder, f"pack-preview-{theme}-{scale}")
        dialog.reject()
    window.learner.settings.set("theme", "cream")
    window.learner.settings.set("text_scale", 100)
    dialog = opened_dialog(window, good)
    dialog.install_button.click()
    while "is installed" not in dialog.details.text():
        QApplication.processEvents()
    save(dialog, folder, "pack-installed")
    dialog.accept()
    save(window, folder, "library-after-import")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
