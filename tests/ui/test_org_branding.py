"""The organisation's name, logo and accent in the window; a bad logo, a refused accent or a
broken config file is a calm message at start, never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from tests.accessibility import assert_accessible, contrast_ratio, find_by_name, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.org.accent import accent_for
from zavmo_desktop.ui.palettes import THEMES, colours, set_organisation_accent
from zavmo_desktop.ui.theme import current_stylesheet

ACCENT = "#7a1f5c"  # a deep plum: >= 3:1 on the light and cream backgrounds


@pytest.fixture(autouse=True)
def usual_accent_after() -> Iterator[None]:
    """The accent is the app's for its whole run: tests after these get the usual one."""
    yield
    set_organisation_accent(None)


def write_config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "org" / "org.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(ACCENT))
    assert image.save(str(path))
    return path


def test_name_logo_and_accent_are_shown(open_window: OpenWindow, tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    png(tmp_path / "org" / "logo.png", 800, 200)
    config = write_config(
        tmp_path, f'name = "Acme"\nlogo = "logo.png"\naccent_colour = "{ACCENT}"\n'
    )
    window = open_window("--org-config", config)
    assert window.windowTitle() == "Zavmo Desktop — Acme"
    logo = find_by_name(window, "Acme logo")
    assert isinstance(logo, QLabel)
    shown = logo.pixmap().size()
    assert (shown.width(), shown.height()) == (160, 40)  # in its box, proportions kept
    assert find_by_name(window, "Provided by Acme").isVisible()
    assert colours("light").focus == ACCENT and colours("cream").accent == ACCENT
    assert f"solid {ACCENT}" in current_stylesheet()  # the focus ring and current-screen bar
    dark = colours("dark")
    assert dark.focus == accent_for(ACCENT, "dark") != THEMES["dark"].focus
    assert all(contrast_ratio(dark.focus, bg) >= 3 for bg in (dark.window, dark.base))
    assert colours("high_contrast").focus == THEMES["high_contrast"].focus
    assert getattr(window, "org_notice", None) is None
    assert_accessible(window)


def test_a_damaged_logo_and_a_pale_accent_are_told_not_a_crash(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really" * 50)
    config = write_config(tmp_path, 'name = "Acme"\nlogo = "logo.png"\naccent_colour = "#ffd34d"\n')
    window = open_window("--org-config", config)
    notice = window.org_notice
    assert notice.isVisible()
    assert "logo.png could not be shown" in notice.message
    assert "accent colour #ffd34d has contrast" in notice.message
    assert colours("light").focus == THEMES["light"].focus  # the usual accent is kept
    assert window.learner is not None
    window.learner.settings.set("text_scale", 200)
    settle()
    assert_accessible(window)  # the message at 200% text: named, reachable, nothing cut


def test_a_broken_config_file_starts_with_the_usual_settings(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    config = write_config(tmp_path, 'name = "Acme"\n[locked.theme\nvalue = "dark"\n')
    window = open_window("--org-config", config)
    assert window.windowTitle() == "Zavmo Desktop"
    assert window.learner is not None and window.learner.settings.locked == frozenset()
    message = window.org_notice.message
    assert f"{config}:2:" in message and "Everything else works as usual" in message
    find_by_name(window, "Close this message").click()  # type: ignore[attr-defined]
    assert window.org_notice.isHidden()


def test_an_unreadable_config_is_a_message(open_window: OpenWindow, tmp_path: Path) -> None:
    window = open_window("--org-config", str(tmp_path))  # a folder, not a file
    assert "cannot read the organisation config" in window.org_notice.message


def test_an_svg_logo_fits_its_box_and_a_huge_one_is_refused(qapp: object, tmp_path: Path) -> None:
    from zavmo_desktop.ui.widgets.org_logo import load_logo

    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">'
        f'<circle cx="150" cy="150" r="140" fill="{ACCENT}"/></svg>',
        encoding="utf-8",
    )
    pixmap, problem = load_logo(svg)
    assert pixmap is not None and problem == ""
    assert (pixmap.width(), pixmap.height()) == (64, 64)
    huge, why = load_logo(png(tmp_path / "wide.png", 9000, 4))
    assert huge is None and "9000×4 pixels is too big" in why


def test_the_accent_keeps_3_to_1_with_every_overlay() -> None:
    from zavmo_desktop.ui.palettes import OVERLAY_TINTS

    set_organisation_accent("#3d6b99")  # passes on plain light and cream, not on every tint
    kept = 0
    for theme in THEMES:
        for overlay in ("none", *OVERLAY_TINTS):
            c = colours(theme, overlay)
            assert all(contrast_ratio(c.focus, bg) >= 3 for bg in (c.window, c.base, c.button))
            if theme in ("light", "cream", "dark"):
                kept += c.focus != THEMES[theme].focus
    assert kept >= 11  # light and cream as given (most tints too), dark always as a tint
