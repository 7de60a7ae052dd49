"""Read-aloud in the reader: real espeak-ng audio played by QMediaPlayer, the highlight
following it, and the highlight logic checked against QTextToSpeech's mock engine."""

from __future__ import annotations

import io
import wave

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, find_starting, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.speech.text import words
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.read_aloud import IDLE, NO_SOUND, PAUSED, READING


def open_first_module(window: MainWindow) -> None:
    assert window.learner is not None
    window.open_module(window.learner.library.modules[0])


def button(window: MainWindow, name: str) -> QPushButton:
    found = find_by_name(window, name)
    assert isinstance(found, QPushButton)
    return found


def spoken_words(window: MainWindow, qtbot: QtBot, count: int) -> list[tuple[int, int]]:
    """The word spans highlighted, in order, until `count` have been seen."""
    seen: list[tuple[int, int]] = []
    window.read_aloud.backend.word.connect(lambda start, end: seen.append((start, end)))
    qtbot.waitUntil(lambda: len(seen) >= count, timeout=10_000)
    return seen


def written_words(text: str) -> list[str]:
    return [span.of(text) for span in words(text)]


def highlighted(window: MainWindow) -> list[str]:
    return [s.cursor.selectedText() for s in window.reader.text.extraSelections()]


def test_espeak_reads_the_module_and_the_highlight_moves_through_its_words(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_first_module(window)
    button(window, "Read aloud").click()
    spoken = spoken_words(window, qtbot, 6)
    assert window.read_aloud.state == READING
    text = window.reader.text.document().toPlainText()
    assert [start for start, _ in spoken] == sorted(start for start, _ in spoken)
    assert [text[s:e] for s, e in spoken[:4]] == written_words(text)[:4]
    sentence, word = highlighted(window)
    assert word in sentence and word == text[spoken[-1][0] : spoken[-1][1]]
    wav = window.read_aloud.backend.last_wav
    with wave.open(io.BytesIO(wav.read_bytes())) as audio:
        assert audio.getnframes() > audio.getframerate()  # over a second of speech
    button(window, "Stop reading").click()
    assert window.read_aloud.state == IDLE
    assert window.reader.text.extraSelections() == []


def test_pause_holds_the_word_and_read_aloud_carries_on(window: MainWindow, qtbot: QtBot) -> None:
    open_first_module(window)
    button(window, "Read aloud").click()
    spoken_words(window, qtbot, 3)
    button(window, "Pause reading").click()
    assert window.read_aloud.state == PAUSED
    held = highlighted(window)
    qtbot.wait(400)
    assert highlighted(window) == held
    button(window, "Read aloud").click()
    assert window.read_aloud.state == READING
    before = len(spoken_words(window, qtbot, 2))
    assert before >= 2
    button(window, "Stop reading").click()


def test_selected_text_is_read_and_nothing_outside_it(window: MainWindow, qtbot: QtBot) -> None:
    open_first_module(window)
    view = window.reader.text
    text = view.document().toPlainText()
    start = text.index("\n") + 1
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 3)
    view.setTextCursor(cursor)
    button(window, "Reading options").click()
    scope = find_by_name(window, "What to read")
    assert isinstance(scope, QComboBox)
    scope.setCurrentIndex(scope.findData("selection"))
    finished: list[object] = []
    window.read_aloud.finished.connect(finished.append)
    seen: list[tuple[int, int]] = []
    window.read_aloud.backend.word.connect(lambda s, e: seen.append((s, e)))
    button(window, "Read aloud").click()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert [text[s:e] for s, e in seen] == written_words(text[start : cursor.selectionEnd()])


def test_speed_and_voice_lists_keep_the_learners_choice(window: MainWindow) -> None:
    open_first_module(window)
    options = button(window, "Reading options")
    options.click()
    assert options.isChecked()
    speed = find_by_name(window, "Reading speed")
    voice = find_by_name(window, "Voice")
    assert isinstance(speed, QComboBox) and isinstance(voice, QComboBox)
    assert speed.itemData(0) == 50 and speed.itemData(speed.count() - 1) == 300
    assert voice.count() >= 2 and voice.currentText() == "English (Great Britain)"
    speed.setCurrentIndex(speed.findData(150))
    voice.setCurrentIndex(voice.findText("English (America)"))
    assert window.learner is not None
    assert window.learner.settings.get("reading_speed") == 150
    assert window.learner.settings.get("voice") == "gmw/en-US"


def test_the_reader_with_read_aloud_passes_the_accessibility_checks(window: MainWindow) -> None:
    open_first_module(window)
    button(window, "Reading options").click()
    assert_accessible(window)
    assert window.learner is not None
    window.learner.settings.set("text_scale", 200)
    settle()
    assert_accessible(window)


@pytest.fixture
def mock_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")


@pytest.mark.usefixtures("mock_speech")
@pytest.mark.parametrize(
    ("style", "expected"),
    [("sentence_and_word", 2), ("word", 1), ("sentence", 1), ("off", 0)],
)
def test_each_highlight_style_marks_what_it_says(
    open_window: OpenWindow, qtbot: QtBot, style: str, expected: int
) -> None:
    window = open_window()
    assert window.learner is not None
    window.learner.settings.set("read_highlight", style)
    open_first_module(window)
    button(window, "Read aloud").click()
    spoken_words(window, qtbot, 2)
    selections = window.reader.text.extraSelections()
    assert len(selections) == expected
    if style == "word":
        assert selections[0].format.fontUnderline()  # not colour alone


@pytest.mark.usefixtures("mock_speech")
def test_the_mock_engine_words_land_on_the_documents_words(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    open_first_module(window)
    button(window, "Read aloud").click()
    spoken = spoken_words(window, qtbot, 5)
    text = window.reader.text.document().toPlainText()
    assert [text[s:e] for s, e in spoken[:5]] == written_words(text)[:5]
    assert highlighted(window)[-1] == text[spoken[-1][0] : spoken[-1][1]]


@pytest.mark.usefixtures("mock_speech")
def test_changing_speed_while_reading_starts_again_at_the_sentence(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    assert window.learner is not None
    open_first_module(window)
    button(window, "Read aloud").click()
    spoken_words(window, qtbot, 7)
    sentence_start = window.read_aloud._highlight.sentence[0]  # type: ignore[union-attr]
    restarted: list[tuple[int, int]] = []
    window.read_aloud.backend.word.connect(lambda s, e: restarted.append((s, e)))
    window.learner.settings.set("reading_speed", 200)
    qtbot.waitUntil(lambda: bool(restarted), timeout=5000)
    assert restarted[0][0] == sentence_start


def test_with_no_speech_engine_the_bar_says_how_to_get_one(
    open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "none")
    window = open_window()
    open_first_module(window)
    play = button(window, "Read aloud")
    assert not play.isEnabled()
    assert "espeak-ng" in window.reader.speech.bar.status.text()
    window.read_aloud.read(window.reader.text)  # a stray call is harmless
    assert window.read_aloud.state == IDLE


@pytest.mark.parametrize("outputs", ["this machine's", "none", "one"])
def test_the_status_says_reading_aloud_only_when_it_can_be_heard(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, outputs: str
) -> None:
    if outputs != "this machine's":  # the sound hardware is the one thing a test cannot plug in
        found = [QAudioDevice()] if outputs == "one" else []
        monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: found))
    open_first_module(window)
    bar = window.reader.speech.bar
    assert bar.status.text() == ""
    button(window, "Read aloud").click()
    qtbot.waitUntil(lambda: window.read_aloud.state == READING, timeout=10_000)
    heard = bool(QMediaDevices.audioOutputs())
    assert bar.status.text() == ("Reading aloud" if heard else NO_SOUND)
    assert find_starting(window, bar.status.text()) is bar.status  # and a screen reader hears it
    button(window, "Pause reading").click()
    assert bar.status.text() == ("Paused: Read aloud carries on" if heard else NO_SOUND)
    button(window, "Stop reading").click()
    assert bar.status.text() == ("" if heard else NO_SOUND)  # still true, and nothing jumps
