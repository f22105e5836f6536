"""Policies that look one move ahead: `greedy` (its own score) and `stance` (its personality).

Both try every legal move (and holding) on copies of the game, one copy per uncertain
outcome, and weigh the results by the outcomes' chances. `greedy` counts what the actor
would score (see game.ai.values); `stance` counts how the indicators it cares about move,
with a little seeded noise so two games with the same personality need not be identical.
"""

from __future__ import annotations

import random
from typing import Callable

from game.ai.choice import Choice
from game.ai.forecast import forecast, ranked
from game.ai.reasons import because
from game.ai.values import outlook
from game.engine import HOLD, Game
from game.scenario.model import Move

STANCE_NOISE = 3.0  # points of Gaussian noise a stance actor adds to each move's worth
ACTION_BONUS = 1e-6  # on a tie, act rather than hold


def best(game: Game, worth: Callable[[Game], float], rng: random.Random | None = None,
         noise: float = 0.0) -> tuple[Move | None, float, list[tuple[float, Move | None]]]:
    """The move with the highest expected worth (None: hold), that worth, and the ranking."""
    options = ranked(game, worth)
    top, top_score, top_move = -float("inf"), 0.0, None
    for value, move in options:
        score = value + (ACTION_BONUS if move is not None else 0.0)
        if noise and rng is not None:
            score += rng.gauss(0.0, noise)
        if score > top:
            top, top_score, top_move = score, value, move
    return top_move, top_score, options


def greedy_move(game: Game, actor: str) -> str:
    """Greedy's move without a reason: the fast path look-ahead uses for every simulated turn."""
    move, _, _ = best(game, outlook(game.scenario, actor).value)
    return move.id if move is not None else HOLD


def greedy_policy(game: Game, actor: str, rng: random.Random) -> Choice:
    """The move with the best expected result for the actor's own score, one move ahead."""
    view = outlook(game.scenario, actor)
    move, _, _ = best(game, view.value)
    return Choice(move.id if move else HOLD, because(game, forecast(game, move, view.value, view.score), view))


def stance_policy(game: Game, actor: str, rng: random.Random) -> Choice:
    """The move that best serves the actor's stance weights, with seeded noise."""
    view = outlook(game.scenario, actor)
    move, _, _ = best(game, view.personal, rng, STANCE_NOISE)
    return Choice(move.id if move else HOLD, because(game, forecast(game, move, view.personal, view.score), view))
