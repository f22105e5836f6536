"""The policy interface and the registry of policies by name.

A policy is a function `(game, actor, rng) -> Choice`. Its random draws come from an
`rng` the caller derives from the game's seed and the turn number, so a policy's choice
is the same whenever the same game reaches the same turn (replays, undo, saves).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from game.engine import HOLD, Game


@dataclass(frozen=True, slots=True)
class Choice:
    move: str
    reason: str


Policy = Callable[[Game, str, random.Random], Choice]


def random_policy(game: Game, actor: str, rng: random.Random) -> Choice:
    """Any legal move, holding only when nothing else is possible (kept for testing)."""
    legal = game.legal_moves()
    if not legal:
        return Choice(HOLD, "nothing else was possible")
    move = legal[rng.randrange(len(legal))]
    return Choice(move.id, "chosen at random among the legal moves")


POLICIES: dict[str, Policy] = {"random": random_policy}


def policy_names() -> list[str]:
    return sorted(POLICIES)


def turn_rng(seed: int, ply: int) -> random.Random:
    """A generator for one decision, fixed by the game's seed and the turn number."""
    return random.Random(f"parley/{seed}/{ply}")


def choose(game: Game, policy: str = "random") -> Choice:
    """Let the named policy choose the current actor's move."""
    actor = game.current_actor
    if actor is None:
        raise ValueError("the game is over")
    return POLICIES[policy](game, actor, turn_rng(game.seed, len(game.moves)))
