"""Where things live: the learner's data, and the app's own resources and content."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Zavmo Desktop"
APP_AUTHOR = "Zavmo"


def resource_root() -> Path:
    """The folder holding `content/` and `resources/`, from source or a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def bundled_content_dir() -> Path:
    return resource_root() / "content"


def resources_dir() -> Path:
    return resource_root() / "resources"


def about_your_learning_path() -> Path:
    """The app's own page on ADHD, dyslexia and autism (Markdown, shipped with the app)."""
    return resources_dir() / "pages" / "about-your-learning.md"


def data_dir(override: str | None = None) -> Path:
    """--data-dir, else ZAVMO_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get("ZAVMO_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs  # only needed when no folder was given

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
