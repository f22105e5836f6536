"""Computer-run actors: legal, explained, deterministic choices at every difficulty."""

from __future__ import annotations

import io

import pytest

from game.ai import DIFFICULTIES, POLICIES, choose, policy_names, resolve
from game.ai.values import outlook, stance_weights
from game.engine import HOLD, Game
from game.scenario import check_text
from game.session import Session

from tests.conftest import DATA


def play_out(scenario, seed: int, policy: str) -> Game:
    game = Game(scenario, seed)
    while not game.over:
        choice = choose(game, policy)
        assert choice.move == HOLD or choice.move in {m.id for m in game.legal_moves()}
        assert choice.reason.strip()
        game.play(choice.move, reason=choice.reason)
    return game


@pytest.mark.parametrize("policy", ["random", "stance", "greedy", "lookahead"])
def test_every_policy_plays_legal_moves_to_an_ending_with_reasons(tiny, policy):
    for seed in range(3):
        game = play_out(tiny, seed, policy)
        assert game.over
        assert all(r.reason for r in game.history if r.kind in ("move", "hold"))


@pytest.mark.parametrize("policy", ["stance", "greedy", "lookahead"])
def test_the_same_game_and_turn_give_the_same_choice(tiny, policy):
    first, second = Game(tiny, 11), Game(tiny, 11)
    while not first.over:
        a, b = choose(first, policy), choose(second, policy)
        assert a == b
        first.play(a.move)
        second.play(b.move)


def test_difficulties_name_policies_and_are_accepted_wherever_a_policy_is(tiny):
    assert set(DIFFICULTIES) == {"easy", "normal", "hard"}
    assert set(DIFFICULTIES.values()) <= set(POLICIES)
    assert resolve("Hard") == "lookahead" and resolve("greedy") == "greedy"
    assert choose(Game(tiny, 4), "normal") == choose(Game(tiny, 4), "greedy")
    with pytest.raises(KeyError, match="easy, normal, hard"):
        resolve("genius")
    assert policy_names() == sorted(POLICIES)


def test_stance_defaults_to_the_good_directions_and_a_declared_stance_wins(tiny):
    assert stance_weights(tiny, "north") == {"relations": 1.0, "pressure": 1.0}
    assert stance_weights(tiny, "south") == {"relations": 1.0, "pressure": -1.0}
    text = (DATA / "tiny.yaml").read_text(encoding="utf-8").replace(
        'objectives: ["Trial"]}', 'objectives: ["Trial"]}\n    stance: {pressure: -3}')
    hawk, problems = check_text(text, "hawk.yaml")
    assert hawk is not None, [p.format() for p in problems]
    assert stance_weights(hawk, "south") == {"pressure": -3.0}


def test_greedy_serves_its_own_objectives_and_explains_the_gain(tiny):
    game = Game(tiny, 1)
    choice = choose(game, "greedy")  # North: the request raises the pressure North wants up
    assert choice.move == "request"
    assert choice.reason.startswith("North chose 'Request safe-conduct'")
    assert "Pressure +20" in choice.reason


def test_greedy_refuses_an_ending_that_scores_less_than_carrying_on(tiny):
    game = Game(tiny, 1)
    game.play("request")  # pressure reaches 30: South may now grant the safe-conduct
    assert "grant" in {m.id for m in game.legal_moves()}
    view = outlook(tiny, "south")
    granted = game.after("grant")
    assert granted.over and view.value(granted) < view.value(game)
    assert choose(game, "greedy").move != "grant"


def test_a_move_that_ends_the_game_is_explained_with_its_score(tiny):
    game = Game(tiny, 1)
    game.play("request")
    choice = choose(game, "easy")  # a stance actor who likes relations is tempted by the grant
    if choice.move == "grant":
        assert "ends the crisis with 'Departure'" in choice.reason


def test_lookahead_explains_the_futures_it_simulated(tiny):
    game = Game(tiny, 2)
    choice = choose(game, "hard")
    assert "simulated futures" in choice.reason and choice.reason.endswith(".")


def test_the_session_records_the_computer_reason_in_the_history(tiny):
    session = Session(tiny, 5, {"north": "human", "south": "normal"}, autosave=None)
    session.play("request")
    records = session.run_computers()
    assert records and records[0].actor == "south" and records[0].reason.startswith("South ")


def test_play_accepts_a_difficulty_for_a_computer_role(monkeypatch, capsys):
    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["play", "--text", "--human", "none", "--ai", "north=hard", "--ai", "south=easy",
                 "--seed", "3", str(DATA / "tiny.yaml")])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "(why: North chose" in out.out
    assert main(["play", "--text", "--human", "none", "--ai", "north=genius", str(DATA / "tiny.yaml")]) == 2
    assert "easy, normal, hard" in capsys.readouterr().err
