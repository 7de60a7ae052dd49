"""The optional questions about how the learner works best, and the preset they suggest.

Each statement is something a learner may recognise in themselves, in plain and literal
words, and points to one preset (core.settings.presets). The rule is in docs/onboarding.md:
the preset with the most ticked statements is suggested; a tie goes to the preset listed
first in TIE_ORDER. Nothing is applied: the learner sees a preview and chooses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from zavmo_desktop.core.settings.presets import PRESETS, Preset


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    preset: str  # the key of the preset this statement points to


@dataclass(frozen=True)
class Topic:
    title: str
    statements: tuple[Statement, ...]


def _topic(title: str, *statements: tuple[str, str, str]) -> Topic:
    return Topic(title, tuple(Statement(*s) for s in statements))


TOPICS = (
    _topic(
        "Reading",
        ("reading_long_text", "Long blocks of text tire me out.", "dyslexia"),
        ("reading_lose_place", "I lose my place in a line, or skip lines.", "dyslexia"),
        ("reading_listen", "Hearing text read out helps me follow it.", "dyslexia"),
        ("reading_bigger", "I need bigger text to read comfortably.", "low_vision"),
    ),
    _topic(
        "Attention",
        ("attention_drifts", "My attention drifts when one task goes on for long.", "adhd"),
        ("attention_breaks", "Short, regular breaks help me get going again.", "adhd"),
        ("attention_absorbed", "When something absorbs me, I forget to stop.", "adhd"),
    ),
    _topic(
        "Sensory needs",
        ("sensory_busy", "Bright colours or busy screens bother me.", "autism"),
        ("sensory_sudden", "Sudden sounds or movement on the screen distract me.", "autism"),
        ("sensory_contrast", "Pale or low-contrast text is hard for me to see.", "low_vision"),
    ),
    _topic(
        "Routine",
        ("routine_next", "I like to know exactly what comes next.", "autism"),
        ("routine_literal", "I prefer words that mean exactly what they say.", "autism"),
        ("routine_reminders", "Reminders help me keep to a plan.", "adhd"),
    ),
)

STATEMENTS = {s.id: s for topic in TOPICS for s in topic.statements}

# Seeing the page at all comes before how it is paced, and pacing before calm.
TIE_ORDER = ("low_vision", "dyslexia", "adhd", "autism")


@dataclass(frozen=True)
class Suggestion:
    preset: Preset | None  # None: nothing ticked points anywhere, so nothing is suggested
    also: tuple[Preset, ...]  # other presets some answers point to, most answers first
    reasons: tuple[str, ...]  # the ticked statements that point to `preset`


def suggest(answers: Iterable[str]) -> Suggestion:
    """The preset the answers point to most; unknown ids (from a newer version) are ignored."""
    chosen = [STATEMENTS[a] for a in dict.fromkeys(answers) if a in STATEMENTS]
    counts = Counter(s.preset for s in chosen)
    ranked = sorted(counts, key=lambda key: (-counts[key], TIE_ORDER.index(key)))
    if not ranked:
        return Suggestion(None, (), ())
    best = ranked[0]
    reasons = tuple(s.text for s in chosen if s.preset == best)
    return Suggestion(PRESETS[best], tuple(PRESETS[k] for k in ranked[1:]), reasons)
