"""The PyYAML side of located_yaml: compose a document, then convert its nodes with lines."""

from __future__ import annotations

from typing import Any

import yaml

from zavmo_desktop.core.content.located_yaml import LDict, LList, YamlProblem

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def parse(text: str, first_line: int) -> Any:
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, offset, first_line) from None
    except yaml.YAMLError as error:
        raise YamlProblem(first_line, f"YAML error: {error}") from None
    if node is None:
        return None
    return _convert(node, offset, seen=set())


def _syntax_problem(error: yaml.MarkedYAMLError, offset: int, first_line: int) -> YamlProblem:
    """Where the parser noticed, and where the thing it was reading began (an unclosed [ or ")."""
    mark = error.problem_mark or error.context_mark
    line = (mark.line + 1 + offset) if mark else first_line
    message = f"YAML syntax error: {error.problem or error}"
    start = error.context_mark
    if error.context and start is not None and start.line + 1 + offset != line:
        message += f" ({error.context} that starts on line {start.line + 1 + offset})"
    return YamlProblem(line, message)


def _convert(node: yaml.Node, offset: int, seen: set[int]) -> Any:
    line = node.start_mark.line + 1 + offset
    if id(node) in seen:  # compose() shares one node object between an anchor and its aliases
        raise YamlProblem(
            line, "YAML anchors and aliases (& and *) are not supported: write it out"
        )
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, offset, seen, line)
    if isinstance(node, yaml.SequenceNode):
        items = LList(_convert(child, offset, seen) for child in node.value)
        items.line = line
        items.item_lines = [child.start_mark.line + 1 + offset for child in node.value]
        return items
    return _convert_scalar(node, line)


def _convert_mapping(node: yaml.MappingNode, offset: int, seen: set[int], line: int) -> LDict:
    mapping = LDict()
    mapping.line = line
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1 + offset
        key = _convert(key_node, offset, seen)
        if not isinstance(key, str):
            raise YamlProblem(key_line, f"keys must be words, not {key!r}")
        if key in mapping:
            raise YamlProblem(key_line, f"'{key}' appears twice here: keep one")
        mapping[key] = _convert(value_node, offset, seen)
        mapping.key_lines[key] = key_line
    return mapping


def _convert_scalar(node: yaml.Node, line: int) -> Any:
    if node.tag == "tag:yaml.org,2002:merge":
        raise YamlProblem(line, "YAML merge keys (<<) are not supported: write it out")
    constructor = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if constructor is None:
        raise YamlProblem(line, f"unsupported YAML tag {node.tag}")
    try:
        return constructor(_SCALAR_LOADER, node)
    except (yaml.YAMLError, ValueError) as error:
        raise YamlProblem(line, f"cannot read this value: {error}") from None
    except (AttributeError, TypeError):  # PyYAML's own slip on e.g. `!!timestamp 2020x`
        kind = node.tag.rsplit(":", 1)[-1]
        raise YamlProblem(line, f"cannot read this value as {kind}") from None


_SCALAR_LOADER = yaml.SafeLoader("")
