"""Every shipped scenario validates cleanly, its playthroughs pass, and the Peru–Mexico
crisis has what a classroom needs."""

from __future__ import annotations

import pytest

from game.ai import choose
from game.engine import Game
from game.engine.playthroughs import run_playthrough
from game.scenario import check_file
from game.session.catalog import DEFAULT_SCENARIO, bundled_scenarios

SHIPPED = bundled_scenarios()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_scenario_has_no_problem_at_all(path):
    scenario, problems = check_file(str(path))
    assert [p.format() for p in problems] == []
    assert scenario is not None


def load(path=DEFAULT_SCENARIO):
    scenario, problems = check_file(str(path))
    assert scenario is not None, [p.format() for p in problems]
    return scenario


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_embedded_playthroughs_reach_what_they_expect(path):
    scenario = load(path)
    assert scenario.tests
    for test in scenario.tests:
        game, failure = run_playthrough(scenario, test)
        assert failure == "", f"{test.name}: {failure}"


def test_peru_mexico_has_the_size_a_class_needs():
    s = load()
    assert {"peru", "mexico", "oas"} <= set(s.playable)
    assert len(s.phases) >= 8 and len(s.moves) >= 24 and len(s.events) >= 8 and len(s.endings) >= 5
    assert len(s.moves_of("peru")) >= 8 and len(s.moves_of("mexico")) >= 8
    assert len(s.debrief.questions) >= 5 and s.debrief.uncertain
    endings = {t.expect_ending for t in s.tests}
    assert len(endings) >= 3


def test_every_move_and_event_names_its_real_basis_with_a_source():
    s = load()
    for item in list(s.moves) + list(s.events):
        assert item.basis is not None and item.basis.text, item.id
        assert item.basis.source in s.sources, item.id


def test_the_game_names_the_right_presidents():
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8")
    assert "Sheinbaum" in text and "Jerí" in text
    debrief = load().debrief.what_happened
    assert "López Obrador" not in debrief or "wrong" in debrief.lower() or "seed" in debrief.lower()


def test_computer_play_reaches_an_ending_for_every_seed_and_several_kinds():
    s = load()
    seen = set()
    for seed in range(200):
        game = Game(s, seed)
        while not game.over:
            game.play(choose(game, "random").move)
        seen.add(game.state.ending)
    assert len(seen) >= 3
