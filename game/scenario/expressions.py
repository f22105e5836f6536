"""Conditions and formulas: untrusted text parsed into a small whitelisted tree.

Python's `ast` module parses the text (it only reads; nothing is run). Every node is then
checked against a short whitelist and every name against the scenario's declarations, and
the tree is compiled into plain closures over the game state. Nothing here calls `eval`.
"""

from __future__ import annotations

import ast
import difflib
import operator
from dataclasses import dataclass
from typing import Any, Callable

from game.scenario.compile import build
from game.scenario.tree import Node

MAX_LENGTH = 500
FUNCTIONS = {"min": "num", "max": "num", "abs": "num", "visits": "phase", "in_phase": "phase",
             "made": "move", "fired": "event"}
RESERVED = {"round", "hold", "and", "or", "not", "true", "false", *FUNCTIONS}

_COMPARE = {ast.Lt: ("<", operator.lt), ast.LtE: ("<=", operator.le), ast.Gt: (">", operator.gt),
            ast.GtE: (">=", operator.ge), ast.Eq: ("==", operator.eq), ast.NotEq: ("!=", operator.ne)}
_ARITH = {ast.Add: ("+", operator.add), ast.Sub: ("-", operator.sub), ast.Mult: ("*", operator.mul),
          ast.Div: ("/", lambda a, b: a / b if b else 0.0)}
_WORDS = {"<": "below", "<=": "at most", ">": "above", ">=": "at least", "==": "equal to", "!=": "other than"}


class ExprError(Exception):
    """A problem in an expression, at a 0-based character offset within its text."""

    def __init__(self, code: str, message: str, offset: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.offset, self.hint = code, message, offset, hint


@dataclass(frozen=True)
class Symbol:
    """A name an expression may use: its kind ('num', 'bool', 'phase', 'move', 'event'),
    where its value lives in the game state, and a label for explanations."""

    kind: str
    index: int
    label: str


Namespace = dict[str, Symbol]
State = Any  # any object with ind, flags, round, visits, phase, made, fired


@dataclass(frozen=True)
class Expr:
    """A checked, compiled expression. `fn(state)` evaluates it."""

    text: str
    tree: Node
    fn: Callable[[State], Any]
    names: frozenset[str]

    def __call__(self, state: State) -> Any:
        return self.fn(state)


def compile_expr(text: Any, namespace: Namespace, want: str) -> Expr:
    """Parse and check `text` as a condition (want='bool') or formula (want='num')."""
    if isinstance(text, bool):
        text = "true" if text else "false"
    if isinstance(text, (int, float)):
        text = repr(text)
    if not isinstance(text, str):
        raise ExprError("wrong-type", f"expected an expression as text, found {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExprError("expr-syntax", f"the expression is longer than {MAX_LENGTH} characters",
                        hint="split the idea over several conditions or flags")
    try:
        parsed = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        offset = _char_offset(text.strip(), (exc.offset or 1) - 1) + (len(text) - len(text.lstrip()))
        raise ExprError("expr-syntax", f"cannot read the expression: {exc.msg}", offset,
                        "use names, numbers, comparisons, and/or/not and + - * /") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExprError("expr-syntax", "the expression is too deeply nested") from None
    lead = len(text) - len(text.lstrip())
    builder = _Builder(text.strip(), namespace, lead)
    tree = builder.build(parsed.body)
    if tree.type != want:
        noun = "a condition (true or false)" if want == "bool" else "a number"
        raise ExprError("expr-type", f"this must be {noun}, but it is {_type_word(tree.type)}", lead,
                        "compare a number, e.g. 'relations > 0'" if want == "bool" else
                        "a formula computes a number, e.g. '5 - round'")
    return Expr(text, tree, build(tree), frozenset(builder.names))


def _type_word(kind: str) -> str:
    return "true/false" if kind == "bool" else "a number"


def _char_offset(text: str, byte_offset: int) -> int:
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


class _Builder:
    def __init__(self, text: str, namespace: Namespace, lead: int) -> None:
        self.text, self.namespace, self.lead = text, namespace, lead
        self.names: set[str] = set()

    def at(self, node: ast.AST) -> int:
        return self.lead + _char_offset(self.text, getattr(node, "col_offset", 0))

    def build(self, node: ast.AST) -> Node:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise ExprError("expr-unsupported", f"'{ast.unparse(node)}' is not allowed in a scenario expression",
                            self.at(node), "use names, numbers, comparisons, and/or/not and + - * /")
        return method(node)

    def _Constant(self, node: ast.Constant) -> Node:
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ExprError("expr-unsupported", f"{node.value!r} is not allowed here; write numbers, "
                            "or true/false in lower case", self.at(node))
        return Node("num", "num", self.at(node), (node.value,))

    def _Name(self, node: ast.Name) -> Node:
        name = node.id
        if name in ("true", "false"):
            return Node("bool", "bool", self.at(node), (name == "true",))
        if name == "round":
            return Node("round", "num", self.at(node))
        symbol = self.namespace.get(name)
        if symbol is None or symbol.kind not in ("num", "bool"):
            raise self.unknown(name, node, ("num", "bool"))
        self.names.add(name)
        return Node("ind" if symbol.kind == "num" else "flag", symbol.kind, self.at(node), (symbol.index, name))

    def unknown(self, name: str, node: ast.AST, kinds: tuple[str, ...]) -> ExprError:
        options = [n for n, s in self.namespace.items() if s.kind in kinds]
        if "num" in kinds:
            options.append("round")
        close = difflib.get_close_matches(name, options, n=1)
        symbol = self.namespace.get(name)
        if symbol is not None:
            return ExprError("expr-unknown-name", f"'{name}' is {_article(_KIND_WORD[symbol.kind])}, not "
                             f"{_article(' or '.join(_KIND_WORD[k] for k in kinds))}", self.at(node))
        hint = f"did you mean '{close[0]}'?" if close else "declare it, or check the spelling"
        what = " or ".join(_KIND_WORD[k] for k in kinds)
        return ExprError("expr-unknown-name", f"unknown name '{name}' (expected the id of {_article(what)})",
                         self.at(node), hint)

    def _UnaryOp(self, node: ast.UnaryOp) -> Node:
        inner = self.build(node.operand)
        if isinstance(node.op, ast.Not):
            self.need(inner, "bool", node.operand, "not")
            return Node("not", "bool", self.at(node), (inner,))
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            self.need(inner, "num", node.operand, "-")
            if isinstance(node.op, ast.UAdd):
                return inner
            if inner.op == "num":
                return Node("num", "num", self.at(node), (-inner.args[0],))
            return Node("neg", "num", self.at(node), (inner,))
        raise ExprError("expr-unsupported", "this operator is not allowed", self.at(node))

    def _BoolOp(self, node: ast.BoolOp) -> Node:
        parts = tuple(self.build(v) for v in node.values)
        word = "and" if isinstance(node.op, ast.And) else "or"
        for part, src in zip(parts, node.values):
            self.need(part, "bool", src, word)
        return Node(word, "bool", self.at(node), parts)

    def _Compare(self, node: ast.Compare) -> Node:
        items = [self.build(node.left)] + [self.build(c) for c in node.comparators]
        ops = []
        for op in node.ops:
            if type(op) not in _COMPARE:
                raise ExprError("expr-unsupported", "only < <= > >= == != compare values", self.at(node))
            ops.append(_COMPARE[type(op)][0])
        for symbol, left, right, src in zip(ops, items, items[1:], node.comparators):
            if symbol in ("==", "!=") and left.type == right.type:
                continue
            self.need(left, "num", node.left, symbol)
            self.need(right, "num", src, symbol)
        return Node("compare", "bool", self.at(node), (tuple(items), tuple(ops)))

    def _BinOp(self, node: ast.BinOp) -> Node:
        if type(node.op) not in _ARITH:
            raise ExprError("expr-unsupported", "only + - * / are allowed for arithmetic", self.at(node))
        symbol = _ARITH[type(node.op)][0]
        left, right = self.build(node.left), self.build(node.right)
        self.need(left, "num", node.left, symbol)
        self.need(right, "num", node.right, symbol)
        return Node("arith", "num", self.at(node), (symbol, left, right))

    def _Call(self, node: ast.Call) -> Node:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS or node.keywords:
            close = difflib.get_close_matches(name or "", list(FUNCTIONS), n=1)
            raise ExprError("expr-unsupported", f"'{name or ast.unparse(node.func)}' is not a function "
                            "scenarios can use", self.at(node),
                            f"did you mean '{close[0]}'?" if close else
                            "available: " + ", ".join(sorted(FUNCTIONS)))
        kind = FUNCTIONS[name]
        if kind == "num":
            if not node.args or (name == "abs" and len(node.args) != 1):
                raise ExprError("expr-syntax", f"{name}() needs {'one number' if name == 'abs' else 'numbers'}",
                                self.at(node))
            args = tuple(self.build(a) for a in node.args)
            for arg, src in zip(args, node.args):
                self.need(arg, "num", src, name + "()")
            return Node("call", "num", self.at(node), (name, args))
        if len(node.args) != 1 or not isinstance(node.args[0], ast.Name):
            raise ExprError("expr-syntax", f"{name}() takes one {_KIND_WORD[kind]} id", self.at(node))
        target = node.args[0].id
        symbol = self.namespace.get(target)
        if symbol is None or symbol.kind != kind:
            raise self.unknown(target, node.args[0], (kind,))
        self.names.add(target)
        return Node(name, "bool" if name == "in_phase" else "num", self.at(node), (symbol.index, target))

    def need(self, node: Node, kind: str, src: ast.AST, where: str) -> None:
        if node.type != kind:
            raise ExprError("expr-type", f"'{ast.unparse(src)}' is {_type_word(node.type)}, but '{where}' "
                            f"needs {_type_word(kind)}", self.at(src))


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


_KIND_WORD = {"num": "indicator", "bool": "flag", "phase": "phase", "move": "move", "event": "event"}


def evaluate(node: Node, state: State) -> Any:
    """Walk a checked tree: slow and plain, the reference the compiled closures must match,
    and what explanations use to find which part of a condition fails."""
    op, a = node.op, node.args
    if op in ("num", "bool"):
        return a[0]
    if op == "round":
        return state.round
    if op in ("ind", "flag", "visits", "made", "fired"):
        return getattr(state, {"ind": "ind", "flag": "flags"}.get(op, op))[a[0]]
    if op == "in_phase":
        return state.phase == a[0]
    if op == "not":
        return not evaluate(a[0], state)
    if op == "neg":
        return -evaluate(a[0], state)
    if op == "and":
        return all(evaluate(p, state) for p in a)
    if op == "or":
        return any(evaluate(p, state) for p in a)
    if op == "arith":
        return dict(_ARITH.values())[a[0]](evaluate(a[1], state), evaluate(a[2], state))
    if op == "call":
        values = [evaluate(x, state) for x in a[1]]
        return {"min": min, "max": max}[a[0]](values) if a[0] != "abs" else abs(values[0])
    if op == "compare":
        items, ops = a
        values = [evaluate(i, state) for i in items]
        return all(_cmp(o, values[k], values[k + 1]) for k, o in enumerate(ops))
    raise AssertionError(f"unknown node {op}")


# --- explanations --------------------------------------------------------------------------

def explain(expr: Expr, state: State, label: Callable[[str], str]) -> list[str]:
    """Say in words which parts of a false condition fail now ("Bilateral relations is -60;
    it must be above -50"). Returns an empty list when the condition holds."""
    if expr.fn(state):
        return []
    return _why(expr.tree, state, label)


def _why(node: Node, state: State, label: Callable[[str], str]) -> list[str]:
    if node.op == "and":
        reasons: list[str] = []
        for part in node.args:
            if not evaluate(part, state):
                reasons.extend(_why(part, state, label))
        return reasons
    if node.op == "or":
        options = [" and ".join(_why(p, state, label)) for p in node.args]
        return ["one of these must change: " + "; or ".join(options)]
    if node.op == "not":
        inner = node.args[0]
        if inner.op == "flag":
            return [f"'{label(inner.args[1])}' must be false (it is true now)"]
        return [f"'{describe(inner, label)}' must not hold (it does now)"]
    if node.op == "flag":
        return [f"needs: {label(node.args[1])}"]
    if node.op == "in_phase":
        return [f"only in the phase '{label(node.args[1])}'"]
    if node.op == "compare":
        items, ops = node.args
        out = []
        for left, symbol, right in zip(items, ops, items[1:]):
            value = evaluate(left, state)
            if not _cmp(symbol, value, evaluate(right, state)):
                out.append(f"{describe(left, label)} is {_show(value)}; it must be "
                           f"{_WORDS[symbol]} {describe(right, label)}")
        return out
    if node.op == "bool":
        return ["never available"]
    return [f"{describe(node, label)} does not hold"]


def _cmp(symbol: str, left: Any, right: Any) -> bool:
    return bool(dict(_COMPARE.values())[symbol](left, right))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def describe(node: Node, label: Callable[[str], str]) -> str:
    """A short readable form of a tree, with labels in place of ids."""
    op, a = node.op, node.args
    if op == "num":
        return _show(a[0])
    if op == "bool":
        return "true" if a[0] else "false"
    if op == "round":
        return "the round"
    if op in ("ind", "flag"):
        return label(a[1])
    if op == "visits":
        return f"visits to '{label(a[1])}'"
    if op == "made":
        return f"times '{label(a[1])}' was made"
    if op == "fired":
        return f"times '{label(a[1])}' happened"
    if op == "in_phase":
        return f"the phase is '{label(a[1])}'"
    if op == "not":
        return f"not {describe(a[0], label)}"
    if op == "neg":
        return f"-{describe(a[0], label)}"
    if op in ("and", "or"):
        return f" {op} ".join(describe(p, label) for p in a)
    if op == "arith":
        return f"({describe(a[1], label)} {a[0]} {describe(a[2], label)})"
    if op == "call":
        return f"{a[0]}({', '.join(describe(x, label) for x in a[1])})"
    if op == "compare":
        items, ops = a
        text = describe(items[0], label)
        for symbol, item in zip(ops, items[1:]):
            text += f" {symbol} {describe(item, label)}"
        return text
    return op


def walk(node: Node):
    """Every node of a tree, depth first."""
    yield node
    for arg in node.args:
        if isinstance(arg, Node):
            yield from walk(arg)
        elif isinstance(arg, tuple):
            for item in arg:
                if isinstance(item, Node):
                    yield from walk(item)
                elif isinstance(item, tuple):
                    for sub in item:
                        if isinstance(sub, Node):
                            yield from walk(sub)
