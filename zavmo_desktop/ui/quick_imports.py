"""Makes PySide6's check of each newly imported module cheaper. Imported first by app.py.

Once QtCore is loaded, PySide6 runs a hook after every import (for its optional
`from __feature__ import snake_case`): it asks whether the new module uses PySide6 by
reading its source with `inspect.getsource` and looking for "PySide6". That costs ~0.15 ms
a module, 20-30 ms of a start that imports a few hundred. This asks the same question by
reading the file's bytes (~0.03 ms). Modules without a .py file, and anything unexpected,
still go to PySide's own check; if PySide changes, nothing here applies
(tests/ui/test_qt_binding.py compares the answers for every module loaded).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import PySide6.QtCore  # noqa: F401  (installs the hook and its module)

_FEATURE_MODULE = "shibokensupport.feature"


def install() -> None:
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream) or getattr(upstream, "quick", False):
        return
    feature._mod_uses_pyside = _quick_check(upstream)


def _quick_check(upstream: Any) -> Any:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    uses_pyside.quick = True
    uses_pyside.upstream = upstream
    return uses_pyside


install()
