"""At close, words that could not be saved (a full disk) are offered for a text file of the
learner's choice, so closing the window never loses them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from zavmo_desktop.core.storage.files import write_text_whole
from zavmo_desktop.core.storage.problems import classify, explain

Unsaved = list[tuple[str, str]]  # (what it is, the learner's words)

SAVE = "Save them to a text file…"
CLOSE = "Close without them"
STAY = "Keep Zavmo open"


def words_as_text(unsaved: Unsaved, now: datetime) -> str:
    parts = [
        f"Words Zavmo Desktop could not save on {now:%d %B %Y at %H:%M}. "
        "Copy them back into Zavmo when it can save again.\n"
    ]
    parts += [f"{what}\n\n{words}\n" for what, words in unsaved]
    return "\n".join(parts)


def may_close_with(parent: QWidget, unsaved: Unsaved, reason: str) -> bool:
    """Offer to keep the unsaved words; True when the window may close."""
    if not unsaved:
        return True
    while True:
        choice = _ask(parent, unsaved, reason)
        if choice != SAVE:
            return choice == CLOSE
        path, _ = QFileDialog.getSaveFileName(
            parent,
            "Save the words Zavmo could not save",
            str(Path.home() / "Zavmo unsaved words.txt"),
            "Text files (*.txt)",
        )
        if not path:
            continue  # back to the question: nothing is decided for the learner
        try:
            write_text_whole(Path(path), words_as_text(unsaved, datetime.now()))
        except OSError as error:
            folder = Path(path).parent
            why = explain(classify(error, folder), folder)
            QMessageBox.warning(
                parent,
                "Not saved",
                f"Zavmo could not write {path}. {why} You can choose another place, such as "
                "a USB stick.",
            )
            continue
        return True


def _ask(parent: QWidget, unsaved: Unsaved, reason: str) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Some of your words are not saved")
    things = "\n".join(f"• {what}" for what, _words in unsaved)
    box.setText(
        f"Zavmo could not save everything you wrote: {reason}.\n\n{things}\n\n"
        "Save these words to a text file before Zavmo closes?"
    )
    box.setAccessibleName("Some of your words are not saved")
    buttons = {}
    for text, role in (
        (SAVE, QMessageBox.ButtonRole.AcceptRole),
        (CLOSE, QMessageBox.ButtonRole.DestructiveRole),
        (STAY, QMessageBox.ButtonRole.RejectRole),
    ):
        button = box.addButton(text, role)
        button.setAccessibleName(text)
        button.ensurePolished()  # the app's padding first, so the words are never clipped
        button.setMinimumWidth(button.sizeHint().width())
        buttons[button] = text
    box.setDefaultButton(next(b for b, t in buttons.items() if t == SAVE))
    box.setEscapeButton(next(b for b, t in buttons.items() if t == STAY))
    box.exec()
    return buttons.get(box.clickedButton(), STAY)
