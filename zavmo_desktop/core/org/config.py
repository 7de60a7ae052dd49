"""Read and check the organisation's TOML config; anything wrong is reported and left out."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zavmo_desktop.core.org.accent import accent_problem
from zavmo_desktop.core.org.choices import ENV_VAR as ENV_VAR
from zavmo_desktop.core.org.choices import LockedSetting, OrgConfig
from zavmo_desktop.core.org.choices import find_config_file as find_config_file
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

FEATURES = (
    "discover", "pathway", "review", "portfolio", "read_aloud", "focus_timer", "export", "glossary",
)  # fmt: skip
_KEYS = {
    "name", "logo", "accent_colour", "defaults", "locked", "hide_features", "preload_packs",
    "signing_keys", "lrs",
}  # fmt: skip
_ED25519_DER_PREFIX = bytes.fromhex("302a300506032b6570032100")  # SubjectPublicKeyInfo header
MAX_CONFIG_BYTES = 1024 * 1024  # a settings file; anything larger is not one
MAX_LOGO_BYTES = 1024 * 1024
_LOGO_TYPES = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b""}  # SVG: checked for <svg below
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def load_org_config(path: Path | None) -> OrgConfig:
    """The config at path, with every problem in .problems; never raises for bad input."""
    if path is None:
        return OrgConfig()
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        why = error.strerror or type(error).__name__
        return OrgConfig(problems=[f"{path}: cannot read the organisation config ({why})"])
    if len(raw) > MAX_CONFIG_BYTES:
        return OrgConfig(
            problems=[f"{path}: is larger than {MAX_CONFIG_BYTES // 1024} KiB: not a config"]
        )
    import tomllib  # only when there is a config to read

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return OrgConfig(problems=[f"{path}: the organisation config is not UTF-8 text"])
    except tomllib.TOMLDecodeError as error:
        return OrgConfig(problems=[_toml_message(path, error)])
    return _Reader(path).read(data)


def _toml_message(path: Path, error: Exception) -> str:
    text = str(error)
    found = _TOML_LINE.search(text)
    if found is None:
        return f"{path}: {text}"
    return f"{path}:{found.group(1)}: {_TOML_LINE.sub('', text).strip()}"


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.config = OrgConfig(source=path)

    def problem(self, message: str) -> None:
        self.config.problems.append(f"{self.path}: {message}")

    def read(self, data: dict[str, Any]) -> OrgConfig:
        unknown = sorted(set(data) - _KEYS)
        if unknown:  # one warning for them all: a config from a newer version has several
            keys = "key" if len(unknown) == 1 else "keys"
            named = ", ".join(repr(key) for key in unknown)
            self.problem(f"unknown {keys} {named}, left out (known: {', '.join(sorted(_KEYS))})")
        self.config.name = self.text(data, "name")
        self.read_logo(data)
        self.read_accent(data)
        self.config.defaults = self.settings(data.get("defaults", {}), "defaults")
        self.read_locked(data.get("locked", {}))
        self.read_features(data)
        self.config.preload_packs = [
            self.path.parent / p for p in self.texts(data, "preload_packs")
        ]
        self.config.signing_keys = [
            raw for text in self.texts(data, "signing_keys") if (raw := self.signing_key(text))
        ]
        self.read_lrs(data.get("lrs"))
        return self.config

    def text(self, data: Mapping[str, Any], key: str, where: str = "") -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.problem(f"{where}{key} must be text, not {type(value).__name__}")
            return ""
        return value

    def texts(self, data: Mapping[str, Any], key: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"{key} must be a list of text")
            return []
        return value

    def read_logo(self, data: Mapping[str, Any]) -> None:
        logo = self.text(data, "logo")
        if not logo:
            return
        path = self.path.parent / logo
        why = _logo_problem(path)
        if why:
            self.problem(f"logo {logo!r} {why}; no logo is shown")
        else:
            self.config.logo = path

    def read_accent(self, data: Mapping[str, Any]) -> None:
        colour = self.text(data, "accent_colour")
        if not colour:
            return
        why = accent_problem(colour)
        if why:
            self.problem(f"{why}; the usual accent is used")
        else:
            self.config.accent_colour = colour.lower()

    def settings(self, table: Any, where: str) -> dict[str, Any]:
        if not isinstance(table, dict):
            self.problem(f"{where} must be a table of settings")
            return {}
        return {key: value for key, value in table.items() if self.setting_ok(key, value, where)}

    def setting_ok(self, key: str, value: Any, where: str) -> bool:
        if key not in SPECS:
            self.problem(f"{where}: unknown setting {key!r}")
            return False
        try:
            SPECS[key].validate(value)
        except (ValueError, TypeError) as error:  # TypeError: a table where a choice goes
            self.problem(f"{where}.{key}: {error}")
            return False
        return True

    def read_locked(self, table: Any) -> None:
        if not isinstance(table, dict):
            self.problem("locked must be a table of settings")
            return
        for key, entry in table.items():
            if not isinstance(entry, dict) or "value" not in entry:
                self.problem(f"locked.{key} must be a table with value and reason")
                continue
            for extra in sorted(set(entry) - {"value", "reason"}):
                self.problem(f"locked.{key}: unknown key {extra!r} (known: reason, value)")
            reason = self.text(entry, "reason", f"locked.{key}.")
            if self.setting_ok(key, entry["value"], "locked"):
                self.config.locked[key] = LockedSetting(entry["value"], reason)

    def read_features(self, data: Mapping[str, Any]) -> None:
        names = self.texts(data, "hide_features")
        for name in names:
            if name not in FEATURES:
                self.problem(
                    f"hide_features: unknown feature {name!r} (known: {', '.join(FEATURES)})"
                )
        self.config.hidden_features = frozenset(n for n in names if n in FEATURES)
        if "focus_timer" in self.config.hidden_features:
            # Locked off, so nothing (a preset, a shortcut, an imported profile) brings it back.
            reason = "the focus timer is not used here"
            self.config.locked["show_focus_timer"] = LockedSetting(False, reason)

    def signing_key(self, text: str) -> bytes | None:
        body = "".join(line for line in text.strip().splitlines() if not line.startswith("-----"))
        try:
            key = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            self.problem("signing_keys: a key is neither base64 nor PEM")
            return None
        if key.startswith(_ED25519_DER_PREFIX):
            key = key[len(_ED25519_DER_PREFIX) :]
        if len(key) != 32:
            self.problem(f"signing_keys: an Ed25519 public key is 32 bytes, this one is {len(key)}")
            return None
        return key

    def read_lrs(self, table: Any) -> None:
        if table is None:
            return
        if not isinstance(table, dict):
            self.problem("lrs must be a table")
            return
        unknown = set(table) - {
            "endpoint",
            "username",
            "password",
            "account_homepage",
            "account_name",
            "use_email",
        }
        for key in sorted(unknown):
            self.problem(f"lrs: unknown key {key!r}")
        texts = {
            k: self.text(table, k, "lrs.")
            for k in ("endpoint", "username", "password", "account_homepage", "account_name")
        }
        use_email = table.get("use_email", False)
        if not isinstance(use_email, bool):
            self.problem("lrs.use_email must be true or false")
            use_email = False
        if not texts["endpoint"].startswith(("https://", "http://")):
            self.problem("lrs.endpoint must be an http(s) URL; records stay on this laptop")
            return
        if not texts["account_homepage"]:
            # xAPI names an account by its home page: without one no learner can be named.
            self.problem("lrs.account_homepage is needed; records stay on this laptop")
            return
        self.config.lrs = LrsSettings(**texts, use_email=use_email)


def _logo_problem(path: Path) -> str | None:
    """Why the logo file cannot be used, or None; its image is decoded later, by the UI."""
    magic = _LOGO_TYPES.get(path.suffix.lower())
    if magic is None:
        return "must be a PNG or SVG file"
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "is missing or cannot be read"
    if size > MAX_LOGO_BYTES:
        return f"is {size // 1024} KiB; a logo may be at most {MAX_LOGO_BYTES // 1024} KiB"
    if magic and not head.startswith(magic):
        return "is not a PNG image"
    if not magic and b"<svg" not in head:
        return "is not an SVG image"
    return None
