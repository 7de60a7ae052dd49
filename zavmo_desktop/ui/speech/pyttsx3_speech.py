"""The fallback that speaks everywhere pyttsx3 does: one sentence at a time on its own thread.

pyttsx3 reports words before they are heard (DESIGN.md "Speech"), so only the sentence is
highlighted, as each one starts. Pause and stop take effect between sentences.
"""

from __future__ import annotations

import queue
import threading
from typing import Any

from zavmo_desktop.speech.text import Span, sentences
from zavmo_desktop.ui.speech.backend import SpeechBackend

NORMAL_WORDS_PER_MINUTE = 175


class Pyttsx3Speech(SpeechBackend):
    label = "pyttsx3"
    reports_words = False

    def __init__(self) -> None:
        super().__init__()
        self._jobs: queue.Queue[tuple[int, str, list[Span], str, int]] = queue.Queue()
        self._generation = 0
        self._running = threading.Event()
        self._running.set()
        self._voices: list[tuple[str, str]] = []
        self._ready = threading.Event()
        threading.Thread(target=self._work, name="pyttsx3", daemon=True).start()
        self._ready.wait(5)

    def voices(self) -> list[tuple[str, str]]:
        return list(self._voices)

    def speak(self, text: str, start: int, end: int, voice: str, speed_percent: int) -> None:
        self.stop()
        spans = [Span(s.start + start, s.end + start) for s in sentences(text[start:end])]
        self._jobs.put((self._generation, text, spans, voice, speed_percent))

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        self._generation += 1
        self._running.set()

    def _work(self) -> None:
        try:
            import pyttsx3

            engine: Any = pyttsx3.init()
            self._voices = [(v.id, v.name) for v in engine.getProperty("voices")]
        except Exception as error:  # no driver on this system: say so, never crash
            self._ready.set()
            self.failed.emit(f"pyttsx3 could not start: {error}")
            return
        self._ready.set()
        while True:
            generation, text, spans, voice, speed = self._jobs.get()
            if voice:
                engine.setProperty("voice", voice)
            engine.setProperty("rate", NORMAL_WORDS_PER_MINUTE * speed // 100)
            self._say_each(engine, generation, text, spans)

    def _say_each(self, engine: Any, generation: int, text: str, spans: list[Span]) -> None:
        for number, span in enumerate(spans):
            self._running.wait()
            if generation != self._generation:
                return
            if number == 0:
                self.speaking.emit()
            self.sentence.emit(span.start, span.end)
            engine.say(span.of(text))
            engine.runAndWait()
        if generation == self._generation:
            self.finished.emit()
