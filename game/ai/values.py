"""How much a game state is worth to an actor: the yardstick every policy measures with.

A finished game is worth the actor's score in the ending reached: that is what the
tournament counts, and what a player is told at the end. An unfinished game is worth a
baseline on the same scale, so "carry on" and "end it now" compare fairly:

* in a phase that some endings are tied to (after a raid, only the raid ending is left),
  the average of those endings' scores as the state stands: the phase is where the crisis
  is heading, even before the last event closes it;
* elsewhere, what the actor would score if the clock ran out now (the time-out ending);

plus its stance: how far the indicators it cares about have moved its way since the start,
weighted by the stance and divided by each indicator's range, so a meter running 0–100 and
one running −100…100 count alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from game.engine import Game
from game.scenario.model import Scenario

STANCE_POINTS = 100.0  # a stance-weighted swing over every indicator's whole range is worth this much
STANCE_SHARE = 0.25    # how much the stance adds on top of the time-out score when the actor has one


def stance_weights(scenario: Scenario, actor: str) -> dict[str, float]:
    """The actor's declared stance, or +1/−1 for each indicator whose `good` names it."""
    declared = scenario.actors[actor].stance
    if declared:
        return {name: float(w) for name, w in declared.items() if name in scenario.indicator_by_id}
    return {i.id: float(i.good[actor]) for i in scenario.indicators if i.good.get(actor)}


@dataclass(frozen=True)
class Outlook:
    """One actor's view of the game, compiled once per scenario and actor."""

    actor: str
    weights: dict[str, float]
    terms: tuple[tuple[int, float, float], ...]  # (indicator index, weight per unit, initial value)
    scale: float  # turns the weighted sum into points
    scores: dict[str, Callable[[Any], Any]]  # ending id -> the actor's score formula
    timeout: Callable[[Any], Any] | None
    heading: tuple[tuple[Callable[[Any], Any], ...], ...]  # per phase index: scores of the endings tied to it

    def stance(self, state: Any) -> float:
        """Stance-weighted movement of the indicators since the start, in points."""
        ind = state.ind
        return self.scale * sum(per_unit * (ind[i] - start) for i, per_unit, start in self.terms)

    def score(self, game: Game) -> float:
        """The actor's score in the ending reached (0 if the ending gives it none)."""
        formula = self.scores.get(game.state.ending or "")
        return float(formula(game.state)) if formula is not None else 0.0

    def value(self, game: Game) -> float:
        """What the state is worth to the actor (see the module's docstring)."""
        state = game.state
        if state.ending is not None:
            return self.score(game)
        ahead = self.heading[state.phase]
        if ahead:
            return sum(float(f(state)) for f in ahead) / len(ahead) + STANCE_SHARE * self.stance(state)
        if self.timeout is None:
            return self.stance(state)
        return float(self.timeout(state)) + STANCE_SHARE * self.stance(state)

    def personal(self, game: Game) -> float:
        """The stance alone, plus the score if the game is over: what a personality wants."""
        return self.stance(game.state) + (self.score(game) if game.over else 0.0)


@lru_cache(maxsize=128)
def outlook(scenario: Scenario, actor: str) -> Outlook:
    weights = stance_weights(scenario, actor)
    terms = tuple((ind.index, weights[ind.id] / (ind.max - ind.min), float(ind.initial))
                  for ind in scenario.indicators if weights.get(ind.id))
    total = sum(abs(w) for w in weights.values()) or 1.0
    scores = {e.id: e.results[actor].score.fn for e in scenario.endings if actor in e.results}
    timeout = scores.get(scenario.turns.timeout_ending)
    heading = tuple(tuple(scores[e.id] for e in scenario.endings if e.phase == p.id and e.id in scores)
                    for p in scenario.phases)
    return Outlook(actor, weights, terms, STANCE_POINTS / total, scores, timeout, heading)  # type: ignore[arg-type]
