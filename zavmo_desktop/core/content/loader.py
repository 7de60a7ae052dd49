"""Loading content packs into a Library; a broken module never hides the others."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from zavmo_desktop.core.content.fields import FieldReader, decode_utf8
from zavmo_desktop.core.content.models import Library, Module, Pack, Problem
from zavmo_desktop.core.content.module_parser import parse_module
from zavmo_desktop.core.content.pack_parser import parse_framework, parse_manifest
from zavmo_desktop.core.content.pack_source import PackSource, open_source


def load_library(pack_paths: Iterable[Path]) -> Library:
    library = Library()
    for path in pack_paths:
        pack, problems = load_pack(path)
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
    except OSError as error:
        return None, [Problem(path, 1, f"cannot open this pack: {error.strerror or error}")]
    manifest_reader, manifest_text = _read_text(source, "pack.yaml")
    framework_reader, framework_text = _read_text(source, "framework.yaml")
    manifest = parse_manifest(manifest_reader, manifest_text) if manifest_text else None
    framework = parse_framework(framework_reader, framework_text) if framework_text else None
    problems = manifest_reader.problems + framework_reader.problems
    if manifest is None or framework is None:
        return None, problems
    modules: list[Module] = []
    for name in source.module_names():
        relative = f"modules/{name}"
        reader = FieldReader(source.display_path(relative))
        raw = source.read(relative) or b""
        module = parse_module(reader, raw, framework, manifest.id)
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


def _read_text(source: PackSource, name: str) -> tuple[FieldReader, str | None]:
    reader = FieldReader(source.display_path(name))
    raw = source.read(name)
    if raw is None:
        reader.problem(1, f"{name} is missing: every pack has one (see docs/content-format.md)")
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
