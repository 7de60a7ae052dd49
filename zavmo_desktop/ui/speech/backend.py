"""What every read-aloud engine offers the controller, whichever system voice is behind it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SpeechBackend(QObject):
    """Speaks text[start:end] and reports positions as offsets into the whole `text`."""

    word = Signal(int, int)  # the word being heard now: start, end
    sentence = Signal(int, int)  # the sentence being heard now
    speaking = Signal()  # audio started
    finished = Signal()  # reached the end (not after stop())
    failed = Signal(str)  # what went wrong, in words for the learner

    label = ""  # e.g. "espeak-ng", for the learner and self-test
    reports_words = True  # False: sentence highlight only

    def voices(self) -> list[tuple[str, str]]:
        """(identifier, name) of the voices to offer; the first is the default."""
        return []

    def speak(self, text: str, start: int, end: int, voice: str, speed_percent: int) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError
