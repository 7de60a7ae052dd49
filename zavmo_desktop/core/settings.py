"""Every setting, declared once: its default, what values it accepts, and who decides it.

A learner's choice wins over the organisation's value unless the organisation
locked that setting; both win over the default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def validate(self, value: Any) -> Any:
        """The value if acceptable, else ValueError with a message a person can act on."""
        if self.choices:
            if value not in self.choices:
                raise ValueError(f"{self.label} must be one of {', '.join(self.choices)}")
            return value
        if isinstance(self.default, bool):
            if not isinstance(value, bool):
                raise ValueError(f"{self.label} must be on or off")
            return value
        if isinstance(self.default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.label} must be a whole number")
            low, high = self.minimum, self.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                raise ValueError(f"{self.label} must be between {low} and {high}")
            return value
        return value


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("text_scale", "Text size", 100, minimum=75, maximum=250),
        SettingSpec("theme", "Theme", "light", choices=("light", "dark")),
    )
}


class SettingsStore(Protocol):
    def all(self) -> dict[str, Any]: ...
    def set(self, key: str, value: Any) -> None: ...


Listener = Callable[[str, Any], None]


class Settings:
    def __init__(
        self,
        store: SettingsStore,
        organisation: Mapping[str, Any] | None = None,
        locked: frozenset[str] = frozenset(),
    ) -> None:
        self._store = store
        self._organisation = _valid_only(organisation or {})
        self._locked = locked
        self._learner = _valid_only(store.all())
        self._listeners: list[Listener] = []

    def get(self, key: str) -> Any:
        spec = SPECS[key]
        if key in self._learner and key not in self._locked:
            return self._learner[key]
        return self._organisation.get(key, spec.default)

    def is_locked(self, key: str) -> bool:
        return key in self._locked

    def set(self, key: str, value: Any) -> None:
        if self.is_locked(key):
            raise PermissionError(f"{SPECS[key].label} is set by your organisation")
        value = SPECS[key].validate(value)
        if self.get(key) == value and key in self._learner:
            return
        self._store.set(key, value)
        self._learner[key] = value
        for listener in list(self._listeners):
            listener(key, value)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def snapshot(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SPECS}


def resolve(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Every setting's value from raw stored values, defaults where missing or invalid."""
    valid = _valid_only(stored)
    return {key: valid.get(key, spec.default) for key, spec in SPECS.items()}


def _valid_only(values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored or organisation values that are (still) valid; others fall back to defaults."""
    valid = {}
    for key, value in values.items():
        spec = SPECS.get(key)
        if spec is None:
            continue
        try:
            valid[key] = spec.validate(value)
        except ValueError:
            continue
    return valid
