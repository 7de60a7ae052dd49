"""Loading content packs into a Library; a broken module never hides the others."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from zavmo_desktop.core.content.fields import FieldReader, decode_utf8
from zavmo_desktop.core.content.limits import MAX_MODULE_BYTES, MAX_PACK_FILE_BYTES
from zavmo_desktop.core.content.models import Framework, Library, Manifest, Module, Pack, Problem
from zavmo_desktop.core.content.pack_source import PackReadError, PackSource, open_source
from zavmo_desktop.core.content.parse_cache import FileStamp, ParseCache, code_stamp, digest

T = TypeVar("T")


def load_library(pack_paths: Iterable[Path], cache: ParseCache | None = None) -> Library:
    """Every pack that loads; a pack that cannot be read is a problem, never an exception.
    With a cache, a file unchanged since it was last parsed is not parsed again."""
    library = Library()
    for path in pack_paths:
        try:
            pack, problems = load_pack(path, cache)
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


def read_roles(
    pack_paths: Iterable[Path], cache: ParseCache | None = None
) -> list[tuple[str, str]]:
    """(id, title) of each pack whose pack.yaml reads, the first of each id: what a first
    start's onboarding offers while the modules are still being parsed. A pack that turns
    out broken later is listed here but not in the library."""
    code = code_stamp() if cache is not None else ""
    roles: dict[str, str] = {}
    for path in pack_paths:
        try:
            source = open_source(path)
        except (OSError, PackReadError):
            continue
        try:
            manifest, _ = _parsed(source, "pack.yaml", MAX_PACK_FILE_BYTES, _manifest, code, cache)
        except Exception:  # load_library reports it as a problem of this pack
            manifest = None
        finally:
            source.close()
        if manifest is not None:
            roles.setdefault(manifest.id, manifest.title)
    return list(roles.items())


def load_pack(path: Path, cache: ParseCache | None = None) -> tuple[Pack | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(path, 1, "no such file or folder: check the path")]
    try:
        source = open_source(path)
    except PackReadError as error:
        return None, [Problem(path, 1, f"this pack {error}")]
    try:
        return _load_source(source, cache)
    finally:
        source.close()


def _load_source(source: PackSource, cache: ParseCache | None) -> tuple[Pack | None, list[Problem]]:
    code = code_stamp() if cache is not None else ""
    manifest, problems = _parsed(source, "pack.yaml", MAX_PACK_FILE_BYTES, _manifest, code, cache)
    framework, more = _parsed(
        source, "framework.yaml", MAX_PACK_FILE_BYTES, _framework, code, cache
    )
    problems = problems + more
    if manifest is None or framework is None:
        return None, problems
    # A module is checked against its pack's framework: a new framework means parsing again.
    context = ""
    if cache is not None:
        framework_bytes = source.read("framework.yaml", MAX_PACK_FILE_BYTES) or b""
        context = f"{code}:{manifest.id}:{digest(framework_bytes)}"

    def module(reader: FieldReader, raw: bytes | None) -> Module | None:
        from zavmo_desktop.core.content.module_parser import parse_module  # see _manifest

        return parse_module(reader, raw or b"", framework, manifest.id)

    modules: list[Module] = []
    for name in _module_names(source, problems):
        relative = f"modules/{name}"
        loaded, module_problems = _parsed(
            source, relative, MAX_MODULE_BYTES, module, context, cache
        )
        problems.extend(module_problems)
        if loaded is not None:
            modules.append(loaded)
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


def _parsed(
    source: PackSource,
    relative: str,
    limit: int,
    parse: Callable[[FieldReader, bytes | None], T | None],
    context: str,
    cache: ParseCache | None,
) -> tuple[T | None, list[Problem]]:
    """A file's parsed value and problems, from the cache while the file is unchanged."""
    path = source.display_path(relative)
    reader = FieldReader(path)
    try:
        raw = source.read(relative, limit)
    except PackReadError as error:
        reader.problem(1, f"this file {error}")
        return None, reader.problems
    stamp = _stamp(source, relative, raw, context) if cache is not None else None
    if cache is not None and stamp is not None:
        cached = cache.get(path, stamp)
        if cached is not None:
            return cached
    parsed = parse(reader, raw), reader.problems
    if cache is not None and stamp is not None:
        cache.put(path, stamp, parsed)
    return parsed


def _stamp(source: PackSource, relative: str, raw: bytes | None, context: str) -> FileStamp | None:
    if raw is None:
        return None
    try:
        size, mtime_ns = source.size_and_time(relative)
    except (OSError, PackReadError):  # gone since it was read: parse what was read, keep nothing
        return None
    return FileStamp(size, mtime_ns, digest(raw), context)


# The parsers are imported when a file is parsed: a start served from the parse cache never
# loads them (the module parser's imports reach the rubric matcher, ~40 ms).
def _manifest(reader: FieldReader, raw: bytes | None) -> Manifest | None:
    from zavmo_desktop.core.content.pack_parser import parse_manifest

    text = _pack_file_text(reader, raw, "pack.yaml")
    return parse_manifest(reader, text) if text else None


def _framework(reader: FieldReader, raw: bytes | None) -> Framework | None:
    from zavmo_desktop.core.content.pack_parser import parse_framework

    text = _pack_file_text(reader, raw, "framework.yaml")
    return parse_framework(reader, text) if text else None


def _pack_file_text(reader: FieldReader, raw: bytes | None, name: str) -> str | None:
    if raw is None:
        reader.problem(1, f"{name} is missing: every pack has one (see docs/content-format.md)")
        return None
    if len(raw) > MAX_PACK_FILE_BYTES:
        reader.problem(1, f"{name} is larger than {MAX_PACK_FILE_BYTES // 1024 // 1024} MiB")
        return None
    return decode_utf8(reader, raw)


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
