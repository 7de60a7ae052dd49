"""Every screen the window can show, by name, and how each one is built.

A screen's module is imported when the screen is first shown: start-up imports only Home
(or, on a first start, the onboarding).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.main_window import MainWindow

NAVIGATION = ("Home", "Discover", "Pathway", "Library", "Settings", "Review", "Portfolio")
HELP = "Keyboard shortcuts"
READER, CONVERSATION = "Reader", "Conversation"
ONBOARDING = "Onboarding"  # in Home's place until the learner finishes or skips it
GLOSSARY = "Glossary"  # from the Library and the reader, not a navigation button
ABOUT = "About your learning"  # from Settings and the onboarding
PRIVACY = "Privacy"  # opened from Settings


def _screen(module: str, name: str, package: str = "screens") -> Any:
    """A screen's class (or a widget's, for a screen), imported when the screen is first
    shown: start-up imports only Home (or, on a first start, the onboarding)."""
    return getattr(importlib.import_module(f"zavmo_desktop.ui.{package}.{module}"), name)


def _glossary(window: MainWindow, learner: Learner) -> Callable[..., None] | None:
    """The way to the glossary, or None where the organisation hid it (no link is shown)."""
    return window.open_glossary if learner.features.shows("glossary") else None


ScreenFactory = Callable[["MainWindow", "Learner"], "QWidget"]
# Adding a screen is one file in ui/screens/ plus one line here.
SCREENS: dict[str, ScreenFactory] = {
    "Home": lambda w, learner: _screen("home", "HomeScreen")(
        learner,
        w.open_module,
        w.open_conversation,
        lambda: w._go_to("Pathway"),
        w.today,
        lambda: w._go_to("Review"),
    ),
    "Discover": lambda w, learner: _screen("discover", "DiscoverScreen")(learner),
    "Pathway": lambda w, learner: _screen("pathway", "PathwayScreen")(learner, w.today),
    "Library": lambda w, learner: _screen("library", "LibraryScreen")(
        learner, w.open_module, _glossary(w, learner)
    ),
    GLOSSARY: lambda w, learner: _screen("glossary", "GlossaryScreen")(
        learner, w.open_module, w.read_aloud
    ),
    "Settings": lambda w, learner: _screen("settings", "SettingsScreen")(
        learner.settings,
        _screen("profile_panel", "ProfilePanel", "widgets")(learner),
        w.open_about,
        _screen("own_data_panel", "OwnDataPanel", "widgets")(
            learner.data_dir, w.show_privacy, w.erase_and_start_again
        ),
        _screen("switch_learner_panel", "SwitchLearnerPanel", "widgets")(
            w.learner_name, w.switch_learner, w.learner_account()
        ),
        _screen("learning_records_panel", "LearningRecordsPanel", "widgets")(learner),
        features=learner.features,
    ),
    "Review": lambda w, learner: _screen("review", "ReviewScreen")(
        learner, lambda: w._go_to("Home"), w.read_aloud
    ),
    "Portfolio": lambda w, learner: _screen("portfolio", "PortfolioScreen")(learner, w.read_aloud),
    ONBOARDING: lambda w, learner: _screen("onboarding", "OnboardingScreen")(
        learner, w.finish_onboarding, w.open_about
    ),
    ABOUT: lambda w, learner: _screen("about_your_learning", "AboutYourLearningScreen")(
        learner.settings, w.read_aloud, w.back_from_about, lambda: w._go_to("Settings")
    ),
    HELP: lambda w, learner: _screen("shortcuts", "ShortcutsScreen")(learner.features),
    PRIVACY: lambda w, learner: _screen("privacy", "PrivacyScreen")(
        learner.data_dir, lambda: w._go_to("Settings"), learner.learning_records
    ),
    READER: lambda w, learner: _screen("reader", "ReaderScreen")(
        learner,
        lambda: w.show_screen("Library"),
        w.read_aloud,
        w.open_conversation,
        _glossary(w, learner),
    ),
    CONVERSATION: lambda w, learner: _screen("conversation", "ConversationScreen")(
        learner, w._back_to_module, w.read_aloud
    ),
}
