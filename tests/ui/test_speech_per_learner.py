"""Synthesised speech is kept in a temporary folder of each learner's window: erasing a
learner's data clears only that folder's sentences, and switching learner removes it, so
no file of one learner's reading is left for the next (they hold module text only)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name
from tests.ui.test_switch_learner import choose, close_every_window, press, start, switch
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.profile_chooser import ProfileChooser

__all__ = ["close_every_window"]

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt "  # the start of a sentence, as espeak writes it


@pytest.fixture(autouse=True)
def mock_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")


@pytest.fixture
def another_apps_speech() -> Iterator[Path]:
    """A speech folder this window did not make: another app's, on another data folder."""
    folder = Path(tempfile.mkdtemp(prefix="zavmo-speech-"))
    (folder / "speech-0.wav").write_bytes(WAV)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def sentence_heard(window: MainWindow) -> Path:
    """What read aloud leaves in its folder once a sentence has been heard."""
    assert window.read_aloud.backend is not None or window.read_aloud.reason
    [folder] = window.read_aloud.speech_folders
    (folder / "speech-0.wav").write_bytes(WAV)
    return folder


def test_erase_clears_only_this_windows_speech(
    qtbot: QtBot, data_dir: Path, another_apps_speech: Path
) -> None:
    window = start(qtbot, data_dir)
    assert isinstance(window, MainWindow)
    folder = sentence_heard(window)
    window.show_screen("Settings")
    press(qtbot, find_by_name(window.settings_screen, "Erase all my data"))
    dialog = window.settings_screen.your_data.erase_dialog
    qtbot.keyClicks(dialog.word, "ERASE")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert window.successor is not None
    assert folder.is_dir() and list(folder.iterdir()) == []  # the folder stays, empty
    assert (another_apps_speech / "speech-0.wav").read_bytes() == WAV


def test_switching_learner_removes_their_speech_folder(
    qtbot: QtBot, data_dir: Path, another_apps_speech: Path
) -> None:
    Profiles(data_dir).add("Beatriz")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    amelia = choose(qtbot, chooser, "First learner")
    folder = sentence_heard(amelia)
    chooser = switch(qtbot, amelia)
    assert not folder.exists()
    beatriz = choose(qtbot, chooser, "Beatriz")
    assert sentence_heard(beatriz) != folder  # a folder of Beatriz's own
    assert (another_apps_speech / "speech-0.wav").read_bytes() == WAV
