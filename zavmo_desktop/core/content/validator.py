"""What `validate` checks beyond loading: every module's page, rendered as the reader would.

Loading already reports every limit and field; here each module is rendered against its
own pack, and every image or link the page loses (a file outside the pack, a device, an
absolute or UNC path, an image too big) becomes a problem on the line that names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from zavmo_desktop.core.content.limits import MAX_NESTING
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.models import Module, Pack, Problem
from zavmo_desktop.core.content.pack_source import PackReadError, PackSource, open_source
from zavmo_desktop.core.content.render import render_module


def validate_packs(pack_paths: Iterable[Path]) -> list[Problem]:
    """Every problem the app would meet loading these packs together, and on their pages."""
    library = load_library(pack_paths)
    problems = list(library.problems)
    for pack in library.packs:
        problems.extend(page_problems(pack))
    return sorted(problems, key=lambda p: (str(p.path), p.line))  # each file's in line order


def page_problems(pack: Pack) -> list[Problem]:
    try:
        source = open_source(pack.root)
    except PackReadError as error:
        return [Problem(pack.root, 1, f"this pack {error}")]
    try:
        return [p for module in pack.modules for p in _module_page(module, pack, source)]
    finally:
        source.close()


def _module_page(module: Module, pack: Pack, source: PackSource) -> list[Problem]:
    relative = module.path.relative_to(pack.root).as_posix()
    rendered = render_module(module.body, source, relative)
    lines = module.body.split("\n")
    problems, at = [], 0
    for target, why in rendered.dropped:  # in the order they are written
        at = _line_naming(lines, target, at)
        message = f"'{unquote(target)}' {why}; it is left out of the page"
        problems.append(Problem(module.path, module.body_line + at, message))
    problems += [
        Problem(
            module.path,
            module.body_line + line,
            f"lists or quotes are nested more than {MAX_NESTING} deep here: "
            "what is deeper is not shown",
        )
        for line in rendered.too_deep
    ]
    return problems


def _line_naming(lines: list[str], target: str, start: int) -> int:
    """The 0-based body line, from `start` on, where the reference is written."""
    for text in dict.fromkeys((target, unquote(target))):
        for number in range(start, len(lines)):
            if text in lines[number]:
                return number
    return start
