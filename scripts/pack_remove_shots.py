"""PNGs of removing a content pack: the Library with an installed pack, the confirmation
and what it says after, at 100% and 200% text and in the dark theme.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/pack_remove_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.distribution_pack import org_pack
from zavmo_desktop.app import build_window
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import import_pack
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.library import LibraryScreen


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="zavmo-packs-"))
    data = Path(tempfile.mkdtemp(prefix="zavmo-remove-shots-"))
    pack = org_pack(root)
    manifest = pack / "pack.yaml"  # a long title: the longest a Remove button gets here
    long_title = "title: Organisation pack for directors of machine learning engineering"
    manifest.write_text(manifest.read_text("utf-8").replace("title: Organisation pack",
                        long_title), "utf-8")  # fmt: skip
    build_pack(pack, root / "org.zpack")
    import_pack(root / "org.zpack", data)
    window = build_window(["--data-dir", str(data)])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(1100, 800)
    window.show()
    window.onboarding_screen.skip_all.click()
    window.show_screen("Library")
    screen = window.findChild(LibraryScreen)
    assert screen is not None
    for theme, scale in (("cream", 100), ("cream", 200), ("dark", 100)):
        window.learner.settings.set("theme", theme)
        window.learner.settings.set("text_scale", scale)
        settle()
        save(window, folder, f"library-installed-{theme}-{scale}")
        button = next(b for b in screen.installed_packs.findChildren(type(screen.import_button))
                      if b.accessibleName().startswith("Remove "))  # fmt: skip
        button.click()
        dialog = screen.installed_packs.remove_dialog
        assert dialog is not None
        save(dialog, folder, f"remove-confirm-{theme}-{scale}")
        dialog.reject()
    window.learner.settings.set("theme", "cream")
    window.learner.settings.set("text_scale", 200)
    settle()  # the window applies a new look on its next turn
    button = next(b for b in screen.installed_packs.findChildren(type(screen.import_button))
                  if b.accessibleName().startswith("Remove "))  # fmt: skip
    button.click()
    dialog = screen.installed_packs.remove_dialog
    assert dialog is not None
    dialog.remove_button.click()  # type: ignore[attr-defined]
    save(dialog, folder, "remove-done-cream-200")
    dialog.accept()
    save(window, folder, "library-after-removal-cream-200")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
