"""Run the seeded playthroughs a scenario embeds as tests, reporting failures as problems."""

from __future__ import annotations

from game.engine.game import Game, IllegalMove
from game.errors import Problem
from game.scenario.model import Playthrough, Scenario


def run_playthrough(scenario: Scenario, test: Playthrough) -> tuple[Game, str]:
    """Play one embedded test; return the game and '' or what went wrong, in words."""
    game = Game(scenario, test.seed)
    for number, move in enumerate(test.moves, start=1):
        if game.over:
            return game, (f"the game already ended ('{game.state.ending}') before move {number} ('{move}')")
        actor = game.current_actor
        try:
            game.play(move)
        except IllegalMove as exc:
            return game, (f"move {number} ('{move}', {game.state.round and scenario.turns.label(game.state.round)},"
                          f" {actor}'s turn) is not legal: {exc}")
    if test.expect_ending and game.state.ending != test.expect_ending:
        reached = f"'{game.state.ending}'" if game.over else "no ending yet"
        return game, f"expected the ending '{test.expect_ending}', reached {reached}"
    if test.expect_check is not None and not test.expect_check.fn(game.state):
        return game, f"the check '{test.expect_check.text}' does not hold at the end"
    return game, ""


def check_playthroughs(scenario: Scenario) -> list[Problem]:
    problems = []
    for test in scenario.tests:
        _, failure = run_playthrough(scenario, test)
        if failure:
            line, col = test.where
            problems.append(Problem(scenario.path, line, col, "test-failed", f"test '{test.name}': {failure}",
                                    "replay it with: python main.py play --text --human all --seed "
                                    f"{test.seed} {scenario.path}"))
    return problems
