"""One move ahead: what each legal move would do, averaged over its uncertain outcomes.

Greedy and stance policies choose with these forecasts; the reasons quote them, so the
player reads the same numbers the computer weighed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from game.engine import HOLD, Game
from game.scenario.model import Move


@dataclass
class Forecast:
    """The expected result of one move for one actor."""

    move: str
    value: float = 0.0  # expected worth to the actor (see game.ai.values)
    deltas: dict[int, float] = field(default_factory=dict)  # indicator index -> expected change
    flags: dict[int, bool] = field(default_factory=dict)  # flags the move surely sets
    endings: dict[str, float] = field(default_factory=dict)  # ending id -> chance the move ends the game so
    score: float = 0.0  # the actor's expected score from the outcomes that end the game
    phase: str | None = None  # the phase it surely leads to, if it changes


def outcomes_of(move: Move | None) -> list[tuple[int | None, float]]:
    """(outcome number, chance) pairs; a move without outcomes has one sure result."""
    if move is None or not move.outcomes:
        return [(None, 1.0)]
    return [(k, o.chance) for k, o in enumerate(move.outcomes)]


def expected(game: Game, move: Move, worth: Callable[[Game], float]) -> float:
    """The move's expected worth, averaged over its outcomes (the fast path for choosing)."""
    if not move.outcomes:
        return worth(game.after(move.id))
    return sum(o.chance * worth(game.after(move.id, k)) for k, o in enumerate(move.outcomes))


def forecast(game: Game, move: Move | None, worth: Callable[[Game], float],
             score: Callable[[Game], float] | None = None) -> Forecast:
    """Try `move` (None: hold) on copies of the game, one per outcome, and average,
    keeping what changed so a reason can name it."""
    move_id = move.id if move is not None else HOLD
    result = Forecast(move_id)
    if move is None:
        result.value = worth(game)
        return result
    now = game.state
    phases: set[str] = set()
    flag_sets: list[dict[int, bool]] = []
    for k, chance in outcomes_of(move):
        twin = game.after(move_id, k)
        st = twin.state
        result.value += chance * worth(twin)
        for i, (old, new) in enumerate(zip(now.ind, st.ind)):
            if new != old:
                result.deltas[i] = result.deltas.get(i, 0.0) + chance * (new - old)
        flag_sets.append({i: new for i, (old, new) in enumerate(zip(now.flags, st.flags)) if new != old})
        if st.ending is not None:
            result.endings[st.ending] = result.endings.get(st.ending, 0.0) + chance
            result.score += chance * (score(twin) if score is not None else worth(twin))
        phases.add(twin.phase)
    common = set.intersection(*(set(f.items()) for f in flag_sets)) if flag_sets else set()
    result.flags = dict(common)
    if len(phases) == 1 and game.phase not in phases:
        result.phase = phases.pop()
    return result


def ranked(game: Game, worth: Callable[[Game], float]) -> list[tuple[float, Move | None]]:
    """Every legal move of the current actor, then holding (None), with expected worth."""
    out: list[tuple[float, Move | None]] = [(expected(game, move, worth), move) for move in game.legal_moves()]
    out.append((worth(game), None))
    return out
