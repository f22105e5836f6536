"""What many games add up to, kept in bounded memory however many games are played.

Everything is a count: endings, final rounds, moves made, phases visited, events fired,
score sums, and for every round and indicator a histogram over the indicator's whole
numbers (the engine keeps indicators whole), from which medians and percentiles are read
exactly. A tally is plain lists and dicts, cheap to send back from a worker process, and
two tallies merge by adding, so a run of 100,000 games never holds more than one game.
"""

from __future__ import annotations

import math
from operator import add
from dataclasses import dataclass, field

from game.engine import Game
from game.scenario.model import Scenario


def span(scenario: Scenario) -> list[tuple[int, int]]:
    """(lowest, highest) whole value of each indicator."""
    return [(math.floor(i.min), math.ceil(i.max)) for i in scenario.indicators]


@dataclass
class Tally:
    """Sums over games of one scenario; `add` one game, `merge` another tally."""

    games: int = 0
    endings: dict[str, int] = field(default_factory=dict)
    rounds: list[int] = field(default_factory=list)  # index: the round the game ended in
    plies: int = 0
    made: list[int] = field(default_factory=list)  # per move index: times made, all games
    made_games: list[int] = field(default_factory=list)  # per move index: games it was made in
    turns: dict[str, int] = field(default_factory=dict)  # per actor: decisions taken
    holds: dict[str, int] = field(default_factory=dict)
    visited: list[int] = field(default_factory=list)  # per phase: games that entered it
    fired: list[int] = field(default_factory=list)  # per event: games it fired in
    score_sum: dict[str, float] = field(default_factory=dict)
    score_sq: dict[str, float] = field(default_factory=dict)
    # trajectory[round][indicator][value - lowest]: games with that value at the end of the round
    trajectory: list[list[list[int]]] = field(default_factory=list)
    lows: list[int] = field(default_factory=list)  # per indicator: its lowest whole value

    @classmethod
    def empty(cls, scenario: Scenario) -> "Tally":
        s = scenario
        order = s.turns.order
        return cls(endings={e.id: 0 for e in s.endings}, rounds=[0] * (s.turns.max_rounds + 1),
                   made=[0] * len(s.moves), made_games=[0] * len(s.moves), turns=dict.fromkeys(order, 0),
                   holds=dict.fromkeys(order, 0), visited=[0] * len(s.phases), fired=[0] * len(s.events),
                   score_sum=dict.fromkeys(s.playable, 0.0), score_sq=dict.fromkeys(s.playable, 0.0),
                   trajectory=[[[0] * (hi - lo + 1) for lo, hi in span(s)]
                               for _ in range(s.turns.max_rounds + 1)],
                   lows=[lo for lo, _ in span(s)])

    def add(self, game: Game, holds: dict[str, int], snapshots: list[list[float]]) -> None:
        """Count one finished game; `snapshots[r]` are the indicators at the end of round r
        (0: the start; a game that ended early keeps its final values for the later rounds)."""
        st = game.state
        self.games += 1
        self.endings[st.ending or ""] = self.endings.get(st.ending or "", 0) + 1
        self.rounds[st.round] += 1
        self.plies += len(game.moves)
        order = game.scenario.turns.order
        whole_rounds, extra = divmod(len(game.moves), len(order))
        for k, actor in enumerate(order):
            self.turns[actor] += whole_rounds + (1 if k < extra else 0)
        for actor, count in holds.items():
            self.holds[actor] += count
        for i, count in enumerate(st.made):
            if count:
                self.made[i] += count
                self.made_games[i] += 1
        self.visited = [v + (1 if n else 0) for v, n in zip(self.visited, st.visits)]
        self.fired = [f + (1 if n else 0) for f, n in zip(self.fired, st.fired)]
        for actor, score in game.scores().items():
            if actor in self.score_sum:
                self.score_sum[actor] += score
                self.score_sq[actor] += score * score
        lows = self.lows
        for r, values in enumerate(snapshots):
            row = self.trajectory[r]
            for i, value in enumerate(values):
                row[i][int(value) - lows[i]] += 1

    def merge(self, other: "Tally") -> None:
        """Add another tally of the same scenario (chunks are merged in game order)."""
        self.games += other.games
        self.plies += other.plies
        for key, value in other.endings.items():
            self.endings[key] = self.endings.get(key, 0) + value
        for mine, theirs in ((self.rounds, other.rounds), (self.made, other.made),
                             (self.made_games, other.made_games), (self.visited, other.visited),
                             (self.fired, other.fired)):
            for i, value in enumerate(theirs):
                mine[i] += value
        for counts, more in ((self.turns, other.turns), (self.holds, other.holds)):
            for key, count in more.items():
                counts[key] = counts.get(key, 0) + count
        for key, points in other.score_sum.items():
            self.score_sum[key] = self.score_sum.get(key, 0.0) + points
        for key, squares in other.score_sq.items():
            self.score_sq[key] = self.score_sq.get(key, 0.0) + squares
        for mine_r, theirs_r in zip(self.trajectory, other.trajectory):
            for mine_i, theirs_i in zip(mine_r, theirs_r):
                mine_i[:] = map(add, mine_i, theirs_i)
