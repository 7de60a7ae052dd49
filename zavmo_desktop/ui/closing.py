"""Closing the window: save everything that waits, and never raise on the way out.

Whatever still cannot be saved (a full disk) is returned with its words, for the window
to offer as a text file (ui.unsaved_words).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.storage.problems import SHORT, STORAGE_ERRORS, Problem, classify

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.main_window import MainWindow
    from zavmo_desktop.ui.unsaved_words import Unsaved


def _quietly(step: Callable[[], object]) -> None:
    try:
        step()
    except STORAGE_ERRORS as error:  # what it held is kept by its own PendingSaves
        print(f"Zavmo: not saved while closing: {error}", file=sys.stderr)


def save_everything(window: MainWindow) -> tuple[Unsaved, str]:
    """Save what waits; return what still could not be saved and why, in a few words."""
    learner = window.learner
    assert learner is not None
    window.stop_reading_aloud()
    reader, conversation = (
        window.built("Reader"),
        window.built("Conversation"),
    )  # not built: nothing typed
    settings_screen, onboarding = window.built("Settings"), window.built("Onboarding")
    review, portfolio = window.built("Review"), window.built("Portfolio")
    profiles = [onboarding] if onboarding else []
    profiles += [settings_screen.your_profile] if settings_screen else []
    steps = [reader.flush] if reader else []
    steps += [conversation.save_draft] if conversation else []
    steps += [profile.flush for profile in profiles]
    steps += [review.flush] if review else []
    steps += [portfolio.flush] if portfolio else []  # words typed in its editor
    for step in (*steps, window.timer.save):
        _quietly(step)
    pendings = [reader.reflections.pending, reader.checklists.detail.pending] if reader else []
    pendings += [conversation.pending] if conversation else []
    pendings += [profile.pending for profile in profiles]
    pendings += [review.pending] if review else []
    pendings += [portfolio.pending] if portfolio else []
    pendings.append(window.timer.pending)  # a check-in
    unsaved: Unsaved = []
    problems: list[Problem] = []
    for pending in pendings:
        pending.retry()  # perhaps there is room again
        unsaved += pending.unsaved()
        problems += [pending.problem] if pending.problem else []
    settings = learner.settings
    if not settings.save_unsaved() and settings.save_problem is not None:
        lines = [f"{SPECS[key].label}: {value}" for key, value in settings.unsaved.items()]
        unsaved.append(("Your settings", "\n".join(lines)))
        problems.append(classify(settings.save_problem, learner.data_dir))
    return unsaved, SHORT[problems[0]] if problems else ""


def close_learner(learner: Learner) -> None:
    _quietly(learner.back_up)  # everything is in the database already; the backup can wait
    _quietly(learner.close)
