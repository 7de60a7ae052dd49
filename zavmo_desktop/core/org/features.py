"""Which features the organisation left in: the one place every screen asks before it shows
a feature's button, shortcut, bar or link."""

from __future__ import annotations

from dataclasses import dataclass

# A navigation screen and the feature that hides it. By name, so a screen added later
# (Portfolio) is hidden as soon as it is in the navigation.
SCREEN_FEATURES = {
    "Discover": "discover",
    "Pathway": "pathway",
    "Review": "review",
    "Portfolio": "portfolio",
    "Glossary": "glossary",
}


@dataclass(frozen=True)
class Features:
    hidden: frozenset[str] = frozenset()

    def shows(self, feature: str) -> bool:
        return feature not in self.hidden

    def shows_screen(self, name: str) -> bool:
        feature = SCREEN_FEATURES.get(name)
        return feature is None or self.shows(feature)

    def navigation(self, names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name for name in names if self.shows_screen(name))


ALL_FEATURES = Features()
