"""Every keyboard shortcut, declared once: the window binds them and the help page lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zavmo_desktop.core.org.features import Features


@dataclass(frozen=True)
class Shortcut:
    keys: str  # QKeySequence text, shown as it is on the help page
    action: str  # what it does, in words
    where: str = "Everywhere"
    feature: str = ""  # the organisation's feature it belongs to; hidden with it


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("F1", "Show these keyboard shortcuts"),
    Shortcut("Ctrl+1", "Go to Home"),
    Shortcut("Ctrl+2", "Go to Discover"),
    Shortcut("Ctrl+3", "Go to Pathway"),
    Shortcut("Ctrl+4", "Go to Library"),
    Shortcut("Ctrl+5", "Go to Settings"),
    Shortcut("Ctrl+6", "Go to Review"),
    Shortcut("Ctrl+7", "Go to Portfolio"),
    Shortcut("Ctrl+F", "Search modules"),
    Shortcut("Ctrl+T", "Start, pause or resume the focus session", feature="focus_timer"),
    Shortcut("Ctrl+=", "Make text bigger"),
    Shortcut("Ctrl+-", "Make text smaller"),
    Shortcut("Ctrl+0", "Text back to 100%"),
    Shortcut("Ctrl+L", "Line focus: off, 1, 3 or 5 lines"),
    Shortcut("Ctrl+Shift+L", "Reading ruler on or off"),
    Shortcut("Alt+Left", "Back to the library", "Reader"),
    Shortcut("Ctrl+PgDown", "Next section (one section at a time)", "Reader"),
    Shortcut("Ctrl+PgUp", "Previous section (one section at a time)", "Reader"),
    Shortcut(
        "Ctrl+Tab", "Next part of the module: Read, Practise, Checklists, Reflections", "Reader"
    ),
    Shortcut(
        "Ctrl+D",
        "Look up the term at the caret (or selected) in the glossary",
        "Reader",
        feature="glossary",
    ),
    Shortcut("Escape", "Close the definition, back to the text", "Reader"),
    Shortcut("Ctrl+R", "Read aloud; pause; carry on", "Reader, practice and review", "read_aloud"),
    Shortcut("Ctrl+Shift+R", "Stop reading aloud", "Reader, practice and review", "read_aloud"),
    Shortcut("Ctrl+Return", "Send reply", "Practice"),
    Shortcut("Alt+Left", "Back to the module", "Practice"),
    Shortcut("Alt+Left", "Back to where you opened it", "About your learning"),
    Shortcut("Enter", "Open the chosen evidence item", "Portfolio"),
    Shortcut("Tab / Shift+Tab", "Move to the next or previous control", "Standard keys"),
    Shortcut("Space or Enter", "Press the focused button", "Standard keys"),
    Shortcut("Space", "Tick or untick the focused check box", "Standard keys"),
    Shortcut(
        "Up / Down",
        "Choose in a list or among replies; move the caret in the module text",
        "Standard keys",
    ),
)


def keys_for(action_start: str) -> str:
    """The keys of the shortcut whose action starts with these words (for tooltips)."""
    return next(s.keys for s in SHORTCUTS if s.action.startswith(action_start))


def shortcuts_shown(features: Features) -> tuple[Shortcut, ...]:
    """The shortcuts of what the organisation left in; "Go to X" goes with X's screen."""
    return tuple(
        s
        for s in SHORTCUTS
        if (not s.feature or features.shows(s.feature))
        and features.shows_screen(s.action.removeprefix("Go to "))
    )
