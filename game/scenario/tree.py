"""The node of a checked expression tree (shared by the parser and the compiler)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Node:
    """One operation: `op` names it, `type` is 'num' or 'bool', `offset` is its column in the
    expression text, `args` its operands (nodes, or indices and names of state values)."""

    op: str
    type: str
    offset: int
    args: tuple[Any, ...] = ()
