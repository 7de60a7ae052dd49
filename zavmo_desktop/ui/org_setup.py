"""The organisation's config in the window (MainWindow's part): its name and logo, the
features it hid, its packs installed before the content is read, and a calm message about
anything in its setup that could not be used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.org.features import ALL_FEATURES, Features

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.org.choices import OrgConfig

APP_TITLE = "Zavmo Desktop"
MOST_SHOWN = 4  # problems listed in the message; every one goes to the start log (stderr)


class OrganisationSetup:
    """Mixed into MainWindow: uses its org config, data dir, content dirs and layouts."""

    _org: OrgConfig | None
    data_dir: Path
    _content_dirs: list[Path]
    _content: Any
    _nav_bar: Any
    _navigation: Any
    _restyler: Any
    _org_messages: list[str]  # mistakes in the config, and a logo that cannot be shown
    _org_refused: list[str]  # packs refused this start: "file: why"

    @property
    def features(self) -> Features:
        return self._org.features if self._org is not None else ALL_FEATURES

    def _show_organisation(self) -> None:
        """The name in the title and the logo in the navigation, before the first frame."""
        self._org_messages = list(self._org.problems) if self._org is not None else []
        self._org_refused = []
        org = self._org
        if org is None or not (org.name or org.logo):
            return
        self.setWindowTitle(f"{APP_TITLE} — {org.name}" if org.name else APP_TITLE)  # type: ignore[attr-defined]
        if org.logo is not None:
            from zavmo_desktop.ui.widgets.org_logo import load_logo, logo_label

            pixmap, problem = load_logo(org.logo)
            if pixmap is None:
                self._org_messages.append(f"{org.source}: {problem}")
            else:
                self._nav_bar.add_at_top(logo_label(pixmap, org.display_name))
        if org.name:
            from zavmo_desktop.ui.widgets.labels import paragraph

            provided = paragraph(f"Provided by {org.name}")
            provided.setAccessibleName(f"Provided by {org.name}")
            self._nav_bar.add_at_top(provided)

    def _install_org_packs(self) -> None:
        """On the loading thread, before the content is read: the first Home shows them."""
        org = self._org
        if org is None or not org.preload_packs:
            return
        from zavmo_desktop.core.org.preload import preload_org_packs
        from zavmo_desktop.core.packs.registry import installed_pack_folders, packs_dir

        refused = preload_org_packs(org.preload_packs, self.data_dir, org.signing_keys)
        self._org_refused += refused
        installed = installed_pack_folders(self.data_dir)
        self._content_dirs = with_installed(self._content_dirs, packs_dir(self.data_dir), installed)

    def _follow_organisation(self, learner: Learner) -> None:
        org = self._org
        if org is not None:
            learner.follow_organisation(
                org.setting_values(), org.locked_keys(), org.lock_messages(), org.features
            )

    def _screen_made(self, name: str, screen: Any) -> None:
        if name == "Library" and self._org is not None and self._org.signing_keys:
            screen.trusted_keys = list(self._org.signing_keys)

    def _tell_about_setup(self) -> None:
        """Once the learner can act: one message for everything that could not be used."""
        if not self._org_messages and not self._org_refused:
            return
        from zavmo_desktop.ui.announce import announce
        from zavmo_desktop.ui.widgets.org_notice import OrgNotice

        org_name = self._org.display_name if self._org is not None else "your organisation"
        notice = OrgNotice(*setup_message(self._org_refused, self._org_messages, org_name))
        self._content.insertWidget(0, notice)
        self._restyler.add(notice)
        self.org_notice = notice
        self._tab_to_notice_after_navigation(notice)
        announce(notice, notice.message)

    def _tab_to_notice_after_navigation(self, notice: Any) -> None:
        """Tab: the navigation, then the message (at the top of the page), then the screen."""
        from PySide6.QtWidgets import QWidget

        from zavmo_desktop.ui.week_in_view import last_in_chain
        from zavmo_desktop.ui.widgets.focus_order import tab_stops

        last = last_in_chain(tab_stops(self._navigation.widget()))
        stops = [notice.details, notice.close_button]
        for before, after in zip([last, *stops], stops, strict=False):
            QWidget.setTabOrder(before, after)


def setup_message(packs: list[str], config: list[str], org_name: str) -> tuple[str, list[str], str]:
    """The title, one line a problem, and what to do, in words for the learner."""
    lines = [_refused_line(pack, org_name) for pack in packs] + [
        f"A setting from {org_name} could not be used, so Zavmo uses its usual one. "
        f"Details: {problem}"
        for problem in config
    ]
    if len(lines) > MOST_SHOWN:  # the message must not push the screen out of sight
        more = len(lines) - MOST_SHOWN + 1
        lines = [*lines[: MOST_SHOWN - 1], f"And {more} more: Zavmo lists them all at start."]
    title = "Zavmo is ready. Part of your organisation's setup could not be used"
    after = (
        "Everything else works as usual. If you can, tell whoever looks after Zavmo at "
        f"{org_name}: these details will help them put it right."
    )
    return title, lines, after


def _refused_line(refusal: str, org_name: str) -> str:
    name, _, why = refusal.partition(": ")
    return (
        f"The content pack {name} from {org_name} was not installed, because it did not pass "
        f"a safety check. Its modules are not in your Library. Details: {why}"
    )


def with_installed(dirs: list[Path], packs: Path, installed: list[Path]) -> list[Path]:
    """The content folders with the installed packs (folders in `packs`) as they are now:
    where they were, else after the bundled content."""
    at = next((i for i, d in enumerate(dirs) if d.parent == packs), 1)
    kept = [d for d in dirs if d.parent != packs]
    position = min(at, len(kept))
    return kept[:position] + installed + kept[position:]
