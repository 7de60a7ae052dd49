"""Read-aloud for the whole window: one voice at a time, highlighting what is being heard.

The engine is chosen for the machine (DESIGN.md "Speech"): espeak-ng with QMediaPlayer on
Linux, the system voices through QTextToSpeech on Windows and macOS, pyttsx3 where neither
works. ZAVMO_SPEECH=espeak|pyttsx3|none|qt:<engine> overrides the choice (tests use
"qt:mock"). With no engine at all, `reason` says how to get one and nothing else happens.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.speech.backend import SpeechBackend
from zavmo_desktop.ui.theme import colours_for
from zavmo_desktop.ui.widgets.speech_highlight import SpeechHighlight

IDLE, STARTING, READING, PAUSED = "idle", "starting", "reading", "paused"
NO_ENGINE = "Read aloud needs a speech engine. On Linux: sudo apt install espeak-ng"
NO_SOUND = "No sound output found: the words are highlighted, but you will not hear them"
_RESTART_KEYS = ("reading_speed", "voice")
_SHOW_KEYS = ("read_highlight", "theme", "overlay")


def choose_backend(folder: Path) -> tuple[SpeechBackend | None, str]:
    """The best engine this machine has, or None and what to do about it."""
    wanted = os.environ.get("ZAVMO_SPEECH", "")
    if wanted == "none":
        return None, NO_ENGINE
    if wanted.startswith("qt:"):
        return _qt_backend(wanted[3:])
    if wanted == "pyttsx3":
        return _pyttsx3_backend()
    if wanted == "espeak" or sys.platform.startswith("linux"):
        return _espeak_backend(folder)
    backend, reason = _qt_backend("")
    return (backend, reason) if backend else _pyttsx3_backend()


def _backend_for_this_window(folders: list[Path]) -> tuple[SpeechBackend | None, str]:
    """A speech folder of its own for each learner's window (`folders` is the window's), so
    erasing or switching clears only that learner's sentences."""
    folder = Path(tempfile.mkdtemp(prefix="zavmo-speech-"))
    folders.append(folder)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # only this run's WAVs
    return choose_backend(folder)


def _espeak_backend(folder: Path) -> tuple[SpeechBackend | None, str]:
    from zavmo_desktop.speech.espeak import Espeak, SpeechUnavailable
    from zavmo_desktop.ui.speech.espeak_player import EspeakPlayer

    try:
        return EspeakPlayer(Espeak.shared(), folder), ""
    except (SpeechUnavailable, OSError) as error:
        return None, f"{error}"


def _qt_backend(engine: str) -> tuple[SpeechBackend | None, str]:
    from PySide6.QtTextToSpeech import QTextToSpeech

    from zavmo_desktop.ui.speech.qt_speech import WORD_ENGINES, QtSpeech

    engines = QTextToSpeech.availableEngines()
    if not engine:
        engine = next((e for e in WORD_ENGINES[:-1] if e in engines), "")
    if engine not in engines:
        return None, NO_ENGINE
    return QtSpeech(engine), ""


def _pyttsx3_backend() -> tuple[SpeechBackend | None, str]:
    try:
        from zavmo_desktop.ui.speech.pyttsx3_speech import Pyttsx3Speech
    except ImportError:
        return None, NO_ENGINE
    return Pyttsx3Speech(), ""


class ReadAloud(QObject):
    state_changed = Signal(str)
    finished = Signal(object)  # reached the end of what was asked for: the view it was in
    spoken = Signal(object, int)  # the view and where the voice is now; -1 once it stops
    problem = Signal(str)

    def __init__(
        self,
        settings: Settings,
        backend: SpeechBackend | None,
        reason: str = "",
        make_backend: Callable[[], tuple[SpeechBackend | None, str]] | None = None,
    ) -> None:
        """`make_backend`, when given, builds the engine the first time it is needed."""
        super().__init__()
        self._settings = settings
        self._backend: SpeechBackend | None = None
        self._make_backend = make_backend
        self.reason = reason
        self.offered = True  # False where the organisation hid read-aloud: no bar, no button
        self.state = IDLE
        self._view: QTextEdit | None = None
        self._highlight: SpeechHighlight | None = None
        self._text = ""
        self._end = 0
        self._restart_on_resume = False
        self._voices: list[tuple[str, str]] | None = None
        self._watched: set[int] = set()  # views whose `destroyed` is connected
        self.speech_folders: list[Path] = []  # where this window's sentences are written
        if backend is not None:
            self._attach(backend)
        settings.subscribe(self._setting_changed)

    def _attach(self, backend: SpeechBackend) -> None:
        self._backend = backend
        backend.setParent(self)
        backend.word.connect(self._word)
        backend.sentence.connect(self._sentence)
        backend.speaking.connect(self._speaking)
        backend.finished.connect(self._finished)
        backend.failed.connect(self._failed)

    @classmethod
    def for_this_machine(cls, settings: Settings) -> ReadAloud:
        # Built on first use, not at start: QtMultimedia and the engine cost ~150 ms.
        if os.environ.get("ZAVMO_SPEECH") == "none":
            return cls(settings, None, NO_ENGINE)
        folders: list[Path] = []
        read_aloud = cls(settings, None, make_backend=lambda: _backend_for_this_window(folders))
        read_aloud.speech_folders = folders
        return read_aloud

    @property
    def backend(self) -> SpeechBackend | None:
        if self._make_backend is not None:
            make, self._make_backend = self._make_backend, None
            backend, self.reason = make()
            if backend is not None:
                self._attach(backend)
        return self._backend

    @property
    def available(self) -> bool:
        """False once we know this machine has no engine (it may not be known yet)."""
        return self._make_backend is not None or self._backend is not None

    @property
    def heard(self) -> bool:
        """False when this machine has no sound output: speech plays to no one (the player
        still runs, so the highlight still moves)."""
        from PySide6.QtMultimedia import QMediaDevices  # loaded with the engine already

        return bool(QMediaDevices.audioOutputs())

    @property
    def view(self) -> QTextEdit | None:
        return self._view

    def voices(self) -> list[tuple[str, str]]:
        if self._voices is None:
            self._voices = self.backend.voices() if self.backend else []
        return self._voices

    def read(self, view: QTextEdit, start: int = 0, end: int | None = None) -> None:
        """Read view's text from `start` to `end` (character offsets), highlighting as it goes."""
        if self.backend is None:
            self.problem.emit(self.reason)
            return
        self.stop()
        self._view = view
        self._highlight = SpeechHighlight(view)
        self._watch(view)
        self._text = view.document().toPlainText()
        self._end = len(self._text) if end is None else end
        self._speak_from(start)

    def _speak_from(self, start: int) -> None:
        assert self.backend is not None
        self._set_state(STARTING)
        speed, voice = self._settings.get("reading_speed"), self._settings.get("voice")
        self.backend.speak(self._text, start, self._end, voice, speed)

    def resume_point(self) -> tuple[int, int] | None:
        """The sentence being read and the end of what was asked for, while reading."""
        if self.state not in (STARTING, READING) or self._highlight is None:
            return None
        spoken = self._highlight.sentence
        return (spoken[0] if spoken else 0), self._end

    def pause(self) -> None:
        if self._backend is not None and self.state in (READING, STARTING):
            self._backend.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._backend is None or self.state != PAUSED:
            return
        if self._restart_on_resume:
            self._restart_on_resume = False
            self._restart_at_sentence()
        else:
            self._backend.resume()
            self._set_state(READING)

    def stop(self) -> None:
        if self._backend is not None and self.state != IDLE:
            self._backend.stop()
        self._clear()
        self._set_state(IDLE)

    def _clear(self) -> None:
        if self._highlight is not None and self._view is not None:
            self._highlight.clear()
            self.spoken.emit(self._view, -1)
        self._highlight = None
        self._view = None

    def _watch(self, view: QTextEdit) -> None:
        # Connected once per view and never disconnected: a disconnect on Stop takes
        # Qt's signal lock while holding the GIL, and deadlocked against FFmpeg's
        # thread, which held that lock while waiting for the GIL.
        key = id(view)
        if key not in self._watched:
            self._watched.add(key)
            view.destroyed.connect(lambda _=None, key=key: self._view_gone(key))

    def _view_gone(self, key: int) -> None:
        self._watched.discard(key)
        if self._view is not None and id(self._view) == key:
            self._highlight = None
            self._view = None
            self.stop()

    def _restart_at_sentence(self) -> None:
        spoken = self._highlight.sentence if self._highlight else None
        start = spoken[0] if spoken else 0
        assert self.backend is not None
        self.backend.stop()
        self._speak_from(start)

    def _setting_changed(self, key: str, _value: Any) -> None:
        if key in _RESTART_KEYS and self.state in (READING, STARTING):
            self._restart_at_sentence()
        elif key in _RESTART_KEYS and self.state == PAUSED:
            self._restart_on_resume = True
        elif key in _SHOW_KEYS and self._highlight is not None:
            self._show(self._highlight.sentence, self._highlight.word)

    def _speaking(self) -> None:
        if self.state == PAUSED:  # paused before the audio began: hold it there
            assert self.backend is not None
            self.backend.pause()
        else:
            self._set_state(READING)

    def _word(self, start: int, end: int) -> None:
        if self._highlight is not None:
            self._show(self._highlight.sentence, (start, end))

    def _sentence(self, start: int, end: int) -> None:
        if self._highlight is not None:
            self._show((start, end), None)

    def _show(self, sentence: tuple[int, int] | None, word: tuple[int, int] | None) -> None:
        assert self._highlight is not None
        values = self._settings.snapshot()
        self._highlight.show(
            sentence, word, values["read_highlight"], colours_for(values), values["reduce_motion"]
        )
        here = word or sentence
        if here is not None:
            self.spoken.emit(self._view, here[0])

    def _finished(self) -> None:
        view = self._view
        self._clear()
        self._set_state(IDLE)
        self.finished.emit(view)

    def _failed(self, message: str) -> None:
        self.stop()
        self.problem.emit(message)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
