"""Read a scenario file into plain data that remembers where every value came from.

Scenario files are untrusted: only YAML's safe node types are accepted, and the file size,
nesting depth, alias count and total node count are bounded so a hostile file cannot hang
or exhaust the machine. Duplicate keys are refused (PyYAML would silently keep the last).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from game.errors import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 20
MAX_ALIASES = 50
MAX_NODES = 200_000

Path = tuple[Any, ...]

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Located:
    """Plain data from a YAML file plus the 1-based line/column of each value and key."""

    path: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # For scalar strings: the column where the text itself starts (after a quote), or None
    # when the text is a block scalar whose columns cannot be mapped back.
    text_cols: dict[Path, int | None] = field(default_factory=dict)
    text: str = ""

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key), else of its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


class _LoadFailure(Exception):
    def __init__(self, code: str, message: str, mark: Any = None, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.mark, self.hint = code, message, mark, hint


try:  # libyaml's parser is ten times faster; the node tree is still built (and bounded) here
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _YamlReader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_YamlReader, _Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _YamlReader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)


class _BoundedLoader(Composer, _Parser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
    """A safe loader that counts aliases and nesting while composing nodes."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self.alias_count = 0
        self.depth = 0

    def _here(self) -> Any:
        event = self.peek_event()
        return event.start_mark if event is not None else None

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise _LoadFailure(
                    "yaml-too-many-aliases",
                    f"the file uses more than {MAX_ALIASES} YAML aliases",
                    self._here(),
                    "write the values out instead of repeating them with *aliases",
                )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _LoadFailure(
                    "yaml-too-deep",
                    f"the file nests deeper than {MAX_DEPTH} levels",
                    self._here(),
                    "scenarios never need this much nesting; check the indentation",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _problem(path: str, code: str, message: str, line: int = 0, col: int = 0, hint: str = "") -> Problem:
    return Problem(path, line, col, code, message, hint)


def read_text(path: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text, turning every way it can fail into one problem."""
    if not os.path.exists(path):
        return None, [_problem(path, "file-missing", "no such file", hint="check the path and its spelling")]
    if os.path.isdir(path):
        return None, [_problem(path, "file-is-directory", "this is a directory, not a scenario file",
                               hint=f"name a .yaml file, e.g. {os.path.join(path, '*.yaml')}")]
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            return None, [_problem(path, "file-too-large",
                                   f"the file is {size} bytes; scenarios may be at most {MAX_BYTES} bytes",
                                   hint="split long texts or remove pasted material")]
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [_problem(path, "file-unreadable", f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [_problem(path, "bad-encoding", "the file is not valid UTF-8", line, col,
                               "save the file as UTF-8 (most editors offer it under 'Save as')")]
    if not text.strip():
        return None, [_problem(path, "file-empty", "the file is empty", 1, 1,
                               "start from docs/scenario-format.md or a shipped scenario")]
    return text, []


def load_located(path: str) -> tuple[Located | None, list[Problem]]:
    """Parse a scenario file into `Located` data, or return the problems that stop it."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse_located(text, path)


def parse_located(text: str, path: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text (already read) into `Located` data."""
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
    except _LoadFailure as fail:
        return None, [_mark_problem(path, fail.code, fail.message, fail.mark, fail.hint)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or "the YAML cannot be read"
        if exc.context and "expected a single document" not in (exc.context or ""):
            message = f"{message} ({exc.context})"
        return None, [_mark_problem(path, "yaml-syntax", message, mark,
                                    "check the indentation and that every ':' and quote is closed")]
    except yaml.YAMLError as exc:
        return None, [_problem(path, "yaml-syntax", str(exc).splitlines()[0], 1, 1)]
    except RecursionError:
        return None, [_problem(path, "yaml-too-deep", "the file nests too deeply to read", 1, 1)]
    finally:
        if hasattr(loader, "dispose"):
            loader.dispose()
    if root is None:
        return None, [_problem(path, "file-empty", "the file holds no YAML document", 1, 1)]
    located = Located(path, None, text=text)
    converter = _Converter(located)
    try:
        located.data = converter.convert(root, ())
    except _LoadFailure as fail:
        converter.problems.append(_mark_problem(path, fail.code, fail.message, fail.mark, fail.hint))
    return (located if not any(p.is_error for p in converter.problems) else None), converter.problems


def _mark_problem(path: str, code: str, message: str, mark: Any, hint: str = "") -> Problem:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    return _problem(path, code, message, line, col, hint)


class _Converter:
    """Turns composed YAML nodes into Python values, recording marks as it goes."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.problems: list[Problem] = []
        self.nodes = 0
        self.scalars = yaml.SafeLoader("")

    def convert(self, node: yaml.Node, path: Path, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _LoadFailure("yaml-too-deep", "the document is too large or nests too deeply "
                               "(aliases may refer to themselves)", node.start_mark,
                               "remove recursive or repeated aliases")
        self.located.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self.problems.append(_mark_problem(
                self.located.path, "yaml-tag", f"the YAML tag '{node.tag}' is not allowed in a scenario",
                node.start_mark, "scenarios hold plain text, numbers, lists and mappings; remove the tag"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        self.scalars.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, float, bool)) or key is None:
                self.problems.append(_mark_problem(self.located.path, "wrong-type",
                                                   "a mapping key must be a plain word", key_node.start_mark))
                continue
            if isinstance(key, bool):
                key = "true" if key else "false"  # YAML 1.1 reads yes/no/on/off as booleans
            if key in result:
                first = self.located.keys.get(path + (key,), (0, 0))
                self.problems.append(_mark_problem(
                    self.located.path, "yaml-duplicate-key", f"the key '{key}' appears twice in this mapping",
                    key_node.start_mark, f"the first '{key}' is on line {first[0]}; keep only one"))
                continue
            self.located.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def _scalar(self, node: yaml.Node, path: Path) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            value: Any = node.value  # keep dates as the text the author wrote
        else:
            try:
                value = self.scalars.construct_object(node, deep=True)
            except yaml.YAMLError as exc:
                self.problems.append(_mark_problem(self.located.path, "wrong-type", str(exc).splitlines()[0],
                                                   node.start_mark))
                return None
        if isinstance(value, str) and isinstance(node, yaml.ScalarNode):
            start = node.start_mark
            one_line = start.line == node.end_mark.line
            if node.style in (None, "", "'", '"') and one_line:
                self.located.text_cols[path] = start.column + 1 + (1 if node.style in ("'", '"') else 0)
            else:
                self.located.text_cols[path] = None
        return value
