"""espeak-ng through ctypes: audio samples plus the true time of each word in that audio.

pyttsx3 throws espeak's timing events away (see DESIGN.md "Speech"); reading the synthesis
callback ourselves gives, for every word, its character position and its millisecond
offset in the audio. libespeak-ng keeps global state, so one lock serialises every call.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zavmo_desktop.speech.engines import espeak_ng_library

_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples come to our callback, nothing plays
_DONT_EXIT = 0x8000  # espeakINITIALIZE_DONT_EXIT: report errors instead of exiting
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE = 1  # espeakRATE, words per minute
_EVENT_END_OF_LIST = 0
_EVENT_WORD = 1
_EVENT_SENTENCE = 2

NORMAL_WORDS_PER_MINUTE = 175
LOWEST_WORDS_PER_MINUTE = 80  # espeak-ng's floor
HIGHEST_WORDS_PER_MINUTE = 550


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),  # 1-based, in characters
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # milliseconds into this synthesis
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


class _Voice(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),  # a priority byte, then the language name
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


class SpeechUnavailable(RuntimeError):
    """No usable espeak-ng on this machine; the message says how to get it."""


@dataclass(frozen=True)
class Voice:
    identifier: str  # what to pass back to synthesise(), e.g. "gmw/en-GB-scotland"
    name: str
    language: str


@dataclass(frozen=True)
class TimedEvent:
    kind: str  # "word" or "sentence"
    position: int  # 0-based character offset into the synthesised text
    length: int
    ms: int


@dataclass(frozen=True)
class RawSpeech:
    samples: bytes  # 16-bit mono little-endian PCM
    sample_rate: int
    events: tuple[TimedEvent, ...]
    cancelled: bool = False

    @property
    def duration_ms(self) -> int:
        return len(self.samples) * 1000 // (2 * self.sample_rate)


def words_per_minute(speed_percent: int) -> int:
    rate = NORMAL_WORDS_PER_MINUTE * speed_percent // 100
    return max(LOWEST_WORDS_PER_MINUTE, min(HIGHEST_WORDS_PER_MINUTE, rate))


class Espeak:
    """The loaded libespeak-ng. Its state is global to the process, so there is one
    (`Espeak.shared()`), and calls from any thread are serialised."""

    _shared: Espeak | None = None

    @classmethod
    def shared(cls) -> Espeak:
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def __init__(self) -> None:
        name = espeak_ng_library()
        if name is None:
            raise SpeechUnavailable("Read aloud needs espeak-ng: sudo apt install espeak-ng")
        self._lib = ctypes.CDLL(name)
        self._lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        self._lock = threading.Lock()
        self._collect: Callable[[bytes, list[TimedEvent]], bool] | None = None
        self._callback = _CALLBACK(self._on_synth)  # kept: espeak holds only a raw pointer
        self.sample_rate = int(self._lib.espeak_Initialize(_SYNCHRONOUS, 0, None, _DONT_EXIT))
        if self.sample_rate <= 0:
            raise SpeechUnavailable("espeak-ng could not start: reinstall espeak-ng-data")
        self._lib.espeak_SetSynthCallback(self._callback)

    def voices(self) -> list[Voice]:
        found = []
        with self._lock:
            pointers = self._lib.espeak_ListVoices(None)
            index = 0
            while pointers[index]:
                voice = pointers[index].contents
                language = (voice.languages or b"\x00")[1:].decode("utf-8", "replace")
                found.append(
                    Voice(
                        identifier=(voice.identifier or b"").decode("utf-8", "replace"),
                        name=(voice.name or b"").decode("utf-8", "replace"),
                        language=language,
                    )
                )
                index += 1
        return found

    def synthesise(
        self,
        text: str,
        voice: str = "",
        speed_percent: int = 100,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> RawSpeech:
        """Samples and word/sentence times for `text`. Stops early when `cancelled()`."""
        samples: list[bytes] = []
        events: list[TimedEvent] = []
        stopped = False

        def collect(chunk: bytes, new_events: list[TimedEvent]) -> bool:
            nonlocal stopped
            samples.append(chunk)
            events.extend(new_events)
            stopped = stopped or cancelled()
            return stopped

        data = text.encode("utf-8")
        with self._lock:
            self._use_voice(voice)
            self._lib.espeak_SetParameter(_RATE, words_per_minute(speed_percent), 0)
            self._collect = collect
            try:
                self._lib.espeak_Synth(
                    data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
                )
            finally:
                self._collect = None
        return RawSpeech(b"".join(samples), self.sample_rate, tuple(events), stopped)

    def _use_voice(self, voice: str) -> None:
        if not voice or self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
            self._lib.espeak_SetVoiceByName(b"en-gb")

    def _on_synth(self, wav: Any, count: int, events: Any) -> int:
        if self._collect is None:
            return 1
        chunk = ctypes.string_at(wav, count * 2) if count and wav else b""
        found = []
        index = 0
        while events[index].type != _EVENT_END_OF_LIST:
            event = events[index]
            if event.type in (_EVENT_WORD, _EVENT_SENTENCE):
                kind = "word" if event.type == _EVENT_WORD else "sentence"
                found.append(
                    TimedEvent(kind, event.text_position - 1, event.length, event.audio_position)
                )
            index += 1
        return 1 if self._collect(chunk, found) else 0
