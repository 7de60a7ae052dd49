"""The composition root: options, paths, the learner's data, QApplication, MainWindow."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

import zavmo_desktop.ui.quick_imports  # noqa: F401  (first: it speeds up every import after it)
from zavmo_desktop import __version__, paths
from zavmo_desktop.core.profiles import REGISTRY_NAME, UnknownProfile
from zavmo_desktop.core.profiles.session import Session
from zavmo_desktop.core.profiles.session import installed_packs as installed_packs
from zavmo_desktop.core.settings import resolve
from zavmo_desktop.core.storage.files import private_folder
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock
from zavmo_desktop.core.storage.settings_peek import peek_settings
from zavmo_desktop.ui import accessible
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.palettes import set_organisation_accent
from zavmo_desktop.ui.theme import apply_theme

if TYPE_CHECKING:  # each Qt class costs to load: the first frame loads only what it shows
    from PySide6.QtWidgets import QWidget

    from zavmo_desktop.core.org.choices import OrgConfig

CLI_COMMANDS = ("validate", "self-test", "data", "pack", "sync", "export")
SMOKE_OPTION = "--smoke-open-first-module"  # the same as ui/smoke.OPTION, without importing it


def parse_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="zavmo-desktop",
        description="Zavmo Desktop. Commands: validate PATH..., self-test, data export|erase.",
    )
    parser.add_argument("--version", action="version", version=f"Zavmo Desktop {__version__}")
    parser.add_argument("--data-dir", help="keep the learner's data here (e.g. on a USB stick)")
    parser.add_argument(
        "--content", action="append", type=Path, default=[],
        help="an extra content pack (folder or .zip); may be given more than once",
    )  # fmt: skip
    parser.add_argument("--org-config", help="the organisation's config file (TOML)")
    parser.add_argument(
        "--profile", help="open this learner (name or id) on a shared data folder"
    )  # a learner with a PIN is asked for it
    options, _qt_arguments = parser.parse_known_args(argv)
    return options


def prepare_window(argv: list[str]) -> MainWindow | QWidget:
    """Everything up to a window that can be shown: the learner's, or the chooser when the
    data folder has several learners (or one behind a PIN). Raises AlreadyRunning."""
    # Start-up allocates a great deal and frees almost nothing, so the cycle collector only
    # slows it (by ~50 ms with 300 extra modules). The window switches it back on once the
    # learner can act, loading failed or it closed, with what start-up made frozen.
    gc.disable()
    try:
        return _prepare_window(argv)
    except BaseException:
        gc.enable()
        raise


def _prepare_window(argv: list[str]) -> MainWindow | QWidget:
    options = parse_options(argv)
    data_dir = private_folder(paths.data_dir(options.data_dir))  # the root, for profiles
    org = _read_org_config(options.org_config)
    lock = InstanceLock(data_dir)
    lock.acquire()
    if QApplication.instance() is None:
        QApplication([sys.argv[0], *argv])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    accessible.install(app)  # before the first widget is made
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
    bundled = (paths.bundled_content_dir(),)
    session = Session(data_dir, lock, org, bundled, tuple(options.content))
    # The organisation's accent from the first frame (no flash of the usual theme).
    set_organisation_accent(org.accent_colour)
    if options.profile or (data_dir / REGISTRY_NAME).exists():
        from zavmo_desktop.ui.profile_start import start_with_profiles

        return start_with_profiles(session, options.profile)
    # One learner, as before profiles: the root is their folder, and no chooser is loaded.
    # The learner's font and colours from the first frame, with the organisation's locks;
    # the window sets the stylesheet.
    apply_theme(resolve(org.first_look(peek_settings(data_dir))), app_sheet=False)
    return MainWindow(data_dir, session.content_for(data_dir), lock, org, session=session)


def _read_org_config(option: str | None) -> OrgConfig:
    """Mistakes in the organisation's config are told at start; the app goes on without them."""
    from zavmo_desktop.core.org.choices import OrgConfig, find_config_file

    path = find_config_file(option)
    if path is None:  # most starts: the reader and what it imports stay unloaded
        return OrgConfig()
    from zavmo_desktop.core.org.config import load_org_config

    config = load_org_config(path)
    for problem in config.problems:
        print(problem, file=sys.stderr)
    return config


def listen_for_second_starts(window: Any) -> None:
    """On the data root's lock: one app per root, whichever learner is in (or none yet)."""
    from zavmo_desktop.ui.single_instance import ActivationServer

    server = ActivationServer(window.session.root, window)
    server.activate_requested.connect(window.bring_to_front)


def build_window(argv: list[str]) -> Any:
    """The whole app, loaded and ready, without entering the event loop (the chooser, not
    shown, when the data folder asks who is learning)."""
    from PySide6.QtCore import QEventLoop

    window = prepare_window(argv)
    listen_for_second_starts(window)
    if not isinstance(window, MainWindow):
        return window
    loop = QEventLoop()
    errors: list[BaseException] = []
    window.loaded.connect(loop.quit)
    window.failed.connect(lambda error: (errors.append(error), loop.quit()))
    window.start_loading()
    if not window.content_loaded and not errors:
        loop.exec()
    if errors:
        window.close()
        raise errors[0]
    return window


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in CLI_COMMANDS:
        from zavmo_desktop.cli import run

        return run(argv)
    if SMOKE_OPTION in argv:  # checks a build (tests/packaging): opens a module, then quits
        from zavmo_desktop.ui.smoke import open_first_module

        return open_first_module([arg for arg in argv if arg != SMOKE_OPTION])
    try:
        window = prepare_window(argv)
    except AlreadyRunning as running:
        return _hand_over_to_running_instance(Path(str(running)), argv)
    except UnknownProfile as unknown:
        print(unknown, file=sys.stderr)
        return 2
    except OSError as error:  # the data folder cannot be made or locked: read-only, full ...
        return _cannot_start(error, paths.data_dir(parse_options(argv).data_dir), argv)
    failures = window.session.failures
    if isinstance(window, MainWindow):
        window.failed.connect(failures.append)
        window.failed.connect(window.explain_failure)
        window.show()
        window.start_loading()  # the window paints while the learner's data loads
    else:
        window.show()
    listen_for_second_starts(window)
    # What start-up made lives as long as the app: left out of Python's full collections,
    # which otherwise scan it all and held the GUI thread (or a worker holding the lock)
    # for 30-60 ms while a module opened.
    gc.freeze()
    code = QApplication.exec()
    return 1 if failures else code  # a content problem is listed in the app, never a failure


def _cannot_start(error: OSError, data_dir: Path, argv: list[str]) -> int:
    from PySide6.QtWidgets import QMessageBox

    from zavmo_desktop.core.storage.problems import describe_failure

    message = describe_failure(error, data_dir)
    print(message, file=sys.stderr)
    _app = QApplication.instance() or QApplication([sys.argv[0], *argv])  # for the dialog
    QMessageBox.critical(None, "Zavmo could not start", message)
    return 1


def _hand_over_to_running_instance(data_dir: Path, argv: list[str]) -> int:
    """Never open the same learner's data twice: bring the open window forward instead."""
    from PySide6.QtWidgets import QMessageBox

    from zavmo_desktop.ui.single_instance import ask_running_instance_to_activate

    _app = QApplication.instance() or QApplication([sys.argv[0], *argv])  # for the dialog
    message = f"Zavmo Desktop is already open with this learner's data ({data_dir})."
    if ask_running_instance_to_activate(data_dir):
        print(f"{message} Its window has been brought to the front.", file=sys.stderr)
    else:
        message += " Switch to that window, or close it before starting again."
        print(message, file=sys.stderr)
        QMessageBox.information(None, "Zavmo Desktop is already open", message)
    return 1
