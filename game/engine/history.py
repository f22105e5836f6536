"""The record of a game: every move and event with what it changed and why.

Screens, the terminal and the debrief read this record; nothing recomputes it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Change:
    """One indicator or flag changed by a move or event."""

    target: str
    kind: str  # "indicator" or "flag"
    before: Any
    after: Any
    cause: str  # the move, event or outcome that caused it
    clamped: bool = False  # the formula asked for more than the range allowed

    @property
    def delta(self) -> float:
        return self.after - self.before if self.kind == "indicator" else 0


@dataclass(frozen=True, slots=True)
class Record:
    """One line of history: a move, an event, or the ending."""

    seq: int
    round: int
    kind: str  # "move", "hold", "event" or "ending"
    actor: str | None
    id: str
    label: str
    phase_before: str
    phase_after: str
    headline: str
    outcome: str = ""
    changes: tuple[Change, ...] = field(default_factory=tuple)
    reason: str = ""  # why a computer-run actor chose the move

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["changes"] = [asdict(c) for c in self.changes]
        return data
