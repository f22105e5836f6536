"""Turn located YAML data into frozen scenario definitions, collecting every problem.

Each section has a small reader function; a `Fields` object hands out a mapping's values
by key with a type check and, when the reader is finished with it, reports keys nobody
asked for (with a did-you-mean hint). Names used by expressions are checked here too.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Callable

from game.errors import Problem
from game.scenario import model as m
from game.scenario.expressions import RESERVED, ExprError, Namespace, Symbol, compile_expr
from game.scenario.load import Located, Path

SUPPORTED_FORMATS = (1,)
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_MISSING = object()

TYPE_WORDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
              list: "a list", dict: "a mapping"}


def suggest(word: str, options: Any) -> str:
    """A 'did you mean' hint for a misspelt name, or ''."""
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


class Reader:
    """Holds the located data, the namespace of declared names, and the problems found."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.problems: list[Problem] = []
        self.namespace: Namespace = {}
        self.ids: dict[str, set[str]] = {}

    # -- reporting -----------------------------------------------------------------------
    def report(self, path: Path, code: str, message: str, hint: str = "", *, key: bool = False,
               severity: str = "error", offset: int | None = None) -> None:
        line, col = self.located.where(path, key=key)
        if offset is not None and path in self.located.text_cols:
            start = self.located.text_cols[path]
            if start is not None:
                col = start + offset
        self.problems.append(Problem(self.located.path, line, col, code, message, hint, severity))

    def where(self, path: Path) -> tuple[int, int]:
        return self.located.where(path)

    # -- typed access --------------------------------------------------------------------
    def fields(self, value: Any, path: Path, what: str) -> "Fields | None":
        if not isinstance(value, dict):
            self.report(path, "wrong-type", f"{what} must be a mapping of keys to values, "
                        f"found {_describe(value)}", "write 'key: value' lines indented under it")
            return None
        return Fields(self, value, path, what)

    def items(self, value: Any, path: Path, what: str) -> list[tuple[Path, Any]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(path, "wrong-type", f"{what} must be a list, found {_describe(value)}",
                        "start each entry on its own line with '- '")
            return []
        return [(path + (i,), item) for i, item in enumerate(value)]

    def expr(self, text: Any, path: Path, want: str) -> m.Expr | None:
        try:
            return compile_expr(text, self.namespace, want)
        except ExprError as exc:
            self.report(path, exc.code, f"{exc.message} in '{text}'", exc.hint, offset=exc.offset)
            return None

    def check_ref(self, name: Any, kind: str, path: Path, what: str) -> str | None:
        """Check that `name` is a declared id of `kind`; report and return None if not."""
        if not isinstance(name, str):
            self.report(path, "wrong-type", f"{what} must be an id (text), found {_describe(name)}")
            return None
        if name not in self.ids.get(kind, set()):
            hint = suggest(name, self.ids.get(kind, set())) or f"declare it under '{kind}'"
            self.report(path, "unknown-reference", f"{what} '{name}' is not declared under '{kind}'", hint)
            return None
        return name


_SINGULAR = {"actors": "actor", "indicators": "indicator", "flags": "flag", "phases": "phase",
             "moves": "move", "events": "event", "endings": "ending", "sources": "source"}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    for kind, word in TYPE_WORDS.items():
        if type(value) is kind:
            return f"{word} ({value!r})" if kind in (str, int, float, bool) and len(repr(value)) < 40 else word
    return type(value).__name__


class Fields:
    """Typed access to one mapping; `done()` reports the keys nobody read."""

    def __init__(self, reader: Reader, data: dict[str, Any], path: Path, what: str) -> None:
        self.reader, self.data, self.path, self.what = reader, data, path, what
        self.read: set[str] = set()

    def raw(self, key: str, required: bool = False) -> Any:
        self.read.add(key)
        if key not in self.data or self.data[key] is None:
            if required:
                self.reader.report(self.path, "missing-field", f"{self.what} has no '{key}'",
                                   f"add '{key}:' to {self.what}", key=False)
            return _MISSING
        return self.data[key]

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False) -> Any:
        value = self.raw(key, required)
        if value is _MISSING:
            return default
        kinds = kind if isinstance(kind, tuple) else (kind,)
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, value
        if not ok:
            want = "text" if str in kinds else " or ".join(TYPE_WORDS.get(k, k.__name__) for k in kinds)
            hint = ""
            if isinstance(value, bool) and str in kinds:
                hint = "YAML reads yes/no/on/off/true/false as true or false; put the text in quotes"
            elif isinstance(value, str) and (int in kinds or float in kinds):
                hint = "write the number with digits and no quotes, e.g. 3"
            self.reader.report(self.path + (key,), "wrong-type",
                               f"'{key}' of {self.what} must be {want}, found {_describe(value)}", hint)
            return default
        return value

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.get(key, (str, int, float), default, required)
        return str(value) if value is not None else default

    def ident(self, key: str = "id") -> str | None:
        value = self.get(key, str, None, required=True)
        if value is None:
            return None
        if not ID_RE.match(value):
            self.reader.report(self.path + (key,), "bad-id", f"'{value}' is not a valid id",
                               "use lower-case letters, digits and underscores, starting with a letter, "
                               f"e.g. '{_slug(value)}'")
            return None
        return value

    def where(self) -> tuple[int, int]:
        return self.reader.where(self.path)

    def sub(self, key: str, what: str, required: bool = False) -> "Fields | None":
        """The nested mapping under `key` as its own Fields (None if absent or not a mapping)."""
        raw = self.raw(key, required)
        return None if raw is _MISSING else self.reader.fields(raw, self.path + (key,), what)

    def entries(self, key: str, kind: str, what: str) -> list[tuple[str, Any, Path]]:
        """The (id, value, path) pairs of a mapping keyed by declared ids of `kind`
        (e.g. `change: {relations: 5}`); unknown ids are reported and left out."""
        sub = self.sub(key, f"'{key}' of {self.what}")
        out = []
        for name, value in (sub.data.items() if sub else []):
            path = self.path + (key, name)
            if self.reader.check_ref(name, kind, path, what):
                out.append((name, value, path))
        return out

    def index(self, ident: str | None) -> int | None:
        """The position of a declared id among its kind (None if it was refused)."""
        symbol = self.reader.namespace.get(ident) if ident else None
        return symbol.index if symbol else None

    def done(self) -> None:
        for key in self.data:
            if key not in self.read:
                hint = suggest(key, sorted(self.read)) or "known keys: " + ", ".join(sorted(self.read))
                self.reader.report(self.path + (key,), "unknown-key",
                                   f"unknown key '{key}' in {self.what}", hint, key=True)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug if slug and slug[0].isalpha() else "x_" + slug


# --- declarations: the namespace every expression is checked against ----------------------

DECLARED = ("actors", "indicators", "flags", "phases", "moves", "events", "endings")


def declare(reader: Reader, data: dict[str, Any]) -> None:
    """Collect every declared id first, so that references may point forwards."""
    seen: dict[str, tuple[str, Path]] = {}
    for kind in DECLARED + ("sources",):
        reader.ids[kind] = set()
        entries = data.get(kind)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            name = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not ID_RE.match(name):
                continue
            path = (kind, index, "id")
            if kind != "sources":
                if name in RESERVED:
                    reader.report(path, "reserved-id", f"'{name}' is a reserved word and cannot be an id",
                                  f"choose another name, e.g. '{name}_{_SINGULAR[kind]}'")
                    continue
                if name in seen:
                    other_kind, other_path = seen[name]
                    line = reader.where(other_path)[0]
                    reader.report(path, "duplicate-id", f"the id '{name}' is already used by the "
                                  f"{_SINGULAR[other_kind]} on line {line}", "every id must be unique, "
                                  "across actors, indicators, flags, phases, moves, events and endings")
                    continue
                seen[name] = (kind, path)
            elif name in reader.ids[kind]:
                reader.report(path, "duplicate-id", f"the source id '{name}' is declared twice")
                continue
            reader.ids[kind].add(name)
            symbol_kind = {"indicators": "num", "flags": "bool", "phases": "phase", "moves": "move",
                           "events": "event"}.get(kind)
            if symbol_kind:
                label = entry.get("label") or entry.get("title") or name
                count = sum(1 for s in reader.namespace.values() if s.kind == symbol_kind)
                reader.namespace[name] = Symbol(symbol_kind, count, str(label))


Section = Callable[[Reader, Path, Any], Any]
