"""The rules engine: turns, effects and clamping, phases, events, endings, legality reasons,
and determinism (same scenario + seed + moves => the same history)."""

from __future__ import annotations

import json
import sys

import pytest

from game.engine import HOLD, Game, IllegalMove, replay
from game.engine.machine import TransitionTable, build_machine
from game.scenario import check_text

from tests.conftest import DATA

MINI = (DATA / "mini.yaml").read_text()


def scenario_from(text: str):
    scenario, problems = check_text(text, "inline.yaml")
    assert scenario is not None, [p.format() for p in problems]
    return scenario


def history_json(game: Game) -> str:
    return json.dumps([r.as_dict() for r in game.history], sort_keys=True)


def test_importing_the_engine_does_not_import_pygame():
    import subprocess

    code = "import sys, game.engine, game.session, game.ai; print('pygame' in sys.modules, 'pygame_gui' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_turns_follow_the_order_and_rounds_advance(tiny):
    game = Game(tiny, seed=1)
    assert (game.current_actor, game.state.round, game.round_label) == ("north", 1, "Day 1")
    game.play(HOLD)
    assert game.current_actor == "south"
    game.play(HOLD)
    assert (game.current_actor, game.state.round) == ("north", 2)


def test_effects_apply_and_are_recorded_with_their_cause(tiny):
    game = Game(tiny, seed=1)
    records = game.play("request")
    move = records[0]
    assert (move.kind, move.actor, move.id, move.headline) == ("move", "north", "request", "North requests safe-conduct")
    changes = {c.target: (c.before, c.after, c.cause) for c in move.changes}
    assert changes == {"pressure": (10, 30, "Request safe-conduct"), "relations": (0, -5, "Request safe-conduct"),
                       "requested": (False, True, "Request safe-conduct")}
    assert game.value("pressure") == 30 and game.value("requested") is True


def test_changes_are_clamped_to_the_range_and_marked():
    text = MINI.replace("change: {trust: 1}", "change: {trust: 50}")
    game = Game(scenario_from(text), seed=1)
    records = game.play("settle")
    change = records[0].changes[0]
    assert (change.before, change.after, change.clamped) == (5, 10, True)


def test_formulas_use_the_current_state(tiny):
    game = replay(tiny, 2, ["request"])
    before = game.value("relations")
    game.play("refuse")  # relations: "-10 - round" in round 1
    assert game.value("relations") == before - 11


def test_moving_to_a_phase_reaches_the_ending_in_that_phase():
    game = Game(scenario_from(MINI), seed=1)
    records = game.play("settle")
    assert game.phase == "closed" and game.over and game.ending.id == "settled"
    assert records[-1].kind == "ending"
    assert game.scores() == {"alpha": 6.0}
    with pytest.raises(IllegalMove):
        game.play(HOLD)


def test_time_out_ending_after_the_last_round(tiny):
    game = Game(tiny, seed=4)
    while not game.over:
        game.play(HOLD)
    assert game.ending.id == "stalemate"
    assert game.state.round == tiny.turns.max_rounds
    assert len(game.moves) == tiny.turns.max_rounds * len(tiny.turns.order)


def test_illegal_moves_say_why_in_words(tiny):
    game = Game(tiny, seed=1)
    status = game.status("grant")
    assert not status.legal
    assert status.reasons == ("it is North's turn, and this is a move for South",
                              "needs: Safe-conduct requested", "Pressure is 10; it must be at least 30")
    with pytest.raises(IllegalMove, match="needs: Safe-conduct requested"):
        game.play("grant")
    game.play("request")
    game.play(HOLD)
    assert game.status("request").reasons == ("already made", "'Safe-conduct requested' must be false (it is true now)")
    assert game.status("no_such_move").reasons == ("there is no move called 'no_such_move'",)


def test_phase_restriction_is_explained(tiny):
    seed = next(s for s in range(50) if replay(tiny, s, ["propose_talks"]).phase == "talks")
    game = replay(tiny, seed, ["propose_talks", HOLD])
    assert game.status("propose_talks").reasons == ("only possible in 'Standoff' (now: 'Talks')",)


def test_uncertain_outcomes_follow_the_seed(tiny):
    phases = {Game(tiny, seed).play("propose_talks")[0].outcome for seed in range(40)}
    assert phases == {"accepted", "refused"}
    for seed in range(10):
        a, b = Game(tiny, seed), Game(tiny, seed)
        assert a.play("propose_talks")[0].outcome == b.play("propose_talks")[0].outcome


def test_events_fire_at_the_end_of_the_round_when_their_condition_holds(tiny):
    fired = 0
    for seed in range(30):
        game = replay(tiny, seed, ["request", HOLD])  # pressure 30 > 20: press_storm may fire (chance 0.5)
        events = [r for r in game.history if r.kind == "event"]
        assert all(r.round == 1 and r.id == "press_storm" for r in events)
        fired += bool(events)
    assert 5 < fired < 25


def test_scheduled_event_fires_later_and_once():
    text = MINI.replace("    effects: {change: {trust: 1}, set: {done: true}}",
                        "    effects: {change: {trust: 1}}").replace("to: closed", "limit: 1")
    text = text.replace("turns:", "events:\n  - {id: verdict, title: Verdict, scheduled_only: true, to: closed,"
                        " effects: {set: {done: true}}}\nturns:").replace("max_rounds: 3", "max_rounds: 6")
    text = text.replace("effects: {change: {trust: 1}}", "effects: {change: {trust: 1}, schedule: [{event: verdict, in: 2}]}")
    game = Game(scenario_from(text), seed=1)
    game.play("settle")  # round 1: verdict due in round 3
    game.play(HOLD)  # round 2
    assert not game.over
    game.play(HOLD)  # round 3 ends: verdict fires, phase closed, ending settled
    event = [r for r in game.history if r.kind == "event"]
    assert [(r.id, r.round, r.phase_before, r.phase_after) for r in event] == [("verdict", 3, "open", "closed")]
    assert game.ending.id == "settled"


def test_same_seed_and_moves_give_the_same_history_byte_for_byte(tiny):
    moves = ["propose_talks", HOLD, "request", "refuse", HOLD, "refuse", HOLD, HOLD]
    first, second = replay(tiny, 99, moves), replay(tiny, 99, moves)
    assert history_json(first) == history_json(second)


def test_machine_and_table_agree_on_every_transition(tiny):
    machine = build_machine(tiny)
    table = TransitionTable(machine)
    assert table.table[("standoff", "propose_talks/0")] == "talks"
    assert table.table[("standoff", "request")] == "standoff"
    assert ("departure", "propose_talks") not in table.table
    assert "to_talks" not in machine.events  # auto transitions are off


def test_fast_game_plays_the_same_as_the_machine_game(tiny):
    moves = ["propose_talks", HOLD, "request", "grant"]
    slow, fast = replay(tiny, 5, moves), replay(tiny, 5, moves, fast=True)
    assert history_json(slow) == history_json(fast)


def test_clone_explores_without_touching_the_original(tiny):
    game = Game(tiny, seed=3)
    twin = game.clone()
    twin.play("propose_talks")
    assert game.moves == [] and game.state.made == [0, 0, 0, 0]
    assert twin.history == []  # clones do not record history unless asked


def test_last_changes_and_statuses_for_the_screens(tiny):
    game = replay(tiny, 1, ["request"])
    assert game.last_changes()["pressure"].after == 30
    assert {s.id: s.legal for s in game.statuses()} == {"grant": True, "refuse": True}
    assert [s.id for s in game.statuses("north")] == ["request", "propose_talks"]
