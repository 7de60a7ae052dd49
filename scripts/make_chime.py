"""Write the focus timer's chime: a soft, quiet two-note sine chime (standard library only).

    .venv/bin/python scripts/make_chime.py

It writes resources/sounds/chime.wav (22050 Hz, mono, 16-bit, about 0.6 s). The output
is the same on every run, so the committed file can always be made again from here.
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from pathlib import Path

RATE = 22050
SECONDS = 0.6
PEAK = 0.22  # of full scale: a cue, not an alarm
NOTES = ((659.25, 0.0), (880.0, 0.18))  # E5 then A5: (frequency in Hz, start in seconds)
FADE_IN = 0.012  # long enough that no note starts with a click
FADE_OUT = 0.15
DECAY = 5.0  # per second: each note dies away like a small bell

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"


def note(frequency: float, start: float, t: float) -> float:
    if t < start:
        return 0.0
    since = t - start
    attack = min(1.0, since / FADE_IN)
    return attack * math.exp(-DECAY * since) * math.sin(2 * math.pi * frequency * since)


def sample(t: float) -> float:
    fade_out = min(1.0, (SECONDS - t) / FADE_OUT)
    mixed = sum(note(frequency, start, t) for frequency, start in NOTES) / len(NOTES)
    return PEAK * fade_out * mixed


def chime_frames() -> bytes:
    count = int(RATE * SECONDS)
    values = (round(32767 * sample(i / RATE)) for i in range(count))
    return b"".join(struct.pack("<h", value) for value in values)


def write_chime(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(chime_frames())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    write_chime(parser.parse_args().output)


if __name__ == "__main__":
    main()
