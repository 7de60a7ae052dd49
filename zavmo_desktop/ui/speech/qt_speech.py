"""The system's own voices through QTextToSpeech (Windows, macOS), which reports each word as
it is heard. Each sentence is queued separately so its words map back onto the text."""

from __future__ import annotations

import math

from PySide6.QtTextToSpeech import QTextToSpeech

from zavmo_desktop.speech.text import Span, sentences
from zavmo_desktop.ui.speech.backend import SpeechBackend

WORD_ENGINES = ("winrt", "sapi", "darwin", "mock")  # engines that emit sayingWord


def qt_rate(speed_percent: int) -> float:
    """QTextToSpeech's -1..1 rate for a speed of 50-300%: 0 is normal, each end an octave."""
    octaves = math.log2(max(50, min(300, speed_percent)) / 100)
    return max(-1.0, min(1.0, octaves / (math.log2(3) if octaves > 0 else 1)))


class QtSpeech(SpeechBackend):
    def __init__(self, engine: str) -> None:
        super().__init__()
        self.label = f"system voices ({engine})"
        self.reports_words = engine in WORD_ENGINES
        self._engine = engine
        self._speech = self._new_engine()
        self._queued: dict[int, Span] = {}
        self._heard_id: int | None = None
        self._started = False
        self._stopping = False

    def _new_engine(self) -> QTextToSpeech:
        speech = QTextToSpeech(self._engine, self)
        speech.sayingWord.connect(self._saying_word)
        speech.aboutToSynthesize.connect(self._about_to_synthesize)
        speech.stateChanged.connect(self._state_changed)
        return speech

    def voices(self) -> list[tuple[str, str]]:
        return [(voice.name(), voice.name()) for voice in self._speech.availableVoices()]

    def speak(self, text: str, start: int, end: int, voice: str, speed_percent: int) -> None:
        self.stop()
        # Utterance ids start again after stop(), and a word from the old queue can still
        # arrive; a fresh engine means every id we hear is one of ours.
        old, self._speech = self._speech, self._new_engine()
        old.blockSignals(True)
        old.deleteLater()
        self._stopping = False
        self._started = False
        for candidate in self._speech.availableVoices():
            if candidate.name() == voice:
                self._speech.setVoice(candidate)
        self._speech.setRate(qt_rate(speed_percent))
        for span in sentences(text[start:end]):
            whole = Span(span.start + start, span.end + start)
            self._queued[self._speech.enqueue(whole.of(text))] = whole

    def pause(self) -> None:
        self._speech.pause(QTextToSpeech.BoundaryHint.Word)

    def resume(self) -> None:
        self._speech.resume()

    def stop(self) -> None:
        self._stopping = True
        self._queued.clear()
        self._heard_id = None
        self._speech.stop(QTextToSpeech.BoundaryHint.Immediate)

    def _about_to_synthesize(self, utterance_id: int) -> None:
        # Engines without word reports: the sentence is the finest thing we know about.
        span = self._queued.get(utterance_id)
        if span is not None and not self.reports_words:
            self.sentence.emit(span.start, span.end)

    def _saying_word(self, _word: str, utterance_id: int, start: int, length: int) -> None:
        span = self._queued.get(utterance_id)
        if span is None:
            return
        if not self._started:
            self._started = True
            self.speaking.emit()
        if utterance_id != self._heard_id:
            self._heard_id = utterance_id
            self.sentence.emit(span.start, span.end)
        self.word.emit(span.start + start, span.start + start + length)

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking and not self._started:
            self._started = True
            self.speaking.emit()
        elif state == QTextToSpeech.State.Error:
            self.failed.emit(self._speech.errorString() or "The system voice stopped working.")
        elif state == QTextToSpeech.State.Ready and self._queued and not self._stopping:
            self._queued.clear()
            self.finished.emit()
