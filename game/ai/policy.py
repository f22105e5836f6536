"""The policy interface and the registry of policies by name.

A policy is a function `(game, actor, rng) -> Choice`. Its random draws come from an
`rng` the caller derives from the game's seed and the turn number, so a policy's choice
is the same whenever the same game reaches the same turn (replays, undo, saves).
Difficulty names (easy, normal, hard) are accepted wherever a policy name is.
"""

from __future__ import annotations

import random
from typing import Callable

from game.ai.choice import Choice, Policy
from game.ai.greedy import greedy_move, greedy_policy, stance_policy
from game.ai.lookahead import lookahead_policy
from game.engine import HOLD, Game

__all__ = ["DIFFICULTIES", "POLICIES", "Choice", "Policy", "choose", "policy_names", "resolve", "turn_rng"]


def random_policy(game: Game, actor: str, rng: random.Random) -> Choice:
    """Any legal move, holding only when nothing else is possible (kept for testing)."""
    legal = game.legal_moves()
    if not legal:
        return Choice(HOLD, "nothing else was possible")
    move = legal[rng.randrange(len(legal))]
    return Choice(move.id, "chosen at random among the legal moves")


POLICIES: dict[str, Policy] = {
    "random": random_policy,
    "stance": stance_policy,
    "greedy": greedy_policy,
    "lookahead": lookahead_policy,
}


def _random_move(game: Game, actor: str, rng: random.Random) -> str:
    legal = game.legal_moves()
    return legal[rng.randrange(len(legal))].id if legal else HOLD


def _move_of(policy: Policy) -> Callable[[Game, str, random.Random], str]:
    return lambda game, actor, rng: policy(game, actor, rng).move


# The same choices without the reasons, for simulations that never show them.
DECIDERS: dict[str, Callable[[Game, str, random.Random], str]] = {
    "random": _random_move,
    "stance": _move_of(stance_policy),
    "greedy": lambda game, actor, rng: greedy_move(game, actor),
    "lookahead": _move_of(lookahead_policy),
}

# What a player picks on the setup screen or with `play --ai peru=hard`.
DIFFICULTIES: dict[str, str] = {"easy": "stance", "normal": "greedy", "hard": "lookahead"}


def policy_names() -> list[str]:
    return sorted(POLICIES)


def resolve(name: str) -> str:
    """The policy a name stands for: a policy name, or a difficulty (case-insensitive).
    Raises KeyError with the accepted names for anything else."""
    key = name.strip().lower()
    if key in POLICIES:
        return key
    if key in DIFFICULTIES:
        return DIFFICULTIES[key]
    raise KeyError(f"'{name}' is not a policy or difficulty; choose from "
                   f"{', '.join(list(DIFFICULTIES) + policy_names())}")


def turn_rng(seed: int, ply: int) -> random.Random:
    """A generator for one decision, fixed by the game's seed and the turn number."""
    return random.Random(f"parley/{seed}/{ply}")


def choose(game: Game, policy: str = "random") -> Choice:
    """Let the named policy (or difficulty) choose the current actor's move."""
    actor = game.current_actor
    if actor is None:
        raise ValueError("the game is over")
    return POLICIES[resolve(policy)](game, actor, turn_rng(game.seed, len(game.moves)))
