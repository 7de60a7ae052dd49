"""What a screen reader gets over AT-SPI from the running app. The system python3 runs it
(pyatspi lives there), inside dbus-run-session and xvfb-run: see test_screen_reader_roles.py.

argv: the app's python, its data folder. Prints one JSON object: the headings (name, level)
and the page tabs (name, states) at start, then the tabs again after the "Library" tab was
pressed through its AT-SPI action.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import Atspi

APP_NAME = "Zavmo Desktop"
WAIT_S = 60


def until(find, what: str):
    end = time.monotonic() + WAIT_S
    while time.monotonic() < end:
        found = find()
        if found:
            return found
        time.sleep(0.3)
    raise SystemExit(f"timed out waiting for {what}")


def application():
    desktop = pyatspi.Registry.getDesktop(0)
    # Ask the app each time rather than trust libatspi's cache, which follows only the
    # changes Qt announces.
    desktop.set_cache_mask(Atspi.Cache.NONE)
    return next((a for a in desktop if a is not None and a.name == APP_NAME), None)


def nodes(root):
    yield root
    for child in root:
        if child is not None:
            yield from nodes(child)


def headings(app) -> list[list[object]]:
    found = []
    for node in nodes(app):
        if node.getRole() == pyatspi.ROLE_HEADING:
            attributes = dict(a.split(":", 1) for a in node.getAttributes())
            found.append([node.name, attributes.get("level")])
    return found


def tabs(app) -> dict[str, list[str]]:
    found = {}
    for node in nodes(app):
        if (
            node.getRole() == pyatspi.ROLE_PAGE_TAB
            and node.parent.getRole() == pyatspi.ROLE_PAGE_TAB_LIST
        ):
            states = node.getState()
            found[node.name] = [
                name
                for name in ("selected", "checked", "checkable", "enabled")
                if states.contains(getattr(pyatspi, f"STATE_{name.upper()}"))
            ]
    return found


def press(app, name: str) -> None:
    node = next(n for n in nodes(app) if n.getRole() == pyatspi.ROLE_PAGE_TAB and n.name == name)
    action = node.queryAction()
    index = next(i for i in range(action.nActions) if action.getName(i) == "Press")
    action.doAction(index)


def main() -> None:
    python, data_dir = sys.argv[1], sys.argv[2]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
    app_process = subprocess.Popen([python, "-m", "zavmo_desktop", "--data-dir", data_dir], env=env)
    try:
        app = until(application, "the app on the AT-SPI bus")
        until(lambda: "enabled" in tabs(app).get("Home", []), "navigation to be enabled")
        titled = until(
            lambda: [h for h in headings(app) if h[1] == "1"] and headings(app), "a title"
        )
        result = {"headings": titled, "tabs": tabs(app)}

        press(app, "Library")
        until(lambda: "selected" in tabs(app)["Library"], "Library to be the current page")
        result["after_press"] = tabs(app)
        print(json.dumps(result))
    finally:
        app_process.terminate()
        app_process.wait(timeout=30)


if __name__ == "__main__":
    main()
