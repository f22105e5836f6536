"""Properties of random legal play: indicators stay in range and every game ends."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import HOLD, Game
from game.scenario import load_scenario
from game.session.catalog import bundled_scenarios

from tests.conftest import DATA

SCENARIOS = [load_scenario(str(DATA / "tiny.yaml"))] + [load_scenario(str(p)) for p in bundled_scenarios()]


def play_randomly(scenario, seed: int, choices: random.Random) -> Game:
    game = Game(scenario, seed)
    limit = scenario.turns.max_rounds * len(scenario.turns.order)
    for _ in range(limit):
        if game.over:
            break
        legal = [m.id for m in game.legal_moves()] + [HOLD]
        game.play(choices.choice(legal))
        for ind in scenario.indicators:
            assert ind.min <= game.state.ind[ind.index] <= ind.max, ind.id
    return game


@settings(max_examples=150, deadline=None)
@given(index=st.integers(0, len(SCENARIOS) - 1), seed=st.integers(0, 2**32 - 1), pick=st.integers(0, 2**32 - 1))
def test_random_legal_play_stays_in_range_and_always_ends(index, seed, pick):
    scenario = SCENARIOS[index]
    game = play_randomly(scenario, seed, random.Random(pick))
    assert game.over
    assert game.history[-1].kind == "ending"
    assert set(game.scores()) == {a for a, actor in scenario.actors.items() if actor.playable}


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, len(SCENARIOS) - 1), seed=st.integers(0, 2**32 - 1), pick=st.integers(0, 2**32 - 1))
def test_replaying_the_same_moves_gives_the_same_game(index, seed, pick):
    scenario = SCENARIOS[index]
    first = play_randomly(scenario, seed, random.Random(pick))
    second = Game(scenario, seed)
    for move in first.moves:
        second.play(move)
    assert [r.as_dict() for r in second.history] == [r.as_dict() for r in first.history]
