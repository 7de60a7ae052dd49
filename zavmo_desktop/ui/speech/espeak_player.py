"""espeak-ng synthesis played by QMediaPlayer; the highlight follows the player's position.

Text is synthesised a chunk at a time off the GUI thread (a short first chunk, so speech
starts at once), one chunk ahead of the one playing. QMediaPlayer reports its position
about every 100 ms; between reports the position is carried forward on the monotonic
clock, so the highlighted word changes within a few milliseconds of its audio.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QMetaObject, Qt, QTimer, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from zavmo_desktop.speech.espeak import Espeak
from zavmo_desktop.speech.text import Span, chunks
from zavmo_desktop.speech.utterance import Timed, Utterance, synthesise_span
from zavmo_desktop.ui.speech.backend import SpeechBackend
from zavmo_desktop.ui.tasks import run_in_background

TICK_MS = 15
KEPT_FILES = 3  # the playing WAV, the next one, and one being written


class EspeakPlayer(SpeechBackend):
    label = "espeak-ng"

    def __init__(self, espeak: Espeak, folder: Path, language: str = "en") -> None:
        super().__init__()
        self._espeak = espeak
        self._folder = folder
        self._language = language
        self.player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self.player.setAudioOutput(self._audio)
        self.player.positionChanged.connect(self._position_changed)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.player.errorOccurred.connect(lambda _e, text: self.failed.emit(text))
        self._clock = QTimer(self, interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self._tick)
        self._generation = 0
        self._files = 0
        self._reset()

    def _reset(self) -> None:
        self._text = ""
        self._waiting: deque[Span] = deque()
        self._ready: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._synthesising = False
        self._anchor: tuple[int, float] | None = None  # (player ms, monotonic s) last reported
        self._latest_ms = 0  # the furthest point highlighted in the current utterance
        self._shown: tuple[Timed | None, Timed | None] = (None, None)

    @property
    def current_utterance(self) -> Utterance | None:
        return self._current

    @property
    def last_wav(self) -> Path | None:
        """The WAV most recently handed to the player (kept for checking a recorded run)."""
        return (
            self._folder / f"speech-{(self._files - 1) % KEPT_FILES}.wav" if self._files else None
        )

    def voices(self) -> list[tuple[str, str]]:
        found = [v for v in self._espeak.voices() if v.language.split("-")[0] == self._language]
        found.sort(key=lambda v: (v.identifier != "gmw/en", v.name))
        return [(v.identifier, v.name) for v in found]

    def speak(self, text: str, start: int, end: int, voice: str, speed_percent: int) -> None:
        self.stop()
        self._text = text
        self._voice = voice
        self._speed = speed_percent
        self._waiting = deque(chunks(text, start, end))
        if not self._waiting:
            QTimer.singleShot(0, self.finished.emit)
            return
        self._synthesise_next()

    def pause(self) -> None:
        if self._anchor is not None:
            self._anchor = (self._heard_ms(), time.monotonic())
        self.player.pause()

    def resume(self) -> None:
        if self._current is not None:
            if self._anchor is not None:
                self._anchor = (self._anchor[0], time.monotonic())
            self.player.play()

    def stop(self) -> None:
        self._generation += 1  # results of synthesis already under way are dropped
        self._clock.stop()
        self._reset()  # first: stopping the player reports position 0 to no one
        # Queued, so Qt calls the player's stop() from its event loop with the GIL free:
        # called from Python it waits, GIL held, for FFmpeg's thread, and that thread may
        # itself be waiting for the GIL (a message handler, a wrapper being destroyed).
        QMetaObject.invokeMethod(self.player, "stop", Qt.ConnectionType.QueuedConnection)

    # Synthesis, one chunk ahead ------------------------------------------------------------

    def _synthesise_next(self) -> None:
        if self._synthesising or not self._waiting or len(self._ready) > 0:
            return
        span = self._waiting.popleft()
        generation = self._generation
        text, voice, speed = self._text, self._voice, self._speed
        self._synthesising = True
        run_in_background(
            lambda: synthesise_span(
                self._espeak, text, span, voice, speed, lambda: generation != self._generation
            ),
            lambda utterance: self._synthesised(generation, utterance),
            lambda error: self._synthesis_failed(generation, error),
        )

    def _synthesised(self, generation: int, utterance: Utterance) -> None:
        if generation != self._generation:
            return
        self._synthesising = False
        self._ready.append(utterance)
        if self._current is None:
            self._play_next()
        self._synthesise_next()

    def _synthesis_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.stop()
            self.failed.emit(f"Speech could not be made: {error}")

    # Playing --------------------------------------------------------------------------------

    def _play_next(self) -> None:
        if not self._ready:
            if not self._waiting and not self._synthesising:
                self._clock.stop()
                self._current = None
                self.finished.emit()
            return
        utterance = self._ready.popleft()
        path = self._folder / f"speech-{self._files % KEPT_FILES}.wav"
        self._files += 1
        path.write_bytes(utterance.wav)
        self._current = utterance
        self._anchor = None
        self._latest_ms = 0
        self._shown = (None, None)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()
        self._clock.start()
        self._synthesise_next()

    def _position_changed(self, ms: int) -> None:
        if (
            self._current is None
            or self.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
        ):
            return
        if self._anchor is None:
            self.speaking.emit()
        self._anchor = (ms, time.monotonic())
        self._tick()

    def _heard_ms(self) -> int:
        if self._anchor is None or self._current is None:
            return 0
        ms, at = self._anchor
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            ms += round((time.monotonic() - at) * 1000)
        return min(ms, self._current.duration_ms)

    def _tick(self) -> None:
        if self._current is None or self._anchor is None:
            return
        # A report can put the clock a little behind the estimate: never step back a word.
        heard = self._latest_ms = max(self._heard_ms(), self._latest_ms)
        word, sentence = self._current.word_at(heard), self._current.sentence_at(heard)
        if sentence is not None and sentence != self._shown[1]:
            self.sentence.emit(sentence.start, sentence.end)
        if word is not None and word != self._shown[0]:
            self.word.emit(word.start, word.end)
        self._shown = (word, sentence)

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.BufferedMedia and self._anchor is None:
            # The audio starts now; the first position report comes ~100 ms later.
            self._position_changed(0)
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self._current is not None:
            self._current = None
            self._play_next()
