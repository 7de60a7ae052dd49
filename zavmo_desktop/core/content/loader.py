"""Loading content packs into a Library; a broken module never hides the others."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from zavmo_desktop.core.content.fields import FieldReader, decode_utf8
from zavmo_desktop.core.content.limits import MAX_MODULE_BYTES, MAX_PACK_FILE_BYTES
from zavmo_desktop.core.content.models import Library, Module, Pack, Problem
from zavmo_desktop.core.content.module_parser import parse_module
from zavmo_desktop.core.content.pack_parser import parse_framework, parse_manifest
from zavmo_desktop.core.content.pack_source import PackReadError, PackSource, open_source


def load_library(pack_paths: Iterable[Path]) -> Library:
    """Every pack that loads; a pack that cannot be read is a problem, never an exception."""
    library = Library()
    for path in pack_paths:
        try:
            pack, problems = load_pack(path)
        except Exception as error:  # a loader bug must cost this pack only, not the app
            message = f"this pack could not be checked ({type(error).__name__}: {error})"
            pack, problems = None, [Problem(path, 1, message + ": please report it")]
        library.problems.extend(problems)
        if pack is None:
            continue
        earlier = next((p for p in library.packs if p.manifest.id == pack.manifest.id), None)
        if earlier is not None:
            message = f"pack id '{pack.manifest.id}' is already used by {earlier.root}: rename one"
            library.problems.append(Problem(path / "pack.yaml", 1, message))
            continue
        library.packs.append(_without_duplicates(pack, library))
    return library


def load_pack(path: Path) -> tuple[Pack | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(path, 1, "no such file or folder: check the path")]
    try:
        source = open_source(path)
    except PackReadError as error:
        return None, [Problem(path, 1, f"this pack {error}")]
    try:
        return _load_source(source)
    finally:
        source.close()


def _load_source(source: PackSource) -> tuple[Pack | None, list[Problem]]:
    manifest_reader, manifest_text = _read_text(source, "pack.yaml")
    framework_reader, framework_text = _read_text(source, "framework.yaml")
    manifest = parse_manifest(manifest_reader, manifest_text) if manifest_text else None
    framework = parse_framework(framework_reader, framework_text) if framework_text else None
    problems = manifest_reader.problems + framework_reader.problems
    if manifest is None or framework is None:
        return None, problems
    modules: list[Module] = []
    for name in _module_names(source, problems):
        relative = f"modules/{name}"
        reader = FieldReader(source.display_path(relative))
        try:
            raw = source.read(relative, MAX_MODULE_BYTES) or b""
        except PackReadError as error:
            reader.problem(1, f"this file {error}")
            raw = None
        module = parse_module(reader, raw, framework, manifest.id) if raw is not None else None
        problems.extend(reader.problems)
        if module is not None:
            modules.append(module)
    if not modules:
        problems.append(
            Problem(source.display_path("modules"), 1, "the pack has no modules that load")
        )
    problems.extend(_check_module_references(modules))
    ordered = sorted(modules, key=lambda m: (m.order, m.title.lower()))
    return Pack(manifest, framework, source.path, tuple(ordered)), problems


def _module_names(source: PackSource, problems: list[Problem]) -> list[str]:
    try:
        return source.module_names()
    except PackReadError as error:
        problems.append(Problem(source.display_path("modules"), 1, f"this folder {error}"))
        return []


def _read_text(source: PackSource, name: str) -> tuple[FieldReader, str | None]:
    reader = FieldReader(source.display_path(name))
    try:
        raw = source.read(name, MAX_PACK_FILE_BYTES)
    except PackReadError as error:
        reader.problem(1, f"this file {error}")
        return reader, None
    if raw is None:
        reader.problem(1, f"{name} is missing: every pack has one (see docs/content-format.md)")
        return reader, None
    if len(raw) > MAX_PACK_FILE_BYTES:
        reader.problem(1, f"{name} is larger than {MAX_PACK_FILE_BYTES // 1024 // 1024} MiB")
        return reader, None
    return reader, decode_utf8(reader, raw)


def _check_module_references(modules: list[Module]) -> list[Problem]:
    ids = {m.id for m in modules}
    return [
        Problem(
            module.path,
            line,
            f"prerequisite '{prerequisite}' is not a module of this pack that loads: "
            "check the id, or fix the problems reported for that module",
        )
        for module in modules
        for prerequisite, line in zip(module.prerequisites, module.prerequisite_lines, strict=True)
        if prerequisite not in ids
    ]


def _without_duplicates(pack: Pack, library: Library) -> Pack:
    """Drop each module whose id an earlier module already uses, with a problem for it."""
    taken = {m.id: m.path for m in library.modules}
    kept = []
    for module in pack.modules:
        if module.id in taken:
            message = f"module id '{module.id}' is already used by {taken[module.id]}: rename one"
            library.problems.append(Problem(module.path, module.id_line, message))
            continue
        taken[module.id] = module.path
        kept.append(module)
    return Pack(pack.manifest, pack.framework, pack.root, tuple(kept))
