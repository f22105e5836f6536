"""Checked expression trees compiled into closures over the game state.

A balance run evaluates conditions millions of times, so the closures are specialised for
the common shapes (`relations > -50`, `a and b`, `made(x) > 0`) instead of walking the tree.
Nothing is evaluated as code: the tree is the one the loader already checked. A property
test compares every closure with the plain tree walk in `expressions.evaluate`.
"""

from __future__ import annotations

import operator
from typing import Any, Callable

from game.scenario.tree import Node

Fn = Callable[[Any], Any]

_CMP = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
        "==": operator.eq, "!=": operator.ne}
_STATE_LISTS = {"ind": "ind", "flag": "flags", "visits": "visits", "made": "made", "fired": "fired"}


def build(node: Node) -> Fn:
    op, a = node.op, node.args
    if op in ("num", "bool"):
        value = a[0]
        constant: Fn = lambda s: value  # noqa: E731
        constant.constant = value if op == "num" else None  # type: ignore[attr-defined]
        return constant
    if op == "round":
        return lambda s: s.round
    if op in _STATE_LISTS:
        return _read(_STATE_LISTS[op], a[0])
    if op == "in_phase":
        i = a[0]
        return lambda s: s.phase == i
    if op == "not":
        inner = build(a[0])
        return lambda s: not inner(s)
    if op == "neg":
        inner = build(a[0])
        return lambda s: -inner(s)
    if op in ("and", "or"):
        return _logic(op, [build(p) for p in a])
    if op == "arith":
        return _arith(a[0], build(a[1]), build(a[2]))
    if op == "call":
        return _call(a[0], [build(x) for x in a[1]])
    if op == "compare":
        return _compare(a[0], a[1])
    raise AssertionError(f"unknown node {op}")


def _read(attr: str, i: int) -> Fn:
    if attr == "ind":
        return lambda s: s.ind[i]
    if attr == "flags":
        return lambda s: s.flags[i]
    if attr == "visits":
        return lambda s: s.visits[i]
    if attr == "made":
        return lambda s: s.made[i]
    return lambda s: s.fired[i]


def _logic(op: str, parts: list[Fn]) -> Fn:
    """Operands are all true/false (the loader checks), so `and`/`or` give booleans."""
    if len(parts) == 2:
        f, g = parts
        if op == "and":
            return lambda s: f(s) and g(s)
        return lambda s: f(s) or g(s)
    if op == "and":
        return lambda s: all(p(s) for p in parts)
    return lambda s: any(p(s) for p in parts)


def _arith(symbol: str, f: Fn, g: Fn) -> Fn:
    if symbol == "+":
        return lambda s: f(s) + g(s)
    if symbol == "-":
        return lambda s: f(s) - g(s)
    if symbol == "*":
        return lambda s: f(s) * g(s)

    if getattr(g, "constant", None):  # dividing by a non-zero number written in the scenario
        c = g.constant  # type: ignore[attr-defined]
        return lambda s: f(s) / c

    def divide(s: Any) -> Any:
        b = g(s)
        return f(s) / b if b else 0.0
    return divide


def _call(name: str, args: list[Fn]) -> Fn:
    if name == "abs":
        f = args[0]
        return lambda s: abs(f(s))
    if len(args) == 2:
        f, g = args
        if name == "min":
            return lambda s: min(f(s), g(s))
        return lambda s: max(f(s), g(s))
    builtin = min if name == "min" else max
    return lambda s: builtin(f(s) for f in args)


def _compare(items: tuple[Node, ...], ops: tuple[str, ...]) -> Fn:
    if len(ops) == 1:
        return _compare_one(items[0], ops[0], items[1])
    fns = [build(i) for i in items]
    pairs = [(fns[i], _CMP[o], fns[i + 1]) for i, o in enumerate(ops)]
    return lambda s: all(c(l(s), r(s)) for l, c, r in pairs)


def _compare_one(left: Node, symbol: str, right: Node) -> Fn:
    """`indicator-or-count OP number`, the most common condition, reads the state directly."""
    if right.op == "num" and left.op in _STATE_LISTS:
        attr, i, c = _STATE_LISTS[left.op], left.args[0], right.args[0]
        return _against_constant(attr, i, symbol, c)
    f, g, cmp = build(left), build(right), _CMP[symbol]
    if symbol == "<":
        return lambda s: f(s) < g(s)
    if symbol == ">":
        return lambda s: f(s) > g(s)
    return lambda s: cmp(f(s), g(s))


def _against_constant(attr: str, i: int, symbol: str, c: Any) -> Fn:
    if attr == "ind":
        return _indicator_against(i, symbol, c)
    get = operator.attrgetter(attr)
    if symbol == "<":
        return lambda s: get(s)[i] < c
    if symbol == "<=":
        return lambda s: get(s)[i] <= c
    if symbol == ">":
        return lambda s: get(s)[i] > c
    if symbol == ">=":
        return lambda s: get(s)[i] >= c
    if symbol == "==":
        return lambda s: get(s)[i] == c
    return lambda s: get(s)[i] != c


def _indicator_against(i: int, symbol: str, c: Any) -> Fn:
    if symbol == "<":
        return lambda s: s.ind[i] < c
    if symbol == "<=":
        return lambda s: s.ind[i] <= c
    if symbol == ">":
        return lambda s: s.ind[i] > c
    if symbol == ">=":
        return lambda s: s.ind[i] >= c
    if symbol == "==":
        return lambda s: s.ind[i] == c
    return lambda s: s.ind[i] != c
