"""The compiled fast path agrees with the rule book: on random playouts, the TransitionTable
answers every phase change exactly as the transitions Machine does, the compiled closures
give the same values as a plain walk of the checked tree, and a fast game's history is the
slow game's."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import HOLD, Game
from game.scenario.expressions import evaluate
from game.engine.machine import MachineRules, TransitionTable, _machine_for
from game.scenario import check_file
from game.session.catalog import bundled_scenarios

from tests.conftest import DATA


def _scenarios():
    found = [check_file(str(DATA / "tiny.yaml"))[0]]
    found += [s for s in (check_file(str(p))[0] for p in bundled_scenarios()) if s is not None]
    return found


SCENARIOS = _scenarios()


class Both:
    """Rules that ask the Machine and the table every time, and insist they agree."""

    def __init__(self, scenario) -> None:
        machine = _machine_for(scenario)
        self.machine, self.table = MachineRules(machine), TransitionTable(machine)
        self.asked = 0

    def next_phase(self, phase: str, trigger: str) -> str:
        expected = self.machine.next_phase(phase, trigger)
        assert self.table.next_phase(phase, trigger) == expected, (phase, trigger)
        self.asked += 1
        return expected


def _expressions(scenario):
    for move in scenario.moves:
        if move.condition is not None:
            yield move.condition
        for _, formula in move.effects.changes:
            yield formula
    for event in scenario.events:
        if event.when is not None:
            yield event.when
    for ending in scenario.endings:
        if ending.condition is not None:
            yield ending.condition
        for result in ending.results.values():
            yield result.score


def _history(game: Game) -> str:
    return json.dumps([r.as_dict() for r in game.history], default=str)


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(SCENARIOS) - 1), seed=st.integers(0, 2**32 - 1), pick=st.integers(0, 2**32 - 1))
def test_table_machine_and_closures_agree_on_random_playouts(index, seed, pick):
    scenario = SCENARIOS[index]
    checked = Game(scenario, seed)
    checked.rules = Both(scenario)
    fast_game = Game(scenario, seed, fast=True)
    choices = random.Random(pick)
    exprs = list(_expressions(scenario))
    while not checked.over:
        for expr in exprs:
            assert expr.fn(checked.state) == evaluate(expr.tree, checked.state), expr.text
        legal = [m.id for m in checked.legal_moves()] + [HOLD]
        assert [m.id for m in fast_game.legal_moves()] + [HOLD] == legal
        move = choices.choice(legal)
        checked.play(move)
        fast_game.play(move)
    assert _history(fast_game) == _history(checked)
    assert fast_game.state == checked.state


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_every_transition_of_the_machine_is_in_the_table(scenario):
    machine = _machine_for(scenario)
    rules, table = MachineRules(machine), TransitionTable(machine)
    for name, event in machine.events.items():
        for source in event.transitions:
            assert table.next_phase(source, name) == rules.next_phase(source, name)


def test_a_one_move_ahead_view_leaves_the_game_untouched(tiny):
    game = Game(tiny, 3)
    before = game.state.copy()
    view = game.after("propose_talks", 0)
    assert view.phase == "talks" and view.state.made != before.made
    assert game.state == before and game.moves == []
    assert game.after("propose_talks", 1).phase == "standoff"
