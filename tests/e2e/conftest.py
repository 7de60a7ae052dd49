"""The end-to-end journeys open the real window the same way the UI tests do."""

from tests.ui.conftest import open_window, window  # noqa: F401
